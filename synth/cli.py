"""voxread: read text aloud.

    voxread "你好，世界！" -o hello.wav
    voxread -f chapter.txt -o chapter.flac --lexicon names.yaml
    cat notes.txt | voxread -o - | aplay -f S16_LE -r 22050      # raw PCM on stdout
    voxread --dry-run "△ABC∽△DEF"                                 # spoken form only

Exit status: 0 done, 2 usage or input error, 1 synthesis failure.
"""
from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PROGRESS_MIN_UTTERANCES = 4  # a progress bar for documents longer than a few utterances


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="voxread", description="Read text aloud (Mandarin, Cantonese, "
                                 "English, math) with controllable pronunciation.",
                                 epilog="Exit status: 0 done, 2 usage or input error, 1 failure.",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", nargs="?", help="text to read (default: -f FILE, else stdin)")
    ap.add_argument("-f", "--file", help="read the text from FILE ('-' for stdin)")
    ap.add_argument("-o", "--output", help="output .wav/.flac/.ogg, or '-' for raw 16-bit "
                    "little-endian mono PCM on stdout")
    ap.add_argument("--lang", choices=["zh", "en", "yue"], help="reading language (default: automatic)")
    ap.add_argument("--lexicon", action="append", metavar="FILE", help="pronunciation lexicon (repeatable)")
    ap.add_argument("--model", metavar="DIR_OR_ID", help="VoxCPM checkpoint directory or hub id "
                    "(default: $VOXREAD_MODEL, then the local Hugging Face cache)")
    ap.add_argument("--backend", choices=["voxcpm", "espeak"], help="synthesiser (default: voxcpm when a "
                    "checkpoint is configured or cached, else the espeak-ng preview voice)")
    ap.add_argument("--prompt-wav", metavar="WAV", help="voice cloning: a short recording of the voice")
    ap.add_argument("--prompt-text", metavar="TEXT", help="voice cloning: what --prompt-wav says")
    ap.add_argument("--voice", metavar="FILE", help="a saved voice (see --save-voice)")
    ap.add_argument("--save-voice", metavar="FILE", help="save the voice built from --prompt-wav/--prompt-text")
    ap.add_argument("--stream", action="store_true", help="write the output file as the audio is generated (-o - always streams)")
    ap.add_argument("--dry-run", action="store_true", help="print each utterance's spoken form; no audio")
    ap.add_argument("--explain", action="store_true", help="with --dry-run: show the rule behind each change")
    ap.add_argument("--seed", type=int, help="random seed shared by every utterance (default: one per run)")
    ap.add_argument("--cfg", type=float, help="VoxCPM classifier-free guidance (default 2.0)")
    ap.add_argument("--steps", type=int, help="VoxCPM diffusion steps (default 10)")
    ap.add_argument("--precision", choices=["float32", "bfloat16", "int8"],
                    help="VoxCPM weights: default bfloat16 on a GPU, float32 on the CPU; int8 "
                         "(CPU only) is ~2.7x faster there, with a measured deviation "
                         "(docs/performance.md)")
    ap.add_argument("--sample-rate", type=int, metavar="HZ", help="resample the output to HZ")
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    return ap


def read_text(args) -> str:
    if args.text is not None and args.file:
        raise UsageError("give the text either as an argument or with -f, not both")
    if args.file:
        if args.file == "-":
            return sys.stdin.read()
        try:
            with open(args.file, "rb") as fh:
                data = fh.read()
        except OSError as e:
            raise UsageError(f"cannot read {args.file}: {e.strerror or e}") from e
        try:  # utf-8-sig: a byte-order mark (Windows editors write one) is not text
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[:e.start].count(b"\n") + 1
            raise UsageError(f"{args.file}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset "
                             f"{e.start}); voxread expects UTF-8, convert it first, e.g. "
                             f"iconv -f GBK -t UTF-8 {args.file}") from None
        if not text.strip():
            raise UsageError(f"{args.file} is empty: there is no text to read")
        return text
    if args.text is not None:
        return args.text
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no text: give it as an argument, with -f FILE, or on stdin")
    return sys.stdin.read()


def check_args(args) -> None:
    if args.explain and not args.dry_run:
        raise UsageError("--explain goes with --dry-run")
    if not args.dry_run and not args.output:
        raise UsageError("say where the audio goes: -o FILE.wav|.flac|.ogg, or -o - for raw PCM on stdout")
    if bool(args.prompt_wav) != bool(args.prompt_text):
        raise UsageError("voice cloning needs both --prompt-wav and --prompt-text")
    if args.voice and args.prompt_wav:
        raise UsageError("use either --voice or --prompt-wav/--prompt-text, not both")
    if args.save_voice and not args.prompt_wav:
        raise UsageError("--save-voice needs --prompt-wav and --prompt-text")
    if args.prompt_wav and not os.path.isfile(args.prompt_wav):
        raise UsageError(f"prompt audio not found: {args.prompt_wav}")
    for lexicon in args.lexicon or []:
        if not os.path.isfile(lexicon):
            raise UsageError(f"lexicon file not found: {lexicon}")
    if args.voice and not os.path.isfile(args.voice):
        raise UsageError(f"voice file not found: {args.voice}")
    if args.sample_rate is not None and not 8000 <= args.sample_rate <= 192000:
        raise UsageError("--sample-rate must be between 8000 and 192000")
    if args.cfg is not None and not 0 <= args.cfg <= 100:  # also rejects nan
        raise UsageError("--cfg must be between 0 and 100 (1 is no guidance, default 2.0)")
    if args.steps is not None and args.steps < 1:
        raise UsageError("--steps must be at least 1")
    if args.output and args.output != "-":
        from .audio import format_for
        try:
            format_for(args.output)
        except ValueError as e:
            raise UsageError(str(e)) from e


def dry_run(text: str, args) -> None:
    import frontend
    from .speak import NothingToSay

    utterances = list(frontend.process(text, args.lang, lexicon=args.lexicon, explain=args.explain))
    if not utterances:
        raise NothingToSay("the text normalises to nothing to say")
    from frontend.explain import describe

    for utt in utterances:
        print(utt.text)
        if args.explain:
            print(describe(utt, text))  # the same view as python -m frontend --explain


class ProgressBar:
    """`[#####.....] 12/40` on stderr, redrawn in place; only for a terminal."""

    def __init__(self, stream=sys.stderr, width: int = 30):
        self.stream, self.width = stream, width

    def __call__(self, done: int, total: int | None) -> None:
        if not total:
            return
        filled = self.width * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} utterances")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _wants_progress(text: str, args) -> bool:
    if not sys.stderr.isatty():
        return False
    import frontend
    return len(frontend.process(text, args.lang, lexicon=args.lexicon)[:PROGRESS_MIN_UTTERANCES + 1]) \
        > PROGRESS_MIN_UTTERANCES


def frontend_rule_error():
    import frontend
    return frontend.RuleError


def synthesize(text: str, args) -> None:
    from .speak import stream

    gen = {}
    if args.cfg is not None:
        gen["cfg_value"] = args.cfg
    if args.steps is not None:
        gen["inference_timesteps"] = args.steps
    if args.precision is not None:
        gen["precision"] = args.precision
    voice = args.voice or ((args.prompt_wav, args.prompt_text) if args.prompt_wav else None)
    progress = ProgressBar() if _wants_progress(text, args) else None
    try:  # setting up (text, lexicons, backend choice, files) is input; generating is not
        chunks = stream(text, lexicon=args.lexicon, lang=args.lang, model=args.model, voice=voice,
                        backend=args.backend, seed=args.seed, sample_rate=args.sample_rate,
                        progress=progress, **gen)
    except (ValueError, FileNotFoundError) as e:
        if isinstance(e, frontend_rule_error()):
            raise
        raise UsageError(str(e)) from e
    if args.save_voice:
        chunks.engine.voice.save(args.save_voice)
    write(chunks, args.output, args.stream)


def write(chunks, output: str, streaming: bool) -> None:
    import numpy as np

    from .audio import Audio, format_for, to_pcm16

    if output == "-":  # raw PCM for a player: every chunk (a patch, with voxcpm) goes out at once
        for chunk in chunks:
            sys.stdout.buffer.write(to_pcm16(chunk))
            sys.stdout.buffer.flush()
        return
    if streaming:  # the file grows as the audio is generated (wav/flac/ogg all allow it)
        import soundfile
        fmt, subtype = format_for(output)
        with soundfile.SoundFile(output, "w", chunks.sample_rate, 1, subtype, format=fmt) as fh:
            for chunk in chunks:
                fh.write(chunk)
                fh.flush()
        return
    parts = list(chunks)
    Audio(np.concatenate(parts) if parts else np.zeros(0, np.float32), chunks.sample_rate).save(output)


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)  # argparse itself exits 2 on bad options
    try:
        import frontend
        from .backends.base import BackendError

        text = read_text(args)
        if not text.strip():
            raise UsageError("the text is empty")
        check_args(args)
        if args.dry_run:
            dry_run(text, args)
        else:
            synthesize(text, args)
        return EXIT_OK
    except KeyboardInterrupt:
        print("voxread: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `-o - | head -c ...`, or the player quit: the reader had enough
        # stdout is still open at exit; point it at /dev/null so its final flush stays quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:  # one line for the user; the traceback only with --debug
        if args.debug:
            raise
        from .speak import NothingToSay
        input_errors = (UsageError, NothingToSay, frontend.FrontendError)
        code = EXIT_FAILURE if isinstance(e, (BackendError, frontend.RuleError)) \
            or not isinstance(e, input_errors) else EXIT_USAGE
        print(f"voxread: error: {e}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())

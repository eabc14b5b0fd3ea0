"""Time to the first chunk of synth.stream() (and to the whole read) with a VoxCPM checkpoint.

    python benchmarks/stream_latency.py [--model DIR] [--rounds 5] [--threads 1] [--patches 40]
    python benchmarks/stream_latency.py --fullsize --first-only [--patches 20] [--rounds 3]

Default model: the tiny test checkpoint (tests/data/voxcpm-tiny); --fullsize: VoxCPM-0.5B's
configuration with random weights (benchmarks/voxcpm_perf.py build(), CPU float32).  Its random weights do not
stop by themselves, so every utterance is forced to --patches patches (min_len = max_len;
40 patches = 3.2 s of audio at 16 kHz), like a sentence of a real read.  The clock starts
before synth.stream() (frontend + backend set-up included) and stops when the first chunk
arrives; the whole read is timed in the same round.  Medians over --rounds after the first
read of the process, which is reported on its own (it pays for lazy imports).
Runs unchanged on older code (the API is the same), so the figure can be compared with the
per-utterance stream of before: PYTHONPATH=<old checkout> python benchmarks/stream_latency.py
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "benchmarks"))

DOC = ("今天天气很好，我们去公园散步吧。\n"
       "The weather is nice today, let us walk in the park.\n"
       "一二三四五六七八九十。\n"
       "明天见。")


def one_read(model, patches: int, steps: int, first_only: bool = False) -> tuple[float, float, int]:
    import synth

    t0 = time.perf_counter()
    it = synth.stream(DOC, model=model, seed=1, min_len=patches, max_len=patches,
                      inference_timesteps=steps, target_lufs=-20.0)
    first = next(it)
    t_first = time.perf_counter() - t0
    if not first_only:
        for _ in it:
            pass
    return t_first, time.perf_counter() - t0, len(first)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(Path(__file__).resolve().parent.parent
                                           / "tests" / "data" / "voxcpm-tiny"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--patches", type=int, default=40)
    ap.add_argument("--steps", type=int, default=10, help="inference_timesteps (default 10)")
    ap.add_argument("--fullsize", action="store_true", help="VoxCPM-0.5B shapes, random weights")
    ap.add_argument("--first-only", action="store_true", help="time the first chunk only")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)

    import synth
    if args.fullsize:
        from voxcpm_perf import build
        model, args.model = build("cpu", torch.float32), "VoxCPM-0.5B shapes (random weights)"
    else:
        model = synth.load_model(args.model, device="cpu")
    cold = one_read(model, args.patches, args.steps, args.first_only)  # the first read of the process
    runs = [one_read(model, args.patches, args.steps, args.first_only) for _ in range(args.rounds)]
    first = statistics.median(r[0] for r in runs)
    whole = statistics.median(r[1] for r in runs)
    print(f"model {args.model}: {args.patches} patches per utterance, {args.steps} timesteps, "
          f"{args.threads} thread(s), median of {args.rounds}")
    if args.first_only:
        print(f"first chunk: {first * 1000:.1f} ms ({runs[0][2]} samples)")
    else:
        print(f"first chunk: {first * 1000:.1f} ms ({runs[0][2]} samples); whole read: "
              f"{whole * 1000:.1f} ms; first/whole {first / whole:.3f}")
    print(f"first read of the process (imports included): first chunk {cold[0] * 1000:.1f} ms, "
          f"whole read {cold[1] * 1000:.1f} ms")


if __name__ == "__main__":
    main()

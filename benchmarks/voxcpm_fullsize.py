"""Full-size VoxCPM-0.5B configuration with random weights: build, save, load, generate.

Reports: build time, checkpoint size, peak resident memory of a fresh process that runs
synth.load_model on the saved directory and generates a few patches (target: < 2x the
weights' in-memory size), and per-patch generation time.

    python benchmarks/voxcpm_fullsize.py [--device cpu|cuda] [--dtype float32|bfloat16]
                                         [--patches 4] [--batch 1]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TOKENIZER = ROOT / "tests" / "data" / "voxcpm-tiny" / "tokenizer.json"

CHILD = r"""
import json, resource, sys, time, warnings, torch
sys.path.insert(0, {root!r})
import synth
args = json.loads(sys.argv[1])
t0 = time.perf_counter()
m = synth.load_model(args["dir"], device=args["device"], dtype=args["dtype"])
load_s = time.perf_counter() - t0
wbytes = sum(p.numel() * p.element_size() for p in m.net.parameters())
if m.vae is not None:
    wbytes += sum(p.numel() * p.element_size() for p in m.vae.parameters())
texts = ["This is a sentence for the full size benchmark."] * args["batch"]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    m.generate_latents(texts[:1], seeds=0, min_len=1, max_len=1)  # warm-up
    if m.device.type == "cuda": torch.cuda.synchronize()
    t0 = time.perf_counter()
    out = m.generate_latents(texts, seeds=0, min_len=args["patches"], max_len=args["patches"])
    if m.device.type == "cuda": torch.cuda.synchronize()
    gen_s = time.perf_counter() - t0
    if m.vae is not None:
        wav = m.decode_latents([out[0]])[0]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
res = dict(load_s=load_s, weights_bytes=wbytes, peak_rss_bytes=peak,
           gen_s=gen_s, patches=args["patches"], batch=args["batch"],
           finite=bool(all(torch.isfinite(o).all() for o in out)))
if m.device.type == "cuda":
    res["cuda_peak_bytes"] = torch.cuda.max_memory_allocated()
print(json.dumps(res))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--patches", type=int, default=4)
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--keep", help="directory to write the checkpoint to (kept)")
    a = ap.parse_args()

    import torch
    from synth.voxcpm.config import VoxCPMConfig
    from synth.voxcpm.random_init import fullsize_config_dict, random_net, write_checkpoint

    cfg_dict = fullsize_config_dict()
    cfg_dict["dtype"] = a.dtype
    cfg = VoxCPMConfig.from_dict(cfg_dict)
    t0 = time.perf_counter()
    save_dtype = torch.bfloat16 if a.dtype in ("bfloat16", "bf16") else torch.float32
    net = random_net(cfg, dtype=save_dtype)
    build_s = time.perf_counter() - t0
    n_params = sum(p.numel() for p in net.parameters())

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(a.keep or tmp)
        write_checkpoint(net, cfg_dict, d, TOKENIZER)
        del net
        try:  # a random full-size AudioVAE (official default config) when the module exists
            from synth.voxcpm.audiovae import AudioVAE, AudioVAEConfig
            from safetensors.torch import save_file
            vae = AudioVAE(AudioVAEConfig.from_dict(None))
            g = torch.Generator().manual_seed(1)
            tensors = {}
            for k, shape in vae.checkpoint_shapes().items():
                if k.endswith(".alpha") or k.endswith(".weight_g"):
                    tensors[k] = torch.ones(shape)
                else:
                    tensors[k] = torch.randn(shape, generator=g) * 0.02
            save_file(tensors, str(d / "audiovae.safetensors"))
            del vae, tensors
        except ImportError:
            print("(no synth.voxcpm.audiovae: measuring without the AudioVAE)")
        size = sum(f.stat().st_size for f in d.iterdir())
        args = dict(dir=str(d), device=a.device, dtype=a.dtype, patches=a.patches, batch=a.batch)
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), json.dumps(args)],
                             capture_output=True, text=True)
        if out.returncode:
            sys.exit(out.stderr)
        r = json.loads(out.stdout.strip().splitlines()[-1])

    gib = 2 ** 30
    print(f"parameters (model, no VAE): {n_params / 1e6:.1f} M; random build {build_s:.1f} s")
    print(f"checkpoint on disk: {size / gib:.2f} GiB; load_model {r['load_s']:.1f} s")
    print(f"weights in memory: {r['weights_bytes'] / gib:.2f} GiB; peak RSS of the loading process: "
          f"{r['peak_rss_bytes'] / gib:.2f} GiB = {r['peak_rss_bytes'] / r['weights_bytes']:.2f}x weights")
    if "cuda_peak_bytes" in r:
        print(f"CUDA peak allocated: {r['cuda_peak_bytes'] / gib:.2f} GiB = "
              f"{r['cuda_peak_bytes'] / r['weights_bytes']:.2f}x weights")
    print(f"generation: {r['patches']} patches x batch {r['batch']} in {r['gen_s']:.2f} s "
          f"({r['gen_s'] / r['patches'] * 1000:.0f} ms per step, {a.device}, {a.dtype}); finite={r['finite']}")


if __name__ == "__main__":
    main()

"""VoxCPM-0.5B performance: per-stage step latency, RTF, batch throughput, time to first
audio, flatness of the step cost over 2 minutes of audio, peak memory; and the machine's
own limits (memory bandwidth, matmul throughput on the model's shapes) measured in the same
run, so that every figure is also given as a fraction of the bound it implies.

Full-size configuration, random weights (synth.voxcpm.random_init), forced lengths
(min_len = max_len) so that runs are comparable.

    python benchmarks/voxcpm_perf.py [--quick] [--device cpu|cuda] [--dtype float32|bfloat16]
                                     [--json out.json]
    python benchmarks/voxcpm_perf.py --precision-ab ROUNDS   # float32 vs bfloat16 vs int8 (CPU)
    python benchmarks/voxcpm_perf.py --linear-ab ROUNDS      # float32 Linear: MKL vs oneDNN (CPU)

The model is built as synth.load_model builds it: on the CPU in float32 its Linear layers run
through oneDNN (synth/voxcpm/cpu_linear.py); --linear-ab compares that with the stock MKL path
on the same weights, alternating.

--precision-ab: whole model steps of the same weights in float32, bfloat16 and int8 dynamic
quantisation (synth.load_model(quantize="int8")), alternating, at batch 1 and 4 (time ratio
to float32), plus the deviation of each from the float32 latents (same seed, forced length).
On the 2-core AMD EPYC (avx512_bf16, avx512_vnni, no AMX) of docs/performance.md, a step
took x0.19 (int8) and x0.29-0.31 (bfloat16) of the float32 time at batch 1 and 4; latents
deviate from float32 by 0.7-0.8 % (int8) / 0.9 % (bf16) relative RMS on the tiny checkpoint
but 11-22 % / 3-7 % per patch on the full-size random model: opt-in only.

The CUDA/bfloat16 path synchronises the device around every timed region; it was written
without a GPU at hand (see docs/performance.md).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TOKENIZER = ROOT / "tests" / "data" / "voxcpm-tiny" / "tokenizer.json"

from machine_limits import matmul_tflops, memory_bandwidth_gbs, read_bandwidth_gbs  # noqa: E402

PATCH_SECONDS = 0.08          # patch_size 2 x hop 640 samples at 16 kHz
LONG_POSITION = 1500          # 2 minutes of audio = 1500 patches
SENTENCE = "今天下午三点在会议室开会，请大家准时参加"  # 20 characters
DIT_STEPS, CFG = 10, 2.0


# ---------------------------------------------------------------------------- helpers
def sync(dev):
    if dev.type == "cuda":
        torch.cuda.synchronize()


def time_call(fn, dev, repeat: int, warmup: int = 1) -> float:
    """Best (minimum) seconds per call of fn() over `repeat` calls, device synchronised around
    each call: the minimum is the least disturbed by other jobs on a shared machine."""
    for _ in range(warmup):
        fn()
    sync(dev)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        sync(dev)
        times.append(time.perf_counter() - t0)
    return min(times)


def peak_rss_bytes() -> int:
    """VmHWM from /proc/self/status (peak resident set)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def nbytes(module) -> int:
    return sum(p.numel() * p.element_size() for p in module.parameters())


def nparams(module) -> int:
    return sum(p.numel() for p in module.parameters())


# ---------------------------------------------------------------------------- model
def build(device: str, dtype: torch.dtype, fuse: bool = True):
    from synth.voxcpm.audiovae import AudioVAE
    from synth.voxcpm.config import VoxCPMConfig
    from synth.voxcpm.model import VoxCPMModel
    from synth.voxcpm.random_init import fullsize_config_dict, random_net
    from synth.voxcpm.tokenizer import TextTokenizer

    d = fullsize_config_dict()
    d["dtype"] = "bfloat16" if dtype == torch.bfloat16 else "float32"
    cfg = VoxCPMConfig.from_dict(d)
    net = random_net(cfg, device=device, dtype=dtype)
    if fuse:  # as synth.load_model does (--ab builds unfused and adds the fused layers itself)
        net.fuse_projections()
    if torch.device(device).type == "cpu":
        from synth.voxcpm.cpu_linear import use_onednn_linears
        use_onednn_linears(net)  # as synth.load_model does
    vae = AudioVAE()
    g = torch.Generator().manual_seed(1)
    tensors = {k: (torch.ones(s) if k.endswith((".alpha", ".weight_g")) else
                   torch.randn(s, generator=g) * 0.02)
               for k, s in vae.checkpoint_shapes().items()}
    vae.load_tensors(tensors)
    vae = vae.to(device=device, dtype=torch.float32).eval()
    return VoxCPMModel(cfg, net, vae, TextTokenizer(TOKENIZER))


def requests(model, batch: int, steps: int, text=SENTENCE):
    from synth.voxcpm.generation import Request
    ids = model.encode_text(text)
    return [Request(list(ids), None, steps, seed=b) for b in range(batch)]


@torch.inference_mode()
def decode_state(model, batch: int, cache_len: int):
    from synth.voxcpm.generation import _prefill_inputs
    ids, audio, feats, lengths = _prefill_inputs(model.net, requests(model, batch, 1))
    return model.net.prefill(ids, audio, feats, lengths, cache_len)


@torch.inference_mode()
def move_to(state, position: int):
    """Put both KV caches at `position`: slots [0, position) hold keys/values (random past the
    real prefill: a step's cost depends on how many slots it attends over, not their values)."""
    for cache in (state.lm_cache, state.residual_cache):
        top = cache.top
        if position > top:
            cache.k[:, :, :, top:position].normal_(0, 1)
            cache.v[:, :, :, top:position].normal_(0, 1)
        cache.pos = torch.full_like(cache.pos, position)
        cache.top = position


class Step:
    """One generation step as synth/voxcpm/generation.run does it (noise, patch, stop head,
    feed-back), plus the streaming VAE decode of the new patch."""

    def __init__(self, model, state, with_vae: bool, dit_steps: int = DIT_STEPS):
        self.m, self.state, B = model, state, state.lm_hidden.shape[0]
        self.dit_steps = dit_steps
        c, dev = model.cfg, model.device
        self.gen = torch.Generator(device=dev).manual_seed(0)
        self.shape = (B, c.feat_dim, c.patch_size)
        self.dec = model.vae.stream_decoder(batch_size=B) if with_vae else None

    @torch.inference_mode()
    def __call__(self):
        net, s = self.m.net, self.state
        noise = torch.randn(self.shape, generator=self.gen, device=net.device, dtype=net.dtype)
        patch = net.sample_patch(s, noise, self.dit_steps, CFG)
        stop = (net.stop_logits(s.lm_hidden).argmax(-1) == 1).tolist()  # the loop's per-step sync
        embed = net.embed_patches(patch[:, None])[:, 0]
        net.feed_back(s, patch, embed)
        if self.dec is not None:
            self.dec.push(patch.to(torch.float32).transpose(1, 2))
        return stop


# ---------------------------------------------------------------------------- measurements
@torch.inference_mode()
def stage_jobs(model) -> dict:
    """One zero-argument call per stage of a batch-1 step, at a realistic position (after the
    20-character prompt); the LM steps rewind the cache after each call."""
    from synth.voxcpm import cfm
    net, dev, c = model.net, model.device, model.cfg
    state = decode_state(model, 1, 64)
    embed = torch.randn(1, c.lm.hidden_size, device=dev, dtype=net.dtype)
    patch = torch.randn(1, c.patch_size, c.feat_dim, device=dev, dtype=net.dtype)
    noise = torch.randn(1, c.feat_dim, c.patch_size, device=dev, dtype=net.dtype)

    def lm_step(lm, cache):
        def f():
            pos, top = cache.pos, cache.top
            lm.step(embed, cache)
            cache.pos, cache.top = pos, top
        return f

    mu = net.dit_condition(state.lm_hidden, state.residual_hidden)
    cond = state.prev_patch.transpose(1, 2)
    dec = model.vae.stream_decoder(batch_size=1)
    z = patch.to(torch.float32).transpose(1, 2)
    return {
        "base_lm_step": lm_step(net.base_lm, state.lm_cache),
        "residual_lm_step": lm_step(net.residual_lm, state.residual_cache),
        "dit_solve": lambda: cfm.solve(net.feat_decoder.estimator, noise, mu, cond, DIT_STEPS, CFG,
                                       mean_mode=c.dit_mean_mode),
        "local_encoder": lambda: net.embed_patches(patch[:, None]),
        "vae_decode_patch": lambda: dec.push(z),
        "fsq_stop_proj": lambda: (net.fsq_layer(state.lm_hidden), net.stop_logits(state.lm_hidden),
                                  net.dit_condition(state.lm_hidden, state.residual_hidden)),
    }


@torch.inference_mode()
def stage_times(model, repeat: int) -> dict:
    """Each stage of a batch-1 step timed in isolation (stage_jobs)."""
    return {k: time_call(f, model.device, repeat) for k, f in stage_jobs(model).items()}


def whole_step(model, batch: int, position: int | None, steps: int, with_vae=True,
               dit_steps: int = DIT_STEPS) -> float:
    """Best seconds of a full generation step for `batch` sequences, the caches at
    `position` (None: right after the prompt)."""
    cache_len = (position or 64) + steps + 8
    state = decode_state(model, batch, cache_len)
    if position is not None:
        move_to(state, position)
    return time_call(Step(model, state, with_vae, dit_steps), model.device, steps)


def loop_step(model, batch: int, steps: int) -> float:
    """Shortest time between patches of the product's own loop (generation.run), forced length.
    The last gap is left out: the final step feeds nothing back (no LM steps, no local
    encoder), so it is ~60 % of a real one and would be the minimum."""
    from synth.voxcpm import generation
    reqs = requests(model, batch, steps + 2)
    gaps, last = [], None
    for _ in generation.run(model.net, reqs, steps + 2, DIT_STEPS, CFG):
        sync(model.device)
        now = time.perf_counter()
        if last is not None:
            gaps.append(now - last)
        last = now
    return min(gaps[:-1])


def step_vs_floor(model, step_bytes: float, rounds: int) -> dict:
    """The batch-1 model step and the read-bandwidth probe in alternation: on a shared host the
    bandwidth other tenants leave us moves by 1.5x within a minute, so a floor measured once at
    the start can flatter or damn the step.  Per round: probe, then the best of 2 steps."""
    state = decode_state(model, 1, 64 + 3 * rounds + 4)
    step = Step(model, state, with_vae=False)
    rows = []
    for _ in range(rounds):
        bw = read_bandwidth_gbs(str(model.device), 256)
        t = time_call(step, model.device, 2, warmup=0)
        rows.append(dict(read_gbs=bw, step_s=t, floor_s=step_bytes / (bw * 1e9)))
    ratios = sorted(r["step_s"] / r["floor_s"] for r in rows)
    return dict(rounds=rows, median_ratio=ratios[len(ratios) // 2], best_ratio=ratios[0],
                worst_ratio=ratios[-1])


def flatness(model, steps: int) -> tuple[float, float]:
    """Best whole-step time right after the prompt and at LONG_POSITION, the two measured in
    alternation so that a change in the machine's load hits both alike."""
    n = steps + 1
    short = decode_state(model, 1, 64 + 2 * n)
    long = decode_state(model, 1, LONG_POSITION + 2 * n)
    move_to(long, LONG_POSITION)
    a, b = Step(model, short, True), Step(model, long, True)
    a(), b()
    ta, tb = [], []
    for _ in range(n):
        for step, ts in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            step()
            sync(model.device)
            ts.append(time.perf_counter() - t0)
    return min(ta), min(tb)


@torch.inference_mode()
def time_to_first_audio(model) -> dict:
    """frontend.process + tokenise + prefill + first patch + its streaming VAE decode."""
    import frontend
    from synth.voxcpm import generation
    t0 = time.perf_counter()
    list(frontend.process(SENTENCE, "zh"))
    cold_frontend = time.perf_counter() - t0
    dev = model.device

    def once():
        t0 = time.perf_counter()
        utts = list(frontend.process(SENTENCE, "zh"))
        t1 = time.perf_counter()
        req, _ = model._request(utts[0].text, None, 0, 4, 6.0)
        dec = model.vae.stream_decoder(batch_size=1)
        events = next(generation.run(model.net, [req], 4, DIT_STEPS, CFG))
        t2 = time.perf_counter()
        dec.push(events[0][1].to(torch.float32).t()[None])
        sync(dev)
        t3 = time.perf_counter()
        return dict(frontend_s=t1 - t0, prefill_and_first_patch_s=t2 - t1, vae_first_patch_s=t3 - t2,
                    total_s=t3 - t0)

    def product():  # what a user of synth.stream() waits for: frontend, batching, joiner included
        import synth
        t0 = time.perf_counter()
        next(synth.stream(SENTENCE, model=model, seed=0, min_len=4, max_len=4))
        return time.perf_counter() - t0

    once()  # warm-up (allocator, kernels)
    product()
    runs = [once() for _ in range(3)]
    best = min(runs, key=lambda r: r["total_s"])
    best["stream_first_chunk_s"] = min(product() for _ in range(3))
    best["frontend_cold_first_call_s"] = cold_frontend
    best["utterance"] = list(frontend.process(SENTENCE, "zh"))[0].text
    return best


def set_fused(net, on: bool, _fused={}):
    """Switch between the separate q/k/v and gate/up matmuls of an unfused build and fused
    layers made from the same (packed) weights, kept side by side: a same-process A/B."""
    from synth.voxcpm.cpu_linear import fuse_linears
    from synth.voxcpm.transformer import MLP, Attention
    for m in net.modules():
        if isinstance(m, (Attention, MLP)):
            attn = isinstance(m, Attention)
            if id(m) not in _fused:
                parts = [m.q_proj, m.k_proj, m.v_proj] if attn else [m.gate_proj, m.up_proj]
                _fused[id(m)] = fuse_linears(parts)
            setattr(m, "qkv_proj" if attn else "gate_up_proj", _fused[id(m)] if on else None)


def ab_fusion(model, rounds: int) -> dict:
    """Whole batch-1 steps (model only) and batch-16 steps, fused and unfused alternately;
    best of each, so that the machine's load changes hit both alike."""
    out = {}
    for B in (1, 16):
        states = {on: Step(model, decode_state(model, B, 64 + 2 * rounds + 4), False) for on in (0, 1)}
        times = {0: [], 1: []}
        for r in range(rounds + 1):
            for on in ((0, 1) if r % 2 else (1, 0)):  # alternate which goes first
                set_fused(model.net, bool(on))
                t0 = time.perf_counter()
                states[on]()
                sync(model.device)
                if r:
                    times[on].append(time.perf_counter() - t0)
        set_fused(model.net, True)
        out[f"b{B}"] = dict(unfused_s=min(times[0]), fused_s=min(times[1]),
                            speedup=min(times[0]) / min(times[1]))
    return out


def ab_linear(model, rounds: int) -> dict:
    """Float32 Linear layers on MKL (torch's stock path) vs oneDNN (what load_model uses on
    the CPU), same weights, switched back and forth: whole model steps at batch 1 and 8 and
    the two biggest stages, best of `rounds` each, the order alternating every round."""
    from synth.voxcpm.cpu_linear import use_mkl_linears, use_onednn_linears
    net = model.net
    switch = {"mkl": use_mkl_linears, "onednn": use_onednn_linears}
    stages = stage_jobs(model)
    jobs = {k: stages[k] for k in ("dit_solve", "base_lm_step")}
    for B in (1, 8):
        jobs[f"step_b{B}"] = Step(model, decode_state(model, B, 64 + 2 * rounds + 4), False)
    times = {(j, k): [] for j in jobs for k in switch}
    with torch.inference_mode():
        for r in range(rounds + 1):
            for k in (("mkl", "onednn") if r % 2 else ("onednn", "mkl")):
                switch[k](net)
                for j, fn in jobs.items():
                    t0 = time.perf_counter()
                    fn()
                    sync(model.device)
                    if r:
                        times[j, k].append(time.perf_counter() - t0)
    use_onednn_linears(net)
    return {j: dict(mkl_s=min(times[j, "mkl"]), onednn_s=min(times[j, "onednn"]),
                    speedup=min(times[j, "mkl"]) / min(times[j, "onednn"])) for j in jobs}


def precision_variants(model):
    """The same weights as float32 (model itself), bfloat16 and int8 dynamic quantisation."""
    import copy
    from synth.voxcpm.model import VoxCPMModel
    from synth.voxcpm.precision import quantize_int8
    from synth.voxcpm.cpu_linear import use_onednn_linears
    bf16 = copy.deepcopy(model.net).to(torch.bfloat16)
    use_onednn_linears(bf16)  # as load_model(dtype="bfloat16") does on the CPU
    nets = {"float32": model.net, "bfloat16": bf16, "int8": quantize_int8(copy.deepcopy(model.net))}
    return {k: VoxCPMModel(model.cfg, n, model.vae, model.tokenizer) for k, n in nets.items()}


@torch.inference_mode()
def precision_matmuls(rounds: int) -> dict:
    """GFLOP/s of one 1024->4096 linear layer at the step's row counts, float32 / bfloat16 /
    int8 dynamic, alternating: the kernels' own speed, without the model around them."""
    import copy
    import warnings
    from torch import nn
    from synth.voxcpm.cpu_linear import use_onednn_linears
    lin = nn.Sequential(nn.Linear(1024, 4096, bias=False)).eval()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = torch.ao.quantization.quantize_dynamic(
            lin, {nn.Linear: torch.ao.quantization.per_channel_dynamic_qconfig}, dtype=torch.qint8)
    lin32 = copy.deepcopy(lin)
    use_onednn_linears(lin32)  # float32 as the product runs it on the CPU
    lin16 = copy.deepcopy(lin).to(torch.bfloat16)
    use_onednn_linears(lin16)  # and bfloat16 likewise
    variants = {"float32": (lin32, torch.float32),
                "bfloat16": (lin16, torch.bfloat16),
                "int8": (q, torch.float32)}
    out = {}
    for rows in (1, 4, 40, 160):
        xs = {k: torch.randn(rows, 1024, dtype=dt) for k, (_, dt) in variants.items()}
        best = {k: float("inf") for k in variants}
        for r in range(rounds):
            for k, (m, _) in variants.items():
                t0 = time.perf_counter()
                for _ in range(20):
                    m(xs[k])
                best[k] = min(best[k], (time.perf_counter() - t0) / 20)
        out[f"rows{rows}"] = {k: 2 * rows * 1024 * 4096 / t / 1e9 for k, t in best.items()}
    return out


def latent_deviation(models: dict, n_patches: int) -> dict:
    """Max abs / relative error of each variant's latents against float32: two texts, forced
    length n_patches, the same seeds."""
    texts = [SENTENCE, "Hello world, this is a test."]
    lat = {k: torch.cat(m.generate_latents(texts, seeds=[1, 2], min_len=n_patches, max_len=n_patches))
           for k, m in models.items()}
    ref = lat["float32"]
    out = {}
    for k, x in lat.items():
        if k != "float32":
            d = (x - ref).abs()
            # per patch index (both texts): how the error grows as patches are fed back
            per_patch = [((x[i::n_patches] - ref[i::n_patches]).pow(2).mean().sqrt()
                          / ref[i::n_patches].pow(2).mean().sqrt()).item() for i in range(n_patches)]
            out[k] = dict(max_abs=d.max().item(), max_abs_over_max_ref=(d.max() / ref.abs().max()).item(),
                          rms_rel=(d.pow(2).mean().sqrt() / ref.pow(2).mean().sqrt()).item(),
                          rms_rel_per_patch=per_patch, finite=bool(torch.isfinite(x).all()))
    return out


def ab_precision(model, rounds: int) -> dict:
    """Whole model steps (no VAE) of the three precision variants alternating (the order
    rotated every round), best of `rounds` each, at batch 1 and 4."""
    models = precision_variants(model)
    out = {"matmul_gflops": precision_matmuls(max(3, rounds // 2))}
    names = list(models)
    for B in (1, 4):
        steps = {k: Step(m, decode_state(m, B, 64 + 2 * rounds + 4), False) for k, m in models.items()}
        times = {k: [] for k in names}
        for r in range(rounds + 1):
            order = names[r % 3:] + names[:r % 3]
            for k in order:
                t0 = time.perf_counter()
                steps[k]()
                sync(model.device)
                if r:
                    times[k].append(time.perf_counter() - t0)
        best = {k: min(v) for k, v in times.items()}
        out[f"b{B}"] = {k: dict(step_s=best[k], time_ratio_vs_float32=best[k] / best["float32"])
                        for k in names}
    out["deviation"] = latent_deviation(models, 4)
    return out


# ---------------------------------------------------------------------------- documents
def document_texts(model, n: int, lo: int = 10, hi: int = 40, seed: int = 0) -> tuple[list, list]:
    """n texts whose forced lengths (patches) are spread over lo..hi, deterministically.

    Forced length: with retry_badcase_ratio_threshold=1 a text's cap is (its token count
    + 10) patches, and min_len above every cap means the stop head never ends one early; so
    a text of k tokens makes exactly k + 10 patches.  Lengths are drawn uniformly in lo..hi."""
    import random
    rng = random.Random(seed)
    chars = "今天下午三点在会议室开会请大家准时参加我们去公园散步吧天气很好"
    texts, lengths = [], []
    for _ in range(n):
        want = rng.randint(lo, hi)
        text = "".join(chars[rng.randrange(len(chars))] for _ in range(want - 10)) or "好"
        text = text[:max(1, want - 10)]
        while len(model.encode_text(text)) + 10 > want and len(text) > 1:  # tokens may merge
            text = text[:-1]
        while len(model.encode_text(text)) + 10 < want:
            text += chars[rng.randrange(len(chars))]
        texts.append(text)
        lengths.append(len(model.encode_text(text)) + 10)
    return texts, lengths


def document_steps(model, texts, dit_steps: int, mode: str, first_batch: int = 1):
    """One way of generating the document, as a generator that yields after every model step
    (prefill and AudioVAE decode included in the step that does them): (utterances whose
    audio is now done, seconds of that audio, seconds of it spent in the VAE).

    mode "fixed": the previous speak() path, batches of 1, 2, 4, 8, 8 ... utterances, each
    run to completion (sequences leave as they end, none join), each decoded alone.
    mode "continuous": what model.generate_many does, max_batch 8, refill, `first_batch`
    the ramp, the utterances ending in the same step decoded together."""
    from synth.voxcpm import generation
    reqs = []
    for k, text in enumerate(texts):
        req, _ = model._request(text, None, 7, None, 1.0)  # cap = tokens + 10: forced lengths
        req.key = k
        reqs.append(req)

    def decode(ended, together):
        lat = [torch.stack(r.patches).float() for r in ended]
        t = time.perf_counter()
        wavs = model.decode_latents(lat) if together else [model.decode_latents([x])[0] for x in lat]
        sync(model.device)
        return [r.key for r in ended], sum(len(w) for w in wavs) / model.sample_rate, time.perf_counter() - t

    if mode == "fixed":
        k, size = 0, 1
        while k < len(reqs):
            chunk = reqs[k:k + size]
            for step in generation.continuous(model.net, chunk, 10**6, dit_steps, CFG,
                                              max_batch=len(chunk), first_batch=len(chunk)):
                yield decode(step.ended, False) if step.ended else ([], 0.0, 0.0)
            k, size = k + len(chunk), min(8, size * 2)
    else:
        for step in generation.continuous(model.net, reqs, 10**6, dit_steps, CFG, max_batch=8,
                                          first_batch=first_batch):
            yield decode(step.ended, True) if step.ended else ([], 0.0, 0.0)


def schedule_cost(lengths, step_s: dict, mode: str, first_batch: int = 1, max_batch: int = 8):
    """(first audio, whole document) in seconds predicted from step costs alone (step_s[B]:
    one step of B live sequences; no prefill, no VAE): the schedules of document_run replayed
    on a cost model, which the machine's load does not disturb."""
    t = first = 0.0
    if mode == "fixed":
        k, size = 0, 1
        while k < len(lengths):
            chunk = lengths[k:k + size]
            for i in range(max(chunk)):
                t += step_s[sum(n > i for n in chunk)]
                if k == 0 and i == chunk[0] - 1:
                    first = t
            k, size = k + len(chunk), min(max_batch, size * 2)
        return first, t
    todo, live, ramp = list(enumerate(lengths)), [], True
    while todo or live:
        while todo and len(live) < (min(first_batch, max_batch) if ramp else max_batch):
            live.append(list(todo.pop(0)))
        t += step_s[len(live)]
        for row in live:
            row[1] -= 1
            if row == [0, 0]:
                first, ramp = t, False
        live = [row for row in live if row[1]]
    return first, t


def document_throughput(model, n: int, dit_steps: int, ramps=(1, 8)) -> dict:
    """Fixed batches vs continuous batching (with each ramp) on one document, run
    interleaved step by step in one process: each way keeps its own clock (the sum of its
    own steps), so a change in the machine's load hits all of them alike.  Plus the same
    schedules replayed on the step costs, and the steady-state throughput at batch 1 and 8."""
    texts, lengths = document_texts(model, n)
    out = dict(utterances=n, lengths=lengths, dit_steps=dit_steps, runs=[])
    model.generate_latents(texts[:2], seeds=1, min_len=10**6, inference_timesteps=dit_steps,
                           max_len=2)  # warm-up
    modes = [("fixed", None)] + [("continuous", r) for r in ramps]
    runs = [dict(mode=m, first_batch=fb, total_s=0.0, vae_s=0.0, audio_s=0.0, first_audio_s=None,
                 steps=0, it=document_steps(model, texts, dit_steps, m, fb or 1)) for m, fb in modes]
    load0 = loadavg()
    live = list(runs)
    while live:
        for r in list(live):
            t = time.perf_counter()
            try:
                keys, audio_s, vae_s = next(r["it"])
            except StopIteration:
                live.remove(r)
                continue
            r["total_s"] += time.perf_counter() - t
            r["steps"] += 1
            r["audio_s"] += audio_s
            r["vae_s"] += vae_s
            if 0 in keys:
                r["first_audio_s"] = r["total_s"]
    for r in runs:
        del r["it"]
        r["audio_s_per_s"] = r["audio_s"] / r["total_s"]
        fb = r["first_batch"]
        label = "" if fb is None else f"first_batch {fb}"
        print(f"  {r['mode']:<10} {label:<14} first audio {r['first_audio_s']:6.1f} s  document "
              f"{r['total_s']:6.1f} s (VAE {r['vae_s']:5.1f} s, {r['steps']} steps)  "
              f"{r['audio_s_per_s']:.3f} audio s/s")
    out["runs"], out["loadavg"] = runs, (load0, loadavg())
    print(f"  (interleaved step by step; load average {load0:.2f} -> {out['loadavg'][1]:.2f})")
    # The same schedules on a cost model: one step of B sequences, measured for B = 1..8.
    step_s = {B: whole_step(model, B, None, 3, with_vae=False, dit_steps=dit_steps)
              for B in range(1, 9)}
    out["step_s_by_batch"] = step_s
    print("  step cost by batch (model only, best of 3): "
          + ", ".join(f"{B}: {v * 1e3:.0f} ms" for B, v in step_s.items()))
    for r in out["runs"]:
        fb = r["first_batch"]
        r["predicted_first_audio_s"], r["predicted_total_s"] = schedule_cost(
            lengths, step_s, r["mode"], fb or 1)
        label = "" if fb is None else f"first_batch {fb}"
        print(f"  predicted from step costs: {r['mode']:<10} {label:<14} first audio "
              f"{r['predicted_first_audio_s']:6.1f} s  document {r['predicted_total_s']:6.1f} s")
    base = out["runs"][0]
    for r in out["runs"][1:]:
        r["speedup_vs_fixed"] = base["total_s"] / r["total_s"]
        r["speedup_vs_fixed_without_vae"] = (base["total_s"] - base["vae_s"]) / (r["total_s"] - r["vae_s"])
    steady = {}
    for B in (1, 8):
        for with_vae in (False, True):
            t = whole_step(model, B, None, 3, with_vae=with_vae)
            steady[f"b{B}{'_vae' if with_vae else ''}"] = dict(step_s=t, audio_s_per_s=B * PATCH_SECONDS / t)
    out["steady"] = steady
    return out


# ---------------------------------------------------------------------------- overhead (--overhead)
def _best(fn, rounds: int, dev) -> tuple[float, float]:
    """(best wall seconds, best process CPU seconds) of fn() over `rounds` calls after one
    warm-up: with other jobs on the machine, CPU time is the steadier of the two."""
    fn()
    wall, cpu = [], []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        sync(dev)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


class _StubLinears:
    """Every nn.Linear (and subclass) of `net` answers zeros of its output shape while active:
    a step then costs only its work outside the matmuls."""

    def __init__(self, net):
        from torch import nn
        self.mods = [m for m in net.modules() if isinstance(m, nn.Linear)]

    def __enter__(self):
        for m in self.mods:
            m.forward = lambda x, m=m: x.new_zeros(*x.shape[:-1], m.out_features)

    def __exit__(self, *exc):
        for m in self.mods:
            del m.forward


class _TimedVAELinears:
    """Accumulates the seconds the AudioVAE spends inside its linear kernels."""

    def __enter__(self):
        from synth.voxcpm import vae_layers
        self.module, self.orig, self.seconds = vae_layers, vae_layers.linear, 0.0

        def timed(*args):
            t0 = time.perf_counter()
            y = self.orig(*args)
            self.seconds += time.perf_counter() - t0
            return y
        vae_layers.linear = timed
        return self

    def __exit__(self, *exc):
        self.module.linear = self.orig


@torch.inference_mode()
def overhead_figures(model, rounds: int) -> dict:
    """The work around the matmuls: model step with stubbed Linears (batch 1 and 4), the
    streaming VAE push split into linear kernels vs the rest, offline VAE decode of 10 s,
    and the prefill split for the 20-character sentence."""
    from synth.voxcpm.generation import _prefill_inputs
    dev, net, c = model.device, model.net, model.cfg
    out = {}
    for B in (1, 4):
        state = decode_state(model, B, 64 + 2 * rounds + 8)
        step = Step(model, state, with_vae=False)
        full = _best(step, rounds, dev)
        with _StubLinears(net):
            rest = _best(step, rounds, dev)
        out[f"step_b{B}"] = dict(step_s=full, without_matmuls_s=rest)
    dec = model.vae.stream_decoder(batch_size=1)
    z = torch.randn(1, c.feat_dim, c.patch_size, device=dev)
    with _TimedVAELinears() as t:
        dec.push(z)
        pushes = []
        for _ in range(rounds):
            t.seconds = 0.0
            t0 = time.perf_counter()
            dec.push(z)
            sync(dev)
            pushes.append((time.perf_counter() - t0, t.seconds))
    best = min(pushes)
    out["vae_push"] = dict(push_s=best[0], in_linears_s=best[1])
    z10 = torch.randn(1, c.feat_dim, int(10 / PATCH_SECONDS) * c.patch_size, device=dev)
    out["vae_offline_10s"] = _best(lambda: model.vae.decode(z10), max(2, rounds // 4), dev)
    ids, audio, feats, lengths = _prefill_inputs(net, requests(model, 1, 64))
    L = ids.shape[1]
    x = net.base_lm.embed_tokens(ids) * c.scale_emb
    y, _ = net.base_lm(x, causal=True)
    out["prefill"] = dict(tokens=L,
                          base_lm_s=_best(lambda: net.base_lm(x, causal=True), rounds, dev),
                          residual_lm_s=_best(lambda: net.residual_lm(y, causal=True), rounds, dev),
                          total_s=_best(lambda: net.prefill(ids, audio, feats, lengths, L + 64), rounds, dev))
    return out


def print_overhead(o: dict):
    ms = lambda t: f"{t[0] * 1e3:.1f} ms (CPU {t[1] * 1e3:.1f})"  # noqa: E731
    for B in (1, 4):
        s = o[f"step_b{B}"]
        print(f"step batch {B}: {ms(s['step_s'])}; with every Linear stubbed {ms(s['without_matmuls_s'])}"
              f" = {s['without_matmuls_s'][0] / s['step_s'][0]:.0%} of the step")
    v = o["vae_push"]
    print(f"streaming VAE push (80 ms of audio): {v['push_s'] * 1e3:.1f} ms, of which linear kernels "
          f"{v['in_linears_s'] * 1e3:.1f} ms")
    print(f"offline VAE decode of 10 s: {ms(o['vae_offline_10s'])}")
    p = o["prefill"]
    print(f"prefill of {p['tokens']} tokens: {ms(p['total_s'])} (base LM {ms(p['base_lm_s'])}, "
          f"residual LM {ms(p['residual_lm_s'])})")


# ---------------------------------------------------------------------------- bounds
def weight_bytes_per_step(net, n_dit_calls: int) -> dict:
    """Bytes of weights one step reads (the embedding table is not touched by a step)."""
    lm = nbytes(net.base_lm) - nbytes(net.base_lm.embed_tokens)
    parts = {
        "base_lm": lm,
        "residual_lm": nbytes(net.residual_lm),
        "dit_solve": nbytes(net.feat_decoder.estimator) * n_dit_calls,
        "local_encoder": nbytes(net.feat_encoder) + nbytes(net.enc_to_lm_proj),
        "heads": sum(nbytes(m) for m in (net.fsq_layer, net.lm_to_dit_proj, net.res_to_dit_proj,
                                         net.stop_proj, net.stop_head)),
    }
    parts["step"] = sum(parts.values())
    return parts


def flops_per_step(net, batch: int, n_dit_calls: int, patch: int) -> float:
    """2 * params * rows for every linear layer a step runs (attention over a short context
    is negligible at batch 1..32)."""
    lm = nparams(net.base_lm) - nparams(net.base_lm.embed_tokens)
    f = 2 * lm * batch + 2 * nparams(net.residual_lm) * batch
    f += 2 * nparams(net.feat_encoder) * batch * (patch + 1)
    f += 2 * nparams(net.feat_decoder.estimator) * (2 * batch) * (1 + 2 * patch) * n_dit_calls
    return float(f)


def n_estimator_calls() -> int:
    return DIT_STEPS - max(1, int((DIT_STEPS + 1) * 0.04))


# ---------------------------------------------------------------------------- main
def finish_comparison(R: dict, json_path: str | None) -> None:
    """The end of a single-comparison mode (--precision-ab, --linear-ab, --ab): the load
    average after it, and the JSON file if asked for."""
    R["loadavg_after"] = loadavg()
    print(f"load average before/after: {R['loadavg_before']:.2f} / {R['loadavg_after']:.2f}")
    if json_path:
        Path(json_path).write_text(json.dumps(R, indent=2, ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=next(p for p in __doc__.split("\n\n") if p.startswith("--precision-ab")),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repeats, batches 1/4/16 (< ~3 min on 2 CPU cores)")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--dtype", default="float32", choices=["float32", "bfloat16"])
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--unfused", action="store_true",
                    help="separate q/k/v and gate/up matmuls (load_model fuses them: fuse_projections)")
    ap.add_argument("--ab", type=int, metavar="ROUNDS",
                    help="only compare fused vs unfused projections, alternating, ROUNDS steps each")
    ap.add_argument("--linear-ab", type=int, metavar="ROUNDS",
                    help="only compare float32 Linear layers on MKL vs oneDNN (CPU), alternating")
    ap.add_argument("--precision-ab", type=int, metavar="ROUNDS",
                    help="only compare float32 / bfloat16 / int8 (quantize='int8') whole steps, "
                         "alternating, ROUNDS steps each at batch 1 and 4, and their latents' "
                         "deviation from float32 (CPU; figures in docs/performance.md)")
    ap.add_argument("--document", type=int, metavar="N",
                    help="only document throughput: N utterances of forced lengths 10..40 "
                         "patches, fixed batches 1,2,4,8 (the previous speak path) vs "
                         "continuous batching (max_batch 8, ramps first_batch 1/2/8), and "
                         "steady-state throughput at batch 1 and 8")
    ap.add_argument("--doc-steps", type=int, default=4, metavar="S",
                    help="DiT steps per patch in --document runs (default 4: a short run)")
    ap.add_argument("--ramps", default="1,8", metavar="LIST",
                    help="first_batch values of the continuous --document runs (default 1,8)")
    ap.add_argument("--threads", type=int, metavar="T",
                    help="torch.set_num_threads(T) (on a shared 2-core host, 1 is far steadier)")
    ap.add_argument("--overhead", type=int, metavar="ROUNDS",
                    help="only the work around the matmuls: model step with Linears stubbed, streaming "
                         "VAE push split, offline VAE decode of 10 s, prefill split (best of ROUNDS)")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    dtype = torch.bfloat16 if a.dtype == "bfloat16" else torch.float32
    if dev.type == "cuda" and not torch.cuda.is_available():
        sys.exit("--device cuda: CUDA is not available")
    repeat = 3 if a.quick else 10
    steps = 3 if a.quick else 8
    batches = [1, 4, 16] if a.quick else [1, 4, 16, 32]
    T0 = time.perf_counter()
    R = {"config": dict(device=a.device, dtype=a.dtype, quick=a.quick, fused=not a.unfused, dit_steps=DIT_STEPS, cfg=CFG,
                        threads=torch.get_num_threads(), torch=torch.__version__),
         "hardware": dict(cpu=cpu_model(), logical_cpus=os.cpu_count(),
                          gpu=torch.cuda.get_device_name() if dev.type == "cuda" else None),
         "loadavg_before": loadavg()}
    print(f"VoxCPM-0.5B (random weights) on {a.device}/{a.dtype}, {R['hardware']['cpu']}, "
          f"{os.cpu_count()} logical CPUs, {torch.get_num_threads()} threads; "
          f"load average {R['loadavg_before']:.2f}")

    # Machine limits first, on an idle process (no model in memory yet); measured again at the
    # end so that a reader can see how much other jobs moved them during the run.
    mm_dtype = dtype if dev.type == "cuda" else torch.float32
    shapes = {"lm_b1 (1x1024x4096)": (1, 1024, 4096), "lm_b16 (16x1024x4096)": (16, 1024, 4096),
              "dit_b1 (10x1024x4096)": (10, 1024, 4096), "dit_b16 (160x1024x4096)": (160, 1024, 4096),
              "large (1024x1024x4096)": (1024, 1024, 4096)}

    # On the CPU the bound is the faster of the two float32 kernels (stock MKL, oneDNN) and
    # the faster of copy and read-only bandwidth: the most this machine can do, not what we use.
    kernels = ("torch.mm", "onednn") if dev.type == "cpu" and mm_dtype == torch.float32 else ("torch.mm",)

    def limits():
        bws = {"copy": memory_bandwidth_gbs(a.device, 256), "read": read_bandwidth_gbs(a.device, 256)}
        mms = {f"{kern} {k}": matmul_tflops(*s, device=a.device, dtype=mm_dtype, kernel=kern)
               for k, s in shapes.items() for kern in kernels}
        return bws, mms

    if not a.document:  # (the document mode is a throughput comparison within one run)
        bws, mm = limits()
        bw = max(bws.values())
        peak_tflops = max(mm.values())
        R["limits"] = dict(memory_bandwidth_gbs=bw, bandwidth_gbs=bws, matmul_tflops=mm,
                           peak_matmul_tflops=peak_tflops)
        print(f"\nmachine: memory bandwidth {bws['copy']:.1f} GB/s copy (read+write), {bws['read']:.1f} GB/s "
              f"read-only; bound uses {bw:.1f}\n  matmul GFLOP/s: "
              + ", ".join(f"{k} {v * 1e3:.0f}" for k, v in mm.items()))

    t0 = time.perf_counter()
    model = build(a.device, dtype, fuse=not (a.unfused or a.ab))
    R["build_s"] = time.perf_counter() - t0
    net = model.net
    if a.overhead:
        R["overhead"] = overhead_figures(model, a.overhead)
        print_overhead(R["overhead"])
        return finish_comparison(R, a.json)
    if a.precision_ab:
        if a.device != "cpu" or a.dtype != "float32":
            sys.exit("--precision-ab: CPU and --dtype float32 (it builds the other variants)")
        R["ab_precision"] = P = ab_precision(model, a.precision_ab)
        for rows, g in P["matmul_gflops"].items():
            print(f"linear 1024->4096, {rows}: " + ", ".join(f"{k} {v:.0f}" for k, v in g.items()) + " GFLOP/s")
        for B in ("b1", "b4"):
            print(f"A/B {B}: " + ", ".join(f"{k} {v['step_s'] * 1e3:.0f} ms (x{v['time_ratio_vs_float32']:.2f})"
                                            for k, v in P[B].items()) + f" (best of {a.precision_ab}, rotating order)")
        for k, v in P["deviation"].items():
            print(f"deviation {k} vs float32 (2 texts x 4 patches): max abs {v['max_abs']:.3g}, "
                  f"max abs / max |ref| {v['max_abs_over_max_ref']:.3g}, relative RMS {v['rms_rel']:.3g}, "
                  f"finite {v['finite']}; relative RMS per patch "
                  + " ".join(f"{e:.3g}" for e in v["rms_rel_per_patch"]))
        return finish_comparison(R, a.json)
    if a.linear_ab:
        if a.device != "cpu" or a.dtype != "float32":
            sys.exit("--linear-ab: CPU and --dtype float32 only (the oneDNN swap is CPU float32)")
        R["ab_linear"] = ab_linear(model, a.linear_ab)
        for k, v in R["ab_linear"].items():
            print(f"A/B {k}: MKL {v['mkl_s'] * 1e3:.1f} ms, oneDNN {v['onednn_s'] * 1e3:.1f} ms "
                  f"-> x{v['speedup']:.2f} (best of {a.linear_ab}, alternating)")
        return finish_comparison(R, a.json)
    if a.ab:
        R["ab_fusion"] = ab_fusion(model, a.ab)
        for k, v in R["ab_fusion"].items():
            print(f"A/B {k}: unfused {v['unfused_s'] * 1e3:.0f} ms, fused {v['fused_s'] * 1e3:.0f} ms "
                  f"-> x{v['speedup']:.2f} (best of {a.ab}, alternating)")
        return finish_comparison(R, a.json)
    if a.document:
        print(f"\ndocument of {a.document} utterances, DiT steps {a.doc_steps} "
              f"(seconds of audio per second of wall time, VAE decode included)")
        ramps = tuple(int(x) for x in a.ramps.split(","))
        R["document"] = D = document_throughput(model, a.document, a.doc_steps, ramps)
        print("  lengths (patches): " + " ".join(map(str, D["lengths"])))
        for r in D["runs"][1:]:
            print(f"  continuous first_batch {r['first_batch']}: x{r['speedup_vs_fixed']:.2f} the "
                  f"fixed batches' throughput (x{r['speedup_vs_fixed_without_vae']:.2f} without the "
                  f"VAE decode), first audio {r['first_audio_s']:.1f} s vs "
                  f"{D['runs'][0]['first_audio_s']:.1f} s")
        st = D["steady"]
        print(f"  steady state ({DIT_STEPS} DiT steps): batch 1 {st['b1']['step_s'] * 1e3:.0f} ms/step "
              f"({st['b1']['audio_s_per_s']:.3f} audio s/s), batch 8 {st['b8']['step_s'] * 1e3:.0f} ms/step "
              f"({st['b8']['audio_s_per_s']:.3f} audio s/s) -> x{st['b8']['audio_s_per_s'] / st['b1']['audio_s_per_s']:.2f}; "
              f"with streaming VAE: x{st['b8_vae']['audio_s_per_s'] / st['b1_vae']['audio_s_per_s']:.2f} "
              f"({st['b1_vae']['audio_s_per_s']:.3f} / {st['b8_vae']['audio_s_per_s']:.3f})")
        R["loadavg_after"] = loadavg()
        R["total_s"] = time.perf_counter() - T0
        print(f"load average before/after: {R['loadavg_before']:.2f} / {R['loadavg_after']:.2f}; "
              f"wall time {R['total_s']:.0f} s")
        if a.json:
            Path(a.json).write_text(json.dumps(R, indent=2, ensure_ascii=False))
        return
    calls = n_estimator_calls()
    wb = weight_bytes_per_step(net, calls)
    R["weight_bytes_per_step"] = wb
    R["weights_bytes"] = nbytes(net) + nbytes(model.vae)

    # 1. stages in isolation
    st = stage_times(model, repeat)
    R["stages_s"] = st
    floor = {k: wb[k] / (bw * 1e9) for k in ("base_lm", "residual_lm", "dit_solve", "local_encoder")}
    print(f"\nper-step stages, batch 1 (best of {repeat}; bandwidth floor = weight bytes / bandwidth)")
    print(f"  {'stage':<22}{'ms':>9}{'weights MB':>12}{'floor ms':>10}{'floor/ms':>10}")
    names = {"base_lm_step": "base_lm", "residual_lm_step": "residual_lm", "dit_solve": "dit_solve",
             "local_encoder": "local_encoder"}
    for k, v in st.items():
        b = names.get(k)
        extra = (f"{wb[b] / 1e6:>12.0f}{floor[b] * 1e3:>10.1f}{floor[b] / v:>10.0%}" if b else "")
        print(f"  {k:<22}{v * 1e3:>9.1f}{extra}")
    print(f"  (dit_solve = {calls} estimator calls, CFG as one batch of 2)")

    # 2. whole step, RTF
    lm_only = whole_step(model, 1, None, steps, with_vae=False)
    with_vae = whole_step(model, 1, None, steps, with_vae=True)
    loop = loop_step(model, 1, steps)
    step_floor = wb["step"] / (bw * 1e9)
    R["step_b1"] = dict(model_step_s=lm_only, step_with_vae_s=with_vae, generation_run_gap_s=loop,
                        sum_of_stages_s=sum(st.values()), bandwidth_floor_s=step_floor,
                        rtf=with_vae / PATCH_SECONDS, rtf_floor=step_floor / PATCH_SECONDS,
                        fraction_of_floor=step_floor / lm_only)
    print(f"\nwhole step, batch 1: model {lm_only * 1e3:.0f} ms, + streaming VAE {with_vae * 1e3:.0f} ms "
          f"(generation.run between patches: {loop * 1e3:.0f} ms; sum of isolated stages "
          f"{sum(st.values()) * 1e3:.0f} ms)")
    print(f"  RTF {with_vae / PATCH_SECONDS:.2f} (step / {PATCH_SECONDS} s); bandwidth floor "
          f"{step_floor * 1e3:.0f} ms for {wb['step'] / 1e9:.2f} GB of weights/step "
          f"-> {lm_only / step_floor:.2f}x the floor")
    R["step_vs_floor"] = sf = step_vs_floor(model, wb["step"], 3 if a.quick else 7)
    print(f"  step and read-bandwidth probe alternating ({len(sf['rounds'])} rounds, "
          f"{min(r['read_gbs'] for r in sf['rounds']):.0f}-{max(r['read_gbs'] for r in sf['rounds']):.0f} GB/s): "
          f"step / floor median {sf['median_ratio']:.2f}x (best {sf['best_ratio']:.2f}, "
          f"worst {sf['worst_ratio']:.2f}; target 1.5x)")

    # 3. throughput by batch
    print("\nthroughput (forced length, seconds of audio per second, incl. streaming VAE)")
    print(f"  {'batch':>5}{'step ms':>10}{'audio s/s':>11}{'bound s/s':>11}{'of bound':>10}")
    R["throughput"] = []
    for B in batches:
        t = with_vae if B == 1 else whole_step(model, B, None, steps if B <= 4 else max(2, steps - 1))
        fl = flops_per_step(net, B, calls, model.cfg.patch_size)
        bound_t = max(step_floor, fl / (peak_tflops * 1e12))
        row = dict(batch=B, step_s=t, audio_s_per_s=B * PATCH_SECONDS / t,
                   bound_audio_s_per_s=B * PATCH_SECONDS / bound_t, flops_per_step=fl,
                   fraction_of_bound=bound_t / t)
        R["throughput"].append(row)
        print(f"  {B:>5}{t * 1e3:>10.0f}{row['audio_s_per_s']:>11.2f}{row['bound_audio_s_per_s']:>11.2f}"
              f"{row['fraction_of_bound']:>10.0%}")
    print("  (bound = max(weight bytes / bandwidth, FLOPs / peak matmul); VAE not in the bound)")

    # 4. time to first audio
    tt = time_to_first_audio(model)
    R["time_to_first_audio"] = tt
    print(f"\ntime to first audio, {len(SENTENCE)}-character sentence: {tt['total_s'] * 1e3:.0f} ms = "
          f"frontend {tt['frontend_s'] * 1e3:.1f} + prefill & first patch "
          f"{tt['prefill_and_first_patch_s'] * 1e3:.0f} + VAE {tt['vae_first_patch_s'] * 1e3:.0f} ms "
          f"(frontend's cold first call: {tt['frontend_cold_first_call_s'] * 1e3:.0f} ms); "
          f"synth.stream()'s first chunk {tt['stream_first_chunk_s'] * 1e3:.0f} ms")

    # 5. flatness over 2 minutes of audio
    start, late = flatness(model, steps)
    R["flatness"] = dict(start_s=start, at_position_s=late, position=LONG_POSITION,
                         ratio=late / start, flat_within_10pct=abs(late / start - 1) <= 0.10,
                         method="KV caches of both LMs filled to position 1500 (random keys/values: "
                                "a step's cost depends on the span attended, not the values), "
                                "then whole steps (with VAE) timed there and right after the "
                                "prompt, alternately; best of each")
    print(f"\nstep cost at position ~{20} vs {LONG_POSITION} (= 2 min of audio): {start * 1e3:.0f} vs "
          f"{late * 1e3:.0f} ms, ratio {late / start:.3f} "
          f"({'flat' if R['flatness']['flat_within_10pct'] else 'NOT flat'} within 10%)")
    print(f"  method: {R['flatness']['method']}")

    bws2, mm2 = limits()
    R["limits_end"] = dict(bandwidth_gbs=bws2, matmul_tflops=mm2)
    print(f"\nmachine again at the end: bandwidth {bws2['copy']:.1f} copy / {bws2['read']:.1f} read GB/s, "
          "matmul " + ", ".join(f"{k.rsplit(' ', 1)[0]} {v * 1e3:.0f}" for k, v in mm2.items()) + " GFLOP/s"
          + " (figures above use the limits measured at the start)")

    R["peak_rss_bytes"] = peak_rss_bytes()
    if dev.type == "cuda":
        R["cuda_peak_bytes"] = torch.cuda.max_memory_allocated()
    R["loadavg_after"] = loadavg()
    R["total_s"] = time.perf_counter() - T0
    gib = 2 ** 30
    print(f"\npeak RSS {R['peak_rss_bytes'] / gib:.2f} GiB (weights incl. VAE {R['weights_bytes'] / gib:.2f} GiB)"
          + (f"; CUDA peak {R['cuda_peak_bytes'] / gib:.2f} GiB" if dev.type == "cuda" else ""))
    print(f"load average before/after: {R['loadavg_before']:.2f} / {R['loadavg_after']:.2f}"
          + (" (machine shared with other jobs)" if max(R['loadavg_before'], R['loadavg_after']) > 2 else ""))
    print(f"benchmark wall time {R['total_s']:.0f} s")
    if a.json:
        Path(a.json).write_text(json.dumps(R, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

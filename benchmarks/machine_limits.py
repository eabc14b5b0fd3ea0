"""The machine's own limits, measured in the same run as a benchmark: matmul throughput on
given shapes and memory bandwidth. Every speed figure is reported as a fraction of these."""
from __future__ import annotations

import time

import torch


def _best_of(fn, repeat: int = 5, min_time: float = 0.2) -> float:
    """Seconds per call: best of `repeat` batches, each run long enough to time reliably."""
    fn()
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - t0 >= min_time / repeat or calls > 1 << 16:
            break
        calls *= 2
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - t0) / calls)
    return best


def memory_bandwidth_gbs(device: str = "cpu", mbytes: int = 256) -> float:
    """Read+write bandwidth of a large copy (GB/s), well past any cache."""
    n = mbytes * 1024 * 1024 // 4
    src = torch.randn(n, device=device)
    dst = torch.empty_like(src)

    def copy():
        dst.copy_(src)
        if device != "cpu":
            torch.cuda.synchronize()

    seconds = _best_of(copy)
    return 2 * src.numel() * 4 / seconds / 1e9


def read_bandwidth_gbs(device: str = "cpu", mbytes: int = 256) -> float:
    """Read-only bandwidth (GB/s): a sum over a buffer well past any cache.  Streaming weights
    through a matmul is reads only, so this is the figure a step's floor is closest to."""
    x = torch.randn(mbytes * 1024 * 1024 // 4, device=device)

    def read():
        x.sum()
        if device != "cpu":
            torch.cuda.synchronize()

    return x.numel() * 4 / _best_of(read) / 1e9


def matmul_tflops(m: int, k: int, n: int, device: str = "cpu", dtype=torch.float32,
                  kernel: str = "torch.mm") -> float:
    """Throughput of [m,k] x [k,n]; kernel "onednn" (CPU only) is what synth/voxcpm/cpu_linear.py
    runs the model's float32 Linear layers with (weight packed once), "torch.mm" the stock one
    (MKL on CPU)."""
    a = torch.randn(m, k, device=device, dtype=dtype)
    b = torch.randn(k, n, device=device, dtype=dtype)
    w = b.t().contiguous()  # a Linear's [out, in] weight
    if kernel == "onednn":
        w = torch.ops.mkldnn._reorder_linear_weight(w, None)

    def mm():
        if kernel == "onednn":
            torch.ops.mkldnn._linear_pointwise(a, w, None, "none", [], "")
        else:
            torch.mm(a, b)
        if device != "cpu":
            torch.cuda.synchronize()

    return 2 * m * k * n / _best_of(mm) / 1e12


if __name__ == "__main__":
    print(f"threads {torch.get_num_threads()}")
    print(f"memory bandwidth {memory_bandwidth_gbs():.1f} GB/s copy, {read_bandwidth_gbs():.1f} GB/s read")
    for shape in [(1, 1024, 4096), (2, 1024, 4096), (10, 1024, 4096), (32, 1024, 4096), (512, 1024, 1024)]:
        print(f"mm {shape}: torch.mm {matmul_tflops(*shape) * 1e3:.1f}, "
              f"oneDNN {matmul_tflops(*shape, kernel='onednn') * 1e3:.1f} GFLOP/s")

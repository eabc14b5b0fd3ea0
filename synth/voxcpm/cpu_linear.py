"""Float32 Linear layers through oneDNN on the CPU (on by default for CPU float32 models).

The stock torch CPU wheel runs a float32 nn.Linear through MKL's sgemm.  On the AMD EPYC
(Zen 5) of our machines that path reaches 10-25 GB/s and 60-180 GFLOP/s on the model's shapes,
while oneDNN's kernels, which choose their instruction set from the CPU's features rather than
its vendor, run the same shapes 2-3x faster and halve a whole generation step
(docs/performance.md, `benchmarks/voxcpm_perf.py --linear-ab`).  The arithmetic stays float32:
results differ from MKL's only in summation order (a few 1e-6 on 1024-long dot products).

`torch.ops.mkldnn._linear_pointwise` is the op torch's own compiler emits for CPU linears; it
is internal API, so `onednn_linear_works()` checks once that it exists and agrees with F.linear
before any layer is switched, and a layer falls back to F.linear for anything but a float32
CPU input outside autograd.
"""
from __future__ import annotations

import functools

import torch
import torch.nn.functional as F
from torch import nn


def _onednn(x, weight, bias):
    return torch.ops.mkldnn._linear_pointwise(x, weight, bias, "none", [], "")


@functools.cache
def onednn_linear_works() -> bool:
    """True if this torch build has the oneDNN linear op and it matches F.linear, also on the
    strided operands callers give it (batch-strided rows, a transposed weight view)."""
    if not (torch.backends.mkldnn.is_available() and hasattr(torch.ops.mkldnn, "_linear_pointwise")):
        return False
    g = torch.Generator().manual_seed(0)
    cases = [(torch.randn(3, 5, 64, generator=g), torch.randn(48, 64, generator=g)),
             (torch.randn(2, 9, 40, generator=g)[:, 1:], torch.randn(40, 24, generator=g).t())]
    for x, w in cases:
        b = torch.randn(w.shape[0], generator=g)
        try:
            with torch.inference_mode():
                got = _onednn(x, w, b)
        except RuntimeError:
            return False
        if got.shape != (*x.shape[:-1], w.shape[0]) or not torch.allclose(got, F.linear(x, w, b),
                                                                           rtol=1e-5, atol=1e-5):
            return False
    return True


def linear(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None) -> torch.Tensor:
    """F.linear, through oneDNN for a float32 CPU input outside autograd (where it works)."""
    if (x.is_cpu and x.dtype == torch.float32 and weight.dtype == torch.float32 and x.numel()
            and not (torch.is_grad_enabled() and (x.requires_grad or weight.requires_grad))
            and onednn_linear_works()):
        return _onednn(x, weight, bias)
    return F.linear(x, weight, bias)


class OneDNNLinear(nn.Linear):
    """An nn.Linear (same parameters, same state dict) whose float32 CPU forward uses oneDNN."""

    def forward(self, x):
        return linear(x, self.weight, self.bias)


def use_onednn_linears(net: nn.Module) -> int:
    """Switch every plain nn.Linear in `net` to OneDNNLinear, in place; returns how many.

    Does nothing (returns 0) where the op is missing or disagrees with F.linear.  Quantised or
    other Linear subclasses are left alone (their type is not exactly nn.Linear).
    """
    if not onednn_linear_works():
        return 0
    n = 0
    for m in net.modules():
        if type(m) is nn.Linear:
            m.__class__ = OneDNNLinear
            n += 1
    return n


def use_mkl_linears(net: nn.Module) -> int:
    """Undo use_onednn_linears (for A/B measurements); returns how many were switched back."""
    n = 0
    for m in net.modules():
        if type(m) is OneDNNLinear:
            m.__class__ = nn.Linear
            n += 1
    return n

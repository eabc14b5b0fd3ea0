"""Linear layers through oneDNN on the CPU with weights pre-packed (float32 and bfloat16).

The stock torch CPU wheel runs a float32 nn.Linear through MKL's sgemm.  On the AMD EPYC
(Zen 5) of our machines that path reaches 10-25 GB/s and 60-180 GFLOP/s on the model's shapes,
while oneDNN's kernels, which choose their instruction set from the CPU's features rather than
its vendor, run the same shapes 2-3x faster.  Handing oneDNN the weight in its own blocked
layout, reordered once at load (`_reorder_linear_weight`), saves it repacking the row-major
weight on every call: a 10-row matmul with weights streamed from memory goes from 26 to 37
GB/s, a whole generation step another 1.4x faster (docs/performance.md,
`benchmarks/voxcpm_perf.py --linear-ab`).  The arithmetic stays float32: results differ from
MKL's only in summation order (a few 1e-6 on 1024-long dot products).  bfloat16 models (opt-in
on the CPU) are packed the same way: bit-identical to F.linear's bfloat16 and 1.2-1.5x faster.

`torch.ops.mkldnn._linear_pointwise` and `_reorder_linear_weight` are what torch's own compiler
emits for CPU linears; they are internal API, so `onednn_linear_works()` checks once per dtype
that they exist and agree with F.linear before any layer is switched.  A packed layer is for
inference: anything but a CPU input of its dtype outside autograd goes through F.linear on the
unpacked weight.
"""
from __future__ import annotations

import functools

import torch
import torch.nn.functional as F
from torch import nn


def _onednn(x, weight, bias):
    return torch.ops.mkldnn._linear_pointwise(x, weight, bias, "none", [], "")


def pack(weight: torch.Tensor) -> torch.Tensor:
    """The weight in oneDNN's blocked layout (same shape and values; an opaque mkldnn tensor).
    batch_size None: one layout for any number of rows (packing for a given row count made
    80-row matmuls 5x slower)."""
    with torch.no_grad():
        return torch.ops.mkldnn._reorder_linear_weight(weight.detach(), None)


@functools.cache
def onednn_linear_works(dtype: torch.dtype = torch.float32) -> bool:
    """True if this torch build has the oneDNN linear ops for `dtype` (float32, or bfloat16 on
    CPUs oneDNN runs it on) and they match F.linear, with plain and packed weights, on the
    strided operands callers give them (batch-strided rows, a transposed weight view)."""
    ops = torch.ops.mkldnn
    if not (torch.backends.mkldnn.is_available() and hasattr(ops, "_linear_pointwise")
            and hasattr(ops, "_reorder_linear_weight") and dtype in (torch.float32, torch.bfloat16)):
        return False
    if dtype == torch.bfloat16 and not ops._is_mkldnn_bf16_supported():
        return False
    tol = 1e-5 if dtype == torch.float32 else 2e-2
    g = torch.Generator().manual_seed(0)
    cases = [(torch.randn(3, 5, 64, generator=g), torch.randn(48, 64, generator=g)),
             (torch.randn(2, 9, 40, generator=g)[:, 1:], torch.randn(40, 24, generator=g).t())]
    for x, w in cases:
        x, w, b = x.to(dtype), w.to(dtype), torch.randn(w.shape[0], generator=g).to(dtype)
        want = F.linear(x.float(), w.float(), b.float())
        try:
            with torch.inference_mode():
                got = [_onednn(x, w, b), _onednn(x, pack(w), b)]
        except RuntimeError:
            return False
        if not all(y.shape == want.shape and y.dtype == dtype
                   and torch.allclose(y.float(), want, rtol=tol, atol=tol) for y in got):
            return False
    return True


def runs_on_onednn(x: torch.Tensor, weight: torch.Tensor) -> bool:
    """Whether linear(x, weight) takes the oneDNN path: a float32 or bfloat16 CPU input of the
    weight's dtype, outside autograd (and the ops work for it).  Only then may `weight` be a
    packed one (pack())."""
    return (x.is_cpu and x.dtype == weight.dtype and x.numel() > 0
            and not (torch.is_grad_enabled() and (x.requires_grad or weight.requires_grad))
            and onednn_linear_works(x.dtype))


def linear(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None) -> torch.Tensor:
    """F.linear, through oneDNN where runs_on_onednn(x, weight)."""
    if runs_on_onednn(x, weight):
        return _onednn(x, weight, bias)
    return F.linear(x, weight, bias)


def dense(weight: torch.Tensor) -> torch.Tensor:
    """The weight in the ordinary layout (unpacked if packed)."""
    return weight.to_dense() if weight.layout == torch._mkldnn else weight


class OneDNNLinear(nn.Linear):
    """An nn.Linear whose weight is held packed for oneDNN (use_onednn_linears makes them).
    state_dict() gives the weight back in the ordinary layout."""

    def forward(self, x):
        if runs_on_onednn(x, self.weight):
            return _onednn(x, self.weight, self.bias)
        return F.linear(x, dense(self.weight).to(x.dtype),
                        None if self.bias is None else self.bias.to(x.dtype))

    def _save_to_state_dict(self, destination, prefix, keep_vars):
        super()._save_to_state_dict(destination, prefix, keep_vars)
        destination[prefix + "weight"] = dense(self.weight)

    def __deepcopy__(self, memo):
        # A packed tensor cannot be cloned by Parameter.__deepcopy__: copy the dense weight.
        twin = nn.Linear(self.in_features, self.out_features, bias=self.bias is not None,
                         device="meta")
        twin.weight = nn.Parameter(pack(dense(self.weight)), requires_grad=False)
        if self.bias is not None:
            twin.bias = nn.Parameter(self.bias.detach().clone(), requires_grad=False)
        twin.__class__ = OneDNNLinear
        memo[id(self)] = twin
        return twin

    def _apply(self, fn, recurse=True):
        # torch cannot move or cast a packed (mkldnn) tensor: .to()/.cuda()/.bfloat16() give
        # back an ordinary nn.Linear first.  A no-op (.to("cpu") or .float() of a float32
        # layer: fn returns its argument itself) keeps the layer packed.
        probe = torch.zeros(1, dtype=self.weight.dtype)
        if fn(probe) is probe:
            return self
        _unpack(self)
        return nn.Module._apply(self, fn, recurse)


def _unpack(m: OneDNNLinear) -> None:
    m.weight = nn.Parameter(m.weight.to_dense(), requires_grad=False)
    m.__class__ = nn.Linear


@torch.no_grad()
def fuse_linears(parts: list[nn.Linear]) -> nn.Linear:
    """One bias-free Linear whose output is the parts' outputs side by side (weights stacked),
    packed for oneDNN if the parts were."""
    if any(p.bias is not None for p in parts):
        raise ValueError("fuse_linears: only bias-free projections are fused")
    w = torch.cat([dense(p.weight) for p in parts])
    fused = nn.Linear(w.shape[1], w.shape[0], bias=False, device="meta")
    fused.weight = nn.Parameter(w, requires_grad=False)
    if any(type(p) is OneDNNLinear for p in parts):
        use_onednn_linears(fused)
    return fused


def use_onednn_linears(net: nn.Module) -> int:
    """Switch every plain float32/bfloat16 CPU nn.Linear in `net` to OneDNNLinear, packing its weight, in
    place; returns how many.  The layers become inference-only (no weight gradients).

    Does nothing (returns 0) where the ops are missing or disagree with F.linear.  Quantised or
    other Linear subclasses are left alone (their type is not exactly nn.Linear).
    """
    n = 0
    for m in net.modules():
        if type(m) is nn.Linear and m.weight.is_cpu and onednn_linear_works(m.weight.dtype):
            m.weight = nn.Parameter(pack(m.weight), requires_grad=False)
            if m.bias is not None:
                m.bias.requires_grad_(False)
            m.__class__ = OneDNNLinear
            n += 1
    return n


def use_mkl_linears(net: nn.Module) -> int:
    """Undo use_onednn_linears (for A/B measurements and int8 quantisation); returns how many
    were switched back."""
    n = 0
    for m in net.modules():
        if type(m) is OneDNNLinear:
            _unpack(m)
            n += 1
    return n

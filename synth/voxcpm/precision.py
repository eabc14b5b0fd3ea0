"""Opt-in lower-precision CPU inference: int8 dynamic quantisation of the transformer matmuls.

Only the Linear layers inside the transformer blocks (attention and MLP projections of the
base LM, residual LM, local encoder and DiT) are quantised: they hold ~all of the weights and
the matmul time.  The small heads and projections stay float32 because other code reads their
`.weight` (e.g. VoxCPMNet.dtype), which a quantised Linear no longer has as a tensor.
Weights are int8 per output channel, activations quantised per call (dynamic): no calibration.
"""
from __future__ import annotations

import warnings

import torch
from torch import nn

QUANTIZE_CHOICES = ("int8",)


def quantize_int8(net: nn.Module) -> nn.Module:
    """Swap every nn.Linear inside Attention/MLP of `net` for a dynamically quantised int8
    Linear, in place.  `net` must be float32 on the CPU.  Fused projections (fuse_projections)
    quantise as they are: the scales are per output channel, so the same as unfused."""
    from .transformer import MLP, Attention
    if net.dtype != torch.float32 or net.device.type != "cpu":
        raise ValueError(f"int8 quantisation needs a float32 CPU model, not {net.dtype} on {net.device}")
    blocks = [m for m in net.modules() if isinstance(m, (Attention, MLP))]
    # quantize_dynamic maps exact types only: a OneDNNLinear (cpu_linear.py) would be skipped.
    from .cpu_linear import use_mkl_linears
    use_mkl_linears(net)
    qconfig = torch.ao.quantization.per_channel_dynamic_qconfig
    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao; the eager API still works in 2.13.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        for m in blocks:
            torch.ao.quantization.quantize_dynamic(m, {nn.Linear: qconfig}, dtype=torch.qint8,
                                                   inplace=True)
    return net

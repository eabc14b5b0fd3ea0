"""Building blocks of the VoxCPM AudioVAE: causal convolutions, Snake, residual units.

Every layer takes `forward(x, state=None)`.  With `state=None` the layer sees the
whole signal at once, preceded by silence (the offline path).  With a `StreamState`
it sees the next slice of a longer signal and takes its left context from the state
instead of zeros, then stores its own tail for the next call.  Both paths run the
same arithmetic, which is why a streamed decode equals the offline one.

Convolution weights are the *effective* weights: the checkpoint's weight-norm pairs
(`weight_g`, `weight_v`) are folded once when loading (see `fold_weight_norm`).
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


def fold_weight_norm(g: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """weight = g * v / ||v||, the norm over every axis but axis 0 of v.

    Axis 0 is the output channel of a Conv1d but the *input* channel of a
    ConvTranspose1d (layout [in, out, k]); the formula is the same either way.
    """
    norm = v.flatten(1).norm(dim=1).view(-1, *([1] * (v.dim() - 1)))
    return g * (v / norm)


def _init_uniform(weight: torch.Tensor, fan_in: int) -> None:
    """Placeholder values until load_weights (PyTorch's default conv scale, so an
    unloaded model is random but finite)."""
    bound = 1.0 / math.sqrt(fan_in)
    with torch.no_grad():
        weight.uniform_(-bound, bound)


class StreamState(dict):
    """Left context of every causal layer of one stream, keyed by the layer."""

    def extend(self, layer: nn.Module, x: torch.Tensor, context: int) -> torch.Tensor:
        """Return the layer's last `context` input frames followed by `x`; keep the new tail."""
        if context == 0:
            return x
        past = self.get(layer)
        if past is None:  # the start of the stream is preceded by silence, as offline
            past = x.new_zeros(x.shape[0], x.shape[1], context)
        full = torch.cat([past, x], dim=-1)
        self[layer] = full[..., -context:].clone()  # clone: don't keep `full` alive
        return full


class CausalConv1d(nn.Module):
    """1-D convolution padded on the left only, so output t depends on inputs <= t.

    `pad` is the reference's constructor argument: the input gets 2*pad zeros in front.
    """

    def __init__(self, c_in, c_out, kernel, *, stride=1, dilation=1, groups=1, pad=0, bias=True):
        super().__init__()
        self.stride, self.dilation, self.groups = stride, dilation, groups
        self.left = 2 * pad
        self.weight = nn.Parameter(torch.empty(c_out, c_in // groups, kernel))
        self.bias = nn.Parameter(torch.zeros(c_out)) if bias else None
        _init_uniform(self.weight, c_in // groups * kernel)

    def forward(self, x, state: StreamState | None = None):
        if state is None:
            x = F.pad(x, (self.left, 0))
        else:
            if self.stride != 1:
                raise NotImplementedError("streaming a strided convolution (encoder) is not supported")
            x = state.extend(self, x, self.left)
        return F.conv1d(x, self.weight, self.bias, self.stride, 0, self.dilation, self.groups)


class CausalConvTranspose1d(nn.Module):
    """Upsampling by `stride` with kernel 2*stride: a transposed convolution whose last
    2*ceil(stride/2) - stride%2 (= stride) outputs are dropped, so T frames give exactly
    T*stride samples.

    Computed as overlap-add: input frame t contributes a 2*stride-sample kernel
    response; its first half lands in output block t, its second half (the tail) in
    block t+1.  Streaming carries the last frame's tail into the next call.  (One
    matmul; also much faster on CPU than torch's conv_transpose1d for short inputs.)
    """

    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.stride = stride
        self.trim = 2 * math.ceil(stride / 2) - stride % 2  # what the reference cuts; == stride
        self.weight = nn.Parameter(torch.empty(c_in, c_out, 2 * stride))
        self.bias = nn.Parameter(torch.zeros(c_out))
        _init_uniform(self.weight, c_in * 2)

    def forward(self, x, state: StreamState | None = None):
        b, c_in, frames = x.shape
        c_out, s = self.weight.shape[1], self.stride
        # response[b, t, o, j]: frame t's kernel response, sample j of 2s
        response = (x.transpose(1, 2) @ self.weight.reshape(c_in, c_out * 2 * s)).view(b, frames, c_out, 2 * s)
        head, tail = response[..., :s], response[..., s:]
        past = state.get(self) if state is not None else None
        if past is None:  # nothing precedes the first frame
            past = x.new_zeros(b, 1, c_out, s)
        blocks = head + torch.cat([past, tail[:, :-1]], dim=1)
        if state is not None:
            state[self] = tail[:, -1:].clone()
        y = blocks.permute(0, 2, 1, 3).reshape(b, c_out, frames * s)
        return y + self.bias[:, None]


class Snake1d(nn.Module):
    """x + sin(alpha*x)^2 / (alpha + 1e-9), alpha per channel."""

    def __init__(self, channels):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(1, channels, 1))

    def forward(self, x, state=None):
        return x + (self.alpha + 1e-9).reciprocal() * torch.sin(self.alpha * x).pow(2)


class Tanh(nn.Module):
    def forward(self, x, state=None):
        return torch.tanh(x)


class Chain(nn.ModuleList):
    """nn.Sequential that threads the stream state through (names stay 0, 1, 2, ...)."""

    def forward(self, x, state=None):
        for layer in self:
            x = layer(x, state)
        return x


class ResidualUnit(nn.Module):
    """x + conv1x1(snake(conv7_dilated(snake(x)))); depthwise when groups == channels."""

    def __init__(self, channels, dilation, groups=1):
        super().__init__()
        self.block = Chain([
            Snake1d(channels),
            CausalConv1d(channels, channels, 7, dilation=dilation, groups=groups, pad=3 * dilation),
            Snake1d(channels),
            CausalConv1d(channels, channels, 1),
        ])

    def forward(self, x, state=None):
        return x + self.block(x, state)


class NoiseBlock(nn.Module):
    """Adds N(0,1) per time step times a learned 1x1 projection (off in released configs).

    Draws from torch's global generator, so its output is random by design.
    """

    def __init__(self, channels):
        super().__init__()
        self.linear = CausalConv1d(channels, channels, 1, bias=False)

    def forward(self, x, state=None):
        noise = torch.randn(x.shape[0], 1, x.shape[-1], device=x.device, dtype=x.dtype)
        return x + noise * self.linear(x, state)


def residual_stack(channels, groups):
    """The three residual units (dilations 1, 3, 9) of every encoder and decoder block."""
    return [ResidualUnit(channels, d, groups) for d in (1, 3, 9)]

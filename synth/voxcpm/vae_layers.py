"""Building blocks of the VoxCPM AudioVAE: causal convolutions, Snake, residual units.

Activations run **time-major**, [B, T, C] (the checkpoint and the public API are
channel-major, [B, C, T]; `Encoder`/`Decoder` transpose once at their ends).  With time
last-but-one, a 1x1 convolution and the upsamplers' matmuls are plain linear layers on
contiguous rows, a depthwise convolution is seven shifted multiply-adds over contiguous
channel vectors, and Snake broadcasts its per-channel alpha along the fast axis.

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

from .cpu_linear import linear, pack, runs_on_onednn


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


# ------------------------------------------------------------------ kernels
# linear(): F.linear through oneDNN on the CPU (cpu_linear.py); the stock MKL sgemm is 1.5-2x
# slower on these shapes on our AMD CPUs (2-row 1536 x 12288 upsampler matmul: 6.1 vs 4.0 ms).

def _derived(module: nn.Module, name: str, source: torch.Tensor, make):
    """A tensor computed from a parameter (a transposed copy, a reciprocal), cached on the
    module and recomputed when the parameter changes (in-place load, .to(), new data)."""
    try:
        version = source._version
    except RuntimeError:  # an inference tensor (module built under inference_mode) never changes in place
        version = -1
    stamp = (version, source.data_ptr(), source.dtype, source.device)
    cache = module.__dict__.setdefault("_derived_cache", {})
    hit = cache.get(name)
    if hit is None or hit[0] != stamp:
        with torch.inference_mode(False), torch.no_grad():  # a plain tensor, usable under autograd
            hit = cache[name] = (stamp, make(source.detach()))
    return hit[1]


def _matmul(module: nn.Module, name: str, x: torch.Tensor, make, bias=None) -> torch.Tensor:
    """linear(x, W, bias) with W = make(module.weight) cached on the module: packed for oneDNN
    (cpu_linear.pack, like the model's Linears: a streaming push 10.6 -> 8.5 ms) where linear
    runs there, else as `make` gives it (a view where it can be: no second copy)."""
    if runs_on_onednn(x, module.weight):
        w = _derived(module, name + ".packed", module.weight, lambda w: pack(make(w).contiguous()))
    else:
        w = _derived(module, name, module.weight, make)
    return linear(x, w, bias)


class StreamState(dict):
    """Left context of every causal layer of one stream, keyed by the layer."""

    def extend(self, layer: nn.Module, x: torch.Tensor, context: int) -> torch.Tensor:
        """Return the layer's last `context` input frames followed by `x` (time-major,
        [B, T, C]); keep the new tail."""
        if context == 0:
            return x
        past = self.get(layer)
        if past is None:  # the start of the stream is preceded by silence, as offline
            past = x.new_zeros(x.shape[0], context, x.shape[2])
        full = torch.cat([past, x], dim=1)
        self[layer] = full[:, -context:].clone()  # clone: don't keep `full` alive
        return full

    # Batch rows are independent streams (every layer keeps [B, ...] tails), so a batched
    # stream can drop rows that ended and take on rows that start, as the KV cache does.
    def select_rows(self, rows: torch.Tensor) -> None:
        """Keep only the batch rows `rows` (in that order)."""
        for layer, tail in self.items():
            self[layer] = tail[rows.to(tail.device)]

    def append_rows(self, other: "StreamState", n_self: int, n_other: int) -> None:
        """Append other's rows after ours.  A layer missing on one side has not been fed
        yet there, i.e. it is preceded by silence: its rows are zeros."""
        for layer in set(self) | set(other):
            like = self.get(layer, other.get(layer))
            mine = self.get(layer, like.new_zeros((n_self,) + like.shape[1:]))
            theirs = other.get(layer, like.new_zeros((n_other,) + like.shape[1:]))
            self[layer] = torch.cat([mine, theirs])


class CausalConv1d(nn.Module):
    """1-D convolution padded on the left only, so output t depends on inputs <= t.

    `pad` is the reference's constructor argument: the input gets 2*pad zeros in front.
    Weight layout is torch's Conv1d one, [c_out, c_in/groups, kernel].
    """

    def __init__(self, c_in, c_out, kernel, *, stride=1, dilation=1, groups=1, pad=0, bias=True):
        super().__init__()
        self.stride, self.dilation, self.groups = stride, dilation, groups
        self.left = 2 * pad
        self.weight = nn.Parameter(torch.empty(c_out, c_in // groups, kernel))
        self.bias = nn.Parameter(torch.zeros(c_out)) if bias else None
        _init_uniform(self.weight, c_in // groups * kernel)

    def forward(self, x, state: StreamState | None = None):
        """x [B, T, c_in] -> [B, T', c_out] (T' = T for stride 1)."""
        if state is None:
            x = F.pad(x, (0, 0, self.left, 0))
        else:
            if self.stride != 1:
                raise NotImplementedError("streaming a strided convolution (encoder) is not supported")
            x = state.extend(self, x, self.left)
        c_out, c_in_per_group, kernel = self.weight.shape
        if self.stride == 1 and self.groups == c_out and c_in_per_group == 1:
            return self._depthwise(x)
        if self.stride == 1 and self.groups == 1:
            if kernel == 1:
                return _matmul(self, "pointwise", x, lambda w: w[:, :, 0], self.bias)
            if c_out <= c_in_per_group:  # its temporary is at most `kernel` times the input
                return self._taps_matmul(x)
        # Strided (encoder), widening (1 -> c, latent -> c), grouped-but-not-depthwise: torch's
        # conv on a channel-major view.
        y = F.conv1d(x.transpose(1, 2), self.weight, self.bias, self.stride, 0, self.dilation, self.groups)
        return y.transpose(1, 2).contiguous()

    def _taps_matmul(self, x):
        """A full convolution as one matmul giving every tap's response per input frame, then
        `kernel` shifted adds.  oneDNN's conv has a fixed cost of ~0.3 ms even for the 96 -> 1
        output conv on 1280 samples (1.7 MFLOP); this costs a tenth of that."""
        c_out, _, k = self.weight.shape
        b, frames, _ = x.shape
        d = self.dilation
        T = frames - (k - 1) * d
        # rows (tap j, output o) of a [k*c_out, c_in] matrix: a copy of the weight, kept
        response = _matmul(self, "taps", x, lambda w: w.permute(2, 0, 1).reshape(k * c_out, -1))
        response = response.view(b, frames, k, c_out)
        y = response[:, :T, 0] + self.bias if self.bias is not None else response[:, :T, 0].clone()
        for j in range(1, k):
            y.add_(response[:, j * d:j * d + T, j])
        return y

    def _depthwise(self, x):
        """Per-channel kernel as `kernel` shifted multiply-adds along time: for a few frames and
        hundreds of channels this beats oneDNN's depthwise conv, whose fixed cost dominates."""
        taps = _derived(self, "taps", self.weight, lambda w: w[:, 0, :].t().contiguous())  # [k, C]
        k, d = taps.shape[0], self.dilation
        T = x.shape[1] - (k - 1) * d
        if self.bias is not None:
            y = torch.addcmul(self.bias, x[:, :T], taps[0])
        else:
            y = x[:, :T] * taps[0]
        for j in range(1, k):
            y.addcmul_(x[:, j * d:j * d + T], taps[j])
        return y


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
        """x [B, T, c_in] -> [B, T*stride, c_out]."""
        b, frames, c_in = x.shape
        c_out, s = self.weight.shape[1], self.stride
        # response[b, t, o, j]: frame t's kernel response, sample j of 2s, from the weight as a
        # [c_out*2s, c_in] matrix (packed on the oneDNN path, else a transposed view).
        response = _matmul(self, "response", x, lambda w: w.view(c_in, c_out * 2 * s).t())
        response = response.view(b, frames, c_out, 2 * s)
        head = response[..., :s].transpose(2, 3)   # [b, t, j, o]: block t's own part
        tail = response[..., s:].transpose(2, 3)   # [b, t, j, o]: frame t's spill into block t+1
        past = state.get(self) if state is not None else None
        first = head[:, :1] if past is None else head[:, :1] + past   # nothing precedes frame 0
        y = torch.cat([first, head[:, 1:] + tail[:, :-1]], dim=1)    # [b, t, j, o], contiguous
        if state is not None:
            state[self] = tail[:, -1:].clone()
        return y.view(b, frames * s, c_out).add_(self.bias)


class Snake1d(nn.Module):
    """x + sin(alpha*x)^2 / (alpha + 1e-9), alpha per channel."""

    def __init__(self, channels):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(1, channels, 1))  # the checkpoint's shape

    def forward(self, x, state=None):
        """x [B, T, C]; in place on one temporary, same operation order as the formula."""
        alpha = _derived(self, "alpha", self.alpha, lambda a: a.reshape(-1).clone())
        inv = _derived(self, "inverse", self.alpha, lambda a: (a.reshape(-1) + 1e-9).reciprocal())
        y = torch.mul(x, alpha)
        y.sin_()
        y.square_()
        y.mul_(inv)
        return y.add_(x)


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
        return self.block(x, state).add_(x)  # the block's output is a fresh tensor


class NoiseBlock(nn.Module):
    """Adds N(0,1) per time step times a learned 1x1 projection (off in released configs).

    Draws from torch's global generator, so its output is random by design.
    """

    def __init__(self, channels):
        super().__init__()
        self.linear = CausalConv1d(channels, channels, 1, bias=False)

    def forward(self, x, state=None):
        # [B, T, 1] has the memory order of the reference's [B, 1, T] draw: the same numbers.
        noise = torch.randn(x.shape[0], x.shape[1], 1, device=x.device, dtype=x.dtype)
        return x + noise * self.linear(x, state)


def residual_stack(channels, groups):
    """The three residual units (dilations 1, 3, 9) of every encoder and decoder block."""
    return [ResidualUnit(channels, d, groups) for d in (1, 3, 9)]

"""Local DiT: the velocity estimator of the flow-matching sampler, for one patch."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from .config import TransformerConfig
from .transformer import MiniCPM


def sinusoid(t: torch.Tensor, dim: int, scale: float = 1000.0) -> torch.Tensor:
    """[N] -> [N, dim]: concat(sin, cos) of scale*t*exp(-j ln(1e4)/(half-1)).

    The frequency index is built in t's dtype, as the reference does (inexact above 256 in bf16).
    """
    half = dim // 2
    freq = torch.exp(torch.arange(half, dtype=t.dtype, device=t.device) * -(math.log(10000) / (half - 1)))
    a = scale * t[:, None] * freq[None, :]
    return torch.cat((a.sin(), a.cos()), dim=-1)


class TimeMLP(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.linear_1 = nn.Linear(dim, dim)
        self.linear_2 = nn.Linear(dim, dim)

    def forward(self, x):
        return self.linear_2(F.silu(self.linear_1(x)))


class LocalDiT(nn.Module):
    def __init__(self, cfg: TransformerConfig, feat_dim: int):
        super().__init__()
        H = cfg.hidden_size
        self.in_proj = nn.Linear(feat_dim, H)
        self.cond_proj = nn.Linear(feat_dim, H)
        self.out_proj = nn.Linear(H, feat_dim)
        self.time_mlp = TimeMLP(H)
        self.delta_time_mlp = TimeMLP(H)
        self.decoder = MiniCPM(cfg)
        self.dim = H

    def time_embedding(self, t, dt):
        te = self.time_mlp(sinusoid(t, self.dim).to(self.in_proj.weight.dtype))
        return te + self.delta_time_mlp(sinusoid(dt, self.dim).to(self.in_proj.weight.dtype))

    def forward(self, x, mu, t, cond, dt):
        """x [N,D,P] noisy patch, mu [N,Hd], t [N], cond [N,D,P'], dt [N] -> velocity [N,D,P]."""
        P = x.shape[2]
        xs = self.in_proj(x.transpose(1, 2))
        cs = self.cond_proj(cond.transpose(1, 2))
        head = (mu + self.time_embedding(t, dt))[:, None]
        out, _ = self.decoder(torch.cat([head, cs, xs], dim=1), causal=False, rows=slice(-P, None))
        return self.out_proj(out).transpose(1, 2)

    def velocity_field(self, mu, cond, times, P, times_key=None):
        """The estimator calls of one CFG solve, with their step-invariant work done once.

        mu [N,Hd] and cond [N,D,P'] are the solve's N = 2B rows (conditional rows, then
        unconditional ones), `times` its [(t, dt)] per call.  Returns f(x, i) for x [B,D,P]
        (the current patch, the same for both halves) that equals
        self(cat([x, x]), mu, t_i, cond, dt_i): the time embeddings are the same for every
        patch (cached across solves under `times_key`, a hashable that determines `times`),
        the condition's projection the same for every call (computed once here), and the
        input rows are assembled in place.
        """
        te = self._time_embeddings(times, times_key)      # [n, H]
        cs = self.cond_proj(cond.transpose(1, 2))         # [N, P', H]
        N, Pc, H = cs.shape
        seq = cs.new_empty(N, 1 + Pc + P, H)              # [head, condition, patch] rows
        seq[:, 1:1 + Pc] = cs
        halves = seq[:, 1 + Pc:].unflatten(0, (2, N // 2))

        def field(x, i):
            torch.add(mu, te[i], out=seq[:, 0])
            halves.copy_(self.in_proj(x.transpose(1, 2)))   # broadcast over the two halves
            out, _ = self.decoder(seq, causal=False, rows=slice(-P, None))
            return self.out_proj(out).transpose(1, 2)
        return field

    def _time_embeddings(self, times, times_key):
        """time_embedding of every (t, dt) in `times` as one [n, H] batch.  With a
        `times_key`, cached while the key and the time MLPs' weights stay the same (one
        entry: a generation uses one schedule)."""
        def compute():
            return self.time_embedding(torch.stack([t for t, _ in times]),
                                       torch.stack([dt for _, dt in times]))
        if times_key is None or torch.is_grad_enabled():
            return compute()
        params = [*self.time_mlp.parameters(), *self.delta_time_mlp.parameters()]
        key = (times_key, tuple((id(p), _data_ptr(p), _version(p)) for p in params))
        cached = self.__dict__.get("_te_cache")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_te_cache"] = (key, compute())
        return cached[1]


def _data_ptr(t: torch.Tensor) -> int:
    # A packed oneDNN weight (cpu_linear.py) has no storage; it is replaced, never reassigned.
    return t.data_ptr() if t.layout == torch.strided else 0


def _version(t: torch.Tensor) -> int:
    try:
        return t._version
    except RuntimeError:  # an inference tensor: never modified in place
        return -1

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

"""LongRoPE rotary embedding (MiniCPM-4 flavour), computed in float32.

The factor list and magnitude scale are fixed by the config (see config.py), so the angle
for position p is simply p * (1/factor[j]) * inv_freq[j]; tables are computed for the
positions asked for instead of for all max_position_embeddings at once.
"""
from __future__ import annotations

import torch
from torch import nn

from .config import TransformerConfig


class LongRoPE(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg
        self.scale = cfg.rope_scale
        self._freqs = {}  # device -> (1/factor, inv_freq); plain tensors, not state (meta-safe)

    def _tables(self, device):
        if device not in self._freqs:
            d = self.cfg.head_dim
            inv_freq = 1.0 / (self.cfg.rope_theta ** (torch.arange(0, d, 2, dtype=torch.float32) / d))
            inv_factor = 1.0 / torch.tensor(self.cfg.rope_factors, dtype=torch.float32)
            self._freqs[device] = (inv_factor.to(device), inv_freq.to(device))
        return self._freqs[device]

    def forward(self, positions: torch.Tensor):
        """positions: int tensor of any shape -> (cos, sin) of shape [*positions.shape, head_dim]."""
        inv_factor, inv_freq = self._tables(positions.device)
        p = positions.to(torch.float32).unsqueeze(-1)
        # Same float32 operation order as the reference table: (p * 1/factor) * inv_freq.
        angle = (p * inv_factor) * inv_freq
        emb = torch.cat((angle, angle), dim=-1)
        return emb.cos() * self.scale, emb.sin() * self.scale


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    a, b = x.chunk(2, dim=-1)
    return torch.cat((-b, a), dim=-1)


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x [B, heads, T, hd]; cos/sin broadcastable to it; rotation in float32, cast back."""
    xf = x.float()
    return (xf * cos + rotate_half(xf) * sin).to(x.dtype)


def rotation(cos: torch.Tensor, sin: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(cos, sin) -> the operands of `rotate`: cos, and sin with its first half negated, so
    that rotate_half(x) * sin == swap_halves(x) * signed_sin (negation is exact)."""
    half = sin.shape[-1] // 2
    return cos, torch.cat((-sin[..., :half], sin[..., half:]), dim=-1)


def rotate(x: torch.Tensor, cos: torch.Tensor, signed_sin: torch.Tensor) -> torch.Tensor:
    """apply_rope with the operands of `rotation`: three kernels instead of seven (the model
    rotates q and k in every layer of every step)."""
    xf = x if x.dtype == torch.float32 else x.float()
    swapped = xf.unflatten(-1, (2, -1)).flip(-2).flatten(-2)   # [x2, x1]
    out = torch.addcmul(xf * cos, swapped, signed_sin)
    return out if x.dtype == torch.float32 else out.to(x.dtype)

"""Finite scalar quantisation bottleneck on the base LM's output."""
from __future__ import annotations

import torch
from torch import nn


class FSQ(nn.Module):
    def __init__(self, hidden: int, latent: int, scale: int):
        super().__init__()
        self.in_proj = nn.Linear(hidden, latent)
        self.out_proj = nn.Linear(latent, hidden)
        self.scale = scale

    def codes(self, x: torch.Tensor) -> torch.Tensor:
        """Integer levels in [-scale, scale]; torch.round is round-half-to-even like the reference."""
        return torch.round(torch.tanh(self.in_proj(x)) * self.scale)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out_proj(self.codes(x) / self.scale)

"""Local encoder: one patch [P, D] -> one vector, via a learned token in front of the frames."""
from __future__ import annotations

import torch
from torch import nn

from .config import TransformerConfig
from .transformer import MiniCPM


class LocalEncoder(nn.Module):
    def __init__(self, cfg: TransformerConfig, feat_dim: int):
        super().__init__()
        # zeros, not randn: the checkpoint fills it, and randn on the meta device (load_model
        # builds there) goes through torch._prims, ~0.5 s of start-up
        self.special_token = nn.Parameter(torch.zeros(1, 1, 1, cfg.hidden_size))
        self.in_proj = nn.Linear(feat_dim, cfg.hidden_size)
        self.encoder = MiniCPM(cfg)

    def forward(self, patches: torch.Tensor) -> torch.Tensor:
        """patches [B, T, P, D] -> [B, T, He] (output at the special token, non-causal)."""
        B, T, P, _ = patches.shape
        x = self.in_proj(patches)
        x = torch.cat([self.special_token.expand(B, T, 1, -1), x], dim=2)
        out, _ = self.encoder(x.reshape(B * T, P + 1, -1), causal=False, rows=slice(0, 1))
        return out.reshape(B, T, -1)

"""VoxCPMNet: every learned module except the AudioVAE, with the state-dict names of the
official checkpoint, plus the three operations generation is made of: prefill, sample one
patch, feed a patch back.  All of them work on a batch of sequences of different lengths.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from . import cfm
from .config import VoxCPMConfig
from .dit import LocalDiT
from .fsq import FSQ
from .local_encoder import LocalEncoder
from .transformer import KVCache, MiniCPM


class FeatDecoder(nn.Module):
    """Holds the DiT under the checkpoint's name `feat_decoder.estimator`."""

    def __init__(self, cfg: VoxCPMConfig):
        super().__init__()
        self.estimator = LocalDiT(cfg.dit, cfg.feat_dim)


@dataclass
class DecodeState:
    """Per-sequence recurrent state of the generation loop (batch rows = live sequences)."""
    lm_hidden: torch.Tensor       # [B, H] base-LM state (FSQ'd at audio positions)
    residual_hidden: torch.Tensor  # [B, H]
    prev_patch: torch.Tensor      # [B, P, D] condition for the next patch
    lm_cache: KVCache
    residual_cache: KVCache

    def select(self, keep: torch.Tensor):
        self.lm_hidden, self.residual_hidden = self.lm_hidden[keep], self.residual_hidden[keep]
        self.prev_patch = self.prev_patch[keep]
        self.lm_cache.select(keep)
        self.residual_cache.select(keep)

    def extend(self, other: "DecodeState"):
        """Append other's rows (sequences prefilled to join a running batch) after ours."""
        self.lm_hidden = torch.cat([self.lm_hidden, other.lm_hidden])
        self.residual_hidden = torch.cat([self.residual_hidden, other.residual_hidden])
        self.prev_patch = torch.cat([self.prev_patch, other.prev_patch])
        self.lm_cache.extend(other.lm_cache)
        self.residual_cache.extend(other.residual_cache)


class VoxCPMNet(nn.Module):
    def __init__(self, cfg: VoxCPMConfig):
        super().__init__()
        self.cfg = cfg
        H = cfg.lm.hidden_size
        self.base_lm = MiniCPM(cfg.lm)
        self.residual_lm = MiniCPM(cfg.residual_lm)
        self.feat_encoder = LocalEncoder(cfg.encoder, cfg.feat_dim)
        self.feat_decoder = FeatDecoder(cfg)
        self.fsq_layer = FSQ(H, cfg.fsq_latent_dim, cfg.fsq_scale)
        self.enc_to_lm_proj = nn.Linear(cfg.encoder.hidden_size, H)
        self.lm_to_dit_proj = nn.Linear(H, cfg.dit.hidden_size)
        self.res_to_dit_proj = nn.Linear(H, cfg.dit.hidden_size)
        self.stop_proj = nn.Linear(H, H)
        self.stop_head = nn.Linear(H, 2, bias=False)

    def fuse_projections(self) -> "VoxCPMNet":
        """Fuse q/k/v and gate/up weights in all four transformers (after loading weights)."""
        for m in self.modules():
            if isinstance(m, MiniCPM):
                m.fuse_projections()
        return self

    @property
    def dtype(self):
        return self.stop_head.weight.dtype

    @property
    def device(self):
        return self.stop_head.weight.device

    # -- pieces ------------------------------------------------------------------------
    def embed_patches(self, patches: torch.Tensor) -> torch.Tensor:
        """[B, T, P, D] -> LM-space embeddings [B, T, H]."""
        return self.enc_to_lm_proj(self.feat_encoder(patches))

    def stop_logits(self, lm_hidden: torch.Tensor) -> torch.Tensor:
        return self.stop_head(F.silu(self.stop_proj(lm_hidden)))

    def dit_condition(self, lm_hidden, residual_hidden):
        return self.lm_to_dit_proj(lm_hidden) + self.res_to_dit_proj(residual_hidden)

    # -- generation steps --------------------------------------------------------------
    def prefill(self, ids, audio_mask, feats, lengths, cache_length: int) -> DecodeState:
        """ids [B,L] (0 at audio positions), audio_mask [B,L] bool, feats [B,L,P,D], lengths [B].

        Sequences are right-padded to L; causal attention keeps padding out of real positions.
        """
        B, L = ids.shape
        audio = audio_mask[..., None]
        x = self.base_lm.embed_tokens(ids)
        if self.cfg.scale_emb != 1.0:
            x = x * self.cfg.scale_emb
        feat_embed = torch.zeros_like(x)
        if bool(audio_mask.any()):  # the encoder runs on real prompt patches only
            feat_embed[audio_mask] = self.embed_patches(feats[audio_mask][None])[0]
        x = torch.where(audio, feat_embed, x)

        y, kvs = self.base_lm(x, causal=True)
        lm_cache = self.base_lm.new_cache(B, cache_length, x.device, x.dtype)
        lm_cache.fill(kvs, lengths)
        y = torch.where(audio, self.fsq_layer(y), y)

        r, kvs = self.residual_lm(torch.where(audio, y + feat_embed, y), causal=True)
        res_cache = self.residual_lm.new_cache(B, cache_length, x.device, x.dtype)
        res_cache.fill(kvs, lengths)

        rows, last = torch.arange(B, device=ids.device), lengths.to(ids.device) - 1
        return DecodeState(y[rows, last], r[rows, last], feats[rows, last], lm_cache, res_cache)

    def sample_patch(self, state: DecodeState, noise, n_steps: int, cfg_value: float):
        """noise [B,D,P] -> patch [B,P,D]."""
        mu = self.dit_condition(state.lm_hidden, state.residual_hidden)
        cond = state.prev_patch.transpose(1, 2)
        x = cfm.solve(self.feat_decoder.estimator, noise, mu, cond, n_steps, cfg_value,
                      mean_mode=self.cfg.dit_mean_mode)
        return x.transpose(1, 2)

    def feed_back(self, state: DecodeState, patch: torch.Tensor, embed: torch.Tensor):
        """Advance both LMs by one position on a new patch [B,P,D] with embedding [B,H]."""
        state.lm_hidden = self.fsq_layer(self.base_lm.step(embed, state.lm_cache))
        state.residual_hidden = self.residual_lm.step(state.lm_hidden + embed, state.residual_cache)
        state.prev_patch = patch

"""The MiniCPM-4 transformer used four times: base LM, residual LM, local encoder, local DiT.

Pre-norm blocks (RMSNorm -> grouped-query attention with LongRoPE -> residual; RMSNorm ->
SwiGLU MLP -> residual), residual branches scaled under muP, a final RMSNorm.  Two modes:
a full-sequence forward (causal or not) that returns every layer's keys/values, and a
one-token step for a batch of sequences that each sit at their own position in a KVCache.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from .config import TransformerConfig
from .rope import LongRoPE, apply_rope


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        var = x.float().pow(2).mean(-1, keepdim=True)  # mean of squares in float32, also under bf16
        return (x * torch.rsqrt(var + self.eps)).to(x.dtype) * self.weight


class Attention(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.heads, self.kv_heads, self.hd = cfg.num_heads, cfg.num_kv_heads, cfg.head_dim
        self.q_proj = nn.Linear(cfg.hidden_size, self.heads * self.hd, bias=False)
        self.k_proj = nn.Linear(cfg.hidden_size, self.kv_heads * self.hd, bias=False)
        self.v_proj = nn.Linear(cfg.hidden_size, self.kv_heads * self.hd, bias=False)
        self.o_proj = nn.Linear(self.heads * self.hd, cfg.hidden_size, bias=False)

    @torch.no_grad()
    def fuse(self):
        """One [q;k;v] weight, one matmul instead of three; the three Parameters become views
        of it (same names, same memory), so the state dict is unchanged."""
        w = torch.cat([self.q_proj.weight, self.k_proj.weight, self.v_proj.weight])
        self.register_buffer("qkv_weight", w, persistent=False)
        self.q_proj.weight, self.k_proj.weight, self.v_proj.weight = (
            nn.Parameter(p, requires_grad=False) for p in w.split(self._sizes))

    @property
    def _sizes(self):
        return [self.heads * self.hd, self.kv_heads * self.hd, self.kv_heads * self.hd]

    def _qkv(self, x, rope, rows: slice | None = None):
        """Queries for x[:, rows] only (all rows if None); keys/values for every row."""
        B, T, _ = x.shape
        if hasattr(self, "qkv_weight"):
            q, k, v = F.linear(x, self.qkv_weight).split(self._sizes, dim=-1)
            q = q if rows is None else q[:, rows]
        else:
            q = self.q_proj(x if rows is None else x[:, rows])
            k, v = self.k_proj(x), self.v_proj(x)
        q = q.view(B, q.shape[1], self.heads, self.hd).transpose(1, 2)
        k = k.view(B, T, self.kv_heads, self.hd).transpose(1, 2)
        v = v.view(B, T, self.kv_heads, self.hd).transpose(1, 2)
        if rope is not None:
            cos, sin = rope
            k = apply_rope(k, cos, sin)
            q = apply_rope(q, cos, sin) if rows is None else apply_rope(q, cos[rows], sin[rows])
        return q, k, v

    def _out(self, o):
        B, _, T, _ = o.shape
        return self.o_proj(o.transpose(1, 2).reshape(B, T, self.heads * self.hd))

    def forward(self, x, rope, causal: bool, rows: slice | None = None):
        """rows: only these positions' outputs are wanted (non-causal only)."""
        q, k, v = self._qkv(x, rope, rows)
        # Consecutive query heads share a KV head (enable_gqa does h // (heads/kv_heads)).
        o = F.scaled_dot_product_attention(q, k, v, is_causal=causal, enable_gqa=True)
        return self._out(o), (k, v)

    def step(self, x, rope, k_cache, v_cache, pos, span):
        """x [B,1,H]; caches [B,kv,S,hd]; pos [B] slot each sequence writes and attends up to."""
        q, k, v = self._qkv(x, rope)
        rows = torch.arange(x.shape[0], device=x.device)
        k_cache[rows, :, pos] = k[:, :, 0]
        v_cache[rows, :, pos] = v[:, :, 0]
        # Attend only over the filled prefix [0, span) instead of all max_length slots.
        mask = torch.arange(span, device=x.device)[None, :] <= pos[:, None]
        o = F.scaled_dot_product_attention(q, k_cache[:, :, :span], v_cache[:, :, :span],
                                           attn_mask=mask[:, None, None, :], enable_gqa=True)
        return self._out(o)


class MLP(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.gate_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.up_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.down_proj = nn.Linear(cfg.intermediate_size, cfg.hidden_size, bias=False)

    @torch.no_grad()
    def fuse(self):
        """One [gate;up] weight (see Attention.fuse)."""
        w = torch.cat([self.gate_proj.weight, self.up_proj.weight])
        self.register_buffer("gate_up_weight", w, persistent=False)
        self.gate_proj.weight, self.up_proj.weight = (nn.Parameter(p, requires_grad=False)
                                                      for p in w.chunk(2))

    def forward(self, x):
        if hasattr(self, "gate_up_weight"):
            g, u = F.linear(x, self.gate_up_weight).chunk(2, dim=-1)
            return self.down_proj(F.silu(g) * u)
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class Block(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.input_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.self_attn = Attention(cfg)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.mlp = MLP(cfg)
        self.c = cfg.residual_scale

    def _mlp_residual(self, h):
        m = self.mlp(self.post_attention_layernorm(h))
        return h + m * self.c if self.c != 1.0 else h + m

    def forward(self, h, rope, causal, rows: slice | None = None):
        a, kv = self.self_attn(self.input_layernorm(h), rope, causal, rows)
        h = h if rows is None else h[:, rows]
        h = h + a * self.c if self.c != 1.0 else h + a
        return self._mlp_residual(h), kv

    def step(self, h, rope, k_cache, v_cache, pos, span):
        a = self.self_attn.step(self.input_layernorm(h), rope, k_cache, v_cache, pos, span)
        h = h + a * self.c if self.c != 1.0 else h + a
        return self._mlp_residual(h)


class KVCache:
    """Preallocated keys/values for a batch: [layers, B, kv_heads, length, head_dim] each.

    `pos[b]` is the next free slot of sequence b; sequences of different prompt lengths
    share the tensor, each masked to its own filled prefix.
    """

    def __init__(self, cfg: TransformerConfig, batch: int, length: int, device, dtype):
        shape = (cfg.num_layers, batch, cfg.num_kv_heads, length, cfg.head_dim)
        self.k = torch.zeros(shape, device=device, dtype=dtype)
        self.v = torch.zeros(shape, device=device, dtype=dtype)
        self.pos = torch.zeros(batch, dtype=torch.long, device=device)
        self.top = 0  # host-side max(pos): spans and bounds without a device sync per step
        self.length = length

    def fill(self, kvs, lengths: torch.Tensor):
        """Store a prefill's per-layer (k, v) [B,kv,T,hd]; sequence b owns its first lengths[b]."""
        T = kvs[0][0].shape[2]
        for i, (k, v) in enumerate(kvs):
            self.k[i, :, :, :T] = k
            self.v[i, :, :, :T] = v
        self.pos = lengths.to(self.k.device, torch.long).clone()
        self.top = int(lengths.max())

    def select(self, keep: torch.Tensor):
        """Keep only the batch rows in `keep` (sequences that have not stopped).  `top` is
        recomputed (one sync, only when sequences leave): a long sequence that left must not
        keep the attended span, or the "cache full" bound, where it was."""
        self.k, self.v, self.pos = self.k[:, keep], self.v[:, keep], self.pos[keep]
        self.top = int(self.pos.max()) if len(self.pos) else 0

    def extend(self, other: "KVCache"):
        """Append other's rows (newly prefilled sequences) after ours; the shorter of the two
        caches grows to the longer one's length (the new slots are masked until written)."""
        n = max(self.length, other.length)

        def grown(t):
            return t if t.shape[3] == n else F.pad(t, (0, 0, 0, n - t.shape[3]))
        self.k = torch.cat([grown(self.k), grown(other.k)], dim=1)
        self.v = torch.cat([grown(self.v), grown(other.v)], dim=1)
        self.pos = torch.cat([self.pos, other.pos])
        self.top, self.length = max(self.top, other.top), n


class MiniCPM(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg
        if cfg.vocab_size:
            self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size)
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.num_layers))
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.rope = None if cfg.no_rope else LongRoPE(cfg)

    def forward(self, x, causal: bool, rows: slice | None = None):
        """x [B,T,H] embeddings at positions 0..T-1 -> (output [B,T,H], [(k, v)] per layer).

        rows (non-causal only): return just the output at x[:, rows].  The last layer then
        computes its query, output projection and MLP for those rows alone: the DiT reads only
        its patch rows (2 of 5) and the local encoder its special token (1 of 3), and those
        three matmuls are ~90 % of a layer.  Row-wise operations, so the result is unchanged.
        """
        if rows is not None and causal:
            raise ValueError("rows= needs non-causal attention (queries would shift their mask)")
        rope = None
        if self.rope is not None:
            rope = self.rope(torch.arange(x.shape[1], device=x.device))
        kvs = []
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            x, kv = layer(x, rope, causal, rows if i == last else None)
            kvs.append(kv)
        if rows is not None and not self.layers:
            x = x[:, rows]
        return self.norm(x), kvs

    def fuse_projections(self):
        """Fewer, larger matmuls (q/k/v and gate/up); call after the weights are loaded."""
        for layer in self.layers:
            layer.self_attn.fuse()
            layer.mlp.fuse()

    def new_cache(self, batch, length, device, dtype) -> KVCache:
        return KVCache(self.cfg, batch, length, device, dtype)

    def step(self, x, cache: KVCache):
        """x [B,H]: one new token per sequence at position cache.pos -> output [B,H]."""
        pos = cache.pos
        if cache.top >= cache.length:
            raise RuntimeError(f"KV cache full ({cache.length} positions); lower max_len "
                               "or raise max_length in config.json")
        rope = None
        if self.rope is not None:
            cos, sin = self.rope(pos)                     # [B, hd]
            rope = (cos[:, None, None, :], sin[:, None, None, :])
        span = cache.top + 1
        h = x[:, None, :]
        for i, layer in enumerate(self.layers):
            h = layer.step(h, rope, cache.k[i], cache.v[i], pos, span)
        cache.pos = pos + 1
        cache.top += 1
        return self.norm(h)[:, 0]

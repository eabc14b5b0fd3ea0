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
from .cpu_linear import fuse_linears
from .rope import LongRoPE, rotate, rotation


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        if x.dtype == torch.float32 and self.weight.dtype == torch.float32:
            # One fused kernel, same arithmetic as below (x * rsqrt(mean(x^2) + eps) * w).
            return F.rms_norm(x, self.weight.shape, self.weight, self.eps)
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
        self.qkv_proj = None  # fuse() replaces q/k/v_proj by it

    def fuse(self):
        """One [q;k;v] projection instead of three (fewer, larger matmuls); state_dict() still
        names q_proj/k_proj/v_proj."""
        if self.qkv_proj is not None:
            return
        self.qkv_proj = fuse_linears([self.q_proj, self.k_proj, self.v_proj])
        del self.q_proj, self.k_proj, self.v_proj
        self._register_state_dict_hook(_split_on_save("qkv_proj", ["q_proj", "k_proj", "v_proj"],
                                                      self._sizes))

    @property
    def _sizes(self):
        return [self.heads * self.hd, self.kv_heads * self.hd, self.kv_heads * self.hd]

    def _qkv(self, x, rope, rows: slice | None = None):
        """Queries for x[:, rows] only (all rows if None); keys/values for every row."""
        B, T, _ = x.shape
        if self.qkv_proj is not None:
            q, k, v = self.qkv_proj(x).split(self._sizes, dim=-1)
            q = q if rows is None else q[:, rows]
        else:
            q = self.q_proj(x if rows is None else x[:, rows])
            k, v = self.k_proj(x), self.v_proj(x)
        q = q.view(B, q.shape[1], self.heads, self.hd).transpose(1, 2)
        k = k.view(B, T, self.kv_heads, self.hd).transpose(1, 2)
        v = v.view(B, T, self.kv_heads, self.hd).transpose(1, 2)
        if rope is not None:  # (cos, signed sin), see rope.rotation
            k = rotate(k, *rope)
            q = rotate(q, *rope) if rows is None else rotate(q, rope[0][rows], rope[1][rows])
        return q, k, v

    def _out(self, o):
        B, _, T, _ = o.shape
        return self.o_proj(o.transpose(1, 2).reshape(B, T, self.heads * self.hd))

    def forward(self, x, rope, causal: bool, rows: slice | None = None):
        """rows: only these positions' outputs are wanted (non-causal only)."""
        q, k, v = self._qkv(x, rope, rows)
        if not causal and q.is_cpu and q.dtype == torch.float32 and q.shape[0] > 1:
            o = attend(q, k, v)  # the DiT and local encoder: a few rows per sequence
        else:
            # Consecutive query heads share a KV head (enable_gqa does h // (heads/kv_heads)).
            o = F.scaled_dot_product_attention(q, k, v, is_causal=causal, enable_gqa=True)
        return self._out(o), (k, v)

    def step(self, x, rope, k_cache, v_cache, slots: "StepSlots"):
        """x [B,1,H]; caches [B,kv,S,hd]; `slots`: where each sequence writes, what it sees."""
        q, k, v = self._qkv(x, rope)
        slots.write(k_cache, k)
        slots.write(v_cache, v)
        # Attend only over the filled prefix [0, span) instead of all max_length slots.
        keys, values = k_cache[:, :, :slots.span], v_cache[:, :, :slots.span]
        if q.dtype == torch.float32 and q.is_cpu:
            o = attend(q, keys, values, slots.bias)
        else:
            o = F.scaled_dot_product_attention(q, keys, values, attn_mask=slots.mask, enable_gqa=True)
        return self._out(o)


def attend(q, k, v, bias=None):
    """Attention without a causal mask as two batched matmuls, the query heads of a KV head
    stacked (consecutive heads share one, as in enable_gqa): q [B,heads,T,hd] over k/v
    [B,kv,S,hd]; `bias` [B,1,1,S] (0 or -inf) masks key slots.  For the CPU's few-row cases
    torch's SDPA kernel takes about twice as long: one query per sequence over 1500 positions
    (LM decode) 0.8 vs 0.4 ms per layer at batch 4; the DiT's 5 rows with CFG 100 vs 55 us,
    at batch 8 720 vs 220 us.  (One sequence of 3 rows is the exception: SDPA 13 vs 26 us.)"""
    B, H, T, D = q.shape
    kv = k.shape[1]
    scores = torch.matmul(q.reshape(B, kv, H // kv * T, D), k.transpose(-1, -2))
    scores.mul_(D ** -0.5)
    if bias is not None:
        scores.add_(bias)
    return torch.matmul(torch.softmax(scores, dim=-1), v).view(B, H, T, D)


class MLP(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.gate_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.up_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.down_proj = nn.Linear(cfg.intermediate_size, cfg.hidden_size, bias=False)
        self.gate_up_proj = None  # fuse() replaces gate/up_proj by it

    def fuse(self):
        """One [gate;up] projection instead of two (see Attention.fuse)."""
        if self.gate_up_proj is not None:
            return
        self.gate_up_proj = fuse_linears([self.gate_proj, self.up_proj])
        del self.gate_proj, self.up_proj
        n = self.down_proj.in_features
        self._register_state_dict_hook(_split_on_save("gate_up_proj", ["gate_proj", "up_proj"], [n, n]))

    def forward(self, x):
        if self.gate_up_proj is not None:
            g, u = self.gate_up_proj(x).chunk(2, dim=-1)
            return self.down_proj(F.silu(g).mul_(u))
        return self.down_proj(F.silu(self.gate_proj(x)).mul_(self.up_proj(x)))  # silu's result is ours


def _split_on_save(fused: str, names: list[str], sizes: list[int]):
    """A state_dict hook giving a fused projection's weight back as the checkpoint's parts.
    (A quantised projection has no plain weight: its state is left as it is.)"""
    def hook(module, state, prefix, _meta):
        weight = state.pop(prefix + fused + ".weight", None)
        if weight is not None:
            for name, part in zip(names, weight.split(sizes)):
                state[prefix + name + ".weight"] = part
    return hook


class Block(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.input_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.self_attn = Attention(cfg)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.mlp = MLP(cfg)
        self.c = cfg.residual_scale

    def _residual(self, h, branch):
        """h + c * branch; `branch` is a fresh tensor, `h` may be the caller's (kept intact)."""
        return h + branch * self.c if self.c != 1.0 else branch.add_(h)

    def forward(self, h, rope, causal, rows: slice | None = None):
        a, kv = self.self_attn(self.input_layernorm(h), rope, causal, rows)
        h = self._residual(h if rows is None else h[:, rows], a)
        return self._residual(h, self.mlp(self.post_attention_layernorm(h))), kv

    def step(self, h, rope, k_cache, v_cache, slots):
        h = self._residual(h, self.self_attn.step(self.input_layernorm(h), rope, k_cache, v_cache, slots))
        return self._residual(h, self.mlp(self.post_attention_layernorm(h)))


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


class StepSlots:
    """What every layer of one decode step shares: the cache row each (sequence, kv head)
    writes, the span [0, span) attended over and its mask.  Built once per step instead of
    once per layer."""

    def __init__(self, cache: KVCache):
        B, kv, S = cache.k.shape[1], cache.k.shape[2], cache.k.shape[3]
        pos, dev = cache.pos, cache.pos.device
        self.pos = pos
        self.span = cache.top + 1
        self.mask = (torch.arange(self.span, device=dev)[None, :] <= pos[:, None])[:, None, None, :]
        self.bias = torch.zeros(self.mask.shape, device=dev).masked_fill_(~self.mask, float("-inf"))
        # row of slot pos[b] of kv head h in a layer's cache viewed as [B*kv*S, hd]
        self.flat = torch.arange(B * kv, device=dev).mul_(S).add_(pos.repeat_interleave(kv))

    def write(self, cache: torch.Tensor, new: torch.Tensor):
        """cache [B,kv,S,hd] <- new [B,kv,1,hd] at each sequence's slot."""
        B, kv, S, hd = cache.shape
        if cache.is_contiguous():
            cache.view(B * kv * S, hd).index_copy_(0, self.flat, new.reshape(B * kv, hd))
        else:
            cache[torch.arange(B, device=cache.device), :, self.pos] = new[:, :, 0]


class MiniCPM(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg
        if cfg.vocab_size:
            # An uninitialised weight: the checkpoint fills it, and Embedding's own normal_ init
            # on the meta device (load_model builds there) imports torch._dynamo: 1.2 s of the
            # CLI's start-up.
            self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size,
                                             _weight=torch.empty(cfg.vocab_size, cfg.hidden_size))
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.num_layers))
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.rope = None if cfg.no_rope else LongRoPE(cfg)
        self._rope_prefix = {}  # (T, device) -> rotation operands of positions 0..T-1 (short T)

    def _prefix_rotation(self, T, device):
        """rope.rotation of positions 0..T-1; kept for the short sequences the DiT and the local
        encoder run on every step (a prefill's long T is computed and not kept)."""
        if T > 64 or torch.is_grad_enabled():
            return rotation(*self.rope(torch.arange(T, device=device)))
        key = (T, device)
        if key not in self._rope_prefix:
            self._rope_prefix[key] = rotation(*self.rope(torch.arange(T, device=device)))
        return self._rope_prefix[key]

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
            rope = self._prefix_rotation(x.shape[1], x.device)
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
            cos, sin = rotation(*self.rope(pos))          # [B, hd]
            rope = (cos[:, None, None, :], sin[:, None, None, :])
        slots = StepSlots(cache)
        h = x[:, None, :]
        for i, layer in enumerate(self.layers):
            h = layer.step(h, rope, cache.k[i], cache.v[i], slots)
        cache.pos = pos + 1
        cache.top += 1
        return self.norm(h)[:, 0]

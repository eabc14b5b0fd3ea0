"""The autoregressive loop, for a batch of sequences with per-sequence stop.

Each sequence has its own noise generator seeded with its seed, so the draws it sees
(one randn(1, D, P) per patch, in order) are those of a one-by-one run after
torch.manual_seed(seed); finished sequences leave the batch, the others go on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

from .network import VoxCPMNet
from .tokenizer import AUDIO_START


@dataclass
class Request:
    text_ids: list[int]                 # tokens of prompt_text + text (no 101)
    prompt: torch.Tensor | None         # [Tp, P, D] voice patches, or None
    max_len: int                        # effective patch limit
    seed: int
    # filled by the loop
    patches: list = field(default_factory=list)
    stopped: bool = False               # True if the stop head ended it (not max_len)

    @property
    def prefill_len(self) -> int:
        return len(self.text_ids) + 1 + (0 if self.prompt is None else self.prompt.shape[0])


def _prefill_inputs(net: VoxCPMNet, reqs: list[Request]):
    cfg, dev = net.cfg, net.device
    B, L = len(reqs), max(r.prefill_len for r in reqs)
    ids = torch.zeros(B, L, dtype=torch.long)
    audio = torch.zeros(B, L, dtype=torch.bool)
    feats = torch.zeros(B, L, cfg.patch_size, cfg.feat_dim, dtype=net.dtype)
    for b, r in enumerate(reqs):
        n = len(r.text_ids) + 1
        ids[b, :n] = torch.tensor(r.text_ids + [AUDIO_START])
        if r.prompt is not None:
            tp = r.prompt.shape[0]
            audio[b, n:n + tp] = True
            feats[b, n:n + tp] = r.prompt.to(net.dtype)
    lengths = torch.tensor([r.prefill_len for r in reqs])
    return ids.to(dev), audio.to(dev), feats.to(dev), lengths.to(dev)


@torch.inference_mode()
def run(net: VoxCPMNet, reqs: list[Request], min_len: int, steps: int, cfg_value: float):
    """Generate for all requests; yields [(request index, patch [P, D])] after every step.

    Stop rule (the reference's): after patch i, a sequence ends if i > min_len and the stop
    head (on the LM state that produced patch i) says stop, or when it has max_len patches.
    """
    c = net.cfg
    dev = net.device
    cache_len = max(r.prefill_len + r.max_len for r in reqs)
    if cache_len > c.max_length + 1:
        raise ValueError(f"prompt + max_len needs {cache_len - 1} positions, more than the "
                         f"KV cache's max_length = {c.max_length} (config.json)")
    ids, audio, feats, lengths = _prefill_inputs(net, reqs)
    state = net.prefill(ids, audio, feats, lengths, cache_len)
    gens = [torch.Generator(device=dev).manual_seed(r.seed) for r in reqs]
    live = list(range(len(reqs)))
    i = 0
    while True:
        noise = torch.cat([torch.randn((1, c.feat_dim, c.patch_size), generator=gens[b],
                                       device=dev, dtype=net.dtype) for b in live])
        patch = net.sample_patch(state, noise, steps, cfg_value)
        stop = (net.stop_logits(state.lm_hidden).argmax(-1) == 1).tolist()
        keep = []
        for j, b in enumerate(live):
            reqs[b].patches.append(patch[j])
            if i > min_len and stop[j]:
                reqs[b].stopped = True
            elif i + 1 < reqs[b].max_len:
                keep.append(j)
        yield [(b, patch[j]) for j, b in enumerate(live)]
        if not keep:
            return
        if len(keep) < len(live):
            idx = torch.tensor(keep, device=dev)
            state.select(idx)
            patch = patch[idx]
            live = [live[j] for j in keep]
        embed = net.embed_patches(patch[:, None])[:, 0]
        net.feed_back(state, patch, embed)
        i += 1

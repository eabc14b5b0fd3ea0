"""The autoregressive loop: continuous batching with per-sequence stop and refill.

`Batch` holds the live sequences (one row each of a DecodeState) and advances them one patch
per `step`; sequences that stop leave the batch and `add` prefills newcomers (together, one
prefill call) and appends them as new rows, so rows at different positions share one step.
`continuous` is the scheduler: it pulls requests lazily, keeps up to `max_batch` live, refills
as sequences end, and yields after every step.  `run` is the fixed-list case.

Each sequence has its own noise generator seeded with its seed, so the draws it sees (one
randn(1, D, P) per patch, in order) are those of a one-by-one run after
torch.manual_seed(seed), whichever rows it shares a step with.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import torch

from .network import DecodeState, VoxCPMNet
from .tokenizer import AUDIO_START

FIRST_BATCH = 1  # default ramp: the document's first sequence runs alone (docs/performance.md)


@dataclass(eq=False)
class Request:
    text_ids: list[int]                 # tokens of prompt_text + text (no 101)
    prompt: torch.Tensor | None         # [Tp, P, D] voice patches, or None
    max_len: int                        # effective patch limit
    seed: int
    key: object = None                  # the caller's label (e.g. the text's index)
    attempt: int = 1                    # 1 + how many times it was retried
    # filled by the loop
    patches: list = field(default_factory=list)
    stopped: bool = False               # True if the stop head ended it (not max_len)
    generator: torch.Generator | None = None

    @property
    def prefill_len(self) -> int:
        return len(self.text_ids) + 1 + (0 if self.prompt is None else self.prompt.shape[0])


@dataclass
class Step:
    """What one step did: a patch for every row that was live, and the rows that ended."""
    patches: list          # [(Request, patch [P, D])]
    ended: list            # [Request] that will not be stepped again


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


class Batch:
    """The live sequences and their DecodeState (row b of the state is live[b]).

    Stop rule (the reference's): after patch i, a sequence ends if i > min_len and the stop
    head (on the LM state that produced patch i) says stop, or when it has max_len patches.
    """

    def __init__(self, net: VoxCPMNet, min_len: int, steps: int, cfg_value: float):
        self.net, self.min_len, self.steps, self.cfg_value = net, min_len, steps, cfg_value
        self.live: list[Request] = []
        self.state: DecodeState | None = None
        self._unfed: torch.Tensor | None = None  # last patches of the live rows, not fed back yet

    def _feed_back(self):
        """Run the LMs on the last step's patches.  Deferred from `step` to the next call, so
        a step hands its patches out after the DiT solve, not after the LM steps as well:
        the first audio of a stream comes ~70 ms (base LM + residual LM + local encoder,
        CPU float32) sooner, and a final step feeds nothing back."""
        if self._unfed is not None:
            patch, self._unfed = self._unfed, None
            self.net.feed_back(self.state, patch, self.net.embed_patches(patch[:, None])[:, 0])

    @torch.inference_mode()
    def add(self, reqs: list[Request]):
        """Prefill `reqs` together and append them as rows (the running rows keep going)."""
        net, c = self.net, self.net.cfg
        self._feed_back()  # the running rows' state must be complete before rows are appended
        cache_len = max(r.prefill_len + r.max_len for r in reqs)
        if cache_len > c.max_length + 1:
            raise ValueError(f"prompt + max_len needs {cache_len - 1} positions, more than the "
                             f"KV cache's max_length = {c.max_length} (config.json)")
        for r in reqs:
            r.generator = torch.Generator(device=net.device).manual_seed(r.seed)
        state = net.prefill(*_prefill_inputs(net, reqs), cache_len)
        if self.live:
            self.state.extend(state)
        else:
            self.state = state
        self.live += reqs

    @torch.inference_mode()
    def step(self) -> Step:
        """One patch for every live sequence; the ended ones leave, the others are fed back
        (at the start of the next step or add)."""
        self._feed_back()
        net, c, live = self.net, self.net.cfg, self.live
        noise = torch.cat([torch.randn((1, c.feat_dim, c.patch_size), generator=r.generator,
                                       device=net.device, dtype=net.dtype) for r in live])
        state = self.state
        patch = net.sample_patch(state, noise, self.steps, self.cfg_value)
        stop = (net.stop_logits(state.lm_hidden).argmax(-1) == 1).tolist()
        keep, ended = [], []
        rows = patch.unbind(0)
        for j, r in enumerate(live):
            r.patches.append(rows[j])
            if len(r.patches) > self.min_len + 1 and stop[j]:   # patch index i > min_len
                r.stopped = True
                ended.append(r)
            elif len(r.patches) < r.max_len:
                keep.append(j)
            else:
                ended.append(r)
        done = Step(list(zip(live, rows)), ended)
        if not keep:
            self.live, self.state = [], None
            return done
        if len(keep) < len(live):
            idx = torch.tensor(keep, device=net.device, dtype=torch.long)
            state.select(idx)
            patch = patch[idx]
            self.live = [live[j] for j in keep]
        self._unfed = patch
        return done


def continuous(net: VoxCPMNet, requests: Iterable[Request], min_len: int, steps: int,
               cfg_value: float, *, max_batch: int, first_batch: int = FIRST_BATCH,
               again: Callable[[Request], Request | None] | None = None) -> Iterator[Step]:
    """Generate for `requests` (pulled lazily, only when there is room) with up to `max_batch`
    live at once; yields a Step after every step.

    first_batch (the ramp): while the first request is live, at most this many are, so the
    first result (the first audio of a document) is not slowed down by a full batch.
    again(request): called for each request that ends; a Request it returns takes the
    ended one's place (a bad-case retry, admitted before new requests) and the ended one is
    not reported as ended.
    An error raised while pulling a request stops admission; the live requests (all of them
    pulled before it) are finished first, then the error is raised.
    """
    if max_batch < 1 or first_batch < 1:
        raise ValueError(f"max_batch and first_batch must be >= 1, got {max_batch}, {first_batch}")
    source, retries, error = iter(requests), deque(), None
    batch = Batch(net, min_len, steps, cfg_value)
    first, ramp = None, True  # ramp: the first request (or its retry) has not ended yet
    while True:
        cap = min(first_batch, max_batch) if ramp else max_batch
        new = []
        while len(batch.live) + len(new) < cap:
            if retries:
                new.append(retries.popleft())
                continue
            if source is None:
                break
            try:
                new.append(next(source))
            except StopIteration:
                source = None
            except Exception as e:  # noqa: BLE001 - raised after the live ones are finished
                source, error = None, e
        if new:
            batch.add(new)
            first = new[0] if first is None else first
        if not batch.live:
            break
        step = batch.step()
        if again is not None and step.ended:
            ended = []
            for r in step.ended:
                retry = again(r)
                if retry is None:
                    ended.append(r)
                else:
                    retries.append(retry)
                    first = retry if r is first else first
            step.ended = ended
        if ramp and first in step.ended:
            ramp = False
        yield step
    if error is not None:
        raise error


def run(net: VoxCPMNet, reqs: list[Request], min_len: int, steps: int, cfg_value: float):
    """A fixed list of requests decoded together (nothing joins); yields
    [(request index, patch [P, D])] after every step."""
    index = {id(r): b for b, r in enumerate(reqs)}
    for step in continuous(net, reqs, min_len, steps, cfg_value, max_batch=len(reqs),
                           first_batch=len(reqs)):
        yield [(index[id(r)], p) for r, p in step.patches]

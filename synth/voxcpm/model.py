"""VoxCPMModel: the user-facing model (tokenizer + network + AudioVAE).

generate / generate_batch / generate_many / generate_stream follow the reference's semantics
(generate and generate_batch are generate_many, continuous batching, over a list): the stop
rule `i > min_len`, the length cap min(int(len(target ids) * ratio + 10), max_len), bad-case
retry with seed+1, the last min(2, Tp) voice patches as decoder context, trimmed from the
output as the reference's prompt-cache path does.
"""
from __future__ import annotations

import math
import re
import warnings
from pathlib import Path
from typing import Iterator

import numpy as np
import torch

from . import generation
from .config import VoxCPMConfig
from .generation import Request
from .network import VoxCPMNet
from .tokenizer import TextTokenizer
from .voice import Voice, read_audio

CONTEXT_PATCHES = 2  # voice patches the decoder sees before new audio (reference: prefix_len - 1)


def clean_text(text: str) -> str:
    """The reference wrapper's whitespace clean-up: newlines to spaces, runs collapsed."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return re.sub(r"\s+", " ", text.replace("\n", " "))


def fresh_seed() -> int:
    """A seed from torch's global generator (deterministic after torch.manual_seed)."""
    return int(torch.randint(0, 2**32 - 1, (1,)).item())


class TextError(ValueError):
    """A text the model cannot generate; `index` is its position among the texts given."""

    def __init__(self, index: int, text, reason: Exception):
        excerpt = text if not isinstance(text, str) or len(text) <= 40 else text[:37] + "..."
        super().__init__(f"text {index} ({excerpt!r}): {reason}")
        self.index, self.text, self.reason = index, text, reason


class VoxCPMModel:
    def __init__(self, cfg: VoxCPMConfig, net: VoxCPMNet, vae, tokenizer: TextTokenizer, path=None):
        self.cfg, self.net, self.vae, self.tokenizer = cfg, net, vae, tokenizer
        self.path = Path(path) if path is not None else None
        self.last_seed = None
        self.last_stopped = None  # per-sequence: did the stop head end it (vs max_len)?

    # -- basics --------------------------------------------------------------------------
    @property
    def device(self):
        return self.net.device

    @property
    def dtype(self):
        return self.net.dtype

    def _need_vae(self):
        if self.vae is None:
            raise RuntimeError("this model was loaded without an AudioVAE (synth.voxcpm.audiovae "
                               "missing); only latent generation is available")
        return self.vae

    @property
    def sample_rate(self) -> int:
        return int(self._need_vae().sample_rate)

    @property
    def hop_length(self) -> int:
        return int(self._need_vae().hop_length)

    @property
    def patch_samples(self) -> int:
        return self.cfg.patch_size * self.hop_length

    def encode_text(self, text: str) -> list[int]:
        return self.tokenizer.encode(text)

    # -- voices --------------------------------------------------------------------------
    @torch.inference_mode()
    def build_voice(self, prompt_wav, prompt_text: str) -> Voice:
        """Encode a prompt once (mono, resampled, left-padded to whole patches)."""
        if not isinstance(prompt_text, str) or not prompt_text.strip():
            raise ValueError("prompt_text must be the non-empty transcript of prompt_wav")
        vae = self._need_vae()
        wav = read_audio(prompt_wav, self.sample_rate)
        # Left padding keeps the real audio flush with the end of the last patch.
        pad = (-len(wav)) % self.patch_samples
        wav = np.concatenate([np.zeros(pad, np.float32), wav])
        x = torch.from_numpy(wav).to(self.device, torch.float32)[None, None]
        z = vae.encode(x)[0].float()                                  # [D, frames]
        P, D = self.cfg.patch_size, self.cfg.feat_dim
        patches = z.reshape(D, -1, P).permute(1, 2, 0).contiguous()   # [Tp, P, D]
        return Voice(clean_text(prompt_text), patches.cpu(), self.sample_rate)

    def _voice(self, voice, prompt_wav, prompt_text):
        if voice is not None:
            if prompt_wav is not None or prompt_text is not None:
                raise ValueError("give either voice or prompt_wav/prompt_text, not both")
            if isinstance(voice, (str, Path)):
                voice = Voice.load(voice)
            if self.vae is not None and voice.sample_rate != self.sample_rate:
                raise ValueError(f"voice was built at {voice.sample_rate} Hz, this model runs at "
                                 f"{self.sample_rate} Hz")
            want = (self.cfg.patch_size, self.cfg.feat_dim)
            if tuple(voice.patches.shape[1:]) != want:
                raise ValueError(f"voice patches have shape {tuple(voice.patches.shape[1:])}, "
                                 f"this model needs [*, {want[0]}, {want[1]}]")
            return voice
        if (prompt_wav is None) != (prompt_text is None):
            raise ValueError("prompt_wav and prompt_text must be given together")
        return None if prompt_wav is None else self.build_voice(prompt_wav, prompt_text)

    # -- requests ------------------------------------------------------------------------
    def _request(self, text, voice, seed, max_len, ratio) -> tuple[Request, int]:
        text = clean_text(text)
        if not text.strip():
            raise ValueError("text must be a non-empty string")
        n_target = len(self.tokenizer.encode(text))
        full = (voice.prompt_text + text) if voice is not None else text
        ids = self.tokenizer.encode(full)
        prompt = voice.patches if voice is not None else None
        # The reference's cap: min(int(n_target * ratio + 10), max_len).  max_len=None means
        # that cap alone, further bounded by the room left in the KV cache.
        cap = int(n_target * ratio + 10)
        eff = cap if max_len is None else min(cap, int(max_len))
        if eff < 1:
            raise ValueError(f"max_len must be >= 1, got {max_len}")
        req = Request(ids, prompt, eff, seed)
        room = self.cfg.max_length - req.prefill_len + 1
        if room < 1:
            raise ValueError(f"text + prompt need {req.prefill_len} positions; the model's "
                             f"max_length is {self.cfg.max_length}")
        if eff > room:
            if max_len is not None and int(max_len) <= cap:
                raise ValueError(f"max_len={max_len} does not fit in the KV cache: prompt and text "
                                 f"take {req.prefill_len} of max_length={self.cfg.max_length} "
                                 "positions (config.json)")
            req.max_len = room
        return req, n_target

    def _seed_for(self, seeds, n=None):
        """k -> the seed of text k: one int for all, a list (one per text), or None (fresh)."""
        if seeds is None:
            return lambda k: fresh_seed()
        if isinstance(seeds, (int, np.integer)):
            return lambda k: int(seeds)
        seeds = [int(s) for s in seeds]
        if n is not None and len(seeds) != n:
            raise ValueError(f"got {len(seeds)} seeds for {n} texts")

        def pick(k):
            if k >= len(seeds):
                raise ValueError(f"got {len(seeds)} seeds for more texts")
            return seeds[k]
        return pick

    def _requests(self, texts, voice, seeds, max_len, ratio, n_target: dict,
                  names: dict | None = None) -> Iterator[Request]:
        """A Request per text (key = its index), built as the loop pulls it; n_target[k] gets
        the text's own token count (the bad-case rule's yardstick), names[k] the text (for
        warnings that name it)."""
        if isinstance(texts, str):
            raise TypeError("expected a list (or an iterable) of texts, not one str")
        seed_for = self._seed_for(seeds, len(texts) if hasattr(texts, "__len__") else None)
        for k, text in enumerate(texts):
            try:
                req, n_target[k] = self._request(text, voice, seed_for(k), max_len, ratio)
            except ValueError as e:
                raise TextError(k, text, e) from e
            req.key = k
            if names is not None:
                names[k] = text
            yield req

    def _continuous(self, requests, voice, n_target, *, cfg_value=2.0, inference_timesteps=10,
                    min_len=2, retry_badcase=False, retry_badcase_max_times=3,
                    retry_badcase_ratio_threshold=6.0, max_batch=None, first_batch=None,
                    stream=False, names=None) -> Iterator[generation.Step]:
        """Every step (its patches; `ended`: the requests that ended for good, after bad-case
        retries); records last_seed / last_stopped (in text order) once all have ended.

        stream: the patches are handed out as they are made, so a bad case cannot be taken
        back and regenerated; with retry_badcase it is capped instead: a request stops at
        the bad-case length (the length that would have triggered a retry) with a warning
        naming its text (names: key -> text)."""
        n_ctx = self._context(voice).shape[0]

        def bad_case(r: Request) -> bool:
            n = len(r.patches) + n_ctx  # the reference counts the context patches
            return n >= n_target[r.key] * retry_badcase_ratio_threshold

        def again(r: Request) -> Request | None:
            if retry_badcase and r.attempt < retry_badcase_max_times and bad_case(r):
                return Request(r.text_ids, r.prompt, r.max_len, r.seed + 1, key=r.key,
                               attempt=r.attempt + 1)
            return None

        def capped(requests):
            for r in requests:  # the bad-case length becomes the request's patch limit
                bad_len = math.ceil(n_target[r.key] * retry_badcase_ratio_threshold) - n_ctx
                r.max_len = max(1, min(r.max_len, bad_len))
                yield r

        if stream and retry_badcase:
            requests = list(capped(requests)) if isinstance(requests, list) else capped(requests)
        if max_batch is None:
            max_batch = len(requests)
        first_batch = max_batch if first_batch is None else first_batch
        finals = {}
        for step in generation.continuous(self.net, requests, min_len, inference_timesteps,
                                          cfg_value, max_batch=max_batch, first_batch=first_batch,
                                          again=None if stream else again):
            for r in step.ended:
                finals[r.key] = r
                if stream and retry_badcase and bad_case(r):
                    text = (names or {}).get(r.key, "")
                    excerpt = text if len(text) <= 40 else text[:37] + "..."
                    warnings.warn(f"text {r.key} ({excerpt!r}): streamed audio reached the bad-case length "
                                  f"({len(r.patches) + n_ctx} patches for {n_target[r.key]} text "
                                  f"tokens, ratio {retry_badcase_ratio_threshold}); it was stopped "
                                  "there instead of regenerated (streamed audio cannot be taken "
                                  "back)", RuntimeWarning, stacklevel=4)
                else:
                    self._warn_unstopped(r, min_len)
            yield step
        order = sorted(finals)
        self.last_seed = [finals[k].seed for k in order]
        self.last_stopped = [finals[k].stopped for k in order]

    def _warn_unstopped(self, r: Request, min_len: int):
        # Forced lengths (max_len <= min_len + 1) cannot stop early; only warn otherwise.
        if not r.stopped and r.max_len > min_len + 1:
            warnings.warn(f"text {r.key}: generation reached max_len={r.max_len} patches "
                          "without the model stopping; the audio may be cut off",
                          RuntimeWarning, stacklevel=4)

    def _latents(self, r: Request, ctx: torch.Tensor) -> torch.Tensor:
        return torch.cat([ctx, torch.stack(r.patches).float().cpu()])

    # -- latents (no VAE needed) ---------------------------------------------------------
    def generate_latents(self, texts, voice=None, prompt_wav=None, prompt_text=None, cfg_value=2.0,
                         inference_timesteps=10, min_len=2, max_len=None, seeds=None,
                         retry_badcase=False, retry_badcase_max_times=3,
                         retry_badcase_ratio_threshold=6.0, max_batch=None,
                         first_batch=None) -> list[torch.Tensor]:
        """Patches [T, P, D] (float32, voice context patches first) for each text, batched:
        all at once by default, or up to max_batch live with refill (continuous batching)."""
        voice = self._voice(voice, prompt_wav, prompt_text)
        n_target = {}
        # A list is checked whole before anything runs: a bad text fails fast.
        reqs = list(self._requests(texts, voice, seeds, max_len, retry_badcase_ratio_threshold,
                                   n_target))
        if not reqs:
            return []
        ctx = self._context(voice)
        out = [None] * len(reqs)
        for step in self._continuous(reqs, voice, n_target, cfg_value=cfg_value,
                                      inference_timesteps=inference_timesteps, min_len=min_len,
                                      retry_badcase=retry_badcase,
                                      retry_badcase_max_times=retry_badcase_max_times,
                                      retry_badcase_ratio_threshold=retry_badcase_ratio_threshold,
                                      max_batch=max_batch, first_batch=first_batch):
            for r in step.ended:
                out[r.key] = self._latents(r, ctx)
        return out

    def _context(self, voice) -> torch.Tensor:
        P, D = self.cfg.patch_size, self.cfg.feat_dim
        if voice is None:
            return torch.zeros(0, P, D)
        return voice.patches[-min(CONTEXT_PATCHES, voice.num_patches):].float().cpu()

    # -- waveforms -------------------------------------------------------------------------
    def decode_latents(self, latents: list[torch.Tensor], n_context: int = 0) -> list[np.ndarray]:
        """Waveforms of several latent sequences [T, P, D] in one AudioVAE call.

        The decoder is causal, so a sequence right-padded to the longest one decodes to the
        same samples as alone; the padding's samples are cut off, and so are the first
        n_context patches' (voice context)."""
        vae = self._need_vae()
        P, D = self.cfg.patch_size, self.cfg.feat_dim
        frames = [p.shape[0] * P for p in latents]
        z = torch.zeros(len(latents), D, max(frames), device=self.device, dtype=torch.float32)
        for b, p in enumerate(latents):
            z[b, :, :frames[b]] = p.to(self.device, torch.float32).permute(2, 0, 1).reshape(D, -1)
        with torch.inference_mode():
            wav = vae.decode(z)[:, 0].float().cpu()
        start, hop = n_context * self.patch_samples, self.hop_length
        return [wav[b, start:frames[b] * hop].numpy() for b in range(len(latents))]

    def generate(self, text: str, voice=None, prompt_wav=None, prompt_text=None, cfg_value=2.0,
                 inference_timesteps=10, min_len=2, max_len=None, seed=None, retry_badcase=False,
                 retry_badcase_max_times=3, retry_badcase_ratio_threshold=6.0) -> np.ndarray:
        """One text -> float32 mono waveform at model.sample_rate."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        (wav,) = self.generate_batch(
            [text], voice=voice, prompt_wav=prompt_wav, prompt_text=prompt_text,
            cfg_value=cfg_value, inference_timesteps=inference_timesteps, min_len=min_len,
            max_len=max_len, seeds=None if seed is None else [seed], retry_badcase=retry_badcase,
            retry_badcase_max_times=retry_badcase_max_times,
            retry_badcase_ratio_threshold=retry_badcase_ratio_threshold)
        self.last_seed = self.last_seed[0]
        return wav

    def generate_batch(self, texts: list[str], voice=None, seeds=None, **kw) -> list[np.ndarray]:
        """Several texts through the model together (one model step serves all of them);
        each result equals generate(text, seed=its seed).  max_batch (default: all) bounds
        how many are live at once; the others join as sequences end."""
        if isinstance(texts, str):
            raise TypeError("generate_batch takes a list of texts")
        texts = list(texts)
        if not texts:
            return []
        kw.setdefault("max_batch", len(texts))
        kw.setdefault("first_batch", kw["max_batch"])
        out = [None] * len(texts)
        for k, wav in self.generate_many(texts, voice=voice, seeds=seeds, **kw):
            out[k] = wav
        return out

    def generate_many(self, texts, voice=None, prompt_wav=None, prompt_text=None, seeds=None,
                      max_batch: int = 8, first_batch: int = generation.FIRST_BATCH,
                      max_len=None, retry_badcase_ratio_threshold=6.0, stream=False,
                      **gen) -> Iterator[tuple]:
        """Continuous batching of a stream of texts: yields (text index, waveform) as each
        text ends, in the order they end (not the order given).

        texts: any iterable, pulled only when a slot frees up (so a lazy document is
        normalised as it is read).  Up to max_batch texts are live; when one ends the next
        is prefilled and joins the running batch.  first_batch (the ramp): until the first
        text has ended, at most this many are live, so the first audio is not delayed by a
        full batch.  Texts ending in the same step are decoded by the AudioVAE together.
        Each waveform equals generate(text, seed=its seed).  A text that cannot be generated
        (TextError, naming its index) is raised after the texts before it have been yielded.

        stream=True: yields (text index, samples, final) for every patch of every live text
        as soon as it is sampled (patch_size * hop samples; final: the text's last patch),
        in each step the live texts in batch order.  One streaming AudioVAE decoder runs the
        whole batch (one push per step); a text that joins gets its own decoder rows, warmed
        on the voice's context patches.  A text's pieces concatenate to its waveform without
        streaming.  retry_badcase cannot regenerate audio already handed out: a text is
        stopped at the bad-case length instead, with a RuntimeWarning naming it.
        """
        voice = self._voice(voice, prompt_wav, prompt_text)
        self._need_vae()
        n_target, names = {}, {}
        reqs = self._requests(texts, voice, seeds, max_len, retry_badcase_ratio_threshold,
                              n_target, names)
        if isinstance(texts, (list, tuple)):
            reqs = list(reqs)  # a list given whole is checked whole: a bad text fails fast
        ctx = self._context(voice)
        steps = self._continuous(reqs, voice, n_target, max_batch=max_batch,
                                 first_batch=first_batch, stream=stream, names=names,
                                 retry_badcase_ratio_threshold=retry_badcase_ratio_threshold, **gen)
        if stream:
            yield from self._decode_stream(steps, ctx)
            return
        for step in steps:
            if step.ended:
                wavs = self.decode_latents([self._latents(r, ctx) for r in step.ended], ctx.shape[0])
                yield from ((r.key, w) for r, w in zip(step.ended, wavs))

    def _decode_stream(self, steps, ctx: torch.Tensor) -> Iterator[tuple[int, np.ndarray, bool]]:
        """(key, samples, final) per patch of every step: one batched streaming decoder whose
        rows follow the batch's live requests (ended rows dropped, joining rows appended)."""
        vae, D = self._need_vae(), self.cfg.feat_dim
        warm = vae.stream_decoder(batch_size=1)
        if ctx.shape[0]:  # the decoder hears the voice's tail first, as offline; not output
            with torch.inference_mode():
                warm.push(ctx.to(self.device).permute(2, 0, 1).reshape(1, D, -1))
        dec, rows = vae.stream_decoder(batch_size=0), []  # rows[b]: the request of row b
        for step in steps:
            live = [r for r, _ in step.patches]
            for r in live:
                if not any(r is q for q in rows):
                    dec.extend(warm)
                    rows.append(r)
            order = [next(b for b, q in enumerate(rows) if q is r) for r in live]
            if order != list(range(len(rows))):
                dec.select(order)
                rows = live
            z = torch.stack([p for _, p in step.patches]).to(self.device, torch.float32)
            with torch.inference_mode():
                audio = dec.push(z.permute(0, 2, 1))[:, 0].float().cpu().numpy()   # [B, P*hop]
            ended = {id(r) for r in step.ended}
            for b, r in enumerate(rows):
                yield r.key, audio[b], id(r) in ended
            if ended:
                keep = [b for b, r in enumerate(rows) if id(r) not in ended]
                dec.select(keep)
                rows = [rows[b] for b in keep]

    def generate_stream(self, text: str, voice=None, prompt_wav=None, prompt_text=None,
                        cfg_value=2.0, inference_timesteps=10, min_len=2, max_len=None, seed=None,
                        retry_badcase=False, retry_badcase_max_times=3,
                        retry_badcase_ratio_threshold=6.0) -> Iterator[np.ndarray]:
        """Yields one chunk (patch_size * hop samples) per patch as soon as it is sampled; the
        AudioVAE decoder keeps its causal state, so the chunks concatenate to generate(...).
        generate_many(stream=True) for one text (so retry_badcase caps, see there)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        seed = fresh_seed() if seed is None else int(seed)
        pieces = self.generate_many(
            [text], voice=voice, prompt_wav=prompt_wav, prompt_text=prompt_text, seeds=[seed],
            max_batch=1, first_batch=1, max_len=max_len, stream=True, cfg_value=cfg_value,
            inference_timesteps=inference_timesteps, min_len=min_len,
            retry_badcase=retry_badcase, retry_badcase_max_times=retry_badcase_max_times,
            retry_badcase_ratio_threshold=retry_badcase_ratio_threshold)
        for _, chunk, _ in pieces:
            yield chunk
        self.last_seed = seed

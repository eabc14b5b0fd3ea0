"""VoxCPMModel: the user-facing model (tokenizer + network + AudioVAE).

generate / generate_batch / generate_stream follow the reference's semantics: the stop
rule `i > min_len`, the length cap min(int(len(target ids) * ratio + 10), max_len), bad-case
retry with seed+1, the last min(2, Tp) voice patches as decoder context, trimmed from the
output as the reference's prompt-cache path does.
"""
from __future__ import annotations

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

    def _seeds(self, seeds, n):
        if seeds is None:
            return [fresh_seed() for _ in range(n)]
        if isinstance(seeds, (int, np.integer)):
            return [int(seeds)] * n
        seeds = [int(s) for s in seeds]
        if len(seeds) != n:
            raise ValueError(f"got {len(seeds)} seeds for {n} texts")
        return seeds

    def _run(self, reqs, min_len, steps, cfg_value):
        for _ in generation.run(self.net, reqs, min_len, steps, cfg_value):
            pass

    def _warn_unstopped(self, reqs, min_len):
        for k, r in enumerate(reqs):
            # Forced lengths (max_len <= min_len + 1) cannot stop early; only warn otherwise.
            if not r.stopped and r.max_len > min_len + 1:
                warnings.warn(f"text {k}: generation reached max_len={r.max_len} patches "
                              "without the model stopping; the audio may be cut off",
                              RuntimeWarning, stacklevel=3)

    # -- latents (no VAE needed) ---------------------------------------------------------
    def generate_latents(self, texts, voice=None, prompt_wav=None, prompt_text=None, cfg_value=2.0,
                         inference_timesteps=10, min_len=2, max_len=None, seeds=None,
                         retry_badcase=False, retry_badcase_max_times=3,
                         retry_badcase_ratio_threshold=6.0) -> list[torch.Tensor]:
        """Patches [T, P, D] (float32, voice context patches first) for each text, batched."""
        voice = self._voice(voice, prompt_wav, prompt_text)
        if isinstance(texts, str):
            raise TypeError("generate_latents takes a list of texts")
        seeds = self._seeds(seeds, len(texts))
        made = [self._request(t, voice, s, max_len, retry_badcase_ratio_threshold)
                for t, s in zip(texts, seeds)]
        reqs, n_target = [m[0] for m in made], [m[1] for m in made]
        ctx = self._context(voice)
        final = [None] * len(reqs)
        todo = list(range(len(reqs)))
        attempt = 0
        while todo:
            attempt += 1
            batch = [reqs[k] for k in todo]
            self._run(batch, min_len, inference_timesteps, cfg_value)
            again = []
            for k in todo:
                r = reqs[k]
                final[k] = r
                n = len(r.patches) + ctx.shape[0]  # the reference counts the context patches
                if (retry_badcase and attempt < retry_badcase_max_times
                        and n >= n_target[k] * retry_badcase_ratio_threshold):
                    again.append(k)
                    reqs[k] = Request(r.text_ids, r.prompt, r.max_len, r.seed + 1)
            todo = again
        self._warn_unstopped(final, min_len)
        self.last_seed = [r.seed for r in final]
        self.last_stopped = [r.stopped for r in final]
        return [torch.cat([ctx, torch.stack(r.patches).float().cpu()]) for r in final]

    def _context(self, voice) -> torch.Tensor:
        P, D = self.cfg.patch_size, self.cfg.feat_dim
        if voice is None:
            return torch.zeros(0, P, D)
        return voice.patches[-min(CONTEXT_PATCHES, voice.num_patches):].float().cpu()

    # -- waveforms -------------------------------------------------------------------------
    def _decode(self, patches: torch.Tensor, n_context: int) -> np.ndarray:
        vae = self._need_vae()
        z = patches.to(self.device, torch.float32).permute(2, 0, 1).reshape(1, self.cfg.feat_dim, -1)
        with torch.inference_mode():
            wav = vae.decode(z)[0, 0]
        return wav[n_context * self.patch_samples:].float().cpu().numpy()

    def generate(self, text: str, voice=None, prompt_wav=None, prompt_text=None, cfg_value=2.0,
                 inference_timesteps=10, min_len=2, max_len=None, seed=None, retry_badcase=False,
                 retry_badcase_max_times=3, retry_badcase_ratio_threshold=6.0) -> np.ndarray:
        """One text -> float32 mono waveform at model.sample_rate."""
        voice = self._voice(voice, prompt_wav, prompt_text)
        self._need_vae()
        (patches,) = self.generate_latents(
            [text], voice=voice, cfg_value=cfg_value, inference_timesteps=inference_timesteps,
            min_len=min_len, max_len=max_len, seeds=None if seed is None else [seed],
            retry_badcase=retry_badcase, retry_badcase_max_times=retry_badcase_max_times,
            retry_badcase_ratio_threshold=retry_badcase_ratio_threshold)
        self.last_seed = self.last_seed[0]
        return self._decode(patches, self._context(voice).shape[0])

    def generate_batch(self, texts: list[str], voice=None, seeds=None, **kw) -> list[np.ndarray]:
        """Several texts through the model together (one model step serves all of them);
        each result equals generate(text, seed=its seed)."""
        if isinstance(texts, str):
            raise TypeError("generate_batch takes a list of texts")
        if not texts:
            return []
        voice = self._voice(voice, kw.pop("prompt_wav", None), kw.pop("prompt_text", None))
        self._need_vae()
        latents = self.generate_latents(list(texts), voice=voice, seeds=seeds, **kw)
        n_ctx = self._context(voice).shape[0]
        return [self._decode(p, n_ctx) for p in latents]

    def generate_stream(self, text: str, voice=None, prompt_wav=None, prompt_text=None,
                        cfg_value=2.0, inference_timesteps=10, min_len=2, max_len=None, seed=None,
                        retry_badcase=False, retry_badcase_max_times=3,
                        retry_badcase_ratio_threshold=6.0) -> Iterator[np.ndarray]:
        """Yields one chunk (patch_size * hop samples) per patch as soon as it is sampled; the
        AudioVAE decoder keeps its causal state, so the chunks concatenate to generate(...)."""
        if retry_badcase:
            warnings.warn("bad-case retry is not available when streaming; ignored", stacklevel=2)
        voice = self._voice(voice, prompt_wav, prompt_text)
        vae = self._need_vae()
        seed = fresh_seed() if seed is None else int(seed)
        req, _ = self._request(text, voice, seed, max_len, retry_badcase_ratio_threshold)
        self.last_seed = seed
        dec = vae.stream_decoder(batch_size=1)
        ctx = self._context(voice)
        if ctx.shape[0]:  # warm the decoder on the voice's tail; its audio is not output
            with torch.inference_mode():
                dec.push(ctx.to(self.device).permute(2, 0, 1).reshape(1, self.cfg.feat_dim, -1))
        # generation.run is itself inference-mode per step; no grad-mode leaks into the caller.
        for events in generation.run(self.net, [req], min_len, inference_timesteps, cfg_value):
            (_, patch), = events
            with torch.inference_mode():
                chunk = dec.push(patch.to(torch.float32).t()[None])[0, 0]   # [1, D, P] in
            yield chunk.float().cpu().numpy()
        self.last_stopped = [req.stopped]
        self._warn_unstopped([req], min_len)

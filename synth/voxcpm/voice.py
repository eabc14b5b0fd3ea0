"""A reusable voice: prompt text plus the prompt audio's latent patches, built once.

Saved as a safetensors file whose metadata records the prompt text and the latent layout,
so a voice built with one checkpoint is refused by a differently shaped one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch


@dataclass
class Voice:
    prompt_text: str
    patches: torch.Tensor      # [Tp, P, D] float32 latent patches of the (left-padded) prompt
    sample_rate: int

    @property
    def num_patches(self) -> int:
        return int(self.patches.shape[0])

    def save(self, path) -> None:
        from safetensors.torch import save_file
        meta = {"format": "voxread-voice-1", "prompt_text": json.dumps(self.prompt_text),
                "sample_rate": str(self.sample_rate)}
        save_file({"patches": self.patches.detach().float().cpu().contiguous()}, str(path), metadata=meta)

    @classmethod
    def load(cls, path) -> "Voice":
        from safetensors import safe_open
        path = Path(path)
        try:
            with safe_open(str(path), "pt") as f:
                meta = f.metadata() or {}
                patches = f.get_tensor("patches")
            if meta.get("format") != "voxread-voice-1":
                raise ValueError("not a voxread voice file")
            return cls(json.loads(meta["prompt_text"]), patches, int(meta["sample_rate"]))
        except FileNotFoundError:
            raise ValueError(f"{path}: file not found") from None
        except Exception as e:
            raise ValueError(f"{path}: cannot read voice ({str(e).splitlines()[0][:160]})") from None


def read_audio(prompt_wav, target_sr: int) -> np.ndarray:
    """Path or (array, sr) -> mono float32 at target_sr (channels averaged, soxr resampling)."""
    if isinstance(prompt_wav, (str, Path)):
        import soundfile as sf
        try:
            data, sr = sf.read(str(prompt_wav), dtype="float32", always_2d=True)
        except Exception as e:
            raise ValueError(f"{prompt_wav}: cannot read audio ({str(e).splitlines()[0][:160]})") from None
        mono = data.mean(axis=1)
    else:
        try:
            data, sr = prompt_wav
        except (TypeError, ValueError):
            raise TypeError("prompt_wav must be a path or a (samples, sample_rate) pair") from None
        data = np.asarray(data, dtype=np.float32)
        if data.ndim == 2:  # channels on the shorter axis
            data = data.mean(axis=0 if data.shape[0] < data.shape[1] else 1)
        elif data.ndim != 1:
            raise ValueError(f"prompt_wav samples must be 1-D or 2-D, got shape {data.shape}")
        mono = data
    if mono.size == 0:
        raise ValueError("prompt_wav is empty")
    if int(sr) != target_sr:
        import soxr
        mono = soxr.resample(mono, int(sr), target_sr)
    return np.ascontiguousarray(mono, dtype=np.float32)

"""Audio: float32 mono samples + sample rate, and writing them (wav, flac, ogg, raw)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import numpy as np

# file suffix -> (soundfile format, subtype)
FORMATS = {".wav": ("WAV", "PCM_16"), ".flac": ("FLAC", "PCM_16"), ".ogg": ("OGG", "VORBIS")}


def format_for(path) -> tuple[str, str]:
    """soundfile (format, subtype) for an output path; ValueError names what is supported."""
    suffix = os.path.splitext(str(path))[1].lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot write {str(path)!r}: the file name must end in "
                         f"{', '.join(FORMATS)} (or use '-' for raw 16-bit PCM on stdout)")
    return FORMATS[suffix]


def to_pcm16(samples: np.ndarray) -> bytes:
    """Little-endian signed 16-bit PCM (what `-o -` writes)."""
    clipped = np.clip(np.asarray(samples, np.float32), -1.0, 1.0)
    return (np.round(clipped * 32767.0)).astype("<i2").tobytes()


def resample(samples: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    if from_rate == to_rate:
        return np.asarray(samples, np.float32)
    import soxr
    return soxr.resample(np.asarray(samples, np.float32), from_rate, to_rate).astype(np.float32)


@dataclass
class Audio:
    samples: np.ndarray  # float32, mono, nominally in [-1, 1]
    sample_rate: int
    # (utterance, start_s, end_s) for each utterance read: where its speech sits in samples
    timings: list = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        self.samples = np.asarray(self.samples, np.float32).reshape(-1)

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def save(self, path) -> None:
        """Write to `path`: format from the suffix (.wav .flac .ogg); '-' is raw PCM on stdout."""
        if str(path) == "-":
            sys.stdout.buffer.write(to_pcm16(self.samples))
            sys.stdout.buffer.flush()
            return
        import soundfile
        fmt, subtype = format_for(path)
        soundfile.write(str(path), self.samples, self.sample_rate, format=fmt, subtype=subtype)

    def resampled(self, sample_rate: int) -> "Audio":
        return Audio(resample(self.samples, self.sample_rate, sample_rate), sample_rate)

    def __len__(self) -> int:
        return len(self.samples)

"""Utterance audio -> one continuous read: trim, level, pause, cross-fade.

Every utterance is trimmed to its speech (plus a short margin), brought to one target
loudness (ITU-R BS.1770 integrated loudness, via pyloudnorm) and joined to the next with
the utterance's pause; the edges get short equal-power fades (sin/cos, so a fade-out
overlapping a fade-in keeps constant power) and never a hard cut, which is what clicks.

`Joiner` does this incrementally: it hands out audio as soon as an utterance arrives and
holds back only the last fade length, so streaming and whole-document synthesis produce
the same samples.
"""
from __future__ import annotations

import numpy as np

TARGET_LUFS = -20.0  # speech level with headroom: peaks of read speech stay below 0 dBFS
FADE_MS = 10.0  # long enough to hide a step (a 100 Hz cycle), short enough to be inaudible
MARGIN_MS = 20.0  # speech kept beyond the first/last frame above the silence floor
SILENCE_DB = -45.0  # frames this far below the utterance's loudest frame are silence
_FRAME_MS = 10.0
_PEAK_CEILING = 0.98


def trim_silence(x: np.ndarray, sr: int, floor_db: float = SILENCE_DB,
                 margin_ms: float = MARGIN_MS) -> np.ndarray:
    """Cut leading and trailing silence; keep `margin_ms` around the speech."""
    x = np.asarray(x, np.float32)
    frame = max(1, int(sr * _FRAME_MS / 1000))
    n = len(x) // frame
    if n == 0:
        return x
    rms = np.sqrt(np.mean(x[: n * frame].reshape(n, frame).astype(np.float64) ** 2, axis=1))
    loud = rms.max()
    if loud < 1e-5:  # all silence (about -100 dBFS): nothing to keep
        return x[:0]
    voiced = np.flatnonzero(rms >= loud * 10 ** (floor_db / 20))
    margin = int(sr * margin_ms / 1000)
    start = max(0, voiced[0] * frame - margin)
    end = min(len(x), (voiced[-1] + 1) * frame + margin)
    return x[start:end]


def loudness(x: np.ndarray, sr: int) -> float | None:
    """BS.1770 integrated loudness in LUFS; None when too short or silent to measure."""
    import pyloudnorm

    duration = len(x) / sr
    if duration < 0.1:
        return None
    meter = pyloudnorm.Meter(sr, block_size=min(0.4, duration))
    value = meter.integrated_loudness(np.asarray(x, np.float64))
    return float(value) if np.isfinite(value) else None


def soft_limit(x: np.ndarray, ceiling: float = _PEAK_CEILING) -> np.ndarray:
    """Bend only the rare peaks above 90% of `ceiling` into it (tanh knee) instead of clipping."""
    knee = 0.9 * ceiling
    a = np.abs(x)
    over = a > knee
    if not over.any():
        return x
    y = x.copy()
    room = ceiling - knee
    y[over] = np.sign(x[over]) * (knee + room * np.tanh((a[over] - knee) / room))
    return y


def fades(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Equal-power fade-in and fade-out curves of n samples (in² + out² = 1)."""
    t = (np.arange(n, dtype=np.float64) + 0.5) / max(n, 1)
    return np.sin(0.5 * np.pi * t).astype(np.float32), np.cos(0.5 * np.pi * t).astype(np.float32)


class Joiner:
    """Join utterances one at a time; each `add` returns the audio that is final now."""

    def __init__(self, sample_rate: int, *, target_lufs: float | None = TARGET_LUFS,
                 fade_ms: float = FADE_MS, trim: bool = True):
        self.sr = sample_rate
        self.target_lufs = target_lufs
        self.fade = max(1, int(sample_rate * fade_ms / 1000))
        self.trim = trim
        self._tail: np.ndarray | None = None  # last fade of the previous utterance, unfaded
        self._pause = 0  # samples of silence owed after the previous utterance
        self._gain = 1.0  # last measured gain, reused for utterances too short to measure
        self._emitted = 0  # samples handed out so far
        self.spans: list[tuple[int, int]] = []  # where each added utterance sits in the output

    def level(self, x: np.ndarray) -> np.ndarray:
        """Bring one utterance to the target loudness."""
        if self.target_lufs is None or len(x) == 0:
            return x
        measured = loudness(x, self.sr)
        if measured is not None:
            self._gain = 10 ** ((self.target_lufs - measured) / 20)
        return soft_limit((x * self._gain).astype(np.float32))

    def add(self, samples: np.ndarray, pause_after_ms: float = 0) -> np.ndarray:
        x = np.asarray(samples, np.float32).reshape(-1)
        if self.trim:
            x = trim_silence(x, self.sr)
        x = self.level(x)
        if len(x) == 0:  # nothing audible: only its pause counts
            self._pause += int(self.sr * pause_after_ms / 1000)
            self.spans.append((self._emitted, self._emitted))
            return np.zeros(0, np.float32)
        n = min(self.fade, len(x) // 2) or 1
        fade_in, _ = fades(n)
        head = x[:n] * fade_in
        out = []
        start = self._emitted
        if self._tail is not None:
            m = len(self._tail)
            start += m + self._pause if self._pause >= 1 else m - min(m, n)
            _, fade_out = fades(m)
            tail = self._tail * fade_out
            if self._pause >= 1:
                out += [tail, np.zeros(self._pause, np.float32), head]
            else:  # no pause: overlap the fade-out with the fade-in (cross-fade)
                k = min(m, n)
                mixed = tail.copy()
                mixed[m - k:] += head[:k]
                out += [mixed, head[k:]]
        else:
            out.append(head)
        body = x[n:]
        hold = min(self.fade, len(body))
        out.append(body[: len(body) - hold])
        self._tail = body[len(body) - hold:] if hold else x[len(x) - 1:] * 0
        self._pause = int(self.sr * pause_after_ms / 1000)
        self.spans.append((start, start + len(x)))
        result = np.concatenate(out).astype(np.float32)
        self._emitted += len(result)
        return result

    def finish(self) -> np.ndarray:
        """The held-back end of the last utterance, faded out (its pause is not added)."""
        if self._tail is None:
            return np.zeros(0, np.float32)
        _, fade_out = fades(len(self._tail))
        tail, self._tail = self._tail * fade_out, None
        self._emitted += len(tail)
        return tail.astype(np.float32)


def assemble(segments, sample_rate: int, **options) -> np.ndarray:
    """Join [(samples, pause_after_ms), ...] in one go (the same result as a Joiner)."""
    joiner = Joiner(sample_rate, **options)
    parts = [joiner.add(x, pause) for x, pause in segments] + [joiner.finish()]
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)

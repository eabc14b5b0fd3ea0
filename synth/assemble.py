"""Utterance audio -> one continuous read: trim, level, pause, cross-fade, all causal.

Audio arrives in pieces (a streaming backend: one piece per 80 ms patch; espeak: one piece
per utterance) and `Joiner.add` hands out, for every piece, the audio that is final now:

* **Trim** (`SilenceTrimmer`): 10 ms frames more than 45 dB below the utterance's loudest
  frame so far (or, before it has one that loud, 20 dB below the previous utterance's
  loudest) are silence.  Leading silence is dropped as it arrives (20 ms kept before the
  speech); silence after speech is held back only while it stays silent: released when
  speech follows, cut to 20 ms at the utterance's end.
* **Loudness** (`leveller.Leveller`): a running BS.1770 measurement of the utterance so far
  drives a gain that ramps from piece to piece (never a step), starting from the previous
  utterance's gain; a whole utterance is measured whole.  `soft_limit` bends rare peaks.
* **Pauses and joins**: the utterance's pause of digital silence, short equal-power fades
  (sin/cos, so a fade-out overlapping a fade-in keeps constant power) on every edge, and a
  cross-fade when there is no pause; never a hard cut, which is what clicks.

Besides held silence, only the last fade length (10 ms) of the utterance is held back,
so streaming and whole-document synthesis produce the same samples.
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
    """Cut leading and trailing silence of a whole utterance; keep `margin_ms` around the
    speech (SilenceTrimmer given all of it at once)."""
    return SilenceTrimmer(sr, floor_db, margin_ms).push(np.asarray(x, np.float32).reshape(-1), final=True)


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


def _last(x: np.ndarray, n: int) -> np.ndarray:
    return x[len(x) - min(n, len(x)):]


class SilenceTrimmer:
    """Causal trim of one utterance after another (see the module doc)."""

    def __init__(self, sr: int, floor_db: float = SILENCE_DB, margin_ms: float = MARGIN_MS):
        self.frame = max(1, int(sr * _FRAME_MS / 1000))
        self.margin = int(sr * margin_ms / 1000)
        self.ratio = 10 ** (floor_db / 20)
        self._previous_loudest = 0.0  # loudest frame RMS of the last audible utterance
        self._start()

    def _start(self):
        self._loudest = 0.0  # loudest frame RMS of this utterance so far
        self._voiced = False  # speech has begun
        self._held: list[np.ndarray] = []  # silent frames after the last voiced one
        self._partial = np.zeros(0, np.float32)  # less than a frame, not yet classified

    def _is_voiced(self, rms: float) -> bool:
        self._loudest = max(self._loudest, rms)
        reference = max(self._loudest, 0.1 * self._previous_loudest)
        return rms >= 1e-5 and rms >= reference * self.ratio

    def push(self, x: np.ndarray, final: bool) -> np.ndarray:
        """The samples of the utterance that are known to be kept, in order."""
        x = np.concatenate([self._partial, x]) if len(self._partial) else x
        n = len(x) // self.frame * self.frame
        whole, self._partial = x[:n].reshape(-1, self.frame).astype(np.float64), x[n:]
        frames, levels = list(x[:n].reshape(-1, self.frame)), list(np.sqrt(np.mean(whole * whole, axis=1)))
        if final and len(self._partial):  # the utterance's last, shorter frame
            frames.append(self._partial)
            levels.append(float(np.sqrt(np.mean(np.square(self._partial, dtype=np.float64)))))
            self._partial = x[:0]
        out = []
        for frame, level in zip(frames, levels):
            if self._is_voiced(float(level)):
                if self._held:  # silence inside speech: kept
                    out += self._held if self._voiced else [_last(np.concatenate(self._held), self.margin)]
                    self._held = []
                self._voiced = True
                out.append(frame)
            elif self._voiced:
                self._held.append(frame)
            else:  # before the speech only the last margin can be kept
                self._held = [_last(np.concatenate(self._held + [frame]), self.margin)]
        if final:
            if self._voiced and self._held:
                out.append(np.concatenate(self._held)[:self.margin])
            if self._voiced:
                self._previous_loudest = self._loudest
            self._start()
        return np.concatenate(out) if out else np.zeros(0, np.float32)


class Joiner:
    """Join utterances that arrive in pieces; each `add` returns the audio that is final now."""

    def __init__(self, sample_rate: int, *, target_lufs: float | None = TARGET_LUFS,
                 fade_ms: float = FADE_MS, trim: bool = True):
        from .leveller import Leveller

        self.sr = sample_rate
        self.target_lufs = target_lufs
        self.fade = max(1, int(sample_rate * fade_ms / 1000))
        self._fade_in, _ = fades(self.fade)
        self._trimmer = SilenceTrimmer(sample_rate) if trim else None
        self._leveller = Leveller(sample_rate, target_lufs) if target_lufs is not None else None
        self._tail: np.ndarray | None = None  # end of the previous utterance, waiting to cross-fade
        self._pause = 0  # samples of silence owed after the previous utterance
        self._spoken = False  # an utterance has been heard (a pause needs one before it)
        self._emitted = 0  # samples handed out so far
        self._out: list[np.ndarray] = []  # what this add() hands out
        self.spans: list[tuple[int, int]] = []  # where each ended utterance sits in the output
        self._start_utterance()

    def _start_utterance(self):
        self._body = np.zeros(0, np.float32)  # this utterance's audio not handed out yet
        self._heard = 0  # audible samples of this utterance so far
        self._start: int | None = None  # its first sample's position in the output

    def _emit(self, x: np.ndarray) -> None:
        if len(x):
            self._out.append(x.astype(np.float32, copy=False))
            self._emitted += len(x)

    def add(self, samples: np.ndarray, pause_after_ms: float = 0, final: bool = True) -> np.ndarray:
        """The next piece of the current utterance; final: its last (then pause_after_ms
        applies and the next add starts the next utterance)."""
        x = np.asarray(samples, np.float32).reshape(-1)
        if self._trimmer is not None:
            x = self._trimmer.push(x, final)
        if self._leveller is not None:
            x = soft_limit(self._leveller.push(x, final).astype(np.float32))
        self._place(x)
        if final:
            self._end(int(self.sr * pause_after_ms / 1000))
        out, self._out = self._out, []
        return np.concatenate(out) if out else np.zeros(0, np.float32)

    def _place(self, x: np.ndarray) -> None:
        if not len(x):
            return
        if self._heard < self.fade:  # the utterance's first samples fade in
            k = min(self.fade - self._heard, len(x))
            x = x.copy()
            x[:k] *= self._fade_in[self._heard:self._heard + k]
        self._heard += len(x)
        self._body = np.concatenate([self._body, x])
        if self._start is None:
            if self._tail is not None:  # no pause: cross-fade with the previous utterance's end
                m = len(self._tail)
                if len(self._body) < m:
                    return  # wait for as much of this utterance as the tail is long
                self._start = self._emitted
                self._emit(self._tail * fades(m)[1] + self._body[:m])
                self._body, self._tail = self._body[m:], None
            else:
                if self._spoken:
                    self._emit(np.zeros(self._pause, np.float32))
                self._start, self._pause = self._emitted, 0
        hand_out = len(self._body) - self.fade  # keep the last fade: it may be the end
        if hand_out > 0:
            self._emit(self._body[:hand_out])
            self._body = self._body[hand_out:]

    def _end(self, pause: int) -> None:
        if self._heard == 0:  # nothing audible: only its pause counts
            self._pause += pause
            self.spans.append((self._emitted, self._emitted))
            return
        if self._start is None:  # shorter than the tail it cross-fades with: align the ends
            m, k = len(self._tail), len(self._body)
            mixed = self._tail * fades(m)[1]
            mixed[m - k:] += self._body
            self._start = self._emitted + m - k
            self._emit(mixed)
            self._body, self._tail = self._body[:0], None
        end = self._body if len(self._body) else np.zeros(1, np.float32)
        self.spans.append((self._start, self._start + self._heard))
        self._spoken, self._pause = True, pause
        if pause >= 1:  # no cross-fade will follow: the fade-out is final now
            self._emit(end * fades(len(end))[1])
        else:
            self._tail = end
        self._start_utterance()

    def finish(self) -> np.ndarray:
        """The held-back end of the last utterance, faded out (its pause is not added)."""
        if self._tail is not None:
            self._emit(self._tail * fades(len(self._tail))[1])
            self._tail = None
        out, self._out = self._out, []
        return np.concatenate(out) if out else np.zeros(0, np.float32)


def assemble(segments, sample_rate: int, **options) -> np.ndarray:
    """Join [(samples, pause_after_ms), ...] in one go (the same result as a Joiner)."""
    joiner = Joiner(sample_rate, **options)
    parts = [joiner.add(x, pause) for x, pause in segments] + [joiner.finish()]
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)

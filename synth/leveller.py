"""Causal loudness levelling: a gain for each piece of an utterance from what has been heard.

A streamed utterance is handed out long before its end, so its BS.1770 integrated loudness
(which needs the whole utterance) is not known when its first gain must be chosen.  The
Leveller instead measures the utterance *so far* the BS.1770 way (K-weighting, 400 ms
blocks with a 100 ms hop, absolute gate -70 LUFS, relative gate -10 LU; less than one
block: the mean square of what there is) and moves the gain towards
`target - measured` piece by piece:

* the first piece of an utterance starts at the voice's last known gain (the previous
  utterance's measured gain, the *prior*; a voice keeps its level from one sentence to the
  next) and trusts its own measurement in proportion to how much of it has been heard
  (fully after SETTLE_S).  Louder than the prior is believed at once (an overshoot is what
  hurts); before the document's first utterance the prior is unity gain.
* later pieces ramp the gain linearly (in dB) from where the previous piece ended, at most
  UP_DB_PER_S up or DOWN_DB_PER_S down, so the gain never steps inside an utterance.
* an utterance that arrives whole (its first piece is final) is measured whole and gets
  one gain: exactly the per-utterance normalisation of a non-streaming read.
* the gain stays within [MIN_GAIN_DB, MAX_GAIN_DB] and its goal keeps the piece's peak
  below PEAK_SAFE (a first measurement of a soft onset reads low); `assemble.soft_limit`
  bends what still gets through.
"""
from __future__ import annotations

import math

import numpy as np

BLOCK_S, HOP_S = 0.4, 0.1  # BS.1770 gating blocks: 400 ms, 75 % overlap
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the absolutely gated level
SETTLE_S = 0.4  # heard audio after which an utterance's own measurement is trusted fully
UP_DB_PER_S, DOWN_DB_PER_S = 60.0, 240.0  # gain slew inside an utterance (per 80 ms: 4.8, 19 dB)
MIN_GAIN_DB, MAX_GAIN_DB = -30.0, 30.0
MIN_MEASURE_S = 0.02  # less than this cannot be measured
PEAK_SAFE = 0.8  # the gain goal keeps a piece's peak below this (soft_limit's knee is 0.88)


def k_weighting(sr: int) -> np.ndarray:
    """BS.1770 K-weighting (a +4 dB high shelf, then a 38 Hz high pass) as second-order
    sections for `sr`: the standard's two biquads, re-derived for any rate by the bilinear
    transform of their analogue prototypes (equal to the standard's 48 kHz coefficients)."""
    # high shelf: gain, centre frequency and Q of the analogue prototype of the 48 kHz filter
    gain_db, f0, q = 3.999843853973347, 1681.974450955533, 0.7071752369554196
    k = math.tan(math.pi * f0 / sr)
    vh = 10 ** (gain_db / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = [(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
             1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    # high pass
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / sr)
    a0 = 1 + k / q + k * k
    high_pass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    return np.array([shelf, high_pass])


def lufs(mean_square: float) -> float:
    return -0.691 + 10 * math.log10(max(mean_square, 1e-20))


class Biquad:
    """One second-order IIR section run over pieces of a signal, exactly (direct form I).

    Without scipy (its import alone is 0.7-1.3 s of a CLI run): the FIR part is vectorised,
    and the recursive part y[n] = u[n] - a1 y[n-1] - a2 y[n-2] is solved a block of BLOCK
    samples at a time as y = G u + y[-1] r1 + y[-2] r2, with G the lower-triangular Toeplitz
    matrix of the all-pole impulse response and r1, r2 the responses to the two previous
    outputs: one matrix product for all blocks of a piece, then two multiply-adds per block."""

    BLOCK = 256

    def __init__(self, section):
        b0, b1, b2, a0, a1, a2 = (float(v) for v in section)
        self.b = np.array([b0, b1, b2]) / a0
        a1, a2 = a1 / a0, a2 / a0
        L = self.BLOCK

        def response(u0, y1, y2):  # the recursion's output for u = [u0, 0, 0, ...] from y[-1], y[-2]
            out = np.zeros(L)
            for n in range(L):
                out[n] = (u0 if n == 0 else 0.0) - a1 * y1 - a2 * y2
                y1, y2 = out[n], y1
            return out

        # impulse response of 1 / (1 + a1 z^-1 + a2 z^-2); responses to y[-1] = 1 and to y[-2] = 1
        g, r1, r2 = response(1.0, 0.0, 0.0), response(0.0, 1.0, 0.0), response(0.0, 0.0, 1.0)
        idx = np.arange(L)
        lag = idx[:, None] - idx[None, :]
        self.G_t = np.where(lag >= 0, g[np.clip(lag, 0, L - 1)], 0.0).T  # row vectors times G^T
        self.r = np.stack([r1, r2])
        self.x_prev = np.zeros(2)  # x[-1], x[-2]
        self.y_prev = np.zeros(2)  # y[-1], y[-2]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n, L = len(x), self.BLOCK
        ext = np.concatenate([self.x_prev[::-1], x])  # x[-2], x[-1], x[0], ...
        u = self.b[0] * ext[2:] + self.b[1] * ext[1:-1] + self.b[2] * ext[:-2]
        self.x_prev = ext[-1:-3:-1].copy()
        blocks = -(-n // L)
        padded = np.zeros(blocks * L)
        padded[:n] = u
        y = (padded.reshape(blocks, L) @ self.G_t)  # each block as if it started from rest
        y1, y2 = self.y_prev
        for k in range(blocks):
            y[k] += y1 * self.r[0] + y2 * self.r[1]
            m = min(L, n - k * L)
            y1, y2 = y[k, m - 1], (y[k, m - 2] if m >= 2 else y1)
        self.y_prev = np.array([y1, y2])
        return y.reshape(-1)[:n]


class RunningLoudness:
    """BS.1770 gated loudness of one signal fed in pieces (state: filter memory and the
    mean square of every 100 ms hop)."""

    def __init__(self, sr: int):
        self.sr = sr
        self._filters = [Biquad(section) for section in k_weighting(sr)]
        self._hop = max(1, int(round(sr * HOP_S)))
        self._hops: list[float] = []  # mean square of every complete hop
        self._partial_sum, self._partial_n = 0.0, 0
        self.samples = 0

    def push(self, x: np.ndarray) -> None:
        if not len(x):
            return
        y = np.asarray(x, np.float64)
        for f in self._filters:
            y = f(y)
        self.samples += len(y)
        y2 = y * y
        pos = 0
        while pos < len(y2):
            take = min(self._hop - self._partial_n, len(y2) - pos)
            self._partial_sum += float(y2[pos:pos + take].sum())
            self._partial_n += take
            pos += take
            if self._partial_n == self._hop:
                self._hops.append(self._partial_sum / self._hop)
                self._partial_sum, self._partial_n = 0.0, 0

    def value(self) -> float | None:
        """Gated loudness (LUFS) of everything pushed; None if too short or silent."""
        if self.samples < self.sr * MIN_MEASURE_S:
            return None
        per_block = int(round(BLOCK_S / HOP_S))
        hops = np.array(self._hops)
        if len(hops) < per_block:  # shorter than one block: the mean square of all of it
            ms = (hops.sum() * self._hop + self._partial_sum) / self.samples
            level = lufs(ms)
            return level if level > ABSOLUTE_GATE else None
        blocks = np.convolve(hops, np.ones(per_block) / per_block, mode="valid")
        levels = -0.691 + 10 * np.log10(np.maximum(blocks, 1e-20))
        kept = blocks[levels > ABSOLUTE_GATE]
        if not len(kept):
            return None
        relative = lufs(float(kept.mean())) + RELATIVE_GATE
        kept = kept[-0.691 + 10 * np.log10(kept) > relative]
        return lufs(float(kept.mean()))


class Leveller:
    """Gain for the pieces of one utterance after another (see module doc)."""

    def __init__(self, sr: int, target_lufs: float):
        self.sr, self.target = sr, target_lufs
        self.prior = 0.0  # dB: the last utterance's measured gain (unity before the first)
        self._meter: RunningLoudness | None = None  # the current utterance's
        self._gain: float | None = None  # dB at the end of the last piece

    def _measured_gain(self) -> float | None:
        level = self._meter.value()
        if level is None:
            return None
        return min(MAX_GAIN_DB, max(MIN_GAIN_DB, self.target - level))

    def gains(self, n: int, final: bool, peak: float = 0.0) -> np.ndarray:
        """Linear gain per sample for the next n samples (already pushed to the meter);
        peak: their largest magnitude (the gain goal keeps it below PEAK_SAFE)."""
        if n == 0:
            return np.ones(0, np.float32)
        first = self._gain is None  # the utterance's first audible piece
        measured = self._measured_gain()
        if measured is None:
            goal = self.prior
        elif measured <= self.prior or (first and final):
            goal = measured
        else:  # quieter than the voice's known level: believe it as it is heard
            weight = min(1.0, self._meter.samples / (self.sr * SETTLE_S))
            goal = self.prior + weight * (measured - self.prior)
        if peak > 0:  # an early measurement that is too low must not drive peaks into the limiter
            goal = min(goal, 20 * math.log10(PEAK_SAFE / peak))
        if first:  # the utterance's start is faded in: no ramp needed from anything before
            start = end = goal
        else:
            seconds = n / self.sr
            start = self._gain
            end = min(start + UP_DB_PER_S * seconds, max(start - DOWN_DB_PER_S * seconds, goal))
        self._gain = end
        ramp_db = start + (end - start) * (np.arange(1, n + 1) / n) if n else np.zeros(0)
        return (10 ** (ramp_db / 20)).astype(np.float32)

    def push(self, x: np.ndarray, final: bool) -> np.ndarray:
        """The next samples of the current utterance, levelled; `final`: its last piece."""
        if self._meter is None:
            self._meter = RunningLoudness(self.sr)
        self._meter.push(x)
        y = x * self.gains(len(x), final, float(np.abs(x).max()) if len(x) else 0.0)
        if final:
            measured = self._measured_gain()
            if measured is not None:
                self.prior = measured
            self._meter, self._gain = None, None
        return y

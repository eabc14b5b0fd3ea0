"""The streaming leveller's BS.1770 meter (synth/leveller.py), checked against references."""
import numpy as np
import pytest
from scipy.signal import lfilter

from synth.assemble import loudness
from synth.leveller import Biquad, RunningLoudness, k_weighting


@pytest.mark.parametrize("sr", [16000, 24000, 44100, 48000])
def test_k_weighting_in_odd_pieces_equals_scipy_lfilter(sr):
    x = np.random.default_rng(sr).standard_normal(2 * sr)
    want = x
    for section in k_weighting(sr):
        want = lfilter(section[:3], section[3:], want)
    filters = [Biquad(section) for section in k_weighting(sr)]
    out, pos, sizes = [], 0, [1, 2, 3, 255, 256, 257, 1280, 4000, 17]
    for k in range(10 ** 6):
        if pos >= len(x):
            break
        y = x[pos:pos + sizes[k % len(sizes)]]
        pos += len(y)
        for f in filters:
            y = f(y)
        out.append(y)
    np.testing.assert_allclose(np.concatenate(out), want, rtol=0, atol=1e-9 * np.abs(want).max())


@pytest.mark.parametrize("level_db", [-40.0, -20.0, -6.0])
def test_running_loudness_agrees_with_pyloudnorm(level_db):
    sr = 16000
    rng = np.random.default_rng(1)
    t = np.arange(3 * sr) / sr
    speechlike = np.sin(2 * np.pi * 180 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t)) \
        + 0.1 * rng.standard_normal(len(t))
    x = speechlike * 10 ** (level_db / 20) / np.abs(speechlike).max()
    meter = RunningLoudness(sr)
    for start in range(0, len(x), 1280):  # 80 ms pieces, as a stream delivers them
        meter.push(x[start:start + 1280])
    assert meter.value() == pytest.approx(loudness(x, sr), abs=0.15)

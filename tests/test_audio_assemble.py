"""Assembly: trimming, BS.1770 levelling, pauses and click-free joins."""
import numpy as np
import pytest
import soundfile

from synth.assemble import FADE_MS, TARGET_LUFS, Joiner, assemble, loudness, trim_silence
from synth.audio import Audio, to_pcm16

SR = 16000
# A click is a transient the voice itself never makes: a step, i.e. a spike in the second
# difference |x[n+1] - 2x[n] + x[n-1]| (a step of size s gives a spike of s, while a smooth
# signal of frequency f and amplitude A stays near (2*pi*f/sr)^2 * A). A join passes when
# its largest second difference is at most JOIN_ROUGHNESS_RATIO times the 99.9th
# percentile of the joined material's own second differences: the fades' own curvature
# adds well under 50%, a hard cut through a waveform adds 10-100x.
JOIN_ROUGHNESS_RATIO = 1.5


def roughness(x):
    return np.abs(np.diff(np.asarray(x, np.float64), 2))


def join_roughness(audio, spans, window=32):
    """Largest second difference within `window` samples of every utterance boundary."""
    worst = 0.0
    for start, end in spans:
        for p in (start, end):
            lo, hi = max(0, p - window), min(len(audio), p + window)
            if hi - lo > 2:
                worst = max(worst, float(roughness(audio[lo:hi]).max()))
    return worst


def tone(seconds, freq=220.0, amp=0.5, phase=1.0):
    t = np.arange(int(SR * seconds)) / SR
    return (amp * np.sin(2 * np.pi * freq * t + phase)).astype(np.float32)


def test_trim_keeps_speech_and_a_margin():
    x = np.concatenate([np.zeros(SR), tone(0.5), np.zeros(SR)])
    y = trim_silence(x, SR)
    assert 0.5 <= len(y) / SR <= 0.5 + 2 * 0.03
    assert trim_silence(np.zeros(SR, np.float32), SR).size == 0


@pytest.mark.parametrize("level_db", [-40, -20, -3])
def test_every_utterance_reaches_the_target_loudness(level_db):
    x = tone(1.0, amp=10 ** (level_db / 20))
    joiner = Joiner(SR)
    out = np.concatenate([joiner.add(x, 0), joiner.finish()])
    assert abs(loudness(out, SR) - TARGET_LUFS) < 1.0


def test_volume_does_not_creep_over_a_long_read():
    rng = np.random.default_rng(0)
    segments = [(tone(0.8, freq=150 + 10 * i, amp=10 ** (rng.uniform(-35, -5) / 20)), 200) for i in range(12)]
    joiner = Joiner(SR)
    audio = np.concatenate([joiner.add(x, p) for x, p in segments] + [joiner.finish()])
    levels = [loudness(audio[a:b], SR) for a, b in joiner.spans]
    assert max(levels) - min(levels) < 1.0
    assert all(abs(v - TARGET_LUFS) < 1.0 for v in levels)


@pytest.mark.parametrize("pause_ms", [0, 300])
def test_joins_do_not_click(pause_ms):
    # Tones cut mid-cycle at full swing: concatenated as is they step by ~0.9.
    a, b = tone(0.5, 220, phase=0.0)[:-17], tone(0.5, 330, phase=2.0)
    own = np.percentile(np.concatenate([roughness(a), roughness(b)]), 99.9)
    naive = np.concatenate([a, np.zeros(int(SR * pause_ms / 1000), np.float32), b])
    naive_spans = [(0, len(a)), (len(naive) - len(b), len(naive))]
    assert join_roughness(naive, naive_spans) > 10 * own  # the measure does see a click
    joiner = Joiner(SR, target_lufs=None, trim=False)
    out = np.concatenate([joiner.add(a, pause_ms), joiner.add(b, 0), joiner.finish()])
    assert join_roughness(out, joiner.spans) <= JOIN_ROUGHNESS_RATIO * own


def test_pause_is_inserted_and_crossfade_overlaps():
    a, b = tone(0.5), tone(0.5, 330)
    with_pause = assemble([(a, 400), (b, 0)], SR, target_lufs=None, trim=False)
    assert len(with_pause) == len(a) + int(SR * 0.4) + len(b)
    silent = np.flatnonzero(np.abs(with_pause) < 1e-9)
    assert len(silent) >= int(SR * 0.4)
    fade = int(SR * FADE_MS / 1000)
    crossfaded = assemble([(a, 0), (b, 0)], SR, target_lufs=None, trim=False)
    assert len(crossfaded) == len(a) + len(b) - fade


def test_streaming_joiner_equals_whole_assembly():
    segments = [(np.concatenate([np.zeros(800), tone(0.3 + 0.1 * i, 200 + 40 * i), np.zeros(500)]), p)
                for i, p in enumerate([150, 0, 350, 700])]
    whole = assemble(segments, SR)
    joiner = Joiner(SR)
    pieces = [joiner.add(x, p) for x, p in segments] + [joiner.finish()]
    assert all(len(p) > 0 for p in pieces[:-1])  # audio is handed out per utterance
    np.testing.assert_array_equal(np.concatenate(pieces), whole)


@pytest.mark.parametrize("suffix", [".wav", ".flac", ".ogg"])
def test_audio_saves_by_suffix(tmp_path, suffix):
    audio = Audio(tone(0.5), SR)
    path = tmp_path / f"x{suffix}"
    audio.save(path)
    data, sr = soundfile.read(path)
    assert sr == SR and abs(len(data) - len(audio)) < SR * 0.05
    if suffix != ".ogg":
        assert np.abs(data - audio.samples).max() < 1e-3


def test_bad_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.wav, \.flac, \.ogg"):
        Audio(tone(0.1), SR).save(tmp_path / "x.mp3")


def test_raw_pcm_is_16_bit_little_endian():
    raw = to_pcm16(np.array([0.0, 0.5, -1.0, 2.0], np.float32))
    assert np.frombuffer(raw, "<i2").tolist() == [0, 16384, -32767, 32767]


# ------------------------------------------------------------------ streamed pieces (causal)
PATCH = 1280  # VoxCPM's 80 ms patch at 16 kHz


def speechlike(seconds, lufs, seed):
    """Harmonics under a syllable-rate envelope, at `lufs`, between short silences."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(SR * seconds)) / SR
    f0 = 110 + 80 * rng.random()
    x = sum(np.sin(2 * np.pi * f0 * k * t + rng.random() * 6) / k for k in range(1, 6))
    x *= 0.5 + 0.5 * np.sin(2 * np.pi * 3 * t + rng.random() * 6) ** 2
    x *= np.minimum(1, np.minimum(t, t[::-1]) / 0.05)  # speech starts and ends smoothly
    x *= 10 ** ((lufs - loudness(x, SR)) / 20)
    return np.concatenate([np.zeros(800), x, np.zeros(1600)]).astype(np.float32)


def streamed(segments, joiner, piece=PATCH):
    """Feed each (samples, pause) to the joiner in pieces; the pieces it handed out."""
    out = []
    for x, pause in segments:
        for s in range(0, len(x), piece):
            out.append(joiner.add(x[s:s + piece], pause, final=s + piece >= len(x)))
    return out + [joiner.finish()]


@pytest.mark.parametrize("levels", [[-35, -10] * 3, [-10, -35] * 3, [-35] * 3 + [-10] * 3])
def test_streamed_levels_converge_and_the_read_is_on_target(levels):
    joiner = Joiner(SR)
    audio = np.concatenate(streamed([(speechlike(2.0, v, i), 300) for i, v in enumerate(levels)], joiner))
    assert abs(loudness(audio, SR) - TARGET_LUFS) < 1.0
    for k, (a, b) in enumerate(joiner.spans):
        assert abs(loudness(audio[b - SR // 2:b], SR) - TARGET_LUFS) < 1.0  # converged
        if k == 0 or levels[k] == levels[k - 1]:  # nothing to go on yet / the voice's gain holds
            assert abs(loudness(audio[a:b], SR) - TARGET_LUFS) < 1.0
        # the gain ramps from piece to piece: nothing inside an utterance is rougher than the
        # levelled speech itself (a gain step of a few dB would stand out 2-10x)
        inner = roughness(audio[a:b])
        assert inner.max() <= JOIN_ROUGHNESS_RATIO * np.percentile(inner, 99.9)


def test_streamed_joins_do_not_click():
    segments = [(speechlike(1.0, v, i), p) for i, (v, p) in enumerate([(-20, 0), (-15, 250), (-25, 0), (-20, 0)])]
    joiner = Joiner(SR)
    audio = np.concatenate(streamed(segments, joiner))
    inner = np.concatenate([roughness(audio[a + 500:b - 500]) for a, b in joiner.spans])
    assert join_roughness(audio, joiner.spans) <= JOIN_ROUGHNESS_RATIO * np.percentile(inner, 99.9)


def test_a_streamed_utterance_is_held_back_only_by_the_fade():
    x = tone(1.0, amp=0.1)
    joiner = Joiner(SR)
    fade = int(SR * FADE_MS / 1000)
    handed = 0
    for s in range(0, len(x) - PATCH, PATCH):
        handed += len(joiner.add(x[s:s + PATCH], 0, final=False))
        assert handed == s + PATCH - fade
    # trailing silence is held while it is silent, released when speech follows, and cut
    # to the 20 ms margin at the end
    joiner = Joiner(SR, target_lufs=None)
    silence = np.zeros(PATCH, np.float32)
    first = joiner.add(x[:PATCH], 0, final=False)
    assert len(joiner.add(silence, 0, final=False)) == 0
    assert len(joiner.add(x[:PATCH], 0, final=False)) == PATCH + PATCH  # the silence, then speech
    assert len(joiner.add(silence, 0, final=True)) + len(joiner.finish()) == fade + int(SR * 0.02)
    assert len(first) == PATCH - fade


def test_leading_silence_is_dropped_as_it_arrives():
    joiner = Joiner(SR, target_lufs=None)
    assert len(joiner.add(np.zeros(3 * PATCH, np.float32), 0, final=False)) == 0
    out = joiner.add(tone(0.08, amp=0.1), 0, final=False)
    assert len(out) == int(SR * 0.02) + PATCH - int(SR * FADE_MS / 1000)  # margin + speech - fade
    assert not out[:int(SR * 0.02)].any()

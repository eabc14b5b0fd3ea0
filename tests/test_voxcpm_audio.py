"""Waveform-level conformance and streaming (needs synth.voxcpm.audiovae).

End-to-end tolerance atol 1e-4 (GOLDEN.md); the stream is compared with our own offline
decode, not with the reference's re-decoding stream (which is not equal to its offline one).
"""
import json
import warnings
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

pytest.importorskip("synth.voxcpm.audiovae")

import synth  # noqa: E402
from synth.voxcpm.voice import Voice  # noqa: E402

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
E2E = dict(atol=1e-4, rtol=0)


def close(a, b, **tol):
    torch.testing.assert_close(torch.as_tensor(a).float(), torch.as_tensor(b).float(), **(tol or E2E))


@pytest.fixture(scope="module")
def model():
    return synth.load_model(TINY, device="cpu")


def test_sample_rate_and_patch(model):
    assert model.sample_rate == 16000
    assert model.patch_samples == 1280


def test_vae_vectors_through_model(model, gold):
    with torch.inference_mode():
        close(model.vae.encode(gold["vae/enc_in"]), gold["vae/enc_out"], atol=1e-5, rtol=1e-4)
        close(model.vae.decode(gold["vae/dec_in"]), gold["vae/dec_out"], atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("k", [0, 1, 2])
def test_e2e_wav(model, gold, meta, k):
    text = json.loads(meta["e2e_texts"])[k]
    wav = model.generate(text, seed=42, min_len=8, max_len=8)
    assert wav.dtype == np.float32 and wav.shape == (10240,)
    close(wav, gold[f"e2e/{k}/wav"][0])


def test_natural_stop_wav(model, gold, meta):
    wav = model.generate(json.loads(meta["e2e_texts"])[0], seed=42, min_len=1, max_len=8)
    close(wav, gold["stoprun/wav"][0])


def test_retry_wav(model, gold, meta):
    wav = model.generate(json.loads(meta["e2e_texts"])[0], seed=42, min_len=8, max_len=8,
                         retry_badcase=True, retry_badcase_ratio_threshold=0.5)
    assert model.last_seed == 44
    close(wav, gold["retry/wav"][0])


def test_voice_from_prompt_wav(model, gold, meta):
    voice = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    close(voice.patches, gold["prompt/prompt_feat"], atol=1e-5, rtol=1e-4)
    wav = model.generate(meta["prompt_target"], voice=voice, seed=42, min_len=8, max_len=8)
    assert wav.shape == (10240,)  # the 2 context patches are trimmed, as the reference's user path
    close(wav, gold["prompt/wav"][0])
    close(wav, gold["prompt/wav_generate_untrimmed"][0, 2560:])


def test_voice_any_rate_and_channels(model, gold, meta):
    """A stereo 44.1 kHz copy of the prompt gives (nearly) the same voice latents."""
    mono, sr = sf.read(str(TINY / "prompt.wav"), dtype="float32")
    import soxr
    hi = soxr.resample(mono, sr, 44100)
    stereo = np.stack([hi, hi], axis=1)
    v1 = model.build_voice((stereo, 44100), meta["prompt_text"])
    v0 = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    assert v1.patches.shape == v0.patches.shape
    assert (v1.patches - v0.patches).abs().max() < 0.05 * v0.patches.abs().max()


def test_prompt_wav_arguments_equal_voice(model, meta):
    a = model.generate(meta["prompt_target"], prompt_wav=str(TINY / "prompt.wav"),
                       prompt_text=meta["prompt_text"], seed=3, min_len=4, max_len=4)
    v = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    b = model.generate(meta["prompt_target"], voice=v, seed=3, min_len=4, max_len=4)
    np.testing.assert_array_equal(a, b)


def test_voice_save_load_roundtrip(model, meta, tmp_path):
    v = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    v.save(tmp_path / "v.safetensors")
    w = Voice.load(tmp_path / "v.safetensors")
    assert w.prompt_text == v.prompt_text and torch.equal(w.patches, v.patches)
    a = model.generate("再说一句。", voice=v, seed=5, min_len=3, max_len=3)
    b = model.generate("再说一句。", voice=tmp_path / "v.safetensors", seed=5, min_len=3, max_len=3)
    np.testing.assert_array_equal(a, b)


def test_stream_equals_offline(model, gold, meta):
    text = meta["stream_text"]
    chunks = list(model.generate_stream(text, seed=42, min_len=8, max_len=8))
    assert [len(c) for c in chunks] == [1280] * 8
    offline = model.generate(text, seed=42, min_len=8, max_len=8)
    close(np.concatenate(chunks), offline, atol=1e-5, rtol=0)
    # the first 3 chunks also equal the reference's stream (its window still starts at 0)
    close(np.concatenate(chunks[:3]), gold["stream/wav_concat"][0, :3840])
    close(offline, gold["stream/wav_nonstreaming"][0])


def test_stream_with_voice_equals_offline(model, meta):
    v = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    chunks = list(model.generate_stream(meta["prompt_target"], voice=v, seed=42, min_len=8, max_len=8))
    offline = model.generate(meta["prompt_target"], voice=v, seed=42, min_len=8, max_len=8)
    close(np.concatenate(chunks), offline, atol=1e-5, rtol=0)


def test_stream_natural_stop(model, gold, meta):
    chunks = list(model.generate_stream(json.loads(meta["e2e_texts"])[0], seed=42, min_len=1, max_len=8))
    assert len(chunks) == 3
    close(np.concatenate(chunks), gold["stoprun/wav"][0])


def test_batch_equals_one_by_one(model, meta):
    texts = ["Hello world.", "你好，世界！今天天气很好。", "VoxCPM 说 hello。"]
    seeds = [1, 2, 3]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        batch = model.generate_batch(texts, seeds=seeds, min_len=1, max_len=12)
        single = [model.generate(t, seed=s, min_len=1, max_len=12) for t, s in zip(texts, seeds)]
    for b, s in zip(batch, single):
        assert b.shape == s.shape
        close(b, s)


def test_batch_with_voice_equals_one_by_one(model, meta):
    v = model.build_voice(TINY / "prompt.wav", meta["prompt_text"])
    texts = ["我们继续说下去。", "Hello."]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        batch = model.generate_batch(texts, voice=v, seeds=7, min_len=2, max_len=10)
        single = [model.generate(t, voice=v, seed=7, min_len=2, max_len=10) for t in texts]
    for b, s in zip(batch, single):
        close(b, s)

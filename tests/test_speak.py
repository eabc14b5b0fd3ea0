"""speak()/stream() end to end: real espeak audio, and the voxcpm path (test double + tiny checkpoint)."""
from pathlib import Path

import numpy as np
import pytest
import soundfile
import torch

import synth
from synth.assemble import TARGET_LUFS, loudness
from synth.backends.voxcpm import VoxCPMBackend, find_local_checkpoint
from synth.speak import NothingToSay
from fake_voxcpm import FakeModel
from test_audio_assemble import JOIN_ROUGHNESS_RATIO, join_roughness, roughness

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
DOC = "今天天气很好。我们去公园散步吧！\nThe weather is nice today, let us walk in the park.\n一二三四五六七。"


@pytest.fixture(autouse=True)
def no_checkpoint(monkeypatch, tmp_path):
    """No configured or cached checkpoint: the default must be espeak."""
    monkeypatch.delenv("VOXREAD_MODEL", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.fixture(scope="module")
def espeak_read():
    return synth.speak(DOC, backend="espeak")


def test_espeak_read_is_real_speech(espeak_read):
    audio = espeak_read
    assert audio.sample_rate == 22050
    han = sum(1 for ch in DOC if "\u4e00" <= ch <= "\u9fff")
    words = len("The weather is nice today, let us walk in the park".split())
    # espeak reads ~4-6 Han characters or ~2-4 English words a second (plus pauses)
    assert 0.5 * (han / 5 + words / 3) < audio.duration < 2.0 * (han / 5 + words / 3) + 2
    assert np.sqrt(np.mean(audio.samples ** 2)) > 0.02  # not silent
    assert len(audio.timings) >= 3


def test_espeak_joins_are_click_free_and_levelled(espeak_read):
    audio = espeak_read
    spans = [(int(s * audio.sample_rate), int(e * audio.sample_rate)) for _, s, e in audio.timings]
    inner = np.concatenate([roughness(audio.samples[a + 500:b - 500]) for a, b in spans])
    assert join_roughness(audio.samples, spans) <= JOIN_ROUGHNESS_RATIO * np.percentile(inner, 99.9)
    for _, a, b in [(u, *s) for u, s in zip(audio.timings, spans)]:
        assert abs(loudness(audio.samples[a:b], audio.sample_rate) - TARGET_LUFS) < 1.0
    assert abs(loudness(audio.samples, audio.sample_rate) - TARGET_LUFS) < 1.0  # the whole read


def test_default_backend_is_espeak_with_a_notice(capsys):
    import sys
    sp = sys.modules["synth.speak"]
    sp._notice_shown = False
    audio = synth.speak("你好")
    assert audio.sample_rate == 22050
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "preview voice" in err and "VoxCPM" in err


def test_empty_and_unspeakable_text_are_refused():
    with pytest.raises(ValueError, match="empty"):
        synth.speak("  \n ")
    with pytest.raises(NothingToSay, match="nothing"):
        synth.speak("。。。！", backend="espeak")


def test_speak_writes_the_file_by_suffix(tmp_path):
    audio = synth.speak("你好，世界！", tmp_path / "a.flac", backend="espeak", sample_rate=16000)
    data, sr = soundfile.read(tmp_path / "a.flac")
    assert sr == 16000 == audio.sample_rate and abs(len(data) - len(audio)) <= 1


def test_voice_cloning_needs_voxcpm():
    with pytest.raises(ValueError, match="VoxCPM"):
        synth.speak("你好", voice=(str(TINY / "prompt.wav"), "这是提示音。"))


def test_checkpoint_discovery(monkeypatch, tmp_path):
    assert find_local_checkpoint() is None
    snap = tmp_path / "hf" / "hub" / "models--openbmb--VoxCPM-0.5B" / "snapshots" / "abc"
    snap.mkdir(parents=True)
    (snap / "config.json").write_text("{}")
    assert find_local_checkpoint() == str(snap)
    monkeypatch.setenv("VOXREAD_MODEL", "/some/dir")
    assert find_local_checkpoint() == "/some/dir"


# ------------------------------------------------------------------ voxcpm path, test double
def test_utterances_are_batched_and_equal_one_by_one():
    text = "第一句。\n第二句话。\n第三句话来了。\n第四。\n第五句。\n第六句话。"
    batched_model, single_model = FakeModel(), FakeModel()
    batched = synth.speak(text, model=batched_model, seed=7)
    single = synth.speak(text, model=single_model, seed=7, batch_size=1)
    np.testing.assert_array_equal(batched.samples, single.samples)
    assert max(batched_model.live_sizes) > 1  # really batched
    assert set(single_model.live_sizes) == {1}
    assert {s for c in batched_model.calls for s in c[2]} == {7}  # one seed for all


def test_stream_concatenated_equals_speak():
    text = "第一句。\n第二句话。\n第三句话来了。\n第四。"
    whole = synth.speak(text, model=FakeModel(), seed=3)
    chunks = list(synth.stream(text, model=FakeModel(), seed=3))
    assert len(chunks) >= 4
    np.testing.assert_array_equal(np.concatenate(chunks), whole.samples)


def test_stream_hands_out_audio_before_the_document_is_done():
    model = FakeModel()
    it = synth.stream("一。\n二。\n三。\n四。\n五。\n六。\n七。\n八。", model=model, seed=1)
    next(it)
    assert sum(len(c[1]) for c in model.calls) < 8


def test_voice_is_built_once_and_reused(tmp_path):
    model = FakeModel()
    prompt = str(TINY / "prompt.wav")
    synth.speak("一。\n二。\n三。", model=model, voice=(prompt, "这是提示音。"), seed=1)
    synth.speak("四。\n五。", model=model, voice=(prompt, "这是提示音。"), seed=1)
    assert model.voices_built == 1
    backend = VoxCPMBackend(model, (prompt, "这是提示音。"))
    backend.voice.save(tmp_path / "v.voice")
    again = synth.speak("一。", model=model, voice=str(tmp_path / "v.voice"), seed=1)
    first = synth.speak("一。", model=model, voice=(prompt, "这是提示音。"), seed=1)
    np.testing.assert_array_equal(again.samples, first.samples)


def test_streamed_loudness_converges_to_the_target():
    # pieces arrive per step (the fake's "patches"), so the gain is chosen causally: each
    # utterance starts from the previous one's gain and converges while it is heard
    texts = ["轻声说话的第一句子来了。", "大声说话的第二句子来了。", "又是轻声说的第三句子。", "还是轻声说的第四句。"]
    levels = [-40, -2, -30, -30]
    model = FakeModel(gains_db=dict(zip(texts, levels)))
    audio = synth.speak("\n".join(texts), model=model, seed=1)
    sr = audio.sample_rate
    spans = [(int(s * sr), int(e * sr)) for _, s, e in audio.timings]
    assert abs(loudness(audio.samples, sr) - TARGET_LUFS) < 1.0  # the whole read
    for (a, b), level in zip(spans, levels):
        assert abs(loudness(audio.samples[b - sr // 2:b], sr) - TARGET_LUFS) < 1.0  # converged
    first, same_as_before = spans[0], spans[3]  # no prior yet / the prior is right
    for a, b in (first, same_as_before):
        assert abs(loudness(audio.samples[a:b], sr) - TARGET_LUFS) < 1.0


def test_the_first_chunk_comes_after_the_first_patch():
    model = FakeModel(pad_s=0.0)
    it = synth.stream("第一句话比较长一点。\n第二句。", model=model, seed=1, batch_size=2, first_batch=2)
    first = next(it)
    assert model.steps == 1 and len(first) > 0  # one step of the model, not a whole utterance
    patch = len(model._wave("第一句话比较长一点。", 1, None)) // len("第一句话比较长一点。")
    assert len(first) >= patch - int(0.011 * model.sample_rate)  # all but the held-back fade


def test_a_backend_speaking_the_old_protocol_gets_a_clear_error():
    from synth.backends.base import Backend, BackendError

    class WholeUtterances(Backend):  # (index, audio) pairs: the protocol before pieces
        name = "old"

        def synthesize(self, utterances, seed):
            for i, _ in enumerate(utterances):
                yield i, np.zeros(1600, np.float32)

    with pytest.raises(BackendError, match=r"must yield \(index, samples, final\)"):
        synth.speak("你好。", backend=WholeUtterances())


def test_timings_bracket_each_streamed_utterance():
    model = FakeModel()
    audio = synth.speak("第一句。\n第二句话。\n第三句话来了。", model=model, seed=2)
    sr, x = audio.sample_rate, audio.samples
    spans = [(int(round(s * sr)), int(round(e * sr))) for _, s, e in audio.timings]
    assert len(spans) == 3
    edge = int(0.06 * sr)  # 20 ms margin + 40 ms of speech
    for a, b in spans:
        assert np.sqrt(np.mean(x[a:a + edge] ** 2)) > 1e-3 and np.sqrt(np.mean(x[b - edge:b] ** 2)) > 1e-3
    for (_, b), (a, _) in zip(spans, spans[1:]):  # between utterances: the pause, silent
        assert a - b > int(0.1 * sr) and not np.abs(x[b + 1:a - 1]).any()
    assert spans[-1][1] == len(x)


def test_control_prefix_reaches_voxcpm_as_is(monkeypatch):
    import frontend
    from frontend.utterance import Utterance
    monkeypatch.setattr(frontend, "process", lambda text, lang=None, **kw: [
        Utterance("(粤语)你好。", "yue", 350, (0, 7)), Utterance("{jau4}嘢。", "yue", 0, (7, 10))])
    model = FakeModel()
    synth.speak("(粤语)你好。有嘢。", model=model, seed=1)
    assert [t for c in model.calls for t in c[1]] == ["(粤语)你好。", "{jau4}嘢。"]


# ------------------------------------------------------------------ the tiny real checkpoint
def _tiny_model():
    return synth.load_model(str(TINY))


GEN = {"min_len": 4, "max_len": 6, "inference_timesteps": 4}


def test_tiny_checkpoint_batched_equals_one_by_one():
    model = _tiny_model()
    text = "你好，世界！\n今天天气很好。\nHello world."
    batched = synth.speak(text, model=model, seed=42, target_lufs=None, **GEN)
    single = synth.speak(text, model=model, seed=42, batch_size=1, target_lufs=None, **GEN)
    assert batched.sample_rate == 16000 and len(batched) > 0
    np.testing.assert_allclose(batched.samples, single.samples, atol=1e-4)


def test_tiny_checkpoint_stream_equals_speak():
    model = _tiny_model()
    text = "你好，世界！\n今天天气很好。"
    whole = synth.speak(text, model=model, seed=42, **GEN)
    streamed = np.concatenate(list(synth.stream(text, model=model, seed=42, **GEN)))
    np.testing.assert_array_equal(streamed, whole.samples)


def test_tiny_checkpoint_streaming_caps_a_bad_case_with_a_warning_naming_it():
    model = _tiny_model()
    with pytest.warns(RuntimeWarning, match=r"text 1 \('Hello world\.'\): streamed audio reached "
                                             r"the bad-case length"):
        audio = synth.speak("你好，世界！\nHello world.", model=model, seed=42, retry_badcase=True,
                            retry_badcase_ratio_threshold=0.5, min_len=4, max_len=8,
                            inference_timesteps=2)
    assert len(audio.timings) == 2 and len(audio) > 0


def test_tiny_checkpoint_voice_prompt_runs():
    model = _tiny_model()
    audio = synth.speak("我们继续说下去。", model=model, voice=(str(TINY / "prompt.wav"), "这是提示音。"),
                        seed=42, **GEN)
    assert len(audio) > 0 and np.isfinite(audio.samples).all()


# ------------------------------------------------------------------ precision (how a checkpoint is loaded)
def test_precision_loads_the_checkpoint_that_way_once():
    from synth.backends.voxcpm import VoxCPMBackend
    int8 = VoxCPMBackend(str(TINY), precision="int8")
    assert any("quantized" in type(m).__module__ for m in int8.model.net.modules())
    bf16 = VoxCPMBackend(str(TINY), precision="bfloat16")
    assert bf16.model.dtype == torch.bfloat16
    assert VoxCPMBackend(str(TINY), precision="int8").model is int8.model  # cached per precision
    audio = synth.speak("你好。", model=str(TINY), precision="int8", seed=1, max_len=4)
    assert len(audio.samples) and np.isfinite(audio.samples).all()


@pytest.mark.parametrize("kw, message", [
    (dict(backend="espeak", precision="int8"), "espeak"),
    (dict(model=str(TINY), precision="int4"), "unknown precision 'int4'"),
])
def test_precision_misuse_is_a_clear_error(kw, message):
    with pytest.raises(ValueError, match=message):
        synth.speak("你好。", **kw)


def test_precision_of_an_already_loaded_model_is_refused():
    from synth.backends.voxcpm import VoxCPMBackend
    with pytest.raises(ValueError, match="already loaded"):
        VoxCPMBackend(_tiny_model(), precision="int8")


def test_a_cached_voice_belongs_to_its_model_not_to_a_reused_id():
    # Voices were cached by id(model) and kept forever: a new model that reused a freed model's
    # id was handed the freed model's voice.  Now a voice lives as long as its model.
    import gc
    import weakref
    from synth.backends import voxcpm as backend
    prompt = (str(TINY / "prompt.wav"), "这是提示音。")
    first = FakeModel()
    voice = backend.resolve_voice(first, prompt)
    assert backend.resolve_voice(first, prompt) is voice and first.voices_built == 1  # cached
    voice_ref = weakref.ref(voice)
    del first, voice
    gc.collect()
    assert voice_ref() is None  # gone with its model: nothing left to hand a reused id
    second = FakeModel()
    backend.resolve_voice(second, prompt)
    assert second.voices_built == 1  # built for the new model, not taken from the old one

"""Continuous batching: sequences join a running batch as others end (refill), and every
result still equals its one-by-one run; speak() puts utterances that end out of order back in
document order; max_batch and the first-utterance ramp hold; errors name the utterance."""
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch

import synth
from fake_voxcpm import FakeModel
from synth.backends.base import BackendError
from synth.voxcpm import generation
from synth.voxcpm.generation import Request
from synth.voxcpm.model import TextError

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
FAST = dict(inference_timesteps=2)  # one estimator call per patch: the loop is what is tested
LATENT_TOL = dict(atol=1e-4, rtol=0)  # as tests/test_voxcpm_lengths.py's batch == one by one


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """The tiny model's matmuls are far too small for 2 threads: on a shared 2-core machine
    the threads wait on each other (10-20 s instead of 0.2 s for these tests)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def model():
    return synth.load_model(TINY, device="cpu")


@pytest.fixture
def spy(model, monkeypatch):
    """Record the rows of every step (sample_patch) and every refill (Batch.add)."""
    seen = {"steps": [], "adds": []}
    real_sample, real_add = model.net.sample_patch, generation.Batch.add

    def sample(state, noise, *a, **kw):
        seen["steps"].append(noise.shape[0])
        return real_sample(state, noise, *a, **kw)

    def add(self, reqs):
        seen["adds"].append((len(self.live), len(reqs)))
        return real_add(self, reqs)

    monkeypatch.setattr(model.net, "sample_patch", sample)
    monkeypatch.setattr(generation.Batch, "add", add)
    return seen


def request(model, text, length, seed, key):
    return Request(model.encode_text(text), None, length, seed, key=key)


def alone(model, req):
    """The request's patches from a one-request run (nothing else in the batch)."""
    one = Request(req.text_ids, req.prompt, req.max_len, req.seed)
    for _ in generation.run(model.net, [one], 10**6, 2, 2.0):
        pass
    return torch.stack(one.patches)


def test_refill_equals_one_by_one_with_forced_lengths(model, spy):
    # lengths chosen so that requests end at different steps and a long text (a bigger KV
    # cache than the running batch's) joins while a short one is still live
    specs = [("A", 2, 5), ("你好。", 5, 6), ("今天下午三点在会议室开会，请大家准时参加。" * 3, 4, 7),
             ("Hello world.", 3, 8), ("好", 1, 9)]
    reqs = [request(model, t, n, s, k) for k, (t, n, s) in enumerate(specs)]
    ends = []
    for step in generation.continuous(model.net, iter(reqs), 10**6, 2, 2.0, max_batch=2):
        ends += [r.key for r in step.ended]
    assert max(spy["steps"]) == 2 and spy["steps"][0] == 1  # the ramp: the first runs alone
    assert any(live > 0 for live, _ in spy["adds"])  # joined a running batch
    assert ends != sorted(ends)  # they end out of order
    assert sorted(ends) == list(range(len(reqs)))
    for r in reqs:
        assert len(r.patches) == r.max_len
        torch.testing.assert_close(torch.stack(r.patches), alone(model, r), **LATENT_TOL)


def test_the_ramp_holds_until_the_first_request_ends(model, spy):
    # the second request ends first: that must not open the batch while the first is live
    reqs = [request(model, t, n, 1, k) for k, (t, n) in enumerate(
        [("你好。", 4), ("A", 1), ("好", 2), ("Hello.", 3), ("再见。", 2), ("嗯", 2), ("谢谢", 2)])]
    for _ in generation.continuous(model.net, reqs, 10**6, 2, 2.0, max_batch=4, first_batch=2):
        pass
    assert spy["steps"][:4] == [2, 2, 2, 2] and max(spy["steps"]) == 4
    assert [len(r.patches) for r in reqs] == [r.max_len for r in reqs]


def test_refilled_latents_equal_one_by_one_with_natural_stops(model, spy):
    texts = ["Hello world.", "你好，世界！今天天气很好。", "A", "VoxCPM 说 hello。", "好"]
    seeds = [1, 2, 3, 4, 5]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        refilled = model.generate_latents(texts, seeds=seeds, min_len=1, max_len=8, max_batch=2,
                                          **FAST)
        stopped = model.last_stopped
        assert max(spy["steps"]) <= 2 and len(spy["adds"]) >= 3
        for t, s, b in zip(texts, seeds, refilled):
            (one,) = model.generate_latents([t], seeds=[s], min_len=1, max_len=8, **FAST)
            assert one.shape == b.shape, t
            torch.testing.assert_close(b, one, **LATENT_TOL)
    assert len({b.shape[0] for b in refilled}) > 1 or all(stopped)


def test_generate_many_yields_as_texts_end_and_matches_generate(model, spy):
    texts = ["你好，世界！今天天气很好。", "A", "Hello world.", "好"]
    got = list(model.generate_many(iter(texts), seeds=42, max_batch=3, first_batch=1, min_len=1,
                                   max_len=6, **FAST))
    assert sorted(k for k, _ in got) == [0, 1, 2, 3]
    assert spy["steps"][0] == 1 and max(spy["steps"]) <= 3
    assert model.last_seed == [42] * 4 and len(model.last_stopped) == 4
    for k, wav in got:
        one = model.generate(texts[k], seed=42, min_len=1, max_len=6, **FAST)
        np.testing.assert_allclose(wav, one, atol=1e-4, rtol=0)


def test_texts_are_pulled_only_when_a_slot_frees(model):
    pulled = []

    def texts():
        for t in ["Hello world.", "A", "好", "你好。", "Hello."]:
            pulled.append(t)
            yield t

    it = model.generate_many(texts(), seeds=1, max_batch=2, first_batch=1, min_len=1, max_len=4,
                             **FAST)
    next(it)
    assert len(pulled) == 1  # the first text ran alone and ended before any other was read
    rest = list(it)
    assert len(rest) == 4 and len(pulled) == 5


def test_batched_vae_decode_equals_one_by_one(model):
    g = torch.Generator().manual_seed(0)
    latents = [torch.randn(n, 2, 64, generator=g) for n in (3, 7, 1, 12)]
    together = model.decode_latents(latents, n_context=1)
    for lat, wav in zip(latents, together):
        (one,) = model.decode_latents([lat], n_context=1)
        assert wav.shape == one.shape == ((lat.shape[0] - 1) * model.patch_samples,)
        np.testing.assert_allclose(wav, one, atol=1e-6, rtol=0)


def test_a_bad_text_is_raised_after_the_texts_before_it(model):
    pulled = []

    def texts():
        for t in ["Hello world.", "A", "   ", "never read"]:
            pulled.append(t)
            yield t

    got = []
    with pytest.raises(TextError, match="text 2") as err:
        for k, _ in model.generate_many(texts(), seeds=1, max_batch=4, min_len=1, max_len=3, **FAST):
            got.append(k)
    assert sorted(got) == [0, 1] and err.value.index == 2 and "never read" not in pulled


def test_retry_joins_the_running_batch(model):
    kw = dict(seeds=[42, 7, 3], min_len=4, max_len=4, retry_badcase=True,
              retry_badcase_ratio_threshold=0.5, **FAST)
    texts = ["今天天气很好", "A", "Hello world."]
    at_once = model.generate_latents(texts, **kw)
    seeds_at_once = model.last_seed
    refilled = model.generate_latents(texts, max_batch=2, **kw)
    assert model.last_seed == seeds_at_once and seeds_at_once[0] > 42  # retried
    for a, b in zip(at_once, refilled):
        torch.testing.assert_close(a, b, **LATENT_TOL)


# ------------------------------------------------------------------ generate_many(stream=True)
STREAM_TOL = dict(atol=1e-5, rtol=0)


def streamed_pieces(model, texts, **kw):
    """{text index: [samples per patch]} and the (index, final) order they came in."""
    pieces, order = {}, []
    for k, samples, final in model.generate_many(texts, stream=True, **kw):
        assert not any(k == j and f for j, f in order), f"text {k} went on after its final piece"
        pieces.setdefault(k, []).append(samples)
        order.append((k, final))
    return pieces, order


def test_streamed_patches_of_a_refilled_batch_equal_the_offline_decode(model, monkeypatch):
    # forced lengths 3..6 with max_batch 2: texts end at different steps and join the running
    # batch, so decoder rows are dropped and appended while other rows keep their history
    texts = ["你好", "今天天气很好", "Hello world.", "好的。", "再见"]
    lengths = dict(zip(texts, [3, 6, 4, 5, 3]))
    seeds = [11, 12, 13, 14, 15]
    offline = [model.generate_batch([t], seeds=[s], min_len=10, max_len=lengths[t], **FAST)[0]
               for t, s in zip(texts, seeds)]
    real = model._request
    monkeypatch.setattr(model, "_request", lambda text, voice, seed, max_len, ratio:
                        real(text, voice, seed, lengths[text], ratio))  # a length per text
    pieces, order = streamed_pieces(model, iter(texts), seeds=seeds, max_batch=2, first_batch=1,
                                    min_len=10, **FAST)
    patch = model.patch_samples
    for k, wav in enumerate(offline):
        assert all(len(p) == patch for p in pieces[k])
        np.testing.assert_allclose(np.concatenate(pieces[k]), wav, **STREAM_TOL)
    assert [k for k, final in order if final] != sorted(range(5))  # really out of order
    assert order[0] == (0, False)  # the first text's first patch comes first, not its whole


def test_streamed_patches_with_a_voice_equal_the_offline_decode(model):
    voice = model.build_voice(str(TINY / "prompt.wav"), "这是提示音。")
    texts = ["我们继续说下去。", "你好"]
    kw = dict(voice=voice, seeds=[3, 4], min_len=10, max_len=4, **FAST)
    offline = model.generate_batch(texts, **kw)
    pieces, _ = streamed_pieces(model, texts, max_batch=2, first_batch=2, **kw)
    for k, wav in enumerate(offline):
        np.testing.assert_allclose(np.concatenate(pieces[k]), wav, **STREAM_TOL)


def test_streaming_caps_a_bad_case_instead_of_retrying_it(model):
    # ratio 0.5: "A" (1 token) is a bad case from its first patch, "今天天气很好" (6 tokens) at 3
    texts = ["今天天气很好", "A"]
    kw = dict(seeds=[42, 7], min_len=10, max_len=6, retry_badcase=True,
              retry_badcase_ratio_threshold=0.5, **FAST)
    with pytest.warns(RuntimeWarning, match=r"text 1 \('A'\): streamed audio reached the bad-case length"):
        pieces, _ = streamed_pieces(model, texts, max_batch=2, first_batch=2, **kw)
    assert [len(pieces[0]), len(pieces[1])] == [3, 1]  # stopped at ceil(tokens * 0.5) patches
    assert model.last_seed == [42, 7]  # not regenerated with seed + 1
    plain = model.generate_batch(texts, seeds=[42, 7], min_len=10, max_len=6, **FAST)
    for k in (0, 1):  # the audio that was streamed is the start of the uncapped read
        got = np.concatenate(pieces[k])
        np.testing.assert_allclose(got, plain[k][:len(got)], **STREAM_TOL)


# ------------------------------------------------------------------ speak(), stream()
DOC = "一。\n这是一个很长很长很长的句子。\n二。\n三三。\n四四四四。\n五。"


def test_speak_puts_out_of_order_utterances_back_in_order():
    batched, single = FakeModel(), FakeModel()
    a = synth.speak(DOC, model=batched, seed=5, batch_size=4)
    b = synth.speak(DOC, model=single, seed=5, batch_size=1)
    assert batched.order != sorted(batched.order)  # short ones overtook the long one
    assert single.order == sorted(single.order)
    np.testing.assert_array_equal(a.samples, b.samples)
    assert [u.text for u, _, _ in a.timings] == [u.text for u, _, _ in b.timings]
    assert all(s1 <= s2 for (_, s1, _), (_, s2, _) in zip(a.timings, a.timings[1:]))


def test_max_batch_and_ramp_at_the_speak_level():
    model = FakeModel()
    chunks = list(synth.stream(DOC, model=model, seed=5, batch_size=3))
    assert max(model.live_sizes) == 3 and model.live_sizes[0] == 1
    np.testing.assert_array_equal(np.concatenate(chunks), synth.speak(DOC, model=FakeModel(), seed=5,
                                                                      batch_size=3).samples)
    wide = FakeModel()
    synth.speak(DOC, model=wide, seed=5, batch_size=3, first_batch=3)
    assert wide.live_sizes[0] == 3


def test_first_audio_comes_before_the_document_is_generated(model, spy):
    doc = "你好。\n今天天气很好，我们去公园散步吧。\nHello world.\n好的。\n再见。"
    it = synth.stream(doc, model=model, seed=3, min_len=1, max_len=4, **FAST)
    first = next(it)
    assert len(first) > 0
    rows_started = sum(n for _, n in spy["adds"])
    assert rows_started < 5  # not every utterance has even been started
    assert len(spy["steps"]) == 1  # the first patch is heard before the model makes a second
    rest = list(it)
    assert len(rest) >= 1 and sum(n for _, n in spy["adds"]) == 5


def test_an_utterance_that_fails_names_itself_after_the_earlier_ones_play():
    model = FakeModel(refuse={"坏句子。"})
    it = synth.stream("第一句。\n第二句话。\n坏句子。\n第四句。", model=model, seed=1)
    chunks = []
    with pytest.raises(BackendError, match=r"utterance 3, characters \d+-\d+ of the input.*坏句子"):
        for c in it:
            chunks.append(c)
    assert len(it.timings) == 2 and sum(len(c) for c in chunks) > 0
    assert "第四句。" not in model.calls[0][1]


def test_real_model_error_names_the_utterance(model, monkeypatch):
    import frontend
    from frontend.utterance import Utterance
    monkeypatch.setattr(frontend, "process", lambda text, lang=None, **kw: [
        Utterance("你好。", "zh", 100, (0, 3)), Utterance("  ", "zh", 0, (3, 5))])
    with pytest.raises(BackendError, match="utterance 2, characters 3-5.*non-empty"):
        synth.speak("你好。  ", model=model, seed=1, min_len=1, max_len=3, **FAST)


def test_a_patch_is_handed_out_before_the_lms_are_run_on_it(model, monkeypatch):
    """The first audio of a stream waits for prefill + DiT solve only: feeding the patch back
    through the LMs (~70 ms at full size on the CPU) happens when the next patch is asked for."""
    fed = []
    real = model.net.feed_back
    monkeypatch.setattr(model.net, "feed_back", lambda *a: (fed.append(1), real(*a))[1])
    req = Request(model.encode_text("你好"), None, 4, seed=0)
    steps = generation.run(model.net, [req], 4, 2, 2.0)
    next(steps)
    assert len(req.patches) == 1 and fed == []
    next(steps)
    assert len(req.patches) == 2 and fed == [1]

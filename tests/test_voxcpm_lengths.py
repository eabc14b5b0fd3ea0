"""Length semantics: the stop rule, max_len=None (the reference's ratio cap), the warning
when a generation is cut by max_len, the KV-cache bound, and batch == one by one on latents."""
import warnings
from pathlib import Path

import pytest
import torch

import synth

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
FAST = dict(inference_timesteps=3)


@pytest.fixture(scope="module")
def model():
    return synth.load_model(TINY, device="cpu")


@pytest.fixture(scope="module")
def never_stops():
    m = synth.load_model(TINY, device="cpu")
    with torch.no_grad():
        m.net.stop_head.weight.zero_()  # equal logits: argmax is 0, "go on", forever
    return m


def test_max_len_none_is_the_ratio_cap_and_warns(never_stops):
    n_ids = len(never_stops.tokenizer.encode("Hello world."))  # 3
    with pytest.warns(RuntimeWarning, match="max_len=28"):
        (feat,) = never_stops.generate_latents(["Hello world."], seeds=[0], min_len=2, **FAST)
    assert feat.shape[0] == int(n_ids * 6.0 + 10) == 28
    assert never_stops.last_stopped == [False]


def test_explicit_max_len_warns_when_it_cuts(never_stops):
    with pytest.warns(RuntimeWarning, match="without the model stopping"):
        (feat,) = never_stops.generate_latents(["Hello world."], seeds=[0], min_len=2, max_len=6, **FAST)
    assert feat.shape[0] == 6


def test_forced_length_does_not_warn(never_stops):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (feat,) = never_stops.generate_latents(["Hello world."], seeds=[0], min_len=5, max_len=5, **FAST)
    assert feat.shape[0] == 5


def test_min_len_is_strict(model):
    # the stop head may end the loop only at i > min_len: at least min_len + 2 patches
    for min_len in (0, 1, 3):
        (feat,) = model.generate_latents(["Hello world."], seeds=[42], min_len=min_len, max_len=20, **FAST)
        assert feat.shape[0] >= min_len + 2
        assert model.last_stopped == [True]


def test_max_len_beyond_kv_cache_is_an_error(model):
    with pytest.raises(ValueError, match="max_length"):
        model.generate_latents(["x" * 3], seeds=[0], max_len=5000, retry_badcase_ratio_threshold=5000)


def test_batch_latents_equal_one_by_one(model):
    texts = ["Hello world.", "你好，世界！今天天气很好。", "A", "VoxCPM 说 hello。"]
    seeds = [3, 1, 1, 42]
    batch = model.generate_latents(texts, seeds=seeds, min_len=1, max_len=9)
    stopped = model.last_stopped
    for t, s, b in zip(texts, seeds, batch):
        (one,) = model.generate_latents([t], seeds=[s], min_len=1, max_len=9)
        assert one.shape == b.shape, t
        torch.testing.assert_close(b, one, atol=1e-4, rtol=0)
    assert len({b.shape[0] for b in batch}) > 1 or all(stopped)  # per-sequence stop


def test_int_seed_applies_to_each_text(model):
    a, b = model.generate_latents(["Hello world.", "Hello world."], seeds=7, min_len=3, max_len=3)
    torch.testing.assert_close(a, b, atol=1e-6, rtol=0)


def test_no_seed_is_recorded_and_reproducible(model):
    (a,) = model.generate_latents(["Hello world."], min_len=3, max_len=3, **FAST)
    seed = model.last_seed[0]
    (b,) = model.generate_latents(["Hello world."], seeds=[seed], min_len=3, max_len=3, **FAST)
    torch.testing.assert_close(a, b, atol=0, rtol=0)


def test_bad_arguments(model):
    with pytest.raises(ValueError, match="non-empty"):
        model.generate_latents(["   "], seeds=[0])
    with pytest.raises(ValueError, match="together"):
        model.generate("hi", prompt_text="only text")
    with pytest.raises(ValueError, match="2 seeds for 1 texts"):
        model.generate_latents(["hi"], seeds=[1, 2])

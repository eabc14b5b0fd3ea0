"""Golden conformance of the native VoxCPM against the reference's vectors (CPU, float32).

Tolerances from tests/data/voxcpm-tiny/GOLDEN.md: modules atol 1e-5 / rtol 1e-4,
end to end atol 1e-4.
"""
import json
from pathlib import Path

import pytest
import torch

import synth
from synth.voxcpm import cfm
from synth.voxcpm.dit import sinusoid
from synth.voxcpm.voice import Voice

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
MOD = dict(atol=1e-5, rtol=1e-4)
E2E = dict(atol=1e-4, rtol=0)


def close(a, b, **tol):
    torch.testing.assert_close(a.float(), b.float(), **(tol or MOD))


@pytest.fixture(scope="module")
def model():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "no AudioVAE yet" before the merge
        return synth.load_model(TINY, device="cpu")


@pytest.fixture(scope="module")
def net(model):
    return model.net


# -- tokenizer ---------------------------------------------------------------------------
def test_tokenizer_ids(model, gold, meta):
    texts = json.loads(meta["tok_texts"])
    assert len(texts) == 8
    for key, text in texts.items():
        assert model.tokenizer.encode_raw(text) == gold[f"tok_raw/{key}"].tolist(), key
        assert model.tokenizer.encode(text) == gold[f"tok/{key}"].tolist(), key


def test_e2e_text_ids(model, gold, meta):
    for k, text in enumerate(json.loads(meta["e2e_texts"])):
        assert model.tokenizer.encode(text) + [101] == gold[f"e2e/{k}/text_ids"].tolist()


# -- modules -----------------------------------------------------------------------------
def test_rope_tables(net, gold):
    for lm in (net.base_lm, net.residual_lm, net.feat_encoder.encoder, net.feat_decoder.estimator.decoder):
        cos, sin = lm.rope(torch.arange(16))
        close(cos, gold["rope/cos_0_15"])
        close(sin, gold["rope/sin_0_15"])


def test_text_embedding(net, gold):
    close(net.base_lm.embed_tokens(gold["base_lm/embed_ids"])[None], gold["base_lm/embed_out"])


@pytest.mark.parametrize("name", ["base_lm", "residual_lm"])
def test_lm_full_and_cached(net, gold, name):
    lm = getattr(net, name)
    x = gold[f"{name}/in"]
    with torch.inference_mode():
        out, _ = lm(x, causal=True)
        close(out, gold[f"{name}/out"])
        # prefill 5 rows, then 4 single steps against the KV cache
        _, kvs = lm(x[:, :5], causal=True)
        close(kvs[0][0], gold[f"{name}/prefill_k_layer0"])
        close(kvs[0][1], gold[f"{name}/prefill_v_layer0"])
        cache = lm.new_cache(1, 16, x.device, x.dtype)
        cache.fill(kvs, torch.tensor([5]))
        steps = torch.stack([lm.step(x[:, 5 + i], cache) for i in range(4)], dim=1)
    close(steps, gold[f"{name}/step_out"])
    close(steps, gold[f"{name}/out"][:, 5:])


def test_local_encoder(net, gold):
    with torch.inference_mode():
        out = net.feat_encoder(gold["locenc/in"])
        close(out, gold["locenc/out"])
        close(net.enc_to_lm_proj(out), gold["locenc/proj_out"])


def test_dit(net, gold):
    est = net.feat_decoder.estimator
    with torch.inference_mode():
        close(sinusoid(gold["dit/t"], est.dim), gold["dit/time_emb"])
        args = [gold["dit/x"], gold["dit/mu"], gold["dit/t"], gold["dit/cond"]]
        close(est(*args, gold["dit/dt_zero"]), gold["dit/out"])
        close(est(*args, gold["dit/dt"]), gold["dit/out_dt"])


def test_cfm_solve(net, gold):
    calls = []
    est = net.feat_decoder.estimator

    def recording(*a):
        out = est(*a)
        calls.append(out)
        return out

    close(cfm.time_grid(10, "cpu", torch.float32), gold["cfm/t_span"])
    torch.manual_seed(7)
    noise = torch.randn(1, 64, 2)  # the solver's single draw
    close(noise, gold["cfm/noise"], atol=0, rtol=0)
    with torch.inference_mode():
        out = cfm.solve(recording, noise, gold["cfm/mu"], gold["cfm/cond"], 10, 2.0)
    assert len(calls) == 9  # the first Euler step is CFG-Zero*'s zero step
    close(torch.stack(calls), gold["cfm/est_out"])
    close(out, gold["cfm/out"])


def test_fsq(net, gold):
    with torch.inference_mode():
        close(net.fsq_layer.codes(gold["fsq/in"]), gold["fsq/codes"], atol=0, rtol=0)
        close(net.fsq_layer(gold["fsq/in"]), gold["fsq/out"])


def test_stop_logits(net, gold):
    with torch.inference_mode():
        close(net.stop_logits(gold["stop/in"]), gold["stop/logits"])


# -- end to end (latents; no VAE needed) -------------------------------------------------
def test_e2e_trace_prefill(model, gold):
    with torch.inference_mode():
        ids = gold["e2e/0/text_ids"][None]
        y, _ = model.net.base_lm(model.net.base_lm.embed_tokens(ids), causal=True)
    close(y, gold["e2e/0/trace/prefill_lm_out"])


@pytest.mark.parametrize("k", [0, 1, 2])
def test_e2e_forced_length(model, gold, meta, k):
    text = json.loads(meta["e2e_texts"])[k]
    (feat,) = model.generate_latents([text], seeds=[42], min_len=8, max_len=8)
    close(feat, gold[f"e2e/{k}/feat"], **E2E)
    latent = feat.permute(2, 0, 1).reshape(1, 64, -1)  # frame n*P + p = row p of patch n
    close(latent, gold[f"e2e/{k}/latent"], **E2E)


def test_noise_draws_match_reference_order(gold):
    g = torch.Generator().manual_seed(42)
    draws = torch.stack([torch.randn((1, 64, 2), generator=g) for _ in range(8)])
    close(draws, gold["e2e/0/noise"], atol=0, rtol=0)


def test_natural_stop(model, gold, meta):
    text = json.loads(meta["e2e_texts"])[0]
    (feat,) = model.generate_latents([text], seeds=[42], min_len=1, max_len=8)
    assert feat.shape[0] == int(gold["stoprun/n_patches"]) == 3
    assert model.last_stopped == [True]
    close(feat, gold["stoprun/feat"], **E2E)


def test_badcase_retry(model, gold, meta):
    text = json.loads(meta["e2e_texts"])[0]
    (feat,) = model.generate_latents([text], seeds=[42], min_len=8, max_len=8, retry_badcase=True,
                                     retry_badcase_max_times=3, retry_badcase_ratio_threshold=0.5)
    assert model.last_seed == [int(gold["retry/final_seed"])] == [44]
    close(feat, gold["retry/feat"], **E2E)


def test_prompt_continuation_latents(model, gold, meta):
    voice = Voice(meta["prompt_text"], gold["prompt/prompt_feat"], 16000)
    (feat,) = model.generate_latents([meta["prompt_target"]], voice=voice, seeds=[42],
                                     min_len=8, max_len=8)
    assert feat.shape == (10, 2, 64)  # 2 context patches + 8 new ones
    close(feat, gold["prompt/feat"], **E2E)
    ids = model.tokenizer.encode(meta["prompt_text"] + meta["prompt_target"]) + [101]
    assert ids + [0] * 7 == gold["prompt/text_ids"].tolist()


def test_stream_patches_equal_offline(model, gold, meta):
    (feat,) = model.generate_latents([meta["stream_text"]], seeds=[42], min_len=8, max_len=8)
    close(feat, gold["stream/feat"], **E2E)

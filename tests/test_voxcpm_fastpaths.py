"""The per-step shortcuts (cached time embeddings, once-per-solve condition projection, per-step
KV slots, time-major AudioVAE with cached derived weights) give the same numbers as the plain
computation, and follow the weights when these change after a first use."""
from pathlib import Path

import pytest
import torch

import synth
from synth.voxcpm import cfm
from synth.voxcpm.audiovae import AudioVAE, AudioVAEConfig
from synth.voxcpm.transformer import StepSlots, attend

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
TOL = dict(atol=1e-5, rtol=1e-4)


@pytest.fixture(scope="module")
def net():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return synth.load_model(TINY, device="cpu").net


def plain_solve(est, noise, mu, cond, n_steps, cfg_value, mean_mode):
    """cfm.solve through the estimator's plain forward (a wrapper has no velocity_field)."""
    return cfm.solve(lambda *a: est(*a), noise, mu, cond, n_steps, cfg_value, mean_mode=mean_mode)


@pytest.mark.parametrize("batch, n_steps, mean_mode", [(1, 10, False), (3, 10, False), (2, 7, True), (1, 1, False)])
def test_solve_shortcut_equals_plain_estimator_calls(net, batch, n_steps, mean_mode):
    est = net.feat_decoder.estimator
    g = torch.Generator().manual_seed(batch * 10 + n_steps)
    noise = torch.randn(batch, 64, 2, generator=g)
    mu = torch.randn(batch, est.dim, generator=g)
    cond = torch.randn(batch, 64, 2, generator=g)
    with torch.inference_mode():
        fast = [cfm.solve(est, noise, mu, cond, n_steps, 2.0, mean_mode=mean_mode) for _ in range(2)]
        plain = plain_solve(est, noise, mu, cond, n_steps, 2.0, mean_mode)
    torch.testing.assert_close(fast[0], plain, **TOL)
    torch.testing.assert_close(fast[1], fast[0], atol=0, rtol=0)  # the cached second solve
    with_grad = cfm.solve(est, noise, mu, cond, n_steps, 2.0, mean_mode=mean_mode)  # autograd on
    torch.testing.assert_close(with_grad.detach(), plain, **TOL)


def test_cached_time_embeddings_follow_new_weights(net):
    est = net.feat_decoder.estimator
    g = torch.Generator().manual_seed(5)
    noise, mu, cond = torch.randn(1, 64, 2, generator=g), torch.randn(1, est.dim, generator=g), torch.randn(1, 64, 2, generator=g)
    w = est.time_mlp.linear_2.weight
    saved = w.detach().clone()
    try:
        with torch.inference_mode():
            before = cfm.solve(est, noise, mu, cond, 10, 2.0)          # fills the cache
        with torch.no_grad():
            w.mul_(1.5)                                                  # e.g. weights reloaded in place
        with torch.inference_mode():
            after = cfm.solve(est, noise, mu, cond, 10, 2.0)
            plain = plain_solve(est, noise, mu, cond, 10, 2.0, False)
        assert (after - before).abs().max() > 1e-3
        torch.testing.assert_close(after, plain, **TOL)
    finally:
        with torch.no_grad():
            w.copy_(saved)


def test_step_slots_write_each_sequence_at_its_own_position(net):
    lm = net.base_lm
    cache = lm.new_cache(3, 12, "cpu", torch.float32)
    cache.pos = torch.tensor([2, 7, 4])
    cache.top = 7
    slots = StepSlots(cache)
    assert slots.span == 8 and slots.mask.shape == (3, 1, 1, 8)
    assert slots.mask[:, 0, 0].sum(-1).tolist() == [3, 8, 5]
    new = torch.randn(3, cache.k.shape[2], 1, cache.k.shape[4])
    contiguous = cache.k[0].clone()
    slots.write(contiguous, new)
    strided = torch.zeros(cache.k.shape[2], 3, 12, cache.k.shape[4]).transpose(0, 1)  # not contiguous
    slots.write(strided, new)
    for b, p in enumerate([2, 7, 4]):
        assert torch.equal(contiguous[b, :, p], new[b, :, 0]) and torch.equal(strided[b, :, p], new[b, :, 0])
    assert torch.count_nonzero(contiguous.abs().sum(-1)) == 3 * cache.k.shape[2]  # nothing else written


def test_one_query_attention_equals_sdpa_with_each_sequences_mask(net):
    lm = net.base_lm
    cache = lm.new_cache(3, 40, "cpu", torch.float32)
    cache.pos, cache.top = torch.tensor([30, 12, 5]), 30
    slots = StepSlots(cache)
    g = torch.Generator().manual_seed(9)
    heads, kv, hd = lm.cfg.num_heads, lm.cfg.num_kv_heads, lm.cfg.head_dim
    q = torch.randn(3, 1, heads, hd, generator=g).transpose(1, 2)       # the strided layout of a step
    k = torch.randn(3, kv, 40, hd, generator=g)[:, :, :slots.span]
    v = torch.randn(3, kv, 40, hd, generator=g)[:, :, :slots.span]
    expected = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=slots.mask, enable_gqa=True)
    torch.testing.assert_close(attend(q, k, v, slots.bias), expected, **TOL)
    # sequence 2 sees positions 0..5 only: changing later keys/values does not move its output
    k2, v2 = k.clone(), v.clone()
    k2[2, :, 6:] += 5.0
    v2[2, :, 6:] -= 5.0
    torch.testing.assert_close(attend(q, k2, v2, slots.bias)[2], expected[2], **TOL)



@pytest.mark.parametrize("rows", [5, 2])
def test_few_row_attention_equals_sdpa(rows):
    # The DiT's non-causal attention with CFG (batch 2): 5 rows, or the last 2 (rows= trick).
    g = torch.Generator().manual_seed(4)
    q = torch.randn(2, 5, 16, 64, generator=g).transpose(1, 2)[:, :, 5 - rows:]
    k = torch.randn(2, 5, 2, 64, generator=g).transpose(1, 2)
    v = torch.randn(2, 5, 2, 64, generator=g).transpose(1, 2)
    expected = torch.nn.functional.scaled_dot_product_attention(q, k, v, enable_gqa=True)
    torch.testing.assert_close(attend(q, k, v), expected, **TOL)

# ------------------------------------------------------------------ AudioVAE

def random_tensors(vae, seed):
    """Checkpoint tensors for `vae`; gains of 0.3-0.8 keep the signal O(1) through the layers."""
    g = torch.Generator().manual_seed(seed)
    return {k: torch.rand(s, generator=g) * 0.5 + 0.3 if k.endswith((".alpha", ".weight_g"))
            else torch.randn(s, generator=g) for k, s in vae.checkpoint_shapes().items()}


def small_vae(seed, **cfg):
    vae = AudioVAE(AudioVAEConfig.from_dict({"encoder_dim": 4, "encoder_rates": [2, 3], "latent_dim": 6,
                                             "decoder_dim": 32, "decoder_rates": [3, 2], **cfg}))
    vae.load_tensors(random_tensors(vae, seed))
    return vae


@pytest.mark.parametrize("depthwise", [True, False])
def test_vae_reloaded_in_place_decodes_with_the_new_weights(depthwise):
    vae, other = small_vae(1, depthwise=depthwise), small_vae(2, depthwise=depthwise)
    z = torch.randn(1, 6, 9, generator=torch.Generator().manual_seed(3))
    first = vae.decode(z)                       # builds the derived (transposed, reciprocal) weights
    vae.load_tensors(random_tensors(vae, 2))    # the tensors `other` was loaded with
    assert not torch.allclose(vae.decode(z), first)
    torch.testing.assert_close(vae.decode(z), other.decode(z), atol=0, rtol=0)


def test_vae_in_float64_matches_float32():
    vae = small_vae(4)
    z = torch.randn(2, 6, 7, generator=torch.Generator().manual_seed(4))
    ref = vae.decode(z)
    wav64 = vae.double().decode(z)             # another dtype: the plain F.linear path
    assert wav64.dtype == torch.float64
    torch.testing.assert_close(wav64.float(), ref, **TOL)


@pytest.mark.parametrize("sizes", [[1] * 40, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 1], [13, 27]])
def test_long_streams_of_odd_chunks_equal_offline(sizes):
    vae = small_vae(5)
    z = torch.randn(1, 6, sum(sizes), generator=torch.Generator().manual_seed(len(sizes)))
    dec, out, start = vae.stream_decoder(), [], 0
    for n in sizes:
        out.append(dec.push(z[..., start:start + n]))
        start += n
    torch.testing.assert_close(torch.cat(out, -1), vae.decode(z), **TOL)


@pytest.mark.parametrize("frames", [33, 64, 101])
def test_long_offline_decode_runs_in_pieces_with_the_same_result(frames):
    vae = small_vae(6)
    z = torch.randn(2, 6, frames, generator=torch.Generator().manual_seed(frames))
    assert frames > AudioVAE.DECODE_CHUNK
    pieces = vae.decode(z)
    vae.DECODE_CHUNK = frames            # this instance: the whole latent in one piece
    whole = vae.decode(z)
    assert pieces.shape == whole.shape == (2, 1, frames * vae.hop_length)
    torch.testing.assert_close(pieces, whole, **TOL)


def test_vae_layers_still_run_under_autograd_after_inference_use():
    vae = small_vae(7)
    z = torch.randn(1, 6, 5, generator=torch.Generator().manual_seed(7))
    with torch.inference_mode():
        ref = vae.stream_decoder().push(z)           # fills the derived-weight caches
    wav = vae.decoder(z)                             # plain call, parameters require grad
    assert wav.requires_grad
    torch.testing.assert_close(wav.detach(), ref, **TOL)

"""AudioVAE: reference vectors, strict loading, streaming == offline, config handling."""
import json
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings, strategies as st
from safetensors.torch import load_file, save_file

from synth.voxcpm.audiovae import AudioVAE, AudioVAEConfig

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
TOL = dict(atol=1e-5, rtol=1e-4)


def tiny_config():
    return AudioVAEConfig.from_dict(json.loads((TINY / "config.json").read_text())["audio_vae_config"])


@pytest.fixture(scope="module")
def vae():
    model = AudioVAE(tiny_config())
    model.load_weights(TINY / "audiovae.safetensors")
    return model


@pytest.fixture(scope="module")
def golden():
    return load_file(TINY / "expected.safetensors")


@pytest.fixture(scope="module")
def file_tensors():
    return load_file(TINY / "audiovae.safetensors")


def patches_to_latent(feat):
    """[N, P, D] patches -> [1, D, N*P] latent (frame n*P + p is row p of patch n)."""
    return feat.reshape(-1, feat.shape[-1]).T[None]


# ------------------------------------------------------------------ reference vectors

def test_encode_matches_reference_and_pads_to_hop(vae, golden):
    wav = golden["vae/enc_in"]
    assert wav.shape[-1] % vae.hop_length != 0  # exercises the right padding
    torch.testing.assert_close(vae.encode(wav), golden["vae/enc_out"], **TOL)


def test_encode_prompt_matches_reference(vae, golden):
    torch.testing.assert_close(vae.encode(golden["prompt/wav_padded"][:, None]), golden["prompt/vae_encode"], **TOL)


def test_decode_matches_reference(vae, golden):
    torch.testing.assert_close(vae.decode(golden["vae/dec_in"]), golden["vae/dec_out"], **TOL)


@pytest.mark.parametrize("key", ["e2e/0", "e2e/1", "e2e/2"])
def test_decode_end_to_end_latents(vae, golden, key):
    wav = vae.decode(golden[f"{key}/latent"])
    torch.testing.assert_close(wav[:, 0], golden[f"{key}/wav"], **TOL)


@pytest.mark.parametrize("feat, wav", [
    ("stoprun/feat", "stoprun/wav"),
    ("stream/feat", "stream/wav_nonstreaming"),
    ("prompt/feat", "prompt/wav_generate_untrimmed"),
])
def test_decode_generated_patches(vae, golden, feat, wav):
    out = vae.decode(patches_to_latent(golden[feat]))
    torch.testing.assert_close(out[:, 0], golden[wav], **TOL)


def test_attributes(vae):
    assert (vae.sample_rate, vae.hop_length, vae.latent_dim) == (16000, 640, 64)


# ------------------------------------------------------------------ loading

def test_pth_and_safetensors_load_identically(vae):
    from_pth = AudioVAE(tiny_config())
    from_pth.load_weights(TINY / "audiovae.pth")
    for (name, a), (_, b) in zip(vae.state_dict().items(), from_pth.state_dict().items()):
        assert torch.equal(a, b), name


def test_directory_prefers_safetensors_and_pth_may_wrap_state_dict(vae, file_tensors, tmp_path):
    torch.save({"state_dict": file_tensors}, tmp_path / "audiovae.pth")
    wrapped = AudioVAE(tiny_config())
    wrapped.load_weights(tmp_path)  # only the .pth is there
    z = torch.randn(1, 64, 3)
    torch.testing.assert_close(wrapped.decode(z), vae.decode(z), atol=0, rtol=0)


def test_weight_norm_is_folded_per_input_channel_for_transposed_convs(vae, file_tensors):
    up = vae.decoder.model[2].block[1]
    g, v = file_tensors["decoder.model.2.block.1.weight_g"], file_tensors["decoder.model.2.block.1.weight_v"]
    assert g.shape == (v.shape[0], 1, 1) and v.shape[0] == up.weight.shape[0]  # [in, out, k]: dim 0 = in
    expected = g * v / v.pow(2).sum(dim=(1, 2), keepdim=True).sqrt()
    torch.testing.assert_close(up.weight, expected)
    assert not torch.allclose(up.weight, v)  # the gains were perturbed: v alone is wrong


def load_modified(tmp_path, tensors):
    path = tmp_path / "audiovae.safetensors"
    save_file(tensors, path)
    model = AudioVAE(tiny_config())
    model.load_weights(path)


def test_missing_key_is_named(file_tensors, tmp_path):
    tensors = dict(file_tensors)
    del tensors["decoder.model.3.block.2.block.0.alpha"]
    with pytest.raises(ValueError, match=r"audiovae\.safetensors.*missing keys \[decoder\.model\.3\.block\.2\.block\.0\.alpha\]"):
        load_modified(tmp_path, tensors)


def test_unexpected_key_is_named(file_tensors, tmp_path):
    tensors = dict(file_tensors, **{"decoder.model.9.weight_g": torch.ones(1, 1, 1)})
    with pytest.raises(ValueError, match=r"unexpected keys \[decoder\.model\.9\.weight_g\]"):
        load_modified(tmp_path, tensors)


def test_wrong_shape_is_named(file_tensors, tmp_path):
    tensors = dict(file_tensors)
    tensors["encoder.fc_mu.weight_v"] = torch.zeros(64, 128, 5)
    with pytest.raises(ValueError, match=r"encoder\.fc_mu\.weight_v: shape \[64, 128, 5\], expected \[64, 128, 3\]"):
        load_modified(tmp_path, tensors)


def test_other_config_does_not_load_silently():
    wrong = AudioVAE(AudioVAEConfig.from_dict({**json.loads((TINY / "config.json").read_text())["audio_vae_config"],
                                                "decoder_dim": 64}))
    with pytest.raises(ValueError, match="shape"):
        wrong.load_weights(TINY / "audiovae.safetensors")


@pytest.mark.parametrize("name, damage", [
    ("audiovae.safetensors", lambda b: b[: len(b) // 2]),
    ("audiovae.safetensors", lambda b: b"\x00" * 64),
    ("audiovae.pth", lambda b: b[: len(b) // 2]),
    ("audiovae.pth", lambda b: b"not a checkpoint at all"),
])
def test_corrupt_file_gives_one_line_error_naming_it(tmp_path, name, damage):
    path = tmp_path / name
    path.write_bytes(damage((TINY / name).read_bytes()))
    with pytest.raises(ValueError) as err:
        AudioVAE(tiny_config()).load_weights(path)
    message = str(err.value)
    assert str(path) in message and "\n" not in message


def test_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.safetensors"):
        AudioVAE(tiny_config()).load_weights(tmp_path / "nothing.safetensors")
    with pytest.raises(FileNotFoundError, match="no audiovae"):
        AudioVAE(tiny_config()).load_weights(tmp_path)


# ------------------------------------------------------------------ streaming and batching

def stream(vae, z, sizes):
    decoder = vae.stream_decoder(batch_size=z.shape[0])
    out, start = [], 0
    for n in sizes:
        chunk = decoder.push(z[..., start:start + n])
        assert chunk.shape == (z.shape[0], 1, n * vae.hop_length)
        out.append(chunk)
        start += n
    assert start == z.shape[-1]
    return torch.cat(out, dim=-1)


@pytest.mark.parametrize("sizes", [[1] * 16, [2] * 8, [16], [3, 5, 1, 7], [1, 0, 15], [7, 2, 2, 1, 4]])
def test_streaming_equals_offline(vae, golden, sizes):
    z = golden["e2e/1/latent"]
    torch.testing.assert_close(stream(vae, z, sizes), vae.decode(z), **TOL)


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=8))
def test_streaming_equals_offline_random_splits(vae, sizes):
    z = torch.randn(1, 64, sum(sizes), generator=torch.Generator().manual_seed(len(sizes)))
    torch.testing.assert_close(stream(vae, z, sizes), vae.decode(z), **TOL)


def test_streaming_state_does_not_grow(vae):
    decoder = vae.stream_decoder()
    sizes = []
    for _ in range(12):
        decoder.push(torch.randn(1, 64, 2))
        sizes.append(sum(t.numel() for t in decoder.state.values()))
    assert len(set(sizes)) == 1 and sizes[0] > 0


def test_batch_decode_equals_per_item(vae, golden):
    z = torch.cat([golden["e2e/0/latent"], golden["e2e/2/latent"]])
    both = vae.decode(z)
    for i in range(2):
        torch.testing.assert_close(both[i:i + 1], vae.decode(z[i:i + 1]), **TOL)
    torch.testing.assert_close(stream(vae, z, [1, 4, 11]), both, **TOL)


def test_interleaved_streams_are_independent(vae, golden):
    z0, z1 = golden["e2e/0/latent"], golden["e2e/1/latent"]
    s0, s1 = vae.stream_decoder(), vae.stream_decoder()
    out0, out1 = [], []
    for i in range(0, 16, 2):
        out0.append(s0.push(z0[..., i:i + 2]))
        out1.append(s1.push(z1[..., i:i + 2]))
    torch.testing.assert_close(torch.cat(out0, -1), vae.decode(z0), **TOL)
    torch.testing.assert_close(torch.cat(out1, -1), vae.decode(z1), **TOL)


def test_bad_inputs_are_rejected(vae):
    with pytest.raises(ValueError, match=r"latents \[B, 64, frames\]"):
        vae.decode(torch.zeros(1, 32, 4))
    with pytest.raises(ValueError, match=r"waveform \[B, 1, T>0\]"):
        vae.encode(torch.zeros(1, 2, 640))
    with pytest.raises(ValueError, match="batch_size=1"):
        vae.stream_decoder().push(torch.zeros(2, 64, 1))


# ------------------------------------------------------------------ config and other shapes

def test_default_config_is_voxcpm_05b():
    cfg = AudioVAEConfig.from_dict(None)
    assert cfg == AudioVAEConfig.from_dict({}) == AudioVAEConfig()
    assert (cfg.encoder_dim, cfg.encoder_rates, cfg.latent_dim) == (128, [2, 5, 8, 8], 64)
    assert (cfg.decoder_dim, cfg.decoder_rates, cfg.depthwise) == (1536, [8, 8, 5, 2], True)
    assert (cfg.sample_rate, cfg.use_noise_block) == (16000, False)


@pytest.mark.parametrize("d, message", [
    ({"encoder_dim": 8, "hop": 3}, r"unknown keys \['hop'\]"),
    ({"latent_dim": None}, "latent_dim: expected a positive integer"),
    ({"depthwise": 1}, "depthwise: expected true/false"),
    ({"encoder_rates": []}, "encoder_rates: expected a non-empty list"),
    ({"decoder_rates": [8, 8, 5, 4]}, "same product"),
])
def test_bad_config_is_rejected(d, message):
    with pytest.raises(ValueError, match=message):
        AudioVAEConfig.from_dict(d)


def test_full_size_default_vae_builds_and_decodes():
    vae = AudioVAE(AudioVAEConfig.from_dict(None))
    shapes = vae.checkpoint_shapes()
    assert shapes["decoder.model.2.block.1.weight_g"] == (1536, 1, 1)  # transposed: per input channel
    assert shapes["decoder.model.2.block.1.weight_v"] == (1536, 768, 16)
    assert shapes["encoder.fc_mu.weight_v"] == (64, 2048, 3)
    assert shapes["decoder.model.7.weight_v"] == (1, 96, 7)
    z = torch.randn(1, 64, 3)
    wav = vae.decode(z)
    assert wav.shape == (1, 1, 3 * 640) and torch.isfinite(wav).all()
    torch.testing.assert_close(stream(vae, z, [1, 2]), wav, **TOL)
    assert vae.encode(torch.randn(1, 1, 700)).shape == (1, 64, 2)


def test_plain_convs_odd_rates_and_noise_block_follow_the_config(tmp_path):
    cfg = AudioVAEConfig.from_dict({"encoder_dim": 4, "encoder_rates": [3, 2], "latent_dim": 6, "decoder_dim": 16,
                                    "decoder_rates": [2, 3], "depthwise": False, "sample_rate": 8000})
    vae = AudioVAE(cfg)
    assert (vae.hop_length, vae.sample_rate) == (6, 8000)
    shapes = vae.checkpoint_shapes()
    assert shapes["decoder.model.0.weight_v"] == (16, 6, 7) and "decoder.model.1.alpha" not in shapes
    assert shapes["encoder.block.1.block.0.block.1.weight_v"] == (4, 4, 7)  # not depthwise
    assert vae.encode(torch.randn(2, 1, 13)).shape == (2, 6, 3)
    z = torch.randn(2, 6, 9)
    assert vae.decode(z).shape == (2, 1, 54)
    torch.testing.assert_close(stream(vae, z, [1, 1, 3, 4]), vae.decode(z), **TOL)

    # A checkpoint written with these names loads strictly, noise block included.
    noisy = AudioVAE(AudioVAEConfig.from_dict({**vars(cfg), "use_noise_block": True}))
    shapes = noisy.checkpoint_shapes()
    assert shapes["decoder.model.1.block.2.linear.weight_v"] == (8, 8, 1)
    assert "decoder.model.1.block.2.linear.bias" not in shapes
    assert "decoder.model.1.block.5.block.3.weight_v" in shapes  # residual units moved up by one
    save_file({k: torch.rand(s) + 0.5 for k, s in shapes.items()}, tmp_path / "noisy.safetensors")
    noisy.load_weights(tmp_path / "noisy.safetensors")
    torch.manual_seed(0)
    a = noisy.decode(z)
    torch.manual_seed(0)
    assert torch.equal(a, noisy.decode(z)) and not torch.equal(a, noisy.decode(z))  # random draws


def test_stream_rows_can_leave_and_join_and_keep_their_own_history(vae):
    # three latent streams: a and b start together, b leaves after 2 pushes, c joins then
    g = torch.Generator().manual_seed(3)
    a, b, c = (torch.randn(1, vae.latent_dim, 8, generator=g) for _ in range(3))
    dec = vae.stream_decoder(batch_size=2)
    got = {"a": [], "b": [], "c": []}
    for i in range(2):
        out = dec.push(torch.cat([a[..., 2 * i:2 * i + 2], b[..., 2 * i:2 * i + 2]]))
        got["a"].append(out[0]), got["b"].append(out[1])
    dec.select([0])  # b ended
    dec.extend(vae.stream_decoder(batch_size=1))  # c joins, from silence
    for i in range(2, 4):
        out = dec.push(torch.cat([a[..., 2 * i:2 * i + 2], c[..., 2 * (i - 2):2 * (i - 2) + 2]]))
        got["a"].append(out[0]), got["c"].append(out[1])
    dec.select([1, 0])  # rows reordered: c first (a's row is fed silence from here on)
    out = dec.push(torch.cat([c[..., 4:6], torch.zeros(1, vae.latent_dim, 2)]))
    got["c"].append(out[0])
    for name, z in (("a", a), ("b", b[..., :4]), ("c", c[..., :6])):
        torch.testing.assert_close(torch.cat(got[name], dim=-1), vae.decode(z)[0], atol=1e-5, rtol=0)

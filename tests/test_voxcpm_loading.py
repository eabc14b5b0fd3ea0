"""load_model: every failure mode gives one clear error naming the file; the happy paths
(.bin/.pth files, null config fields, hub caches, explicit dtype) load and run."""
import json
import shutil
import warnings
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

import synth
from synth.voxcpm.config import ConfigError, VoxCPMConfig

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
FILES = ["config.json", "model.safetensors", "audiovae.safetensors", "tokenizer.json",
         "tokenizer_config.json", "special_tokens_map.json"]


def ckpt(tmp_path, files=FILES, name="ckpt"):
    d = tmp_path / name
    d.mkdir()
    for f in files:
        shutil.copy(TINY / f, d / f)
    return d


def load(d, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "no AudioVAE" before the VAE merge
        return synth.load_model(d, device="cpu", **kw)


def first_patch(m, text="Hello world."):
    (p,) = m.generate_latents([text], seeds=[42], min_len=2, max_len=2)
    return p


@pytest.fixture(scope="module")
def reference_patches():
    return first_patch(load(TINY))


def one_line_naming(err, filename):
    msg = str(err.value)
    assert "\n" not in msg, msg
    assert filename in msg, msg
    return msg


def load_fails(d, filename, error=ValueError, **kw):
    """Loading `d` raises `error` with one line that names `filename`; the message is returned."""
    with pytest.raises(error) as e:
        load(d, **kw)
    return one_line_naming(e, filename)


# -- happy paths -----------------------------------------------------------------------------
def test_bin_and_pth_files_load_identically(tmp_path, reference_patches):
    d = ckpt(tmp_path, ["config.json", "pytorch_model.bin", "audiovae.pth", "tokenizer.json"])
    torch.testing.assert_close(first_patch(load(d)), reference_patches, atol=1e-6, rtol=0)


def test_null_fields_mean_default_or_absent(tmp_path, reference_patches):
    d = ckpt(tmp_path)
    cfg = json.loads((d / "config.json").read_text())
    cfg["lm_config"]["kv_channels"] = None
    cfg["encoder_config"]["kv_channels"] = None
    cfg["dit_config"]["kv_channels"] = None
    cfg["dit_mean_mode"] = None
    (d / "config.json").write_text(json.dumps(cfg))
    torch.testing.assert_close(first_patch(load(d)), reference_patches, atol=1e-6, rtol=0)


def test_state_dict_wrapper_is_unwrapped(tmp_path, reference_patches):
    d = ckpt(tmp_path, ["config.json", "audiovae.safetensors", "tokenizer.json"])
    torch.save({"state_dict": load_file(str(TINY / "model.safetensors"))}, d / "pytorch_model.bin")
    torch.testing.assert_close(first_patch(load(d)), reference_patches, atol=1e-6, rtol=0)


def test_explicit_dtype_wins_on_cpu():
    m = load(TINY, dtype="bfloat16")
    assert m.dtype == torch.bfloat16 and m.device.type == "cpu"
    p = first_patch(m)
    assert p.shape == (2, 2, 64) and torch.isfinite(p).all()
    assert load(TINY).dtype == torch.float32  # CPU default


def test_full_size_config_values_parse():
    cfg = json.loads((TINY / "config.json").read_text())
    assert VoxCPMConfig.from_dict(cfg).lm.head_dim == 16


# -- config errors -----------------------------------------------------------------------------
def test_missing_config(tmp_path):
    d = ckpt(tmp_path, [f for f in FILES if f != "config.json"])
    load_fails(d, "config.json", ConfigError)


def test_malformed_config(tmp_path):
    d = ckpt(tmp_path)
    (d / "config.json").write_text('{"lm_config": {')
    load_fails(d, "config.json", ConfigError)


@pytest.mark.parametrize("edit, words", [
    (lambda c: c["lm_config"].update(hidden_sise=64), "hidden_sise"),           # unknown key
    (lambda c: c["lm_config"].pop("hidden_size"), "hidden_size"),               # missing
    (lambda c: c["lm_config"].update(num_hidden_layers="2"), "num_hidden_layers"),  # wrong type
    (lambda c: c.update(architecture="voxcpm2"), "voxcpm2"),
    (lambda c: c["encoder_config"].update(num_heads=1, kv_channels=16), "num_key_value_heads"),
    (lambda c: c["lm_config"]["rope_scaling"]["short_factor"].pop(), "rope factors"),
])
def test_bad_config_fields(tmp_path, edit, words):
    d = ckpt(tmp_path)
    cfg = json.loads((d / "config.json").read_text())
    edit(cfg)
    (d / "config.json").write_text(json.dumps(cfg))
    assert words in load_fails(d, "config.json", ConfigError)


def test_config_shape_disagreeing_with_weights(tmp_path):
    d = ckpt(tmp_path)
    cfg = json.loads((d / "config.json").read_text())
    cfg["lm_config"]["intermediate_size"] = 128
    cfg["residual_lm_num_layers"] = 2
    (d / "config.json").write_text(json.dumps(cfg))
    msg = load_fails(d, "model.safetensors")
    assert "residual_lm.layers.1.mlp.up_proj.weight" in msg and "missing" in msg
    assert "base_lm.layers.0.mlp.up_proj.weight (160, 64) (expected (128, 64))" in msg


# -- weight files --------------------------------------------------------------------------------
def test_missing_weights(tmp_path):
    d = ckpt(tmp_path, [f for f in FILES if f != "model.safetensors"])
    load_fails(d, "model.safetensors or pytorch_model.bin")


def test_missing_and_unexpected_keys_are_listed(tmp_path):
    d = ckpt(tmp_path, [f for f in FILES if f != "model.safetensors"])
    sd = load_file(str(TINY / "model.safetensors"))
    sd.pop("stop_head.weight")
    sd["stop_head.bias"] = torch.zeros(2)
    sd["base_lm.layers.0.self_attn.q.weight"] = sd.pop("base_lm.layers.0.self_attn.q_proj.weight")
    save_file(sd, str(d / "model.safetensors"))
    msg = load_fails(d, "model.safetensors")
    assert "2 missing key(s): base_lm.layers.0.self_attn.q_proj.weight, stop_head.weight" in msg
    assert "2 unexpected key(s): base_lm.layers.0.self_attn.q.weight, stop_head.bias" in msg


@pytest.mark.parametrize("name", ["model.safetensors", "pytorch_model.bin"])
def test_truncated_weights(tmp_path, name):
    files = ["config.json", "audiovae.safetensors", "tokenizer.json"]
    d = ckpt(tmp_path, files)
    data = (TINY / name).read_bytes()
    (d / name).write_bytes(data[: len(data) // 2])
    load_fails(d, name)


def test_garbage_weights(tmp_path):
    d = ckpt(tmp_path, ["config.json", "audiovae.safetensors", "tokenizer.json"])
    (d / "pytorch_model.bin").write_bytes(b"this is not a checkpoint" * 10)
    load_fails(d, "pytorch_model.bin")


class Boom:
    def __reduce__(self):
        return (print, ("pickle code ran",))


def test_pickle_code_is_refused(tmp_path, capsys):
    d = ckpt(tmp_path, ["config.json", "audiovae.safetensors", "tokenizer.json"])
    torch.save({"x": Boom()}, d / "pytorch_model.bin")
    load_fails(d, "pytorch_model.bin")
    assert "pickle code ran" not in capsys.readouterr().out


# -- tokenizer -------------------------------------------------------------------------------------
def test_missing_tokenizer(tmp_path):
    d = ckpt(tmp_path, [f for f in FILES if f != "tokenizer.json"])
    load_fails(d, "tokenizer.json")


def test_corrupt_tokenizer(tmp_path):
    d = ckpt(tmp_path)
    (d / "tokenizer.json").write_text('{"model": ')
    load_fails(d, "tokenizer.json")


# -- paths and hub ids -------------------------------------------------------------------------------
def test_nonexistent_directory(tmp_path):
    load_fails(tmp_path / "nope", "nope")


def test_hub_id_offline_without_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    monkeypatch.setenv("MODELSCOPE_CACHE", str(tmp_path / "ms"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    msg = load_fails("openbmb/VoxCPM-0.5B", "openbmb/VoxCPM-0.5B")
    assert "huggingface-cli download openbmb/VoxCPM-0.5B" in msg


def test_hub_id_from_hf_cache(tmp_path, monkeypatch, reference_patches):
    hub = tmp_path / "hf" / "hub"
    snap = hub / "models--openbmb--VoxCPM-tiny" / "snapshots" / "0123abcd"
    snap.parent.mkdir(parents=True)
    ckpt(snap.parent, FILES, name=snap.name)
    (hub / "models--openbmb--VoxCPM-tiny" / "refs").mkdir()
    (hub / "models--openbmb--VoxCPM-tiny" / "refs" / "main").write_text("0123abcd")
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    m = load("openbmb/VoxCPM-tiny")
    assert m.path == snap
    torch.testing.assert_close(first_patch(m), reference_patches, atol=1e-6, rtol=0)


def test_hub_id_from_modelscope_cache(tmp_path, monkeypatch, reference_patches):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MODELSCOPE_CACHE", str(tmp_path / "ms"))
    org = tmp_path / "ms" / "models" / "OpenBMB"
    org.mkdir(parents=True)
    ckpt(org, FILES, name="VoxCPM-0___5B")
    m = load("openbmb/VoxCPM-0.5B")
    assert m.path == org / "VoxCPM-0___5B"
    torch.testing.assert_close(first_patch(m), reference_patches, atol=1e-6, rtol=0)

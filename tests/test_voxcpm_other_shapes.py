"""A checkpoint shaped unlike the tiny one (explicit kv_channels, 4:1 grouped KV heads, muP,
LongRoPE long factors with a scale, patch size 3, a 24 kHz VAE with other rates) loads through
the public loader and generates consistently: nothing may assume the tiny config."""
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

import synth
from synth.voxcpm.audiovae import AudioVAE, AudioVAEConfig
from synth.voxcpm.config import VoxCPMConfig
from synth.voxcpm.random_init import random_net, write_checkpoint

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"
FACTORS = [1.0 + 0.5 * j for j in range(8)]  # head_dim 16 -> 8 factors

CONFIG = {
    "architecture": "voxcpm",
    "lm_config": {
        "bos_token_id": 1, "eos_token_id": 2, "vocab_size": 1200, "hidden_size": 96,
        "intermediate_size": 200, "max_position_embeddings": 4096, "num_attention_heads": 8,
        "num_hidden_layers": 3, "num_key_value_heads": 2, "kv_channels": 16, "rms_norm_eps": 1e-6,
        "rope_theta": 10000, "rope_scaling": {"type": "longrope", "long_factor": FACTORS,
                                              "short_factor": FACTORS[::-1],
                                              "original_max_position_embeddings": 1024},
        "use_mup": True, "scale_emb": 12, "dim_model_base": 32, "scale_depth": 1.4},
    "patch_size": 3, "feat_dim": 32, "residual_lm_num_layers": 2,
    "scalar_quantization_latent_dim": 24, "scalar_quantization_scale": 7,
    "encoder_config": {"hidden_dim": 32, "ffn_dim": 96, "num_heads": 2, "num_layers": 2},
    "dit_config": {"hidden_dim": 64, "ffn_dim": 128, "num_heads": 4, "num_layers": 2,
                   "cfm_config": {"sigma_min": 1e-6, "solver": "euler", "t_scheduler": "log-norm",
                                  "inference_cfg_rate": 2.0}},
    "audio_vae_config": {"encoder_dim": 8, "encoder_rates": [2, 3, 4], "latent_dim": 32,
                         "decoder_dim": 32, "decoder_rates": [4, 3, 2], "depthwise": True,
                         "sample_rate": 24000, "use_noise_block": False},
    "max_length": 512, "device": "cpu", "dtype": "float32",
}


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    d = tmp_path_factory.mktemp("other-shapes")
    cfg = VoxCPMConfig.from_dict(CONFIG)
    write_checkpoint(random_net(cfg, seed=3), CONFIG, d, TINY / "tokenizer.json")
    vae = AudioVAE(AudioVAEConfig.from_dict(CONFIG["audio_vae_config"]))
    g = torch.Generator().manual_seed(4)
    tensors = {}
    for key, shape in vae.checkpoint_shapes().items():
        t = torch.randn(shape, generator=g) * 0.2
        if key.endswith("alpha") or key.endswith("weight_g"):
            t = t.abs() + 0.5  # Snake alphas and weight-norm gains are positive
        tensors[key] = t
    save_file(tensors, str(d / "audiovae.safetensors"))
    return synth.load_model(d, device="cpu")


GEN = dict(min_len=3, max_len=3, inference_timesteps=4)


def test_shapes_come_from_the_config(model):
    assert model.sample_rate == 24000
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        wav = model.generate("Hello world.", seed=1, **GEN)
    # 3 patches of 3 latent frames, each frame one VAE hop of 2*3*4 = 24 samples
    assert wav.dtype == np.float32 and wav.shape == (3 * 3 * 24,)
    assert np.isfinite(wav).all() and np.abs(wav).max() > 0


def test_batch_equals_one_by_one_and_stream_equals_offline(model):
    texts = ["Hello world.", "你好，世界！"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        batch = model.generate_batch(texts, seeds=[5, 6], **GEN)
        single = [model.generate(t, seed=s, **GEN) for t, s in zip(texts, [5, 6])]
        streamed = np.concatenate(list(model.generate_stream(texts[0], seed=5, **GEN)))
    for b, s in zip(batch, single):
        np.testing.assert_allclose(b, s, atol=1e-5)
    np.testing.assert_allclose(streamed, single[0], atol=1e-5)

"""The full VoxCPM-0.5B configuration (architecture doc section 4) builds with random
weights and generates a few finite patches on CPU (about 5 s alone on 2 cores)."""
import warnings
from pathlib import Path

import torch

from synth.voxcpm.config import VoxCPMConfig
from synth.voxcpm.model import VoxCPMModel
from synth.voxcpm.random_init import fullsize_config_dict, random_net
from synth.voxcpm.tokenizer import TextTokenizer

TOKENIZER = Path(__file__).parent / "data" / "voxcpm-tiny" / "tokenizer.json"


def test_fullsize_config_builds_and_generates():
    cfg = VoxCPMConfig.from_dict(fullsize_config_dict())
    assert (cfg.lm.head_dim, cfg.lm.num_layers, cfg.residual_lm.num_layers) == (64, 24, 6)
    assert (cfg.encoder.hidden_size, cfg.dit.hidden_size, cfg.dit.num_kv_heads) == (1024, 1024, 2)
    net = random_net(cfg)
    n = sum(p.numel() for p in net.parameters())
    assert 640e6 < n < 660e6  # incl. the 73448 x 1024 embedding table
    model = VoxCPMModel(cfg, net, None, TextTokenizer(TOKENIZER))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        a, b = model.generate_latents(["Hello world.", "你好，世界！"], seeds=[0, 1], min_len=2, max_len=2)
    assert a.shape == b.shape == (2, 2, 64)
    assert torch.isfinite(a).all() and torch.isfinite(b).all()
    assert not torch.equal(a, b)

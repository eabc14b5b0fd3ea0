"""Fused q/k/v and gate/up projections (load_model's default): same weights, same outputs."""
import json
from pathlib import Path

import torch
from safetensors.torch import load_file
from torch import nn

import synth
from synth.voxcpm.config import VoxCPMConfig
from synth.voxcpm.random_init import random_net
from synth.voxcpm.transformer import MLP, Attention

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"


def test_load_model_fuses_and_state_dict_gives_the_checkpoint_back():
    model = synth.load_model(TINY, device="cpu")
    blocks = [m for m in model.net.modules() if isinstance(m, (Attention, MLP))]
    assert blocks and all((m.qkv_proj if isinstance(m, Attention) else m.gate_up_proj) is not None
                          for m in blocks)
    assert not any(hasattr(m, "q_proj") or hasattr(m, "gate_proj") for m in blocks)
    saved = load_file(str(TINY / "model.safetensors"))
    state = model.net.state_dict()
    assert set(state) == set(saved)  # the fused weight is split back into q/k/v and gate/up
    for k, v in saved.items():
        torch.testing.assert_close(state[k], v.float(), rtol=0, atol=0, msg=k)


def test_fused_projections_compute_what_the_separate_ones_do():
    cfg = VoxCPMConfig.from_dict(json.loads((TINY / "config.json").read_text()))
    separate = random_net(cfg, seed=5).base_lm
    fused = random_net(cfg, seed=5).base_lm
    fused.fuse_projections()
    hidden = cfg.lm.hidden_size
    x = torch.randn(2, 7, hidden, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        want, _ = separate(x, causal=True)
        got, _ = fused(x, causal=True)
    torch.testing.assert_close(got, want, rtol=1e-5, atol=1e-5)
    assert sum(isinstance(m, nn.Linear) for m in fused.modules()) == 4 * len(fused.layers)  # qkv, o, gate_up, down


def test_int8_quantises_the_fused_projections():
    q = synth.load_model(TINY, device="cpu", quantize="int8")
    blocks = [m for m in q.net.modules() if isinstance(m, (Attention, MLP))]
    inside = [c for m in blocks for c in m.children()]
    assert inside and all("quantized" in type(c).__module__ for c in inside)
    assert any(".qkv_proj." in k for k in q.net.state_dict())  # int8 state stays as it is

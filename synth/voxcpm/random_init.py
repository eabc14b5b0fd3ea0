"""Random-weight models of any config (full-size smoke tests and benchmarks, no checkpoint)."""
from __future__ import annotations

import json
from pathlib import Path

import torch

from .config import VoxCPMConfig
from .network import VoxCPMNet


def _factors(n: int) -> list[float]:
    # Smooth ramp like the published LongRoPE lists; only the length matters for shapes.
    return [1.0 + 47.0 * (j / max(1, n - 1)) ** 2 for j in range(n)]


def fullsize_config_dict() -> dict:
    """VoxCPM-0.5B's config.json values (architecture doc, section 4)."""
    return {
        "architecture": "voxcpm",
        "lm_config": {
            "bos_token_id": 1, "eos_token_id": 2, "vocab_size": 73448, "hidden_size": 1024,
            "intermediate_size": 4096, "max_position_embeddings": 32768, "num_attention_heads": 16,
            "num_hidden_layers": 24, "num_key_value_heads": 2, "rms_norm_eps": 1e-5,
            "rope_theta": 10000, "rope_scaling": {
                "type": "longrope", "long_factor": _factors(32), "short_factor": _factors(32),
                "original_max_position_embeddings": 32768},
            "use_mup": False, "scale_emb": 12, "dim_model_base": 256, "scale_depth": 1.4},
        "patch_size": 2, "feat_dim": 64, "residual_lm_num_layers": 6,
        "scalar_quantization_latent_dim": 256, "scalar_quantization_scale": 9,
        "encoder_config": {"hidden_dim": 1024, "ffn_dim": 4096, "num_heads": 16, "num_layers": 4},
        "dit_config": {"hidden_dim": 1024, "ffn_dim": 4096, "num_heads": 16, "num_layers": 4,
                       "cfm_config": {"sigma_min": 1e-6, "solver": "euler", "t_scheduler": "log-norm",
                                      "inference_cfg_rate": 2.0}},
        "max_length": 4096, "device": "cuda", "dtype": "bfloat16",
    }


@torch.no_grad()
def random_net(cfg: VoxCPMConfig, seed: int = 0, device="cpu", dtype=torch.float32) -> VoxCPMNet:
    """Build without default init, then tile one block of N(0, 0.02) noise over every weight
    (drawing 650M fresh normals takes ~10 s on CPU; a tiled block is a memcpy); gains 1."""
    with torch.device("meta"):
        net = VoxCPMNet(cfg)
    net = net.to_empty(device=device).to(dtype)
    g = torch.Generator(device="cpu").manual_seed(seed)
    block = (torch.randn(1 << 20, generator=g) * 0.02).to(device=device, dtype=dtype)
    for k, (name, p) in enumerate(net.named_parameters()):
        if name.endswith("norm.weight") or "layernorm" in name:
            p.fill_(1.0)
        elif name.endswith("bias"):
            p.zero_()
        else:
            flat, shift = p.view(-1), (k * 7919) % block.numel()  # shift: layers differ
            src = torch.roll(block, shift)
            for i in range(0, flat.numel(), src.numel()):
                n = min(src.numel(), flat.numel() - i)
                flat[i:i + n] = src[:n]
    return net.eval().requires_grad_(False)


def write_checkpoint(net: VoxCPMNet, cfg_dict: dict, directory, tokenizer_json) -> Path:
    """A checkpoint directory (config.json, model.safetensors, tokenizer.json) for `net`."""
    from safetensors.torch import save_file
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    (d / "config.json").write_text(json.dumps(cfg_dict))
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(d / "model.safetensors"))
    (d / "tokenizer.json").write_bytes(Path(tokenizer_json).read_bytes())
    return d

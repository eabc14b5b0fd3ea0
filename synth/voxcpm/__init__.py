"""Native VoxCPM v1 (VoxCPM-0.5B and same-schema checkpoints): load_model and the model API."""
from __future__ import annotations

import warnings

__all__ = ["load_model", "VoxCPMModel", "Voice"]


def _pick_device_dtype(device, dtype):
    import torch
    if device is None:
        device = "cuda" if torch.cuda.is_available() else "cpu"
    device = torch.device(device)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device {device} requested but CUDA is not available")
    if dtype is None:
        dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
    elif isinstance(dtype, str):
        names = {"bfloat16": torch.bfloat16, "bf16": torch.bfloat16, "float16": torch.float16,
                 "fp16": torch.float16, "float32": torch.float32, "fp32": torch.float32}
        if dtype not in names:
            raise ValueError(f"unsupported dtype {dtype!r}; use one of {sorted(names)}")
        dtype = names[dtype]
    return device, dtype


def load_model(path_or_id, device=None, dtype=None, quantize=None):
    """Load a VoxCPM v1 checkpoint directory or hub id (e.g. "openbmb/VoxCPM-0.5B").

    Device/dtype: CUDA + bfloat16 when CUDA is available, else CPU + float32; explicit
    arguments win.  The AudioVAE always runs in float32.
    quantize="int8" (opt-in, CPU + float32 only): int8 dynamic quantisation of the
    transformer matmuls (synth/voxcpm/precision.py); speed and deviation from float32 are in
    docs/performance.md.
    The q/k/v and gate/up projections are fused into one matmul each; on the
    CPU (float32, bfloat16) the Linear layers run through oneDNN with packed weights
    (synth/voxcpm/cpu_linear.py).  The model is inference-only (no gradients).
    """
    import torch

    from .config import ConfigError, VoxCPMConfig
    from .loading import CheckpointError, first_existing, load_module_strict, resolve
    from .model import VoxCPMModel
    from .network import VoxCPMNet
    from .tokenizer import TextTokenizer

    directory = resolve(path_or_id)
    device, dtype = _pick_device_dtype(device, dtype)
    if quantize is not None:
        from .precision import QUANTIZE_CHOICES
        if quantize not in QUANTIZE_CHOICES:
            raise ValueError(f"unsupported quantize {quantize!r}; use one of {list(QUANTIZE_CHOICES)} or None")
        if device.type != "cpu" or dtype != torch.float32:
            raise ValueError(f"quantize={quantize!r} needs device='cpu' and dtype float32, "
                             f"not {device.type}/{str(dtype).removeprefix('torch.')}")
    cfg = VoxCPMConfig.from_file(directory / "config.json")
    tok_path = directory / "tokenizer.json"
    if not tok_path.is_file():
        raise CheckpointError(f"{tok_path}: tokenizer file missing from the checkpoint directory")
    tokenizer = TextTokenizer(tok_path)
    if tokenizer.tok.get_vocab_size() > cfg.lm.vocab_size:
        raise ConfigError(f"{tok_path}: tokenizer has {tokenizer.tok.get_vocab_size()} tokens but "
                          f"config.json's lm_config.vocab_size is {cfg.lm.vocab_size}")

    weights = first_existing(directory, ("model.safetensors", "pytorch_model.bin"))
    with torch.device("meta"):  # no random init: every tensor comes from the file
        net = VoxCPMNet(cfg)
    load_module_strict(net, weights, device, dtype)
    net.eval().requires_grad_(False)  # inference only: no autograd graph even outside inference_mode
    net.fuse_projections()  # one q/k/v and one gate/up matmul per layer
    if quantize == "int8":
        from .precision import quantize_int8
        quantize_int8(net)
    if device.type == "cpu":
        from .cpu_linear import use_onednn_linears
        use_onednn_linears(net)  # packed oneDNN matmuls: float32 2-3x MKL's speed on AMD CPUs

    vae = None
    try:
        from .audiovae import AudioVAE, AudioVAEConfig
    except ImportError:
        warnings.warn("synth.voxcpm.audiovae is not available: loading without the AudioVAE "
                      "(latent generation only)", RuntimeWarning, stacklevel=2)
    else:
        vae_path = first_existing(directory, ("audiovae.safetensors", "audiovae.pth"))
        try:
            vae_cfg = AudioVAEConfig.from_dict(cfg.audio_vae)
        except ValueError as e:
            raise ConfigError(f"{directory / 'config.json'}: audio_vae_config: {e}") from None
        vae = AudioVAE(vae_cfg)
        vae.load_weights(vae_path)
        vae = vae.to(device=device, dtype=torch.float32).eval()
        if vae.latent_dim != cfg.feat_dim:
            raise ConfigError(f"{directory / 'config.json'}: feat_dim {cfg.feat_dim} differs from "
                              f"the AudioVAE latent_dim {vae.latent_dim}")
    return VoxCPMModel(cfg, net, vae, tokenizer, path=directory)


def __getattr__(name):
    if name == "VoxCPMModel":
        from .model import VoxCPMModel
        return VoxCPMModel
    if name == "Voice":
        from .voice import Voice
        return Voice
    raise AttributeError(name)

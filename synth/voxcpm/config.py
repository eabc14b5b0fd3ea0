"""config.json -> dataclasses.

The schema is the official VoxCPM v1 one.  `null` means "use the default" (or "absent" for
optional fields such as kv_channels); a missing required field, a wrong type or an unknown
key is an error naming the file, so a mistyped field never silently becomes a default.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

REQUIRED = object()


class ConfigError(ValueError):
    pass


def _check(value, kind, where):
    """Type-check one JSON value; ints are accepted where floats are expected."""
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str": isinstance(value, str),
        "floats": isinstance(value, list) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value),
        "pair": isinstance(value, list) and len(value) == 2,
        "dict": isinstance(value, dict),
    }[kind]
    if not ok:
        raise ConfigError(f"{where}: expected {kind}, got {json.dumps(value)}")
    return float(value) if kind == "float" else value


def _section(d, schema, where):
    """Parse one JSON object against {name: (kind, default)}; returns a plain dict."""
    if d is None:
        d = {}
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: expected an object, got {json.dumps(d)}")
    unknown = sorted(set(d) - set(schema))
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}")
    out = {}
    for name, (kind, default) in schema.items():
        value = d.get(name)
        if value is None:
            if default is REQUIRED:
                raise ConfigError(f"{where}.{name}: required field is missing")
            out[name] = default
        else:
            out[name] = _check(value, kind, f"{where}.{name}")
    return out


_ROPE = {
    "type": ("str", REQUIRED), "long_factor": ("floats", REQUIRED),
    "short_factor": ("floats", REQUIRED), "original_max_position_embeddings": ("int", REQUIRED),
}
_LM = {
    "bos_token_id": ("int", 1), "eos_token_id": ("int", 2), "vocab_size": ("int", REQUIRED),
    "hidden_size": ("int", REQUIRED), "intermediate_size": ("int", REQUIRED),
    "max_position_embeddings": ("int", REQUIRED), "num_attention_heads": ("int", REQUIRED),
    "num_hidden_layers": ("int", REQUIRED), "num_key_value_heads": ("int", REQUIRED),
    "rms_norm_eps": ("float", REQUIRED), "rope_scaling": ("dict", REQUIRED),
    "use_mup": ("bool", True), "scale_emb": ("float", REQUIRED), "dim_model_base": ("int", None),
    "scale_depth": ("float", REQUIRED), "rope_theta": ("float", REQUIRED),
    "kv_channels": ("int", None), "no_rope": ("bool", False),
}
_LOCAL = {  # encoder_config / dit_config; defaults are the reference's (= 0.5B)
    "hidden_dim": ("int", 1024), "ffn_dim": ("int", 4096), "num_heads": ("int", 16),
    "num_layers": ("int", 4), "kv_channels": ("int", None),
}
_CFM = {  # only `solver` matters at inference; the rest are training knobs
    "sigma_min": ("float", 1e-6), "solver": ("str", "euler"), "t_scheduler": ("str", "log-norm"),
    "training_cfg_rate": ("float", 0.1), "inference_cfg_rate": ("float", 1.0),
    "reg_loss_type": ("str", "l1"), "ratio_r_neq_t_range": ("pair", None),
    "noise_cond_prob_range": ("pair", None), "noise_cond_scale": ("float", 0.0),
}
_TOP = {
    "architecture": ("str", "voxcpm"), "lm_config": ("dict", REQUIRED), "patch_size": ("int", 2),
    "feat_dim": ("int", 64), "residual_lm_num_layers": ("int", 6),
    "scalar_quantization_latent_dim": ("int", 256), "scalar_quantization_scale": ("int", 9),
    "encoder_config": ("dict", REQUIRED), "dit_config": ("dict", REQUIRED),
    "audio_vae_config": ("dict", None), "max_length": ("int", 4096), "device": ("str", "cuda"),
    "dtype": ("str", "bfloat16"), "dit_mean_mode": ("bool", False),
}


@dataclass(frozen=True)
class TransformerConfig:
    """One MiniCPM-4 transformer (base LM, residual LM, local encoder or DiT)."""
    hidden_size: int
    intermediate_size: int
    num_layers: int
    num_heads: int
    num_kv_heads: int
    head_dim: int
    rms_norm_eps: float
    rope_theta: float
    rope_factors: tuple          # the long or short list, already chosen
    rope_scale: float            # LongRoPE magnitude factor on cos and sin
    use_mup: bool
    scale_depth: float
    vocab_size: int = 0          # 0: no embedding table
    no_rope: bool = False

    @property
    def residual_scale(self) -> float:
        return self.scale_depth / math.sqrt(self.num_layers) if self.use_mup else 1.0


@dataclass(frozen=True)
class VoxCPMConfig:
    lm: TransformerConfig
    residual_lm: TransformerConfig
    encoder: TransformerConfig
    dit: TransformerConfig
    patch_size: int
    feat_dim: int
    fsq_latent_dim: int
    fsq_scale: int
    scale_emb: float             # text-embedding multiplier (1.0 unless use_mup)
    max_length: int              # KV-cache length: prefill + generated patches
    device: str
    dtype: str
    dit_mean_mode: bool
    audio_vae: dict | None = None
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_file(cls, path) -> "VoxCPMConfig":
        path = Path(path)
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: file not found") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ConfigError(f"{path}: not valid JSON ({e})") from None
        try:
            return cls.from_dict(d)
        except ConfigError as e:
            raise ConfigError(f"{path}: {e}") from None

    @classmethod
    def from_dict(cls, d: dict) -> "VoxCPMConfig":
        top = _section(d, _TOP, "config")
        if top["architecture"] != "voxcpm":
            raise ConfigError(f"config.architecture: {top['architecture']!r} is not supported "
                              "(only VoxCPM v1, 'voxcpm')")
        lm = _section(top["lm_config"], _LM, "lm_config")
        rope = _section(lm["rope_scaling"], _ROPE, "lm_config.rope_scaling")
        enc = _section(top["encoder_config"], _LOCAL, "encoder_config")
        dit_d = dict(top["dit_config"])
        cfm = _section(dit_d.pop("cfm_config", None), _CFM, "dit_config.cfm_config")
        dit = _section(dit_d, _LOCAL, "dit_config")
        if cfm["solver"] != "euler":
            raise ConfigError(f"dit_config.cfm_config.solver: only 'euler' is supported, got {cfm['solver']!r}")
        dtype = top["dtype"]
        if dtype not in ("bfloat16", "bf16", "float16", "fp16", "float32", "fp32"):
            raise ConfigError(f"config.dtype: unsupported dtype {dtype!r}")

        max_pos, orig = lm["max_position_embeddings"], rope["original_max_position_embeddings"]
        # LongRoPE: the factor list and the magnitude scale depend only on the config.
        factors = rope["long_factor"] if max_pos > orig else rope["short_factor"]
        scale = math.sqrt(1 + math.log(max_pos / orig) / math.log(orig)) if max_pos > orig else 1.0

        def block(name, hidden, ffn, heads, layers, kv_channels, vocab=0):
            for what, v in (("hidden size", hidden), ("ffn size", ffn), ("heads", heads), ("layers", layers)):
                if v <= 0:
                    raise ConfigError(f"{name}: {what} must be positive, got {v}")
            if kv_channels is None and hidden % heads:
                raise ConfigError(f"{name}: hidden size {hidden} is not divisible by {heads} heads")
            hd = kv_channels if kv_channels is not None else hidden // heads
            if heads % lm["num_key_value_heads"]:
                raise ConfigError(f"{name}: {heads} heads are not divisible by "
                                  f"lm_config.num_key_value_heads = {lm['num_key_value_heads']}")
            if hd % 2 or len(factors) != hd // 2:
                raise ConfigError(f"{name}: head dim {hd} needs {hd // 2} rope factors, "
                                  f"lm_config.rope_scaling has {len(factors)}")
            return TransformerConfig(
                hidden_size=hidden, intermediate_size=ffn, num_layers=layers, num_heads=heads,
                num_kv_heads=lm["num_key_value_heads"], head_dim=hd, rms_norm_eps=lm["rms_norm_eps"],
                rope_theta=lm["rope_theta"], rope_factors=tuple(float(f) for f in factors),
                rope_scale=scale, use_mup=lm["use_mup"], scale_depth=lm["scale_depth"],
                vocab_size=vocab, no_rope=lm["no_rope"])

        H = lm["hidden_size"]
        base = block("lm_config", H, lm["intermediate_size"], lm["num_attention_heads"],
                     lm["num_hidden_layers"], lm["kv_channels"], vocab=lm["vocab_size"])
        # Encoder and DiT inherit the LM's kv_channels only through their own field.
        cfg = cls(
            lm=base,
            residual_lm=replace(base, num_layers=top["residual_lm_num_layers"], vocab_size=0),
            encoder=block("encoder_config", enc["hidden_dim"], enc["ffn_dim"], enc["num_heads"],
                          enc["num_layers"], enc["kv_channels"]),
            dit=block("dit_config", dit["hidden_dim"], dit["ffn_dim"], dit["num_heads"],
                      dit["num_layers"], dit["kv_channels"]),
            patch_size=top["patch_size"], feat_dim=top["feat_dim"],
            fsq_latent_dim=top["scalar_quantization_latent_dim"],
            fsq_scale=top["scalar_quantization_scale"],
            scale_emb=lm["scale_emb"] if lm["use_mup"] else 1.0,
            max_length=top["max_length"], device=top["device"], dtype=dtype,
            dit_mean_mode=top["dit_mean_mode"], audio_vae=top["audio_vae_config"], raw=d)
        for name, v in (("patch_size", cfg.patch_size), ("feat_dim", cfg.feat_dim),
                        ("residual_lm_num_layers", cfg.residual_lm.num_layers),
                        ("scalar_quantization_latent_dim", cfg.fsq_latent_dim),
                        ("scalar_quantization_scale", cfg.fsq_scale), ("max_length", cfg.max_length)):
            if v <= 0:
                raise ConfigError(f"config.{name}: must be positive, got {v}")
        if cfg.dit.hidden_size % 2:
            raise ConfigError("dit_config.hidden_dim: must be even (sinusoidal time embedding)")
        return cfg

"""AudioVAE of VoxCPM v1: a causal DAC-like convolutional VAE on mono audio.

encode: wav [B, 1, T] -> latent mean [B, latent_dim, ceil(T/hop)]
decode: latent [B, latent_dim, F] -> wav [B, 1, F*hop]   (ends in tanh)
stream_decoder(): the same decode, fed a few frames at a time.

Module names mirror the reference so the checkpoint's keys map one to one; the
weight-norm pairs are folded into plain weights at load time.
"""
from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn

from .vae_layers import (
    CausalConv1d, CausalConvTranspose1d, Chain, NoiseBlock, Snake1d, StreamState, Tanh,
    fold_weight_norm, residual_stack,
)


@dataclass
class AudioVAEConfig:
    """`audio_vae_config` of config.json; the defaults are those of VoxCPM-0.5B."""
    encoder_dim: int = 128
    encoder_rates: list[int] = field(default_factory=lambda: [2, 5, 8, 8])
    latent_dim: int = 64
    decoder_dim: int = 1536
    decoder_rates: list[int] = field(default_factory=lambda: [8, 8, 5, 2])
    depthwise: bool = True
    sample_rate: int = 16000
    use_noise_block: bool = False

    @classmethod
    def from_dict(cls, d: dict | None) -> "AudioVAEConfig":
        """Build from config.json's `audio_vae_config` (None or missing keys = defaults)."""
        if d is None:
            d = {}
        if not isinstance(d, dict):
            raise ValueError(f"audio_vae_config: expected an object, got {type(d).__name__}")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(f"audio_vae_config: unknown keys {unknown} (known: {sorted(known)})")
        cfg = cls(**{k: list(v) if isinstance(v, tuple) else v for k, v in d.items()})
        cfg.validate()
        return cfg

    def validate(self) -> None:
        def positive_int(name, v):
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ValueError(f"audio_vae_config.{name}: expected a positive integer, got {v!r}")

        for name in ("encoder_dim", "latent_dim", "decoder_dim", "sample_rate"):
            positive_int(name, getattr(self, name))
        for name in ("encoder_rates", "decoder_rates"):
            rates = getattr(self, name)
            if not isinstance(rates, list) or not rates:
                raise ValueError(f"audio_vae_config.{name}: expected a non-empty list, got {rates!r}")
            for r in rates:
                positive_int(name, r)
        for name in ("depthwise", "use_noise_block"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"audio_vae_config.{name}: expected true/false, got {getattr(self, name)!r}")
        if math.prod(self.encoder_rates) != math.prod(self.decoder_rates):
            raise ValueError(
                f"audio_vae_config: encoder_rates {self.encoder_rates} and decoder_rates "
                f"{self.decoder_rates} must have the same product (the hop)")
        if self.decoder_dim >> len(self.decoder_rates) == 0:
            raise ValueError(
                f"audio_vae_config.decoder_dim {self.decoder_dim} is too small to halve "
                f"{len(self.decoder_rates)} times")


class EncoderBlock(nn.Module):
    """Residual units on c channels, Snake, then a strided conv c -> 2c (downsample by r)."""

    def __init__(self, c, rate, depthwise):
        super().__init__()
        self.block = Chain([
            *residual_stack(c, groups=c if depthwise else 1),
            Snake1d(c),
            CausalConv1d(c, 2 * c, 2 * rate, stride=rate, pad=math.ceil(rate / 2)),
        ])

    def forward(self, x, state=None):
        return self.block(x, state)


class Encoder(nn.Module):
    def __init__(self, cfg: AudioVAEConfig):
        super().__init__()
        c = cfg.encoder_dim
        blocks = [CausalConv1d(1, c, 7, pad=3)]
        for rate in cfg.encoder_rates:
            blocks.append(EncoderBlock(c, rate, cfg.depthwise))
            c *= 2
        self.block = Chain(blocks)
        self.fc_mu = CausalConv1d(c, cfg.latent_dim, 3, pad=1)
        self.fc_logvar = CausalConv1d(c, cfg.latent_dim, 3, pad=1)  # in the checkpoint; unused

    def forward(self, x):
        """[B, 1, T] -> [B, latent_dim, T/hop] (the layers run time-major inside)."""
        return self.fc_mu(self.block(x.transpose(1, 2))).transpose(1, 2).contiguous()


class DecoderBlock(nn.Module):
    """Snake, upsample c_in -> c_out by `rate`, [noise], residual units on c_out."""

    def __init__(self, c_in, c_out, rate, depthwise, noise):
        super().__init__()
        layers = [Snake1d(c_in), CausalConvTranspose1d(c_in, c_out, rate)]
        if noise:
            layers.append(NoiseBlock(c_out))
        layers += residual_stack(c_out, groups=c_out if depthwise else 1)
        self.block = Chain(layers)

    def forward(self, x, state=None):
        return self.block(x, state)


class Decoder(nn.Module):
    def __init__(self, cfg: AudioVAEConfig):
        super().__init__()
        latent, c = cfg.latent_dim, cfg.decoder_dim
        if cfg.depthwise:
            layers = [CausalConv1d(latent, latent, 7, groups=latent, pad=3), CausalConv1d(latent, c, 1)]
        else:
            layers = [CausalConv1d(latent, c, 7, pad=3)]
        for i, rate in enumerate(cfg.decoder_rates):
            layers.append(DecoderBlock(c >> i, c >> (i + 1), rate, cfg.depthwise, cfg.use_noise_block))
        c_last = c >> len(cfg.decoder_rates)
        layers += [Snake1d(c_last), CausalConv1d(c_last, 1, 7, pad=3), Tanh()]
        self.model = Chain(layers)

    def forward(self, z, state=None):
        """[B, latent_dim, F] -> [B, 1, F*hop] (the layers run time-major inside)."""
        return self.model(z.transpose(1, 2).contiguous(), state).transpose(1, 2)


class AudioVAE(nn.Module):
    def __init__(self, cfg: AudioVAEConfig | None = None):
        super().__init__()
        self.cfg = cfg = cfg if cfg is not None else AudioVAEConfig()
        cfg.validate()
        self.sample_rate = cfg.sample_rate
        self.hop_length = math.prod(cfg.encoder_rates)
        self.latent_dim = cfg.latent_dim
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)

    # ---------------------------------------------------------------- inference

    @property
    def _dtype(self):
        return self.decoder.model[0].weight.dtype

    @torch.no_grad()
    def encode(self, wav: torch.Tensor) -> torch.Tensor:
        """[B, 1, T] waveform at `sample_rate` -> [B, latent_dim, ceil(T/hop)] (fc_mu)."""
        if wav.dim() != 3 or wav.shape[1] != 1 or wav.shape[-1] == 0:
            raise ValueError(f"AudioVAE.encode: expected a waveform [B, 1, T>0], got {tuple(wav.shape)}")
        right = -wav.shape[-1] % self.hop_length
        wav = nn.functional.pad(wav.to(self._dtype), (0, right))
        return self.encoder(wav)

    # An offline decode longer than this many frames runs as a stream of pieces this long: the
    # same numbers (a stream equals the offline decode), but every temporary stays a few MB
    # instead of hundreds (a 10 s utterance is 160000 x 96 floats per tensor in the last
    # block, each one freshly mapped and page-faulted), which halves the time on a CPU.
    DECODE_CHUNK = 32

    @torch.no_grad()
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """[B, latent_dim, F] -> [B, 1, F*hop]."""
        self._check_latent(z, "decode")
        if z.shape[-1] == 0:
            return z.new_zeros(z.shape[0], 1, 0, dtype=self._dtype)
        z = z.to(self._dtype)
        n = self.DECODE_CHUNK
        if z.shape[-1] <= n:
            return self.decoder(z)
        state = StreamState()
        return torch.cat([self.decoder(z[..., i:i + n], state) for i in range(0, z.shape[-1], n)], dim=-1)

    def stream_decoder(self, batch_size: int = 1) -> "StreamingDecoder":
        return StreamingDecoder(self, batch_size)

    def _check_latent(self, z, what):
        if z.dim() != 3 or z.shape[1] != self.latent_dim:
            raise ValueError(
                f"AudioVAE.{what}: expected latents [B, {self.latent_dim}, frames], got {tuple(z.shape)}")

    # ---------------------------------------------------------------- weights

    def checkpoint_shapes(self) -> dict[str, tuple[int, ...]]:
        """Every tensor name an AudioVAE checkpoint of this config holds, with its shape."""
        shapes = {}
        for name, m in self.named_modules():
            if isinstance(m, (CausalConv1d, CausalConvTranspose1d)):
                w = tuple(m.weight.shape)
                shapes[f"{name}.weight_g"] = (w[0],) + (1,) * (len(w) - 1)
                shapes[f"{name}.weight_v"] = w
                if m.bias is not None:
                    shapes[f"{name}.bias"] = tuple(m.bias.shape)
            elif isinstance(m, Snake1d):
                shapes[f"{name}.alpha"] = tuple(m.alpha.shape)
        return shapes

    def load_weights(self, path) -> None:
        """Load audiovae.safetensors or audiovae.pth (or a directory holding one, the
        .safetensors preferred, like the reference).  Strict: every key must match."""
        path = Path(path)
        if path.is_dir():
            for name in ("audiovae.safetensors", "audiovae.pth"):
                if (path / name).is_file():
                    path = path / name
                    break
            else:
                raise FileNotFoundError(f"{path}: no audiovae.safetensors or audiovae.pth in this directory")
        self.load_tensors(read_checkpoint(path), source=str(path))

    def load_tensors(self, tensors: dict[str, torch.Tensor], source: str = "AudioVAE weights") -> None:
        """Strictly load a name -> tensor mapping with the checkpoint's (weight-norm) names."""
        expected = self.checkpoint_shapes()
        problems = []
        missing = [k for k in expected if k not in tensors]
        unexpected = [k for k in tensors if k not in expected]
        if missing:
            problems.append(f"missing keys {_listing(missing)}")
        if unexpected:
            problems.append(f"unexpected keys {_listing(unexpected)}")
        for k, shape in expected.items():
            t = tensors.get(k)
            if t is None:
                continue
            if not isinstance(t, torch.Tensor) or not t.is_floating_point():
                problems.append(f"{k}: expected a float tensor, got {_describe(t)}")
            elif tuple(t.shape) != shape:
                problems.append(f"{k}: shape {list(t.shape)}, expected {list(shape)}")
        if problems:
            raise ValueError(f"{source}: does not fit this AudioVAE config: " + "; ".join(problems))

        with torch.no_grad():
            for name, m in self.named_modules():
                if isinstance(m, (CausalConv1d, CausalConvTranspose1d)):
                    g = tensors[f"{name}.weight_g"].to(torch.float32)
                    v = tensors[f"{name}.weight_v"].to(torch.float32)
                    m.weight.copy_(fold_weight_norm(g, v))
                    if m.bias is not None:
                        m.bias.copy_(tensors[f"{name}.bias"])
                elif isinstance(m, Snake1d):
                    m.alpha.copy_(tensors[f"{name}.alpha"])


class StreamingDecoder:
    """Causal decode of a latent sequence that arrives in pieces.

    Each causal layer keeps only its last (kernel-1)*dilation input frames (each
    upsampler its last input frame), so a push costs the same however long the
    stream already is, and the concatenated outputs equal AudioVAE.decode of the
    concatenated latents.
    """

    def __init__(self, vae: AudioVAE, batch_size: int = 1):
        self.vae, self.batch_size = vae, batch_size
        self.state = StreamState()
        self.frames = 0  # latent frames decoded so far

    @torch.no_grad()
    def push(self, z: torch.Tensor) -> torch.Tensor:
        """[B, latent_dim, n] -> the next [B, 1, n*hop] samples."""
        self.vae._check_latent(z, "stream_decoder().push")
        if z.shape[0] != self.batch_size:
            raise ValueError(
                f"StreamingDecoder.push: batch of {z.shape[0]}, but the stream was opened "
                f"with batch_size={self.batch_size}")
        if z.shape[-1] == 0:
            return z.new_zeros(z.shape[0], 1, 0, dtype=self.vae._dtype)
        self.frames += z.shape[-1]
        return self.vae.decoder(z.to(self.vae._dtype), self.state)

    def select(self, rows) -> None:
        """Keep only the streams of batch rows `rows`, in that order (the others ended)."""
        rows = torch.as_tensor(rows, dtype=torch.long)
        self.state.select_rows(rows)
        self.batch_size = len(rows)

    def extend(self, other: "StreamingDecoder") -> None:
        """Append other's streams as new batch rows, each keeping its own history (a
        sequence joining a running batch, possibly warmed on a voice prompt)."""
        self.state.append_rows(other.state, self.batch_size, other.batch_size)
        self.batch_size += other.batch_size


def read_checkpoint(path: Path) -> dict[str, torch.Tensor]:
    """Tensors of a .safetensors file or a torch zip pickle (weights_only; no code runs)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        if path.suffix == ".safetensors":
            from .loading import read_safetensors  # read, not mapped: see there
            return read_safetensors(path)
        data = torch.load(os.fspath(path), map_location="cpu", weights_only=True)
    except Exception as e:  # noqa: BLE001 - every reader failure becomes one clear line
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ValueError(f"{path}: unreadable or corrupt checkpoint ({type(e).__name__}: {first})") from e
    if isinstance(data, dict) and isinstance(data.get("state_dict"), dict):
        data = data["state_dict"]
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a state dict, found {type(data).__name__}")
    return data


def _listing(keys, limit=12):
    shown = ", ".join(keys[:limit])
    return f"[{shown}{f', ... ({len(keys) - limit} more)' if len(keys) > limit else ''}]"


def _describe(t):
    return f"{t.dtype} tensor" if isinstance(t, torch.Tensor) else type(t).__name__

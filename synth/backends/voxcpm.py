"""The native VoxCPM model as a backend: continuous batching streamed per patch, one voice,
one seed policy.

The model object follows the protocol of synth.voxcpm (load_model, sample_rate,
build_voice, generate_many; generate, generate_batch, generate_stream for direct use). The
voice prompt is encoded once (build_voice) and the same Voice is reused for every utterance.
"""
from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from .base import Backend, BackendError

ENV_MODEL = "VOXREAD_MODEL"
HUB_IDS = ("openbmb/VoxCPM-0.5B", "openbmb/VoxCPM1.5")  # looked for in the local HF cache
DEFAULT_BATCH = 8
_MODELS: dict = {}  # path/id -> loaded model: speak() in a loop loads a checkpoint once
# model -> {prompt key: Voice}; weak, so a freed model's voices go with it (keyed by id(model),
# a new model reusing a freed one's id was handed that model's voice)
_VOICES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _hub_cache_dirs() -> list[Path]:
    dirs = []
    if os.environ.get("HF_HUB_CACHE"):
        dirs.append(Path(os.environ["HF_HUB_CACHE"]))
    if os.environ.get("HF_HOME"):
        dirs.append(Path(os.environ["HF_HOME"]) / "hub")
    dirs.append(Path.home() / ".cache" / "huggingface" / "hub")
    return dirs


def find_local_checkpoint() -> str | None:
    """A VoxCPM checkpoint already on this machine: $VOXREAD_MODEL, else the HF hub cache.

    Looks only; nothing is downloaded.
    """
    if os.environ.get(ENV_MODEL):
        return os.environ[ENV_MODEL]
    for cache in _hub_cache_dirs():
        for hub_id in HUB_IDS:
            snapshots = cache / ("models--" + hub_id.replace("/", "--")) / "snapshots"
            if snapshots.is_dir():
                for snap in sorted(snapshots.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
                    if (snap / "config.json").is_file():
                        return str(snap)
    return None


_HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


PRECISIONS = ("float32", "bfloat16", "int8")


def _load_options(precision: str | None) -> dict:
    """load_model options for a precision name (None: its default, bfloat16 on CUDA, else
    float32); int8 is dynamic quantisation, CPU only (docs/performance.md: speed, deviation)."""
    if precision is None:
        return {}
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}: expected one of {', '.join(PRECISIONS)}")
    if precision == "int8":
        return {"device": "cpu", "dtype": "float32", "quantize": "int8"}
    return {"dtype": precision}


def load(path_or_id, precision: str | None = None):
    """Load (once per process and precision) a checkpoint directory or hub id."""
    options = _load_options(precision)
    name = str(path_or_id)
    if not Path(name).exists() and not _HUB_ID.match(name):
        raise FileNotFoundError(f"model directory not found: {name} (expected a VoxCPM checkpoint "
                                "directory or a hub id such as openbmb/VoxCPM-0.5B)")
    key = (name, precision)
    if key not in _MODELS:
        try:
            from .. import voxcpm
        except ImportError as e:
            raise BackendError(f"the VoxCPM model code is not available ({e})") from e
        _MODELS[key] = voxcpm.load_model(path_or_id, **options)
    return _MODELS[key]


def _voice_class(model):
    import importlib
    module = importlib.import_module(type(model).__module__)
    if hasattr(module, "Voice"):
        return module.Voice
    from .. import voxcpm
    return voxcpm.Voice


def resolve_voice(model, voice):
    """A Voice for `model` from: None, a Voice, a saved voice file, or (prompt_wav, prompt_text).

    Built voices are cached per model and prompt, so a document (or a loop of speak()
    calls) encodes the prompt once.
    """
    if voice is None or hasattr(voice, "save"):
        return voice
    if isinstance(voice, (str, os.PathLike)):
        path = Path(voice)
        if not path.is_file():
            raise FileNotFoundError(f"voice file not found: {path}")
        voices = _VOICES.setdefault(model, {})
        key = ("file", str(path.resolve()), path.stat().st_mtime)
        if key not in voices:
            voices[key] = _voice_class(model).load(str(path))
        return voices[key]
    if isinstance(voice, dict):
        voice = (voice["prompt_wav"], voice["prompt_text"])
    if isinstance(voice, tuple) and len(voice) == 2:
        wav, text = voice
        if not isinstance(text, str) or not text.strip():
            raise ValueError("voice cloning needs the transcript of the prompt audio (prompt_text)")
        if isinstance(wav, (str, os.PathLike)):
            if not Path(wav).is_file():
                raise FileNotFoundError(f"prompt audio not found: {wav}")
            wav_key = (str(Path(wav).resolve()), Path(wav).stat().st_mtime)
        else:
            samples, sr = wav
            wav_key = (hash(np.asarray(samples).tobytes()), sr)
        voices = _VOICES.setdefault(model, {})
        key = ("prompt", wav_key, text)
        if key not in voices:
            voices[key] = model.build_voice(wav if not isinstance(wav, os.PathLike) else str(wav), text)
        return voices[key]
    raise TypeError("voice must be a Voice, a saved voice file, or (prompt_wav, prompt_text)")


class VoxCPMBackend(Backend):
    """Continuous batching of the document: up to max_batch utterances are generated
    together and, as one ends, the next joins the running batch (model.generate_many).
    first_batch: how many run until the first one ends (the ramp; None: the model's
    default, synth.voxcpm.generation.FIRST_BATCH)."""

    name = "voxcpm"

    def __init__(self, model, voice=None, *, max_batch: int = DEFAULT_BATCH,
                 first_batch: int | None = None, precision: str | None = None, **gen):
        if isinstance(model, (str, os.PathLike)):
            self.model = load(model, precision)
        elif precision is not None:
            raise ValueError("precision applies when a checkpoint is loaded (model= a directory "
                             "or hub id), not to a model object already loaded")
        else:
            self.model = model
        self.sample_rate = int(self.model.sample_rate)
        self.voice = resolve_voice(self.model, voice)
        self.gen = gen  # cfg_value, inference_timesteps, min_len, max_len, retry_badcase ...
        self.max_batch = max(1, int(max_batch))
        if first_batch is not None:
            self.gen["first_batch"] = max(1, int(first_batch))

    def synthesize(self, utterances: Iterable, seed: int | None) -> Iterator[tuple[int, np.ndarray, bool]]:
        """One piece per patch of every live utterance (model.generate_many(stream=True)):
        the utterance being played is heard one patch after it starts."""
        pulled = []

        def texts():
            # The text goes to the model as the frontend wrote it: phoneme braces and a
            # leading control prefix such as (粤语) are model input.
            for utt in utterances:
                pulled.append(utt)
                yield utt.text

        try:
            for k, samples, final in self.model.generate_many(
                    texts(), voice=self.voice, seeds=seed, max_batch=self.max_batch, stream=True,
                    **self.gen):
                yield k, np.asarray(samples, np.float32).reshape(-1), final
        except ValueError as e:
            k = getattr(e, "index", None)  # synth.voxcpm.model.TextError names the text
            if not isinstance(k, int) or not 0 <= k < len(pulled):
                raise
            span = getattr(pulled[k], "span", None)
            where = f", characters {span[0]}-{span[1]} of the input" if span else ""
            raise BackendError(f"voxcpm cannot read utterance {k + 1}{where}: "
                               f"{getattr(e, 'reason', e)} ({pulled[k].text[:60]!r})") from e

"""voxread's synthesis half: speak(), stream(), load_model().

Imports are lazy so `import synth` stays cheap (torch loads only when a model does).
"""
from __future__ import annotations

__all__ = ["speak", "stream", "load_model", "Audio"]


def load_model(path_or_id, device=None, dtype=None, quantize=None):
    """Load a VoxCPM checkpoint directory or hub id (e.g. openbmb/VoxCPM-0.5B).
    quantize="int8": opt-in CPU int8 matmuls (see synth.voxcpm.load_model)."""
    from .voxcpm import load_model as _load
    return _load(path_or_id, device=device, dtype=dtype, quantize=quantize)


# Imported eagerly (numpy only, no torch): loading the submodule synth.speak lazily would
# rebind the package attribute `speak` to the module and break synth.speak("...").
from .speak import speak, stream  # noqa: E402


def __getattr__(name):
    if name == "Audio":
        from .audio import Audio
        return Audio
    raise AttributeError(name)

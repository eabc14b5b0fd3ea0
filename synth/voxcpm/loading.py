"""Finding checkpoint files and reading them safely and strictly.

* safetensors, or torch pickles through torch.load(weights_only=True) only;
* every key of the module must be in the file and every key of the file must be used,
  with matching shapes; otherwise one error lists what is missing/unexpected;
* a hub id resolves the local Hugging Face or ModelScope cache, else downloads through
  huggingface_hub when it is installed and online, else says how to get the files.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import torch

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
MODEL_FILES = ("model.safetensors", "pytorch_model.bin")
VAE_FILES = ("audiovae.safetensors", "audiovae.pth")
NEEDED = ("config.json", "tokenizer.json")


class CheckpointError(ValueError):
    pass


def first_existing(directory: Path, names) -> Path:
    for n in names:
        if (directory / n).is_file():
            return directory / n
    raise CheckpointError(f"{directory}: no {' or '.join(names)} in the checkpoint directory")


_SAFETENSORS_DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16,
                       "BF16": torch.bfloat16, "I64": torch.int64, "I32": torch.int32,
                       "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """A .safetensors file read tensor by tensor into ordinary memory.

    safetensors' own loader maps the file: the weights then stay file-backed pages for as long
    as any tensor of the file lives, and every copy made at load (fused projections, packed
    oneDNN weights) comes on top of them: 1.97x the weights' size in RSS for the full-size
    model instead of ~1x.  The format is a little-endian u64 header length, a JSON header
    {name: {dtype, shape, data_offsets}}, then the data."""
    import json
    import math
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        f.seek(0)
        n = int.from_bytes(f.read(8), "little")
        if not 2 <= n <= size - 8:
            raise ValueError(f"header length {n} does not fit a file of {size} bytes")
        header = json.loads(f.read(n))
        base = 8 + n
        out = {}
        for name, info in header.items():
            if name == "__metadata__":
                continue
            dtype = _SAFETENSORS_DTYPES.get(info.get("dtype"))
            if dtype is None:
                raise ValueError(f"{name}: unsupported dtype {info.get('dtype')!r}")
            shape, (begin, end) = info["shape"], info["data_offsets"]
            t = torch.empty(shape, dtype=dtype)
            if end - begin != math.prod(shape) * t.element_size() or base + end > size:
                raise ValueError(f"{name}: data offsets {begin}-{end} do not match shape {shape} "
                                 f"or run past the end of the file")
            f.seek(base + begin)
            if t.numel() and f.readinto(memoryview(t.view(-1).view(torch.uint8).numpy())) != end - begin:
                raise ValueError(f"{name}: file ends inside the tensor")
            out[name] = t
    return out


def read_tensors(path: Path) -> dict[str, torch.Tensor]:
    """A flat name -> tensor dict from .safetensors or a weights-only torch pickle."""
    path = Path(path)
    try:
        if path.suffix == ".safetensors":
            sd = read_safetensors(path)
        else:
            try:  # mmap keeps peak memory near one copy; legacy (non-zip) pickles cannot mmap
                sd = torch.load(str(path), map_location="cpu", weights_only=True, mmap=True)
            except RuntimeError as e:
                if "mmap" not in str(e):
                    raise
                sd = torch.load(str(path), map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise CheckpointError(f"{path}: file not found") from None
    except Exception as e:  # truncated zip, bad header, pickle refused by weights_only, ...
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise CheckpointError(f"{path}: cannot read weights (corrupt, truncated or not a "
                              f"weights file: {msg[:200]})") from None
    if isinstance(sd, dict) and isinstance(sd.get("state_dict"), dict):
        sd = sd["state_dict"]
    if not isinstance(sd, dict) or not all(isinstance(v, torch.Tensor) for v in sd.values()):
        raise CheckpointError(f"{path}: expected a dict of tensors (a state dict)")
    return sd


def _listing(names, limit=10) -> str:
    names = sorted(names)
    more = f" ... (+{len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def check_keys(expected: dict[str, tuple], found: dict[str, torch.Tensor], path: Path):
    """expected: name -> shape.  Raises one error that names the file and every problem."""
    missing = set(expected) - set(found)
    unexpected = set(found) - set(expected)
    wrong = [f"{k} {tuple(found[k].shape)} (expected {tuple(expected[k])})"
             for k in sorted(set(expected) & set(found)) if tuple(found[k].shape) != tuple(expected[k])]
    problems = []
    if missing:
        problems.append(f"{len(missing)} missing key(s): {_listing(missing)}")
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected key(s): {_listing(unexpected)}")
    if wrong:
        problems.append(f"{len(wrong)} shape mismatch(es): {_listing(wrong, 5)}")
    if problems:
        raise CheckpointError(f"{path}: does not match config.json: " + "; ".join(problems))


def load_module_strict(module: torch.nn.Module, path: Path, device, dtype):
    """Read `path` into a module built on the meta device, converting tensor by tensor
    so that peak memory stays near one copy of the weights."""
    sd = read_tensors(path)
    expected = {k: tuple(v.shape) for k, v in module.state_dict().items()}
    check_keys(expected, sd, path)
    for k in list(sd):
        t = sd[k]
        sd[k] = t.to(device=device, dtype=dtype if t.is_floating_point() else t.dtype)
        del t  # the file's copy of this tensor can go now
    module.load_state_dict(sd, strict=True, assign=True)


# -- hub ids -----------------------------------------------------------------------------
def _complete(d: Path) -> bool:
    return all((d / n).is_file() for n in NEEDED) and \
        any((d / n).is_file() for n in MODEL_FILES) and any((d / n).is_file() for n in VAE_FILES)


def _hf_cache_dirs():
    if os.environ.get("HF_HUB_CACHE"):
        yield Path(os.environ["HF_HUB_CACHE"])
    if os.environ.get("HF_HOME"):
        yield Path(os.environ["HF_HOME"]) / "hub"
    if os.environ.get("HUGGINGFACE_HUB_CACHE"):
        yield Path(os.environ["HUGGINGFACE_HUB_CACHE"])
    yield Path.home() / ".cache" / "huggingface" / "hub"


def _ms_cache_dirs():
    if os.environ.get("MODELSCOPE_CACHE"):
        root = Path(os.environ["MODELSCOPE_CACHE"])
        yield root / "models"
        yield root / "hub" / "models"
        yield root / "hub"
        yield root
    root = Path.home() / ".cache" / "modelscope" / "hub"
    yield root / "models"
    yield root


def _ci_child(parent: Path, name: str):
    """Child directory matching `name` case-insensitively (hub orgs differ in case)."""
    if not parent.is_dir():
        return None
    for c in parent.iterdir():
        if c.is_dir() and c.name.lower() == name.lower():
            return c
    return None


def find_in_caches(repo_id: str) -> Path | None:
    org, name = repo_id.split("/")
    for root in _hf_cache_dirs():
        repo = _ci_child(root, f"models--{org}--{name}")
        if repo is None:
            continue
        snaps = repo / "snapshots"
        ref = repo / "refs" / "main"
        order = []
        if ref.is_file():
            order.append(snaps / ref.read_text().strip())
        if snaps.is_dir():
            order += sorted(snaps.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for d in order:
            if _complete(d):
                return d
    for root in _ms_cache_dirs():
        org_dir = _ci_child(root, org)
        if org_dir is None:
            continue
        # ModelScope stores dots in names as "___" (VoxCPM-0.5B -> VoxCPM-0___5B).
        for n in (name, name.replace(".", "___")):
            d = _ci_child(org_dir, n)
            if d is not None and _complete(d):
                return d
    return None


def how_to_get(repo_id: str) -> str:
    return (f"get the files with `pip install huggingface_hub && huggingface-cli download {repo_id} "
            f"--local-dir ./{repo_id.split('/')[1]}` (or `modelscope download --model {repo_id} "
            f"--local_dir ./{repo_id.split('/')[1]}`) on a machine with internet, then pass that "
            "directory to load_model")


def resolve(path_or_id) -> Path:
    """A checkpoint directory for a local path or a hub id."""
    p = Path(os.path.expanduser(str(path_or_id)))
    if p.is_dir():
        return p
    if p.exists():
        raise CheckpointError(f"{p}: expected a checkpoint directory (config.json, model weights, "
                              "audiovae weights, tokenizer.json), got a file")
    s = str(path_or_id)
    if not HUB_ID.match(s) or s.startswith((".", "/", "~")):
        raise CheckpointError(f"{s}: no such checkpoint directory")
    cached = find_in_caches(s)
    if cached is not None:
        return cached
    try:
        import huggingface_hub
    except ImportError:
        raise CheckpointError(f"{s}: not a local directory, not in the Hugging Face or ModelScope "
                              f"cache, and huggingface_hub is not installed; {how_to_get(s)}") from None
    try:
        d = huggingface_hub.snapshot_download(
            s, allow_patterns=["*.json", "*.safetensors", "*.bin", "*.pth"])
    except Exception as e:
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise CheckpointError(f"{s}: not a local directory, not in the Hugging Face or ModelScope "
                              f"cache, and the download failed ({msg[:160]}); {how_to_get(s)}") from None
    return Path(d)

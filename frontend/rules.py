"""Rule files: YAML that says how things are read ("code parses, YAML speaks").

Shipped rules live in `rules/<lang>/<name>.yaml`; a user may add an extra directory with
the same layout (`set_rules_dir()` or the VOXREAD_RULES environment variable) whose files
override the shipped ones key by key. Every string loaded remembers its line, so a
consumer that finds a bad value can name file and line.
"""
from __future__ import annotations

import functools
import os
import string
from pathlib import Path
from typing import Any, Iterable

import yaml


class RuleError(ValueError):
    """A rule file is malformed. The message starts with `file:line:`."""


class LineStr(str):
    """A str that remembers where it was written."""
    path: str = "?"
    line: int = 0


class _LineMap(dict):
    path: str = "?"
    line: int = 0
    key_lines: dict


class _Loader(yaml.SafeLoader):
    pass


def _construct_str(loader: _Loader, node: yaml.Node) -> LineStr:
    s = LineStr(loader.construct_scalar(node))
    s.path, s.line = loader.name, node.start_mark.line + 1
    return s


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _LineMap:
    m = _LineMap()
    m.path, m.line, m.key_lines = loader.name, node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in m:
            raise RuleError(f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
        m[key] = loader.construct_object(value_node, deep=True)
        m.key_lines[key] = key_node.start_mark.line + 1
    return m


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file keeping line numbers; syntax errors become RuleError(file:line)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        raise RuleError(f"{path}:{line}: invalid YAML: {e.problem or e}") from None
    finally:
        loader.dispose()


def line_of(node: Any, key: Any = None) -> str:
    """'file:line' for a loaded node (or for one key of a loaded mapping)."""
    if isinstance(node, _LineMap):
        return f"{node.path}:{node.key_lines.get(key, node.line) if key is not None else node.line}"
    return f"{getattr(node, 'path', '?')}:{getattr(node, 'line', 0)}"


def fail(node: Any, message: str, key: Any = None) -> RuleError:
    return RuleError(f"{line_of(node, key)}: {message}")


def check_keys(mapping: Any, allowed: Iterable[str], what: str) -> None:
    """Reject keys a consumer does not know (typos must not be silently ignored)."""
    if not isinstance(mapping, dict):
        raise fail(mapping, f"{what} must be a mapping")
    allowed = set(allowed)
    for key in mapping:
        if key not in allowed:
            raise fail(mapping, f"unknown key {key!r} in {what}; expected one of {sorted(allowed)}", key)


class Template:
    """A reading template like '{den}分之{num}': slots are checked when the rule is loaded."""

    def __init__(self, source: str, slots: Iterable[str]):
        self.source = source
        self.where = line_of(source)
        allowed = set(slots)
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(source) if f is not None]
        except ValueError as e:
            raise RuleError(f"{self.where}: malformed template {source!r}: {e}") from None
        for name in names:
            if name not in allowed:
                raise RuleError(f"{self.where}: template {source!r} names slot {{{name}}}; "
                                f"this rule has {sorted(allowed) or 'no slots'}")
        self.slots = tuple(names)

    def __call__(self, **values: str) -> str:
        return self.source.format(**values)

    def __repr__(self) -> str:
        return f"Template({self.source!r})"


def template(node: Any, slots: Iterable[str] = ()) -> Template:
    if not isinstance(node, str):
        raise fail(node, f"expected a template string, got {type(node).__name__}")
    return Template(node, slots)


# ---- locating rule files -------------------------------------------------------------

_extra_dir: Path | None = None


def data_root() -> Path:
    """Directory that holds rules/ and lexicons/: inside the wheel, or the source checkout."""
    packaged = Path(__file__).parent / "_data"
    if (packaged / "rules").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def set_rules_dir(path: str | Path | None) -> None:
    """Use an extra rules directory (same layout as rules/) that overrides the shipped rules."""
    global _extra_dir
    if path is not None and not Path(path).is_dir():
        raise RuleError(f"{path}: rules directory does not exist")
    _extra_dir = Path(path) if path is not None else None
    load.cache_clear()
    for cache in _compiled_caches:
        cache.cache_clear()


_compiled_caches: list = []


def compiled(fn):
    """Cache a function that compiles rule files; the cache is dropped when the rules dir changes."""
    cached = functools.lru_cache(maxsize=None)(fn)
    _compiled_caches.append(cached)
    return cached


def _override_dirs() -> list[Path]:
    dirs = []
    env = os.environ.get("VOXREAD_RULES")
    if env:
        dirs.append(Path(env))
    if _extra_dir is not None:
        dirs.append(_extra_dir)
    return dirs


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        merged = _LineMap(base)
        merged.path, merged.line = getattr(base, "path", "?"), getattr(base, "line", 0)
        merged.key_lines = dict(getattr(base, "key_lines", {}))
        for k, v in over.items():
            merged[k] = _merge(base[k], v) if k in base else v
            merged.key_lines[k] = getattr(over, "key_lines", {}).get(k, 0)
        return merged
    return over


@functools.lru_cache(maxsize=None)
def load(lang: str, name: str) -> Any:
    """Load rules/<lang>/<name>.yaml, merged with any override directory's copy."""
    path = data_root() / "rules" / lang / f"{name}.yaml"
    data = load_yaml(path) if path.exists() else None
    for d in _override_dirs():
        extra = d / lang / f"{name}.yaml"
        if extra.exists():
            data = _merge(data, load_yaml(extra)) if data is not None else load_yaml(extra)
    if data is None:
        raise RuleError(f"{path}: rule file not found")
    return data

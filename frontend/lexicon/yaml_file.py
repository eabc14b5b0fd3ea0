"""Lexicon files in YAML (docs/pronunciation-control.md): sections zh / yue / en and `entries:`."""
from __future__ import annotations

from pathlib import Path

from ..errors import LexiconError
from ..rules import RuleError, load_yaml
from .entry import SECTIONS, Entry, entries_from_flat, make_entry

_TOP_KEYS = ("version", *SECTIONS, "entries")
_ENTRY_KEYS = ("text", *SECTIONS, "match", "case_sensitive", "note")


def _line(node, default: int = 0) -> int:
    return getattr(node, "line", default)


def load_yaml_lexicon(path: str | Path, priority: int, display: str | None = None) -> list[Entry]:
    """Parse and validate one YAML lexicon file; every problem names file and line."""
    display = display or str(path)
    try:
        data = load_yaml(path)
    except RuleError as e:
        raise LexiconError(str(e).replace(str(path), display, 1)) from None
    except OSError as e:
        raise LexiconError(f"{display}: cannot read lexicon: {e.strerror}") from None
    return entries_from_data(data, display, priority)


def entries_from_data(data, display: str, priority: int) -> list[Entry]:
    """Entries from a loaded mapping in the file form ({zh: {...}, en: {...}, entries: [...]})."""
    if data is None:
        raise LexiconError(f"{display}:1: lexicon is empty; expected sections zh:, yue:, en: or entries:")
    if not isinstance(data, dict):
        raise LexiconError(f"{display}:{_line(data, 1)}: a lexicon is a mapping with sections "
                           f"zh:, yue:, en: or entries:, not a {type(data).__name__}")
    key_lines = getattr(data, "key_lines", {})
    for key in data:
        if key not in _TOP_KEYS:
            raise LexiconError(f"{display}:{key_lines.get(key, 0)}: unknown section {key!r}; "
                               f"expected one of {', '.join(_TOP_KEYS)}")
    if "version" in data and str(data["version"]) != "1":
        raise LexiconError(f"{display}:{key_lines.get('version', 0)}: unsupported lexicon version "
                           f"{data['version']!r} (this reader knows version 1)")
    out: list[Entry] = []
    for section in SECTIONS:
        body = data.get(section)
        if body is None:
            continue
        if not isinstance(body, dict):
            raise LexiconError(f"{display}:{key_lines.get(section, 0)}: section {section}: must map "
                               f"words to pronunciations (word: pronunciation)")
        lines = getattr(body, "key_lines", {})
        for key, value in body.items():
            where = f"{display}:{lines.get(key, 0)}"
            if not isinstance(key, str):
                raise LexiconError(f"{where}: key {key!r} must be a word (quote numbers and yes/no)")
            out.append(make_entry(key, value if isinstance(value, str) else _not_str(where, key, value),
                                  section, where, priority=priority))
    entries = data.get("entries")
    if entries is not None:
        if not isinstance(entries, list):
            raise LexiconError(f"{display}:{key_lines.get('entries', 0)}: entries: must be a list of "
                               f"mappings (- text: ..., zh: ...)")
        for item in entries:
            out.append(_long_entry(item, display, priority))
    return out


def _not_str(where: str, key, value):
    raise LexiconError(f"{where}: {key}: pronunciation must be a string, got {value!r}")


def _long_entry(item, display: str, priority: int) -> Entry:
    where = f"{display}:{_line(item)}"
    if not isinstance(item, dict):
        raise LexiconError(f"{where}: each item of entries: must be a mapping with text: and zh:/yue:/en:")
    lines = getattr(item, "key_lines", {})
    for key in item:
        if key not in _ENTRY_KEYS:
            raise LexiconError(f"{display}:{lines.get(key, 0)}: unknown option {key!r}; expected one of "
                               f"{', '.join(_ENTRY_KEYS)}")
    if "text" not in item:
        raise LexiconError(f"{where}: entry has no text: (the word to match)")
    given = [s for s in SECTIONS if s in item]
    if len(given) != 1:
        raise LexiconError(f"{where}: entry {item['text']!r} needs exactly one of zh:, yue:, en: "
                           f"(got {given or 'none'})")
    section = given[0]
    match = item.get("match", "word")
    if match not in ("word", "any"):
        raise LexiconError(f"{display}:{lines.get('match', 0)}: match: must be 'word' or 'any', not {match!r}")
    case_sensitive = item.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        raise LexiconError(f"{display}:{lines.get('case_sensitive', 0)}: case_sensitive: must be true or false")
    value = item[section]
    if not isinstance(value, str):
        _not_str(f"{display}:{lines.get(section, 0)}", item["text"], value)
    return make_entry(str(item["text"]), value, section, f"{display}:{lines.get(section, _line(item))}",
                      priority=priority, match_any=match == "any", case_sensitive=case_sensitive)


def entries_from_dict(spec: dict, priority: int, where: str = "<call>") -> list[Entry]:
    """lexicon={...} of a call: the flat {word: pronunciation} form or the file form."""
    if spec and all(k in _TOP_KEYS for k in spec) and any(isinstance(v, (dict, list)) for v in spec.values()):
        return entries_from_data(spec, where, priority)
    out: list[Entry] = []
    for key, value in spec.items():
        out.extend(entries_from_flat(key, value, where, priority))
    return out

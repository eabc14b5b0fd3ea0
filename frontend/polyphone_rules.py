"""Loading the polyphone data: the shipped lexicon and the context rules ("YAML speaks").

lexicons/polyphones*.yaml   words and phrases with their reading, one pinyin syllable per character
rules/zh/polyphone.yaml     character sets, context rules and the bracing policy

Everything is validated when loaded; a bad entry is a RuleError naming file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import regex

from . import rules
from .rules import RuleError, check_keys, fail, line_of

_HAN = regex.compile(r"^\p{Han}+$")
_TONE_MARKS = {"ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
               "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
               "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
               "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
               "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
               "ǖ": ("v", 1), "ǘ": ("v", 2), "ǚ": ("v", 3), "ǜ": ("v", 4), "ü": ("v", 0),
               "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2)}


def _syllable_inventory() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (its dictionary is the inventory we can check against)."""
    from pypinyin.constants import PINYIN_DICT
    # ~41 000 characters share a few thousand distinct readings: normalise each one once (this
    # runs in the first polyphone lookup of a process, so it is part of the first audio's wait).
    distinct = {r for readings in PINYIN_DICT.values() for r in readings.split(",")}
    out = set()
    for r in distinct:
        try:
            out.add(normalize_syllable(r, check=False)[:-1])
        except ValueError:  # a handful of interjections written with combining marks (m̀)
            continue
    return frozenset(out)


def normalize_syllable(syl: str, check: bool = True) -> str:
    """'xíng' / 'xing2' / 'lü4' / 'lv4' / 'de' -> tone3 with 5 for neutral and v for ü."""
    s = syl.strip().lower().replace("u:", "v")
    tone = 0
    base = []
    for ch in s:
        if ch in _TONE_MARKS:
            letter, t = _TONE_MARKS[ch]
            base.append(letter)
            tone = t or tone
        else:
            base.append(ch)
    s = "".join(base)
    m = re.fullmatch(r"([a-z]+)([1-5])?", s)
    if not m:
        raise ValueError(f"not a pinyin syllable: {syl!r}")
    letters, digit = m.group(1), m.group(2)
    if digit and tone:
        raise ValueError(f"pinyin {syl!r} has both a tone mark and a tone digit")
    tone = int(digit) if digit else (tone or 5)
    if check and letters not in syllables():
        raise ValueError(f"unknown pinyin syllable {syl!r}")
    return f"{letters}{tone}"


_INVENTORY: frozenset[str] | None = None


def syllables() -> frozenset[str]:
    global _INVENTORY
    if _INVENTORY is None:
        _INVENTORY = _syllable_inventory()
    return _INVENTORY


@dataclass(frozen=True)
class Entry:
    word: str
    readings: tuple[str, ...]
    where: str  # "polyphones.yaml:12"


@dataclass(frozen=True)
class Rule:
    name: str
    char: str
    reading: str
    left: regex.Pattern | None  # must match the text just before the character (anchored at its end)
    right: regex.Pattern | None  # must match the text just after it (anchored at its start)
    not_left: regex.Pattern | None
    not_right: regex.Pattern | None
    in_words: bool  # may also override a reading that came from a multi-character phrase
    where: str
    # may even override a word of our lexicon: 空|着手 is 空着 + 手, not 着手 zhuo2 "set about"
    over_lexicon: bool = False


@dataclass(frozen=True)
class Policy:
    never_brace: frozenset[str]  # characters left to the model (一/不 tone sandhi)
    neutral_counts: frozenset[str]  # characters whose neutral tone is a reading of its own (得 de5)
    brace_only: frozenset[str]  # the risky polyphones: no other character is ever braced


def _short(where: str) -> str:
    path, _, line = where.rpartition(":")
    return f"{Path(path).name}:{line}"


def load_lexicon(path: Path) -> dict[str, Entry]:
    """A polyphone lexicon: `zh: {word: "py1 py2"}`; one syllable per Han character."""
    data = rules.load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a polyphone lexicon is a mapping with a `zh:` section")
    check_keys(data, ("version", "zh"), f"polyphone lexicon {path.name}")
    section = data.get("zh") or {}
    if not isinstance(section, dict):
        raise fail(section, "`zh:` must map words to pinyin")
    out: dict[str, Entry] = {}
    for word, value in section.items():
        where = line_of(section, word)
        if not isinstance(word, str) or not _HAN.match(word):
            raise RuleError(f"{where}: key {word!r} must be Han characters only")
        if not isinstance(value, str):
            raise RuleError(f"{where}: {word}: expected pinyin syllables as a string, got {value!r}")
        try:
            sylls = tuple(normalize_syllable(s) for s in value.split())
        except ValueError as e:
            raise RuleError(f"{where}: {word}: {e}") from None
        if len(sylls) != len(word):
            raise RuleError(f"{where}: {word}: {len(word)} characters but {len(sylls)} syllables ({value!r})")
        out[word] = Entry(word, sylls, _short(where))
    return out


def _expand(pattern: str, sets: dict[str, str], where: str) -> str:
    """`@NAME` in a pattern is replaced by the named set: a character class or an alternation."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in sets:
            raise RuleError(f"{where}: unknown set @{name}; defined: {sorted(sets)}")
        return sets[name]
    return re.sub(r"@([A-Z_][A-Z0-9_]*)", sub, pattern)


def _compile_sets(raw: dict) -> dict[str, str]:
    """A set is either a string of single characters or a list of words (longest first)."""
    sets: dict[str, str] = {}
    for name, value in raw.items():
        where = line_of(raw, name)
        if not re.fullmatch(r"[A-Z_][A-Z0-9_]*", str(name)):
            raise RuleError(f"{where}: set names are UPPER_CASE, not {name!r}")
        if isinstance(value, str):
            chars = "".join(value.split())
            sets[name] = "[" + regex.escape(chars) + "]"
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            words = sorted({v.strip() for v in value if v.strip()}, key=len, reverse=True)
            sets[name] = "(?:" + "|".join(regex.escape(w) for w in words) + ")"
        else:
            raise RuleError(f"{where}: set {name} must be a string of characters or a list of words")
    return sets


def _pattern(node, sets: dict[str, str], where: str, anchor: str):
    if node is None:
        return None
    if not isinstance(node, str):
        raise RuleError(f"{where}: a context pattern must be a string, got {node!r}")
    src = _expand(node, sets, where)
    src = f"(?:{src})$" if anchor == "end" else f"^(?:{src})"
    try:
        return regex.compile(src)
    except regex.error as e:
        raise RuleError(f"{where}: bad pattern {node!r}: {e}") from None


_RULE_KEYS = ("name", "char", "reading", "left", "right", "not_left", "not_right", "in_words", "over_lexicon", "note")


def load_rules(data) -> tuple[list[Rule], Policy]:
    check_keys(data, ("sets", "rules", "never_brace", "neutral_counts", "brace_only"), "polyphone rules")
    sets = _compile_sets(data.get("sets") or {})
    out: list[Rule] = []
    names = set()
    for node in data.get("rules") or []:
        where = line_of(node)
        check_keys(node, _RULE_KEYS, "a polyphone rule")
        for key in ("name", "char", "reading"):
            if key not in node:
                raise RuleError(f"{where}: polyphone rule needs `{key}`")
        name, char = str(node["name"]), str(node["char"])
        if name in names:
            raise RuleError(f"{where}: duplicate rule name {name!r}")
        names.add(name)
        if len(char) != 1 or not _HAN.match(char):
            raise RuleError(f"{where}: rule {name}: `char` must be one Han character, not {char!r}")
        try:
            reading = normalize_syllable(str(node["reading"]))
        except ValueError as e:
            raise RuleError(f"{where}: rule {name}: {e}") from None
        if not any(k in node for k in ("left", "right")):
            raise RuleError(f"{where}: rule {name} needs a `left` or `right` context")
        out.append(Rule(name, char, reading,
                        _pattern(node.get("left"), sets, where, "end"),
                        _pattern(node.get("right"), sets, where, "start"),
                        _pattern(node.get("not_left"), sets, where, "end"),
                        _pattern(node.get("not_right"), sets, where, "start"),
                        bool(node.get("in_words", False)), _short(where),
                        bool(node.get("over_lexicon", False))))
    policy = Policy(frozenset("".join(data.get("never_brace") or "")),
                    frozenset("".join(data.get("neutral_counts") or "")),
                    frozenset("".join(data.get("brace_only") or "")))
    return out, policy


def lexicon_paths() -> list[Path]:
    """lexicons/polyphones.yaml first, then any polyphones_*.yaml (later files win)."""
    root = rules.data_root() / "lexicons"
    main = root / "polyphones.yaml"
    extra = sorted(p for p in root.glob("polyphones_*.yaml"))
    return ([main] if main.exists() else []) + extra

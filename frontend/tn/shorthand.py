"""Magnitude shorthand of chat and job posts: 3k 三千 / three thousand, 50w 五十万, 2.5k 两千五百.

k (thousand) and, in Mandarin, w (万, from wan) glued to a number. The letter stays a letter where
it names something else: a display or run word after a small K (4K电视, a 5k run: the letter, as
measure.py reads it), a power word around a w (功率1500w: watts). Cue words are data in
rules/<lang>/numbers.yaml: shorthand_letter_after, shorthand_letter_before, watt_cues.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..pieces import Match
from .common import cardinal, words
from .measure import read_measure

RULE = "number.shorthand"

# (?<![\w.]) keeps a failed try at one place (no retry inside a digit run); the letter ends the word
_SHORT = re.compile(r"(?a)(?<![\w.,])(?P<num>\d{1,4}(?:\.\d{1,2})?)(?P<unit>[kKwW])(?![A-Za-z0-9])")


def _cue_after(text: str, end: int, cues: list[str]) -> bool:
    rest = text[end:end + 16].lstrip().lower()
    return any(rest.startswith(w.lower()) and not (w[-1].isascii() and rest[len(w):len(w) + 1].isalpha())
               for w in cues)


def _cue_before(text: str, start: int, cues: list[str]) -> bool:
    head = text[max(0, start - 16):start].rstrip().lower()
    return any(head.endswith(w.lower()) and not (w[0].isascii() and head[-len(w) - 1:-len(w)].isalpha())
               for w in cues)


def _clause_before(text: str, start: int) -> str:
    head = text[max(0, start - 30):start]
    for mark in "，。；！？,;!?\n":
        head = head.rsplit(mark, 1)[-1]
    return head


# English 1.2M / 5M users / 3.2bn: million, billion (3M the company, a 7B model: letters)
_MAGNITUDE = re.compile(r"(?a)(?<![\w.,$€£¥])(?P<num>\d{1,4}(?:\.\d{1,2})?)(?P<unit>M|mn|bn)(?![A-Za-z0-9])")
_COUNT_CUE = re.compile(r"(?i)\b(?:about|over|nearly|almost|than|of|from|to|has|have|had|with|reached|hit|around|"
                        r"by|some|roughly|approximately)\s+$")
_MAGNITUDE_WORDS = {"M": "million", "mn": "million", "bn": "billion"}


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "en":
        for m in _MAGNITUDE.finditer(text):
            if m.group("unit") == "M" and "." not in m.group("num") and not _COUNT_CUE.search(text, 0, m.start()):
                continue  # 3M makes tape: perhaps a name; 1.2M, has 5M users: a count
            yield Match(m.start(), m.end(), cardinal(m.group("num"), lang) + " " + _MAGNITUDE_WORDS[m.group("unit")],
                        RULE + ".magnitude")
        nouns = words(lang, "million_nouns")
        if nouns:  # 1.8m units, 2m people: a lower-case m before a counted noun is million, not metres
            for m in re.finditer(r"(?a)(?<![\w.,$€£¥])(\d{1,4}(?:\.\d{1,2})?)m(?= (?:" + "|".join(map(re.escape, nouns))
                                 + r")\b)", text):
                yield Match(m.start(), m.end(), cardinal(m.group(1), lang) + " million", RULE + ".magnitude")
    letter_after = words(lang, "shorthand_letter_after")
    letter_before = words(lang, "shorthand_letter_before")
    for m in _SHORT.finditer(text):
        num, unit = m.group("num"), m.group("unit")
        nxt = text[m.end():m.end() + 1]
        if nxt and (nxt.isalpha() and not "\u3400" <= nxt <= "\u9fff" or nxt in "°℃℉'\"²³"):
            continue  # 10kΩ, 5kW·h: a unit: kilo-, not a shorthand
        if _cue_after(text, m.end(), letter_after) or _cue_before(text, m.start(), letter_before):
            continue  # 4K电视, a 5k run: the letter
        if unit in "wW":
            if lang == "en" or unit == "W":
                continue  # 1500W is watts (measure); English has no 万
            clause = _clause_before(text, m.start())
            if any(w in clause for w in words(lang, "watt_cues")) or _cue_after(text, m.end(), words(lang, "watt_cues")):
                # 功率1500w, 65w快充: watts, the reading of the W that measure.py knows
                watts = read_measure(num, "W", lang)
                if watts:
                    yield Match(m.start(), m.end(), watts, RULE + ".watt")
                continue
            yield Match(m.start(), m.end(), cardinal(num, lang, liang=True) + "万", RULE)
            continue
        counted = words(lang, "million_nouns")  # none in Chinese: an empty alternation would match " 60"
        if unit == "K" and "." not in num and len(num) <= 1 and not (counted and re.match(
                r" (?:" + "|".join(map(re.escape, counted)) + r")\b", text[m.end():])):
            continue  # 4K, 8K: measure.py reads the letter (1K tokens: a count)
        if lang == "en":
            yield Match(m.start(), m.end(), cardinal(num, lang) + " thousand", RULE)
            continue
        value = Decimal(num) * 1000  # 2.5k 两千五百: said as the whole number it stands for (两 before 千)
        if value == value.to_integral():
            spoken = cardinal(str(int(value)), lang, liang=True)
        else:
            spoken = cardinal(num, lang) + "千"
        yield Match(m.start(), m.end(), spoken, RULE)

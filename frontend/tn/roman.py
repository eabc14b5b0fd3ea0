"""Roman numerals, only in context: Chapter IV (chapter four), World War II (two), Henry VIII
(Henry the eighth); never the pronoun I. Unicode numerals (Ⅱ, Ⅻ) are always numbers."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from ..rules import compiled
from .common import alternation, cardinal, numbers_rules

RULE = "number.roman"
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_VALID = re.compile(r"(?a)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.A)
_PRONOUN_NEXT = re.compile(r"(?a)['’]|\s+(?:think|know|am|have|had|will|would|can|could|do|did|don|guess|believe|"
                           r"love|want|said|say|told|mean|feel|hope|need|see|saw|went|got|just|really|also)\b")
_UNICODE = {chr(0x2160 + i): i + 1 for i in range(12)} | {chr(0x2170 + i): i + 1 for i in range(12)}
_ZH_ORDINAL = re.compile(r"(?<=第)([IVX]{1,5})(?=[\u4e00-\u9fff])")
_UNICODE_RE = re.compile("[" + "".join(_UNICODE) + "]", re.A)


def roman_value(s: str) -> int | None:
    if not s or not _VALID.fullmatch(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _VALUES[a]
        total += -v if b != " " and _VALUES[b] > v else v
    return total or None


@compiled
def _patterns():
    nr = numbers_rules("en")
    cardinal_cue = re.compile(r"(?a)(?<![\w.])(" + alternation(nr["roman_cardinal_before"]) + r")\s+([IVXLCDM]+)\b(?!['’-])")
    regnal_cue = re.compile(r"(?a)\b(" + alternation(nr["roman_regnal_before"]) + r")\s+([IVXLCDM]+)\b(?!['’-])")
    return cardinal_cue, regnal_cue


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _UNICODE_RE.finditer(text):
        yield Match(m.start(), m.end(), cardinal(str(_UNICODE[m.group(0)]), lang), RULE)
    if lang != "en":
        for m in _ZH_ORDINAL.finditer(text):  # 第II卷, 第IV章: a Roman numeral after 第 is the number
            v = roman_value(m.group(1))
            if v:
                yield Match(m.start(1), m.end(1), cardinal(str(v), lang), RULE + ".ordinal")
    cardinal_cue, regnal_cue = _patterns()  # English cue words, in English or Chinese text (Louis XIV)
    for m in cardinal_cue.finditer(text):
        v = roman_value(m.group(2))
        if v:
            yield Match(m.start(2), m.end(2), cardinal(str(v), lang), RULE)
    for m in regnal_cue.finditer(text):
        v = roman_value(m.group(2))
        if v and (v > 1 or not _PRONOUN_NEXT.match(text, m.end(2))):
            # "Elizabeth I ruled" is a numeral; "John I think" is the pronoun
            if lang == "en":
                spoken = numbers_rules("en")["roman_regnal"].format(ordinal=numerals.en_ordinal(v))
            else:  # 路易十四即Louis XIV: Louis十四世, as a reign number is said in Chinese
                spoken = numbers_rules(lang).get("roman_regnal", "{num}").format(num=cardinal(str(v), lang))
            yield Match(m.start(2), m.end(2), spoken, RULE)

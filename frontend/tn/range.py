"""Ranges: 3~5, 3-5个, 6-12岁, 10~20℃, 10%-20%, 1990-1995 (en). A hyphen between two numbers is a
range only where it reads as one (the first is smaller, or a unit / measure word follows);
otherwise it is left to the cardinal class (x-2 is a minus, never 负)."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled
from .cardinal import read_cardinal
from .common import NUM, alternation, cardinal, sign_allowed, tpl, words
from .measure import TEMPERATURE, read_measure, unit_pattern
from .percent import read_percent
from .time import is_score_context, ratio

RULE = "number.range"


@compiled
def _pattern(lang: str):
    u = unit_pattern(lang)
    # " in" after a space is the preposition (won 3-2 in overtime); "in." or a glued "in" is the inch
    side = r"(?P<s{i}>[-−])?(?P<n{i}>" + NUM + r")(?![\d])(?:(?!\sin\b(?!\.))\s?(?P<u{i}>" + u + r"|[%％‰]))?"
    return re.compile(r"(?a)(?<![\d.,:/])" + side.replace("{i}", "1") + r"\s?(?P<sep>[~～〜\-–—])\s?" + side.replace("{i}", "2") +
                      r"(?![\d.:/]\d|[A-Za-z])", re.A)


@compiled
def _measure_re(lang: str):
    return re.compile(r"(?a)\s?(?:" + alternation(words(lang, "measure_words") + ["岁", "月", "日", "号", "年", "周", "届", "点"]) + ")")


def joiner(lang: str) -> str:
    """The word between the two ends of a range: 到 / to."""
    return tpl(lang, "range")(a="", b="")


def _side(num: str, unit: str | None, neg: bool, lang: str, text: str = "", end: int = 0) -> str:
    if unit in ("%", "％", "‰"):
        return read_percent(num, unit, lang, negative=neg)
    if unit:
        spoken = read_measure(num, unit, lang, negative=neg)
        if spoken is not None:
            return spoken
    # the 两 rule looks at the word after the whole range: 2~3天 -> 两到三天, 200-300人 -> 两百到三百人
    spoken = read_cardinal(num, lang, text, end) if not neg else cardinal(num, lang)
    return tpl(lang, "negative")(num=spoken) if neg else spoken


# K-12, pre-K–8: school grades from kindergarten, said "K through twelve"
_K_GRADES = re.compile(r"(?a)(?<![\w])(pre-)?K\s?[-–]\s?([1-9]|1[0-2])(?![\w-]|\.\d)")


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "en" and "K" in text:
        for m in _K_GRADES.finditer(text):
            yield Match(m.start(), m.end(), (m.group(1) or "") + "K through " + cardinal(m.group(2), lang), RULE + ".grades")
    for m in _pattern(lang).finditer(text):
        a, b, sep = m.group("n1"), m.group("n2"), m.group("sep")
        ua, ub = m.group("u1"), m.group("u2")
        neg_a = bool(m.group("s1")) and sign_allowed(text, m.start())
        if m.group("s1") and not neg_a:
            continue
        neg_b = bool(m.group("s2"))
        if sep in "-–—" and not (ua or ub):
            va, vb = float(a.replace(",", "")), float(b.replace(",", ""))
            cue = _measure_re(lang).match(text, m.end()) is not None
            if not neg_b and is_score_context(text, m.start(), lang):
                yield Match(m.start("n1"), m.end(), ratio([a, b], lang), "number.score")  # 比分3-2, won 3-2
                continue
            if lang == "en" and va == vb and not neg_b and not cue and "." not in a + b:
                yield Match(m.start("n1"), m.end(), cardinal(a, lang) + "-" + cardinal(b, lang), "number.pair")
                continue  # a 50-50 chance: fifty-fifty
            if neg_b or not (va < vb or cue or sep in "–—"):
                continue  # 15-9: a subtraction, not a range (15–9 with an en dash is one: cleanup.py)
        if ua and not ub and ua not in ("%", "％", "‰"):
            ub = ua  # 10℃~20 (rare) reads the unit on both
        if ub and not ua and (ub in ("%", "％", "‰")):
            ua = ub  # 10-20% -> 百分之十到百分之二十
        left = _side(a, ua, neg_a, lang, text, m.end())
        if neg_a and not ua and ub in TEMPERATURE:
            left = tpl(lang, "below_zero")(num=cardinal(a, lang))  # -5~-1℃: 零下五到零下一摄氏度
        right = _side(b, ub, neg_b, lang, text, m.end())
        start = m.start() if neg_a else m.start("n1")
        yield Match(start, m.end(), tpl(lang, "range")(a=left, b=right), RULE)

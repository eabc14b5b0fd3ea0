"""Recurring decimals marked with dots over the repetend's first and last digit (U+0307):
0.3̇ 零点三，三循环; 0.1̇2̇ 零点一二，一二循环; 2.34̇5̇ 二点三四五，四五循环 (textbook reading)."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from .common import cardinal, digits, sign_allowed, tpl

RULE = "number.recurring"
_DOT = "\u0307"
_PATTERN = re.compile(r"(?P<sign>[-−])?(?<![\d.])(?P<int>\d+)\.(?P<pre>\d*?)(?P<rep>\d" + _DOT
                      + r"(?:\d*?\d" + _DOT + r")?)(?![\d" + _DOT + r"])", re.A)


def read_recurring(marked: str, lang: str) -> str | None:
    """'0.1̇2̇' (dots over the repetend's ends) -> 零点一二，一二循环; None if it is not one."""
    m = _PATTERN.fullmatch(marked)
    if m is None or m.group("sign"):
        return None
    return _spoken(m, "en" if lang == "en" else "zh")


def _spoken(m: re.Match, lang: str) -> str:
    rep = m.group("rep").replace(_DOT, "")
    return tpl(lang, "recurring")(num=cardinal(f"{m.group('int')}.{m.group('pre')}{rep}", lang), rep=digits(rep, lang))


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _PATTERN.finditer(text):
        spoken = _spoken(m, lang)
        signed = m.group("sign") is not None and sign_allowed(text, m.start())
        if signed:
            spoken = tpl(lang, "negative")(num=spoken)
        yield Match(m.start() if signed else m.start("int"), m.end(), spoken, RULE)

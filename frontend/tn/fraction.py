"""Fractions of bare digits (11/15 十五分之十一, 1又1/2; 3/4 three quarters). Formulas with letters
are the math reader's; dates with a slash were taken by the date class where they are dates."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from .common import cardinal, sign_allowed, tpl

RULE = "number.fraction"
_FRAC = re.compile(r"(?a)(?P<sign>[-−])?(?<![\w./])(?:(?P<whole>\d+)(?P<join>又|\s(?:and\s)?))?(?P<num>\d+(?:\.\d+)?)/(?P<den>\d+)(?![\w/]|\.\d)")
_EN_SPECIAL = {"2": ("half", "halves"), "4": ("quarter", "quarters")}


def en_fraction(num: str, den: str) -> str:
    if "." in num:
        return f"{cardinal(num, 'en')} out of {cardinal(den, 'en')}"  # rated 4.5/5
    if int(den) == 0 or int(den) > 100 or den.startswith("0"):
        return tpl("en", "fraction")(num=cardinal(num, "en"), den=cardinal(den, "en"))
    if den == "1":
        return cardinal(num, "en") + " over one"
    single, plural = _EN_SPECIAL.get(den, (numerals.en_ordinal(den), numerals.en_ordinal(den) + "s"))
    if num == "1":
        return ("a " if den in _EN_SPECIAL else "one ") + single
    return f"{cardinal(num, 'en')} {plural}"


def zh_fraction(num: str, den: str) -> str:
    return tpl("zh", "fraction")(num=cardinal(num, "zh"), den=cardinal(den, "zh"))


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _FRAC.finditer(text):
        num, den, whole = m.group("num"), m.group("den"), m.group("whole")
        if whole and lang != "en" and m.group("join") != "又":
            whole = None  # "3 1/2" in Chinese text: only 又 joins a mixed number
        frac = en_fraction(num, den) if lang == "en" else zh_fraction(num, den)
        if whole:
            frac = tpl(lang, "mixed_fraction")(whole=cardinal(whole, lang), num=cardinal(num, lang),
                                               den=cardinal(den, lang), frac=frac)
        start = m.start("whole") if whole else m.start("num")
        if m.group("sign") and sign_allowed(text, m.start()):
            frac, start = tpl(lang, "negative")(num=frac), m.start()
        yield Match(start, m.end(), frac, RULE)

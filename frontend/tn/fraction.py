"""Fractions of bare digits (11/15 十五分之十一, 1又1/2; 3/4 three quarters). Formulas with letters
are the math reader's; dates with a slash were taken by the date class where they are dates."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from ..rules import compiled
from . import units
from .common import cardinal, numbers_rules, sign_allowed, tpl, words
from .measure import unit_pattern

RULE = "number.fraction"


@compiled
def _pattern(lang: str):
    """A fraction of digits, optionally with a unit after it: 3/4cm, 120/80mmHg. Chinese also takes
    a decimal denominator after 1: a camera sensor's 1/1.3英寸 is 一点三分之一英寸 (probe round 14)."""
    den = r"\d+" if lang == "en" else r"(?:(?<=[^\d.]1/)|(?<=^1/))\d+\.\d+|\d+"
    return re.compile(r"(?a)(?P<sign>[-−])?(?<![\w./])(?:(?P<whole>\d+)(?P<join>又|\s(?:and\s)?))?"
                      r"(?P<num>\d+(?:\.\d+)?)/(?P<den>" + den + r")(?:(?P<sp>\s?)(?P<unit>" + unit_pattern(lang) +
                      r")(?![A-Za-z0-9²³]))?(?![\w/]|\.\d)")


def _reading_pair(num: str, den: str) -> bool:
    """120/80 (blood pressure), 140/90: two readings side by side, never 八十分之一百二十.
    An everyday fraction is proper or has a small denominator (3/2, 5/4)."""
    return num.isdigit() and den.isdigit() and int(num) > int(den) >= 10
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


def _with_unit(frac: str, unit: str, lang: str, *, of_one: bool) -> str | None:
    """四分之三厘米; English: three quarters of a centimeter, half a kilometer, 120 over 80 millimeters."""
    word = units.read_unit(unit, lang, plural=not of_one)
    if word is None:
        return None
    if lang != "en":
        return frac + word
    if not of_one:
        return f"{frac} {word}"
    article = "an" if word[:1] in "aeiou" else "a"
    return f"half {article} {word}" if frac == "a half" else f"{frac} of {article} {word}"


def _out_of(text: str, start: int) -> bool:
    """A score word just before: scored 98/100, a rating of 4/5, rate it 8/10, got 45/50."""
    cues = numbers_rules("en").get("out_of_before", [])
    before = re.search(r"(?a)([A-Za-z]+)(?:\s+(?:it|this|them|him|her|a|an|only|just|about|of))?\s+$",
                       text[max(0, start - 30):start])
    return before is not None and before.group(1).lower() in cues


def _zh_out_of(text: str, start: int) -> str | None:
    """得分：85/100 -> "out_of", 排名：3/45 -> "rank_of": the cue word right before (a colon, 为, 是 or
    a space between), else None."""
    before = re.sub(r"(?:[：:]|为|是|\s)+$", "", text[max(0, start - 12):start])
    if before.endswith(tuple(words("zh", "rank_before"))):
        return "rank_of"
    if before.endswith(tuple(words("zh", "out_of_before"))):
        return "out_of"
    return None


def find(text: str, lang: str) -> Iterator[Match]:
    idioms = numbers_rules(lang).get("slash_idioms", [])
    for m in _pattern(lang).finditer(text):
        num, den, whole, unit = m.group("num"), m.group("den"), m.group("whole"), m.group("unit")
        if not whole and not unit and f"{num}/{den}" in idioms and text[m.end():m.end() + 1] != "/" \
                and text[max(0, m.start("num") - 1):m.start("num")] != "/":  # 24/7/2024 is a date
            yield Match(m.start("num"), m.end(), f"{cardinal(num, lang)} {cardinal(den, lang)}", RULE + ".idiom")
            continue
        if whole and lang != "en" and m.group("join") != "又":
            whole = None  # "3 1/2" in Chinese text: only 又 joins a mixed number
        if lang == "en" and not whole and not unit and _out_of(text, m.start("num")):
            # scored 98/100, rated it 8/10: a mark out of a maximum, not a fraction
            yield Match(m.start("num"), m.end(), f"{cardinal(num, lang)} out of {cardinal(den, lang)}", RULE + ".out_of")
            continue
        zh_cue = _zh_out_of(text, m.start("num")) if lang != "en" and not whole and not unit \
            and "." not in num + den and int(num) <= int(den) else None
        if zh_cue:
            # 得分：85/100 八十五，满分一百; 排名：3/45 第三，共四十五
            yield Match(m.start("num"), m.end(), tpl(lang, zh_cue)(num=cardinal(num, lang), den=cardinal(den, lang)),
                        RULE + "." + zh_cue)
            continue
        if _reading_pair(num, den) and not whole:
            frac = tpl(lang, "reading_pair")(a=cardinal(num, lang), b=cardinal(den, lang))
        else:
            frac = en_fraction(num, den) if lang == "en" else zh_fraction(num, den)
        if unit:
            pair = _reading_pair(num, den) and not whole
            frac = _with_unit(frac, unit, lang, of_one=lang == "en" and not pair and not whole and int(num) < int(den)) \
                if "." not in num else None
            if frac is None:
                continue
        if whole:
            frac = tpl(lang, "mixed_fraction")(whole=cardinal(whole, lang), num=cardinal(num, lang),
                                               den=cardinal(den, lang), frac=frac)
        start = m.start("whole") if whole else m.start("num")
        if m.group("sign") and sign_allowed(text, m.start()):
            frac, start = tpl(lang, "negative")(num=frac), m.start()
        yield Match(start, m.end(), frac, RULE)

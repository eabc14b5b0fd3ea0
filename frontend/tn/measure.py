"""Measures: a number with a unit symbol (50kg, 60km/h, 20m², 36.5℃, -5℃ 零下五摄氏度, 2.5 kg)."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled
from . import units
from .common import NUM, cardinal, sign_allowed, tpl

RULE = "number.measure"

TEMPERATURE = ("℃", "°C", "℉", "°F")


@compiled
def unit_pattern(lang: str) -> str:
    """A unit symbol: simple, with a power (m², cm^3), or compound (km/h, m/s², N·m)."""
    simple = "|".join(re.escape(s) for s in units.symbols(lang))
    one = r"(?:" + simple + r")(?:\^[23]|[²³])?"
    return one + r"(?:[/·⋅]" + one + r")?"


@compiled
def _pattern(lang: str):
    u = unit_pattern(lang)
    # a unit must not run on into a word (5 min ok, "5 mins" no, "3 A级" no)
    return re.compile(r"(?a)(?P<sign>[-−])?(?<![\d.,])(?P<num>" + NUM + r")(?![\d])(?P<sp>\s?)(?P<unit>" + u +
                      r")(?![A-Za-z0-9²³])", re.A)


def read_measure(num: str, unit: str, lang: str, *, negative: bool = False) -> str | None:
    """'36.5', '℃' -> 三十六点五摄氏度; negative temperatures are 零下 in Mandarin."""
    plain = num.replace(",", "")
    plural = not (plain == "1")
    word = units.read_unit(unit, lang, plural=plural)
    if word is None:
        return None
    # the cardinal 两 rule, where the unit takes it: 两公斤, 两百瓦 (as 两百人), but 二百摄氏度
    whole = "." not in plain and plain.isdigit()
    liang = lang != "en" and whole and (plain == "2" or len(plain) >= 3) and units.liang_before(unit)
    spoken = cardinal(num, lang, liang=liang)
    spoken = f"{spoken} {word}" if lang == "en" else spoken + word
    if negative:
        name = "below_zero" if unit in TEMPERATURE else "negative"
        spoken = tpl(lang, name)(num=spoken)
    return spoken


def _ambiguous(text: str, m: re.Match, lang: str) -> bool:
    """Single-letter units are easy to mistake: 5A级景区, 4K屏, 'Grade 5 A', 'there were 5 in'."""
    unit = m.group("unit")
    nxt = text[m.end():m.end() + 1]
    if len(unit) == 1 and unit.isascii() and unit.isalpha():
        power = unit in ("W", "V") and "\u4e00" <= nxt <= "\u9fff"  # 200W快充, 12V电池
        if unit.isupper() and nxt and not (nxt.isspace() or nxt in ",.;:!?，。；：！？)）/、" or power):
            return True
        if m.group("sp") and unit in ("A", "a", "I", "t", "l", "L", "B"):
            return True  # "Grade 5 A", "5 t" : too often a word or a label
    if unit == "in" and m.group("sp"):
        return True  # "5 in the box"
    return False


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _pattern(lang).finditer(text):
        if _ambiguous(text, m, lang):
            continue
        negative = bool(m.group("sign")) and sign_allowed(text, m.start())
        spoken = read_measure(m.group("num"), m.group("unit"), lang, negative=negative)
        if spoken is None:
            continue
        yield Match(m.start() if negative else m.start("num"), m.end(), spoken, RULE)

"""Dates and years: 2024-03-05, 2024/3/5, 2024年3月5日, 3/15 (only where it is a date),
1999年 (digit by digit); English: July 4, 1990 / 4 July 1990 / in 1999 / the 1990s."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from ..rules import compiled
from .common import alternation, head_has, numbers_rules, tail_has, tpl, words

RULE = "number.date"


def _valid(m: str, d: str | None = None) -> bool:
    return 1 <= int(m) <= 12 and (d is None or 1 <= int(d) <= 31)


# ---- readings shared with other classes (and the Cantonese engineer) ----------------

def zh_year(y: str) -> str:
    """A year is read digit by digit: 2024 -> 二零二四."""
    return numerals.zh_digits(y)


def zh_date(y: str | None, m: str | None, d: str | None) -> str:
    """Year digit by digit, month and day as cardinals without 两 (二月二日)."""
    yy = zh_year(y) if y else None
    mm = numerals.zh_int(m) if m else None
    dd = numerals.zh_int(d) if d else None
    if yy and mm and dd:
        return tpl("zh", "date_ymd")(y=yy, m=mm, d=dd)
    if yy and mm:
        return tpl("zh", "date_ym")(y=yy, m=mm)
    return tpl("zh", "date_md")(m=mm, d=dd)


def en_month(m: str | int) -> str:
    return numbers_rules("en")["months"][int(m) - 1]


def en_date(y: str | None, m: str | None, d: str | None) -> str:
    """March fifth, twenty twenty-four."""
    parts = [en_month(m)] if m else []
    if d:
        parts.append(numerals.en_ordinal(d))
    out = " ".join(parts)
    if y:
        out = (out + ", " if out else "") + numerals.en_year(y)
    return out


# ---- patterns ------------------------------------------------------------------------

_SEP = r"[-/.]"
_YMD = re.compile(r"(?a)(?<![\d.])(\d{4})(" + _SEP + r")(\d{1,2})\2(\d{1,2})(?![\d])(?:[日号])?", re.A)
_MDY_US = re.compile(r"(?a)(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", re.A)
_MD_SLASH = re.compile(r"(?a)(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)")
# What follows a year: 年, or a year-like period (2024学年, 2023-2024赛季, 2025财年), or a model
# year / edition (2024款, 2020版).
_YEAR_WORD = r"(?=\s*(?:(?P<nian>年)(?!级)|学年|年度|财年|赛季|届|学期|款|版))"
_ZH_Y = re.compile(r"(?a)(?<![\d.])(\d{4})" + _YEAR_WORD)
_ZH_Y_RANGE = re.compile(r"(?a)(?<![\d.])(\d{4})\s*([-~～–—至到])\s*(\d{4})" + _YEAR_WORD)
_ZH_SHORT_YEAR_SPAN = re.compile(r"(?a)(?<![\d.])((?:1[0-9]|20)\d\d)\s*([-~～–—/至到])\s*(\d\d)(?!\d)"
                                 r"(?=\s*(?:学年|年度|财年|赛季|季|学期))")
_ZH_LIFESPAN = re.compile(r"(?a)(?<=[（(])\s?(1\d{3}|20\d{2})\s?([-~～–—])\s?(1\d{3}|20\d{2})(?=\s?[)）])")
# 国发〔2023〕18号, 〔2023〕京01民初123号, （2022）沪0115民初5678号: the year of a document or case
# number, in 〔〕 (used for nothing else) or in other brackets before a serial that ends in 号
_ZH_DOC_YEAR = re.compile(r"(?a)(?:(?<=〔)|(?<=[（(\[［【](?=\d{4}[）)\]］】][\u4e00-\u9fff\d]{0,12}\d号)))"
                          r"\s?((?:1[89]|20)\d\d)\s?(?=[〕）)\]］】])")
# 2023Q4, 2024H1: a year glued to a quarter or a half-year
_ZH_YEAR_PERIOD = re.compile(r"(?a)(?<![\d.])((?:19|20)\d\d)(?=\s?(?:Q[1-4]|H[12])(?![A-Za-z0-9]))")
_ZH_DECADE = re.compile(r"(?a)(?<![\d.])((?:1\d|20)\d0)['’]?s(?![A-Za-z])")
_ZH_GENERATION = re.compile(r"(?a)(?<![\d.])\d0(?=后)")
_ZH_ERA = re.compile(r"(?a)(?<=公元)(前)?(?(1)\d{1,4}|\d{1,3})(?!\d)(?=\s*年)")
# 3.15, 3.15-3.20 after 日期/时间/定于...: a dotted month.day (never after a bare 为/到: 降至3.15 is a number)
_ZH_MD_DOT = re.compile(r"(?a)(?<![\d.])(\d{1,2})\.(\d{1,2})(?:(\s?[-~～–—至到]\s?)(\d{1,2})\.(\d{1,2}))?(?![\d.%‰]|\s?[A-Za-z])")
_ZH_M = re.compile(r"(?a)(?<![\d.])(\d{1,2})(?=\s*月)", re.A)
_ZH_D = re.compile(r"(?a)(?<=月)(\s*)(\d{1,2})(?=\s*[日号])", re.A)


def _slash_mdy(m) -> tuple[str, str, str] | None:
    """12/25/2023 (US, month first) or 25/12/2023, 24/7/2024 (day first: the first number is no
    month); month first when both are possible. None when neither order is a date."""
    a, b, y = m.groups()
    if _valid(a, b):
        return y, a, b
    if _valid(b, a):
        return y, b, a
    return None


def _zh(text: str) -> Iterator[Match]:
    nr = numbers_rules("zh")
    for m in _MDY_US.finditer(text):
        ymd = _slash_mdy(m)
        if ymd:
            yield Match(m.start(), m.end(), zh_date(*ymd), RULE)
    for m in _YMD.finditer(text):
        y, _, mo, d = m.groups()
        if _valid(mo, d):
            tail = "号" if m.group(0).endswith("号") else ""
            out = zh_date(y, mo, d)
            yield Match(m.start(), m.end(), out[:-1] + tail if tail else out, RULE)
    for m in _MDY_US.finditer(text):
        # 3/1/2025, 25/12/2023: a slash date with a four-digit year; month first (US) unless the
        # first number cannot be a month (then day first, as Europe and Hong Kong write it)
        a, b, y = m.groups()
        mo, d = (a, b) if _valid(a, b) else (b, a)
        if _valid(mo, d):
            yield Match(m.start(), m.end(), zh_date(y, mo, d), RULE + ".slash")
    for m in _ZH_YEAR_PERIOD.finditer(text):
        yield Match(m.start(), m.end(), zh_year(m.group(1)), RULE + ".year")
    for m in _ZH_DOC_YEAR.finditer(text):
        yield Match(m.start(), m.end(), zh_year(m.group(1)), RULE + ".document_year")
    for m in _ZH_DECADE.finditer(text):  # 1990s 一九九零年代 (an English decade in Chinese text)
        yield Match(m.start(), m.end(), zh_year(m.group(1)) + "年代", RULE + ".decade")
    for m in _ZH_GENERATION.finditer(text):
        yield Match(m.start(), m.end(), numerals.zh_digits(m.group(0)), RULE + ".generation")  # 80后 八零后
    for m in _ZH_ERA.finditer(text):
        # 公元前221年: an era year is a plain number (never 两百)
        num = m.group(0).lstrip("前")
        yield Match(m.end() - len(num), m.end(), numerals.zh_int(num), RULE + ".year")
    for m in _ZH_SHORT_YEAR_SPAN.finditer(text):
        # 2022-23赛季, 2024–25学年: the later year by its last two digits, said as written (二三)
        if int(m.group(3)) == (int(m.group(1)[-2:]) + 1) % 100 or int(m.group(3)) > int(m.group(1)[-2:]):
            sep = m.group(2) if m.group(2) in "至到" else "到"
            yield Match(m.start(), m.end(), zh_year(m.group(1)) + sep + numerals.zh_digits(m.group(3)),
                        RULE + ".year_span")
    for m in _ZH_Y_RANGE.finditer(text):
        sep = m.group(2) if m.group(2) in "至到" else "到"
        first = zh_year(m.group(1)) + ("年" if m.group("nian") else "")
        yield Match(m.start(), m.end(), first + sep + zh_year(m.group(3)), RULE + ".range")
    for m in _ZH_LIFESPAN.finditer(text):
        # 鲁迅（1881—1936）: two years in brackets are a lifespan or a period, never cardinals
        if 0 < int(m.group(3)) - int(m.group(1)) <= 150:
            yield Match(m.start(), m.end(), zh_year(m.group(1)) + "到" + zh_year(m.group(3)), RULE + ".range")
    for m in _ZH_Y.finditer(text):
        if m.group("nian") and (int(m.group(1)) > 2100 or tail_has(text, m.start(), nr["duration_before"])):
            # 半衰期为5730年, 距今1000年, 历时1500年: a number of years (a duration), not a year's name
            yield Match(m.start(), m.end(), numerals.zh_int(m.group(1)), RULE + ".duration")
            continue
        yield Match(m.start(), m.end(), zh_year(m.group(1)), RULE + ".year")
    for m in _ZH_M.finditer(text):
        if _valid(m.group(1)) and not text.startswith("个", m.end()):
            yield Match(m.start(), m.end(), numerals.zh_int(m.group(1)), RULE + ".month")
    for m in _ZH_D.finditer(text):
        if 1 <= int(m.group(2)) <= 31:
            yield Match(m.start(2), m.end(), numerals.zh_int(m.group(2)), RULE + ".day")
    for m in _ZH_MD_DOT.finditer(text):
        mo, d, sep, mo2, d2 = m.groups()
        nxt = text[m.end():m.end() + 1]
        ends = not nxt or not ("\u4e00" <= nxt <= "\u9fff") or head_has(text, m.end(), nr["date_after"])
        if _valid(mo, d) and (not sep or _valid(mo2, d2)) and ends and tail_has(text, m.start(), nr["dot_date_before"]):
            out = zh_date(None, mo, d)
            if sep:
                out += tpl("zh", "range")(a="", b="") + zh_date(None, mo2, d2)
            yield Match(m.start(), m.end(), out, RULE + ".dot")
    for m in _MD_SLASH.finditer(text):
        mo, d = m.groups()
        if _valid(mo, d) and (head_has(text, m.end(), nr["date_after"]) or tail_has(text, m.start(), nr["date_before"])):
            out = zh_date(None, mo, d)
            if text[m.end():m.end() + 1] in ("日", "号"):
                out = out[:-1]
            yield Match(m.start(), m.end(), out, RULE + ".slash")


@compiled
def _en_patterns():
    nr = numbers_rules("en")
    months = alternation(nr["months"] + nr["month_abbreviations"])
    month_day = re.compile(r"(?a)\b(" + months + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(\d{4})(?!\d))?")
    day_month = re.compile(r"(?a)(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + months + r")\b\.?(?:,?\s+(\d{4})(?!\d))?")
    month_year = re.compile(r"(?a)\b(" + months + r")\.?,?\s+(\d{4})(?!\d)", re.A)
    year_cue = re.compile(r"(?a)(?<![\w'’.])(" + alternation(nr["year_before"]) + r")\s+(\d{4})(?![\d,.]\d|\s*%)")
    year_after = re.compile(r"(?a)(?<![\d.])(\d{3,4})\s*(?=(?:" + alternation(nr["year_after"]) + r")\b)")
    decade = re.compile(r"(?a)(?<![\d.])(1\d|20)(\d)0['’]?s\b", re.A)
    # the 90s, the '60s, early 80s: a two-digit decade needs a cue (90s alone may be seconds)
    cues = "|".join(r"(?<=\b%s )" % w for w in ("the", "The", "early", "late", "mid", "Early", "Late", "Mid",
                                                 "low", "high", "upper", "lower", "Low", "High"))  # the low 40s
    short_decade = re.compile(r"(?a)(?:" + cues + r"|['’]|(?<=\bmid-)|(?<=0s-)|(?<=0s–))([2-9]0)['’]?s\b")  # 80s-90s
    year_range = re.compile(r"(?a)(?<![\d.])(1[1-9]\d\d|20\d\d)\s*[-–]\s*(1[1-9]\d\d|20\d\d)(?![\d])", re.A)
    return month_day, day_month, month_year, year_cue, year_after, decade, short_decade, year_range


@compiled
def _en_month_days():
    """June 3-5, 2025 / Oct. 18th–20th: a range of days in one month."""
    nr = numbers_rules("en")
    months = alternation(nr["months"] + nr["month_abbreviations"])
    return re.compile(r"(?a)\b(" + months + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s?[-–]\s?(\d{1,2})(?:st|nd|rd|th)?"
                      r"(?![\d:])(?:,?\s+(\d{4})(?!\d))?")


def _month_index(name: str) -> int:
    nr = numbers_rules("en")
    key = name.rstrip(".").lower()[:3]
    return [m.lower()[:3] for m in nr["months"]].index(key) + 1


# "of 1500 students": a lowercase word after the number makes it a count -- but not the "and"/"to"
# of a second year (between 2015 and 2019, from 2010 to 2020)
_NOUN_AFTER = re.compile(r"(?a)\s+(?!(?:and|to|or|through|until)\s+\d{4}(?!\d))[a-z]")


def _en(text: str) -> Iterator[Match]:
    month_day, day_month, month_year, year_cue, year_after, decade, short_decade, year_range = _en_patterns()
    for m in _YMD.finditer(text):
        y, _, mo, d = m.groups()
        if _valid(mo, d):
            yield Match(m.start(), m.end(), en_date(y, mo, d), RULE)
    for m in _MDY_US.finditer(text):
        ymd = _slash_mdy(m)
        if ymd:
            yield Match(m.start(), m.end(), en_date(*ymd), RULE)
    for m in _en_month_days().finditer(text):
        a, b = int(m.group(2)), int(m.group(3))
        if 1 <= a < b <= 31:
            days = en_date(None, str(_month_index(m.group(1))), m.group(2)) + " to " + numerals.en_ordinal(m.group(3))
            yield Match(m.start(), m.end(), days + (", " + numerals.en_year(m.group(4)) if m.group(4) else ""), RULE + ".range")
    for m in month_day.finditer(text):
        mo = _month_index(m.group(1))
        if 1 <= int(m.group(2)) <= 31:
            yield Match(m.start(), m.end(), en_date(m.group(3), str(mo), m.group(2)), RULE)
    for m in day_month.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            the = "" if text[:m.start()].rstrip().lower().endswith("the") else "the "
            day = the + numerals.en_ordinal(m.group(1)) + " of " + en_month(_month_index(m.group(2)))
            if m.group(3):
                day += ", " + numerals.en_year(m.group(3))
            end = m.end()
            if not m.group(3) and text[end - 1] == "." and m.group(2) in numbers_rules("en")["months"]:
                end -= 1  # "the 3rd of May." : the dot after a full month name ends the sentence
            yield Match(m.start(), end, day, RULE)
    for m in month_year.finditer(text):
        yield Match(m.start(), m.end(), en_month(_month_index(m.group(1))) + " " + numerals.en_year(m.group(2)), RULE)
    for m in _MD_SLASH.finditer(text):
        mo, d = m.groups()
        cue = text[max(0, m.start() - 12):m.start()].rstrip()
        cue = text[max(0, m.start() - 24):m.start()].rstrip()
        if re.search(r"(?<!due )\bby$", cue, re.I) and int(d) <= 10 and int(mo) < int(d):
            continue  # cut risk by 1/3, divide by 1/2: a simple fraction, not January third
        if _valid(mo, d) and re.search(r"\b(?:on|by|until|till|through|thru|due|from|since|before|after|dated?|ends?|ending|expires?|expiring|starts?|starting|begins?|beginning|closes?|opens?|deadline:?|effective"
                                       r"|(?:moved|postponed|rescheduled|pushed|delayed|changed|set|pushed back) (?:to|for))$", cue, re.I):
            yield Match(m.start(), m.end(), en_date(None, mo, d), RULE + ".slash")
    for m in year_range.finditer(text):
        yield Match(m.start(), m.end(), numerals.en_year(m.group(1)) + " to " + numerals.en_year(m.group(2)), RULE + ".range")
    for m in decade.finditer(text):
        y = m.group(1) + m.group(2) + "0"
        spoken = numerals.en_year(y)
        spoken = spoken[:-1] + "ies" if spoken.endswith("y") else spoken + "s"
        yield Match(m.start(), m.end(), spoken, RULE + ".decade")
    for m in short_decade.finditer(text):
        yield Match(m.start(), m.end(), numerals.en_int(int(m.group(1)))[:-1] + "ies", RULE + ".decade")
    weak = set(words("en", "year_before_weak"))
    for m in year_cue.finditer(text):
        if m.group(1) in weak and _NOUN_AFTER.match(text, m.end()):
            continue  # "of 1500 students" counts; "in 1999 students protested" is a year
        if 1000 <= int(m.group(2)) <= 2099:
            yield Match(m.start(2), m.end(2), numerals.en_year(m.group(2)), RULE + ".year")
    for m in year_after.finditer(text):
        yield Match(m.start(), m.end(1), numerals.en_year(m.group(1)), RULE + ".year")


# the 2024-25 season, 1990-95: a year, a dash and the later year's last two digits
_SHORT_YEAR_SPAN = re.compile(r"(?a)(?<![\d.,:/-])((?:1[0-9]|20)\d\d)\s?[-–]\s?(\d\d)(?![\d.:/-]?\d|[A-Za-z%])")


def _short_year_spans(text: str) -> Iterator[Match]:
    for m in _SHORT_YEAR_SPAN.finditer(text):
        year, tail = m.groups()
        if int(tail) > int(year[-2:]):
            yield Match(m.start(), m.end(), tpl("en", "range")(a=numerals.en_year(year), b=numerals.en_int(tail)),
                        RULE + ".year_span")


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "en":
        yield from _short_year_spans(text)
    yield from (_en(text) if lang == "en" else _zh(text))

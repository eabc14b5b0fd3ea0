"""Cantonese text normalisation: every number class, read the Hong Kong way (pronunciation.md §2).

Classes are tried in priority order (digit strings, dates, times, money, percent, fractions,
ratios, clock minutes, versions, then plain numbers with units and ranges); a class claims its
span and later classes skip claimed text. Whether a 2 is 兩 or 二 depends on the word after the
number (rules/yue/readings.yaml: `counted` vs `labels`) and before it (第, 星期).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import regex

from .pieces import Match
from .yue_numerals import yue_digits, yue_int, yue_number
from .yue_rules import YueRules, load
from .script import in_script, to_hongkong

# Full-width forms read like their ASCII twins; the table keeps the text length, so spans stay exact.
_WIDTH = str.maketrans("０１２３４５６７８９．：％＄／－＋", "0123456789.:%$/-+")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DASH = r"[-~～—–]"
_RANGE_TAIL = regex.compile(r"\s?(?:[-~～—–至到])\s?[-−]?(?:" + _NUM + r")\s?")
_CONNECTOR = regex.compile(r"\s?[-~～—–]\s?")
_NEG_OK = r"(?<![0-9A-Za-z.)\]])"
_YEAR = r"(?:1[5-9]|20)\d\d"
_DIGIT_RUN = regex.compile(r"\d+")
RANGEABLE = {"yue.time", "yue.cardinal", "yue.decimal", "yue.measure", "yue.year"}


@dataclass(frozen=True)
class _Class:
    rule: str
    pattern: regex.Pattern
    read: Callable  # (match, text, rules) -> str | None (None: not this class after all)


def _liang_big(digits: str) -> str:
    """兩 only before 百/千/萬/億 (兩百, 兩千); a bare 2 stays 二 (no counted word follows)."""
    return "二" if int(digits.replace(",", "") or 0) == 2 else yue_int(digits, liang=True)


def _follower_kind(text: str, end: int, r: YueRules) -> str | None:
    """'counted' / 'label' / None for the word after a number (looking past a range tail)."""
    tail = _RANGE_TAIL.match(text, end)
    if tail:
        end = tail.end()
    m = r.follower_re.match(text, end)
    return r.follower[m.group(1)] if m else None


def _spoken_int(digits: str, start: int, end: int, text: str, r: YueRules) -> str:
    """An integer read with 兩 or 二 as its neighbours demand."""
    before = text[max(0, start - 8):start]
    if r.ordinal.search(before):
        return yue_int(digits)
    kind = _follower_kind(text, end, r)
    if kind == "label":
        return yue_int(digits)
    if kind == "counted":
        return yue_int(digits, liang=True)
    if r.label_before.search(before):
        return yue_int(digits)
    if kind == "counted_unless_label":
        return yue_int(digits, liang=True)
    return _liang_big(digits)


# ---- the classes -----------------------------------------------------------------------

def _digits(m, text, r):
    return yue_digits(m.group(0))


def _hk_phone(m, text, r):
    a, sep, b = m.group("a"), m.group("sep"), m.group("b")
    if sep and sep in "-–" and not m.group("cc") and regex.fullmatch(_YEAR, a) and regex.fullmatch(_YEAR, b):
        return None  # 2023-2024: a range of years, not a phone number
    return yue_digits(m.group(0))


def _name(m, text, r):
    """7-11 the shop; but 7-11個人 is a range."""
    return None if _follower_kind(text, m.end(), r) else r.names[m.group(0)]


def _height(m, text, r):
    """1米75: metres and centimetres as people say a height, 一米七五 (not 一米七十五)."""
    return yue_int(m.group("a"), liang=True) + m.group("unit") + yue_digits(m.group("b"))


def _dialled(m, text, r):
    return None if _follower_kind(text, m.end(), r) == "counted" else yue_digits(m.group(0))


def _long_digits(m, text, r):
    return None if _follower_kind(text, m.end(), r) == "counted" else yue_digits(m.group(0))


def _year_range(m, text, r):
    return r.say("range", a=yue_digits(m.group(1)), b=yue_digits(m.group(3)))


def _valid_day_month(d: int, mo: int) -> bool:
    return 1 <= d <= 31 and 1 <= mo <= 12


def _date_iso(m, text, r):
    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    if not _valid_day_month(d, mo):
        return None
    return r.say("date", y=yue_digits(y), m=yue_int(mo), d=yue_int(d))


def _date_dmy(m, text, r):
    d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
    if not _valid_day_month(d, mo):
        d, mo = mo, d  # 12/25/2023 written the US way
        if not _valid_day_month(d, mo):
            return None
    return r.say("date", y=yue_digits(y), m=yue_int(mo), d=yue_int(d))


def _date_dm(m, text, r):
    d, mo = int(m.group("d")), int(m.group("m"))
    return r.say("month_day", m=yue_int(mo), d=yue_int(d)) if _valid_day_month(d, mo) else None


def _date_or_fraction(m, text, r):
    """31/12 is a date (HK writes D/M); 3/4 is a fraction. A larger first number that is a
    valid day over a valid month reads as a date: improper fractions are rare in prose."""
    a, b = int(m.group(1)), int(m.group(2))
    if a > b and _valid_day_month(a, b):
        return r.say("month_day", m=yue_int(b), d=yue_int(a))
    return _fraction(m, text, r)


def _year(m, text, r):
    return yue_digits(m.group(0))


_MONTH_AFTER = regex.compile(r"\s?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s?月")


def _short_year(m, text, r):
    """98年 -> 九八年 when something says it is a year; 20年 alone stays a duration (二十年)."""
    digits = m.group(0)
    after = text[m.end():].lstrip()[1:]  # past 年
    if digits[0] != "0":
        before = text[max(0, m.start() - 8):m.start()].rstrip()
        if r.ordinal.search(before) or after.startswith(r.short_year_duration):
            return None
        if not (_MONTH_AFTER.match(after) or after.startswith(r.short_year_after)
                or before.endswith(r.short_year_before)):
            return None
    return yue_digits(digits)


def _clock(m, text, r):
    h, mi, s = int(m.group("h")), int(m.group("mi")), m.group("s")
    hour = yue_int(h, liang=True)  # 2:00 -> 兩點; 12:00 -> 十二點
    if mi == 0 and not s:
        spoken = r.say("clock_hour", h=hour)
    elif mi == 30 and not s:
        spoken = r.say("clock_half", h=hour)
    elif r.minute_style != "minutes" and mi % 5 == 0 and not s:
        spoken = r.say("clock_" + r.minute_style, h=hour, z=yue_int(mi // 5))
    else:
        minutes = ("零" if mi < 10 else "") + yue_int(mi)
        spoken = r.say("clock_minutes", h=hour, m=minutes)
        if s:
            sec = int(s)
            spoken += r.say("clock_seconds", s=("零" if sec < 10 and sec else "") + yue_int(sec))
    ampm = (m.group("ampm") or "").strip().lower().replace(".", "")
    if ampm and not _day_part_said(text, m.start(), r):
        spoken = _day_word(h, ampm, r) + spoken
    return spoken


def _day_word(h: int, ampm: str, r) -> str:
    """am/pm as the part of the day it falls in: 3pm 下晝, 11pm 夜晚, 1am 凌晨 (clock_day_words)."""
    from .tn.time import clock_day_word
    if not r.clock_day_words:
        return r.say("am" if ampm == "am" else "pm")
    return clock_day_word(h, ampm == "pm", r.clock_day_words)


def _day_part_said(text: str, start: int, r) -> bool:
    """朝早6:00am, 下晝3pm: the words before already say the part of the day; am/pm is not said again."""
    return text[max(0, start - 8):start].rstrip().endswith(r.day_parts)


def _clock_hour_ampm(m, text, r):
    """3pm -> 下晝三點."""
    h = int(m.group("h"))
    if not 0 <= h <= 12:
        return None
    ampm = m.group("ampm").lower().replace(".", "")
    hour = r.say("clock_hour", h=yue_int(h, liang=True))
    return hour if _day_part_said(text, m.start(), r) else _day_word(h, ampm, r) + hour


def _english_ordinal(m, text, r):
    """2nd -> 第二; before an English word it stays English: 2nd hand -> second hand."""
    if regex.match(r" ?[A-Za-z]{2,}", text[m.end():m.end() + 3]):
        from .numerals import en_ordinal
        return en_ordinal(m.group(1))
    return r.say("ordinal", n=yue_int(m.group(1)))


def _abbr(abbr: str) -> str:
    """The digit after 萬/億 in $3萬5 (三萬五) or $3萬5千 (三萬五千), or 幾 ($3萬幾)."""
    if not abbr or abbr in "幾几":
        return abbr  # $3萬幾: 三萬幾蚊 ("thirty-odd thousand")
    return yue_int(abbr[0]) + abbr[1:]


def _hkd(num: str, mag: str | None, r: YueRules, abbr: str = "") -> str:
    """$18 -> 十八蚊, $5.5 -> 五蚊半, $1.2 -> 一蚊二, $0.5 -> 五毫, $2萬 -> 兩萬蚊, $3萬5 -> 三萬五蚊."""
    dollar = r.say("dollar")
    if mag:
        return yue_number(num, liang=True) + r.magnitudes[mag] + _abbr(abbr) + dollar
    whole, _, frac = num.replace(",", "").partition(".")
    frac = frac.rstrip("0")
    if not frac:
        return yue_int(whole or "0", liang=True) + dollar
    if len(frac) == 1:
        if int(whole or "0") == 0:
            return r.say("cents", c=yue_int(frac, liang=True))
        d = yue_int(whole, liang=True)
        return r.say("dollar_half", d=d) if frac == "5" else r.say("dollar_cents", d=d, c=yue_int(frac))
    return yue_number(num, point=r.say("point")) + dollar


_LATIN_MAGNITUDE = {"千": 10**3, "百萬": 10**6, "十億": 10**9}


def _expand_latin_magnitude(num: str, mag: str | None, r: YueRules) -> tuple[str, str | None]:
    """$30K is thirty thousand dollars (三萬蚊), not 三十千蚊: a Latin k/M/bn is multiplied out and
    the amount read whole; Chinese 萬/億 stay words (五十萬蚊)."""
    if not mag or not mag.isascii() or r.magnitudes.get(mag) not in _LATIN_MAGNITUDE:
        return num, mag
    value = Decimal(num.replace(",", "")) * _LATIN_MAGNITUDE[r.magnitudes[mag]]
    text = format(value.normalize(), "f")
    return text, None


def _amount(cur: str, num: str, mag: str | None, r: YueRules, written_before: str = "", abbr: str = "") -> str:
    num, mag = _expand_latin_magnitude(num, mag, r)
    reading = r.currencies[cur]
    if reading == "hkd":
        return _hkd(num, mag, r, abbr)
    spoken = yue_number(num, liang=True, point=r.say("point")) + (r.magnitudes[mag] if mag else "")
    spoken += _abbr(abbr)
    head, _, tail = reading.source.partition("{n}")
    if head and written_before.endswith((head, in_script(head, False))):
        return spoken + tail  # 人民幣¥100: the currency name is already written
    return reading(n=spoken)


def _money(m, text, r):
    cur = m.group("cur") or m.group("cur_after")
    spoken = _amount(cur, m.group("num"), m.group("mag"), r, text[max(0, m.start() - 8):m.start()].rstrip(),
                     m.group("abbr") or "")
    if m.group("num2"):
        cur2 = m.group("cur2") or cur
        spoken = r.say("range", a=spoken, b=_amount(cur2, m.group("num2"), m.group("mag2"), r))
    return spoken


def _percent_one(num: str, sign: str, r: YueRules) -> str:
    word = "permille" if sign == "‰" else "percent"
    neg = num[:1] in "-−"
    spoken = r.say(word, n=yue_number(num.lstrip("-−"), point=r.say("point")))
    return r.say("negative") + spoken if neg else spoken


def _percent(m, text, r):
    sign = m.group("sign")
    spoken = _percent_one(m.group("b"), sign, r)
    if m.group("a"):
        spoken = r.say("range", a=_percent_one(m.group("a"), sign, r), b=spoken)
    return spoken


def _fraction(m, text, r):
    num, den = m.group(1), m.group(2)
    if int(den) == 0:
        return None
    return r.say("fraction", num=yue_int(num), den=yue_int(den))


def _ratio(m, text, r):
    point = r.say("point")
    return r.say("ratio", a=yue_number(m.group(1), point=point), b=yue_number(m.group(2), point=point))


def _clock_minute(m, text, r):
    digits = m.group(0)
    return ("零" if len(digits) == 2 and digits[0] == "0" else "") + yue_int(digits)


def _version(m, text, r):
    return r.say("point").join(yue_int(part) for part in m.group(0).split("."))


def _number(m, text, r):
    num, unit_sym = m.group("num"), m.group("unit")
    neg = bool(m.group("neg"))
    if "." in num:
        spoken = yue_number(num, point=r.say("point"))
    elif unit_sym:
        spoken = yue_int(num, liang=not neg)
    else:
        spoken = _spoken_int(num, m.start("num"), m.end(), text, r)
    if unit_sym:
        unit = r.units[unit_sym]
        if neg and unit.below_zero is not None:
            return unit.below_zero(n=spoken)
        return unit.reading(n=(r.say("negative") if neg else "") + spoken)
    if neg and text.startswith(r.temperature_words, m.end()):
        return r.say("below_zero", n=spoken)
    return (r.say("negative") if neg else "") + spoken


# ---- patterns ---------------------------------------------------------------------------

def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _classes(r: YueRules) -> list[_Class]:
    cur_sym = _alt(c for c in r.currencies)
    cur_code = _alt(c for c in r.currencies if c.isalpha())
    mag = _alt(r.magnitudes)
    units = _alt(r.units)
    num = f"(?:{_NUM})"
    # $3萬5: the colloquial abbreviation 三萬五 (35,000) – one digit after 萬/億, no classifier after it
    abbr = r"(?:(?<=[萬万億亿])(?P<abbr>[1-9][千百]?|[幾几])(?![\d.,:%]|\s?[個个月日年次條条件隻只張张位人]))?"
    money_one = rf"(?P<cur>(?<![A-Za-z])(?:{cur_sym}))\s?(?P<num>{num})(?:\s?(?P<mag>{mag}){abbr}(?![A-Za-z]))?"
    money_after = rf"(?<![\d.])(?P<num>{num})(?:\s?(?P<mag>{mag}))?\s?(?P<cur_after>{cur_code})(?![A-Za-z])"
    money_tail = (rf"(?:\s?[-~～—–至到]\s?(?P<cur2>(?<![A-Za-z])(?:{cur_sym}))?\s?(?P<num2>{num})"
                  rf"(?:\s?(?P<mag2>{mag})(?![A-Za-z]))?)?")
    c = regex.compile
    return [
        # 車牌係AB 1234: letters of a plate or code may stand between the word and the digits
        _Class("yue.digits", c(rf"(?<=(?:{_alt(r.digit_context)})[\s:：是係系為为]*(?:[A-Z]{{1,3}}\s?)?)\+?\d(?:[\d\- ]*\d){{2,}}"), _digits),
        _Class("yue.name", c(rf"(?<![0-9A-Za-z./])(?:{_alt(r.names)})(?![0-9A-Za-z./])"), _name),  # 24/7 but not 24/7/2024
        # a height 1米75 / 1米8 (no unit after the second number: 1米75厘米 is not this)
        _Class("yue.height", c(r"(?<![\d.,])(?P<a>\d)\s?(?P<unit>米)\s?(?P<b>\d{1,2})(?![\d.,]|\s?(?:[A-Za-z]|米|厘|公|毫|個|个))"), _height),
        _Class("yue.year", c(rf"(?<![\d.,])({_YEAR})\s?({_DASH}|至|到)\s?({_YEAR})(?![\d.,])"), _year_range),
        # 2019-20年度: a year range whose second year is written short, before 年度/年
        _Class("yue.year", c(rf"(?<![\d.,])({_YEAR})\s?({_DASH}|至|到)\s?(\d{{2}})(?=\s?(?:年度|學年|学年|年))"), _year_range),
        _Class("yue.telephone", c(r"(?<![\d.,])(?P<cc>\+?852[ -]?)?(?P<a>[2-9]\d{3})(?P<sep>[ \-–]?)(?P<b>\d{4})(?![\d.,])"
                                  r"(?(cc)|(?(sep)|(?!)))"), _hk_phone),
        _Class("yue.digits", c(rf"(?<=(?:{_alt(r.dial_words)})[咗了]?\s?)(?<![\d.,])\d{{3,8}}(?![\d.,])"), _dialled),
        _Class("yue.digits", c(r"(?<![\d.,])\d{8,}(?![\d.,])"), _long_digits),
        _Class("yue.digits", c(r"(?<![\d.,])0\d{2,}(?![\d.,:])"), _digits),
        _Class("yue.digits", c(rf"(?<![\d.,])\d{{3,4}}(?=(?:{_alt(r.digit_before)}))"), _digits),
        _Class("yue.date", c(r"(?<![\d.,/-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/-]|\.\d)"), _date_iso),
        _Class("yue.date", c(r"(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)"), _date_dmy),
        _Class("yue.date", c(r"(?<![\d./])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?=\s?[(（](?:星期|禮拜|礼拜|週|周)?[一二三四五六日天1-7][)）])"), _date_dm),
        _Class("yue.year", c(r"(?<![\d.,])\d{4}(?=\s?年(?!級|级|紀|纪|齡|龄))"), _year),
        _Class("yue.year", c(r"(?<![\d.,/-])\d{2}(?=\s?年(?!級|级|紀|纪|齡|龄|代))"), _short_year),
        _Class("yue.time", c(r"(?<![\d:.])(?P<h>[01]?\d|2[0-4])[:：](?P<mi>[0-5]\d)(?:[:：](?P<s>[0-5]\d))?(?![\d:])"
                             r"(?P<ampm>\s?(?:[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"), _clock),
        _Class("yue.time", c(r"(?<![\d:.])(?P<h>\d{1,2})\s?(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z])"), _clock_hour_ampm),
        # a currency word written after the amount ($100蚊) is already read: swallow it, never say it twice
        _Class("yue.money", c(f"(?:{money_one}|{money_after}){money_tail}(?:\\s?(?!{_alt(r.currency_word_traps)})(?:{_alt(r.currency_words)}))?"), _money),
        _Class("yue.percent", c(rf"{_NEG_OK}(?:(?P<a>[-−]?{num})\s?[%‰]?\s?(?:{_DASH}|至|到)\s?)?(?P<b>[-−]?{num})\s?(?P<sign>[%‰])"), _percent),
        _Class("yue.fraction", c(r"(?<![\d./])(\d+)/(\d+)(?![\d/]|\.\d)"), _date_or_fraction),
        _Class("yue.ratio", c(rf"(?<![\d.:])({num})[:：]({num})(?![\d:])"), _ratio),
        _Class("yue.time", c(r"(?<=(?:\d|[零一二兩两三四五六七八九十])\s?[點点])\d{1,2}(?![\d.])"), _clock_minute),
        _Class("yue.version", c(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])"), _version),
        _Class("yue.ordinal", c(r"(?<![\d.])(\d+)(?:st|nd|rd|th)(?![A-Za-z])"), _english_ordinal),
        _Class("yue.digits", c(r"(?<=[A-Za-z])\d{3,}(?![\d.,])"), _digits),
        _Class("yue.cardinal", c(rf"(?P<neg>{_NEG_OK}[-−])?(?P<num>{num})(?:\s?(?P<unit>{units})(?![A-Za-z²³]))?"), _number),
    ]


_CACHE: dict = {}


def _compiled(r: YueRules) -> list[_Class]:
    key = id(r)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = (r, _classes(r))
    return _CACHE[key][1]


def find(text: str, traditional: bool) -> list[Match]:
    """All number matches in one raw piece, spoken in the text's script."""
    r = load()
    src = text.translate(_WIDTH)
    claimed = bytearray(len(src))
    found: list[tuple[int, int, str, str]] = []
    for cls in _compiled(r):
        for m in cls.pattern.finditer(src):
            start, end = m.span()
            if start == end or any(claimed[start:end]):
                continue
            spoken = cls.read(m, src, r)
            if spoken is None:
                continue
            rule = cls.rule
            if rule == "yue.cardinal":
                rule = "yue.measure" if m.group("unit") else "yue.decimal" if "." in m.group("num") else rule
            found.append((start, end, spoken, rule))
            claimed[start:end] = b"\x01" * (end - start)
    # Safety net: a digit no class could read (a pattern declined around it) is still spoken.
    for m in _DIGIT_RUN.finditer(src):
        for start, end in _unclaimed(claimed, *m.span()):
            found.append((start, end, yue_int(src[start:end]) if end - start <= 4 else yue_digits(src[start:end]),
                          "yue.digits"))
    found.sort()
    found = _join_ranges(src, found, r)
    found = _stray_symbols(src, found)
    return [Match(s, e, in_script(t, traditional), rule) for s, e, t, rule in found]


_CURRENCY_SIGNS = "$¥￥€£"  # without an amount they are names, not words to say (蚊 needs a number)


def _stray_symbols(src: str, found: list) -> list:
    """Symbols no number class and no formula claimed (面積 = 長 × 闊: the first =, 好~) are read
    like the Mandarin TN reads them (rules/zh/symbols.yaml), in Traditional: no symbol reaches
    the voice from a Cantonese paragraph either."""
    from .tn import symbols  # the Mandarin stray-symbol reader; its words are shared Chinese ones
    out, pos = [], 0
    for item in found + [None]:
        gap_end = item[0] if item is not None else len(src)
        if gap_end > pos:
            for m in symbols.find(src, "zh", pos, gap_end):
                if src[m.start:m.end] not in _CURRENCY_SIGNS:
                    out.append((m.start, m.end, to_hongkong(m.text), "yue." + m.rule))
        if item is not None:
            out.append(item)
            pos = max(pos, item[1])
    return out


def _unclaimed(claimed: bytearray, start: int, end: int):
    i = start
    while i < end:
        if claimed[i]:
            i += 1
            continue
        j = i
        while j < end and not claimed[j]:
            j += 1
        yield i, j
        i = j


def _join_ranges(src: str, found: list, r: YueRules) -> list:
    """'2-3個', '10:30-11:30', '10~20℃': the dash between two spoken numbers is read 至."""
    to = r.say("range", a="", b="")
    out = []
    for i, item in enumerate(found):
        out.append(item)
        if i + 1 < len(found):
            nxt = found[i + 1]
            gap = src[item[1]:nxt[0]]
            if gap and item[3] in RANGEABLE and nxt[3] in RANGEABLE and _CONNECTOR.fullmatch(gap):
                out.append((item[1], nxt[0], to, "yue.range"))
    return out

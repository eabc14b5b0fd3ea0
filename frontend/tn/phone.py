"""Phone numbers and codes, digit by digit (Mandarin reads 1 as 幺 there): mobile and landline
numbers, 400/800 lines, numbers after 电话/房间/验证码..., rooms (305房间) and long route numbers (1234路; 302路 is 三百零二路),
ID numbers, leading-zero codes; English: 555-0134, (212) 555-0134, after "call"/"room"."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from ..rules import compiled
from .common import cardinal, digits, head_has, numbers_rules, tail_has

RULE = "number.phone"

# +86 139-1234-5678 | 13912345678 | 010-12345678 | (010) 1234 5678 | 400-123-4567 | 555-0134
_GROUPED = re.compile(
    r"(?a)(?<![\w.+/-])(?:\+\d{1,3}[ -]?)?(?:\(\d{2,4}\)\s?\d{3,4}[ -]?\d{4}|0\d{2,3}-\d{7,8}|[48]00-\d{3}-\d{4}"
    r"|(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d{4}|1[3-9]\d[ -]\d{4}[ -]\d{4}|0\d{1,4}[ -]\d{3,4}[ -]\d{4})(?![\w]|[.-]\d)")
# ISBN 978-7-111-12345-6, serials: three or more dash-joined digit groups are a code (dates are
# claimed before this class runs)
_DASHED = re.compile(r"(?a)(?<![\w.,+/-])\d+(?:-\d+){2,}(?![\w]|[.-]\d)")
# G1234次, CA1234, ISO9001, RTX4090: capitals glued to three or more digits name a train, flight,
# standard or model, read digit by digit (G20, A4 stay numbers)
# (x1234, a user name or extension: one lower-case letter glued to four or more digits, the same)
_LETTER_CODE = re.compile(r"(?a)(?<![A-Za-z0-9_])(?:[A-Z]{1,3}(\d{3,})|[a-z](\d{4,}))(?![\d,%]|\.\d)")
# 1080P, 720p: a video resolution is said digit by digit
_RESOLUTION = re.compile(r"(?a)(?<![\w.])(\d{3,4})(?=[Pp](?![A-Za-z]))")
# +1 415 555 2671, +44 20 7946 0958: an international number in spaced or dotted groups
_INTL = re.compile(r"(?a)(?<![\w+])\+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,5}(?![\w]|[.-]\d)")
# i7-13700H, i5-12400F, Ryzen 7840HS, 4060Ti: a model number -- digits with a capital suffix that
# is no unit (32GB, 67W stay measures), or digits hyphened after a letter-digit name (the hyphen
# is silent, never a minus) -- is read digit by digit
_MODEL_TAIL = re.compile(r"(?a)(?<=[A-Za-z]\d)-(\d{3,})(?=[A-Za-z]{0,3}(?![\w-]))")
_MODEL_SUFFIX = re.compile(r"(?a)(?<![\w.,+-])(\d{3,})(?=([A-Z][A-Za-z]{0,2})(?![\w]))")
# RTX 4060, GTX 1080, Office 2021: four digits after a Latin product name (a capital in it) are
# named digit by digit in Mandarin (a year-like 19xx/20xx without 幺), unless a unit or
# measure word follows (iPhone 2000元 is a price)
# (RTX 4060 Ti, RX 7900 XT: a short Latin word after the number is a model suffix unless it is a unit)
_AFTER_NAME = re.compile(r"(?a)(?<![\w])(?=[A-Za-z]*[A-Z])[A-Za-z]{2,}\s?(\d{4})(?![\w.,%])")
_WORD_AFTER = re.compile(r"(?a)\s?([A-Za-z]{1,3})\b")
# XR-2000, SN-20240315: capitals, a hyphen, three or more digits: a model or serial code
_LETTER_DASH_CODE = re.compile(r"(?a)(?<![\w-])[A-Z]{1,4}-(\d{3,})(?![\d.,%]|-\d)")
# Hong Kong / Taiwan: 9876 5432 (eight digits in two spaced groups of four is a local number, never
# two counts), 0912 345 678 (a Taiwan mobile in 4-3-3); 3456-7890 only after a phone word
_SPACED_LOCAL = re.compile(r"(?a)(?<![\w.,+-])(?:[2-9]\d{3} \d{4}|09\d{2}[ -]\d{3}[ -]\d{3})(?![\w]|[.,-]\d)")
_DASHED_LOCAL = re.compile(r"(?a)(?<![\w.,+-])[2-9]\d{3}-\d{4}(?![\w]|[.,-]\d)")
_DASHED_PAIR = re.compile(r"(?a)(?<![\w.,+-])\d{3,}-\d{3,}(?![\w]|[.,-]\d)")
# (four digits before the mark: a phone number ends there; 3#101 is building 3, room 101)
_EXTENSION = re.compile(r"(?a)(?<=\d{4})\s?(?P<mark>#|＃|转|轉)\s?(?P<ext>\d{1,5})(?![\d.,])")
# IP68: prefixes whose two digits are ratings said one by one (rules numbers.yaml digit_prefixes)
# 12306是铁路客服电话: a short number that a phone word later in the clause names
# Z97次, T31次: a train number is a name, read digit by digit like the longer G1234 (_LETTER_CODE)
_TRAIN = re.compile(r"(?a)(?<![A-Za-z0-9_])[A-Z](\d{2})(?=次)")
# 600519.SH, 00700.HK, AAPL.O: a security code with its exchange suffix, digit by digit
_TICKER = re.compile(r"(?a)(?<![\w.])(\d{4,6})(?=\.(?:SH|SZ|SS|BJ|HK|TW|KS|T|O|N)(?![\w.]))")
_LATER_PHONE_CUE = re.compile(r"(?:是|为)?[\u4e00-\u9fff]{0,6}?(?:电话|热线|客服|号码|服务号)")
_SHORT = re.compile(r"(?a)(\d{3})-(\d{4})", re.A)
_MOBILE = re.compile(r"(?a)(?<![\w.])(?:\+?86[ -]?)?1[3-9]\d{9}(?![\d.])", re.A)
_ID_CARD = re.compile(r"(?a)(?<![\w.])\d{17}[\dXx](?![\w.])", re.A)
_LEADING_ZERO = re.compile(r"(?a)(?<![\w.,])0\d{2,}(?![\d.,])", re.A)
_DIGITS = re.compile(r"(?a)(?<![\w.,])\d{3,}(?![\d%]|[.,]\d)", re.A)  # "Call 911." / "Room 1204," end a phrase
# 拨打120或119, call 911 or 999: a number joined to a code just read is a code too
_CODE_JOIN = re.compile(r"(?a)\s?(?:或者|或是|或|和|及|、|/|or|and)\s?$")


def read_code(code: str, lang: str) -> str:
    """Digits one by one; spaces, dashes and brackets become short gaps; + is 'plus'."""
    groups = re.findall(r"\+|[0-9A-Za-z]+", code)
    out = []
    for g in groups:
        if g == "+":
            out.append("plus" if lang == "en" else "加")
        else:
            out.append(digits(g, lang, yao=True))
    return " ".join(out)


@compiled
def _plate(lang: str):
    """京A·12345, 粤B 8888D, 沪AD12345 (new-energy): the part after the province letter is a code."""
    provinces = numbers_rules(lang).get("plate_provinces") or ""
    if not provinces:
        return None
    return re.compile(r"[" + re.escape(provinces) + r"][A-Z](?P<sep>\s?[·•・.]?\s?)"
                      r"(?P<code>(?=[A-Z0-9]*\d)[A-Z0-9]{5,6})(?![A-Za-z0-9])")


def plates(text: str, lang: str) -> Iterator[Match]:
    """Licence plates; cleanup also calls this, before math could take A·12345 for a product."""
    plate = _plate(lang)
    for m in plate.finditer(text) if plate else ():
        yield Match(m.start("sep"), m.end(), " " + read_code(m.group("code"), lang), RULE + ".plate")


@compiled
def _cue_patterns(lang: str):
    nr = numbers_rules(lang)
    return nr.get("code_before", []), nr.get("code_after", []), nr.get("route_after", []), nr.get("festival_after", [])


def _en_pair(two: str) -> str:
    """The second half of a nominal number: 01 -> oh one, 00 -> hundred, 70 -> seventy."""
    n = int(two)
    return "hundred" if n == 0 else ("oh " + numerals.en_int(n) if two[0] == "0" else numerals.en_int(n))


def en_nominal(num: str) -> str | None:
    """Room 101 -> one oh one, Flight 1205 -> twelve oh five; None for other lengths or a leading zero."""
    if num[0] == "0" or len(num) not in (3, 4):
        return None
    if num[1:] == "000":
        return numerals.en_int(num)  # Room 2000: two thousand
    head = numerals.en_int(num[:-2])
    return head + " " + _en_pair(num[-2:])


_EN_IS = re.compile(r"(?a)\s+(?:is|was|are|were|reads|:)\s*$")


def _en_cue_is(text: str, start: int, cues: list[str], lang: str) -> bool:
    """The ZIP code is 94103, your PIN was 0451: the code word, then is/was, then the number."""
    if lang != "en":
        return False
    m = _EN_IS.search(text, max(0, start - 12), start)
    return m is not None and tail_has(text, m.start(), cues, window=24)


_AIRLINE = re.compile(r"(?a)(?<![\w])[A-Z][A-Z0-9]\s?$")  # UA, BA, 3U before a flight number
_SMS_TO = re.compile(r"(?a)(?:\bto|到|至|给)\s?$")


def _sms_short_code(text: str, start: int, num: str, lang: str) -> bool:
    """Text STOP to 55555, 发送短信到10086: a short number sent to after a text-message word
    (sms_words in numbers.yaml) earlier in the clause is a short code, said digit by digit."""
    if not 3 <= len(num) <= 6 or not _SMS_TO.search(text, max(0, start - 4), start):
        return False
    before = text[max(0, start - 4):start].rstrip(" 到至给").rstrip()
    if before[-1:].isdigit():
        return False  # 1到10000: a range
    after = text[start + len(num):start + len(num) + 12].lstrip()
    if lang == "en" and after[:1].isalpha() and after.split(None, 1)[0].lower() not in ("to", "for", "or", "and", "now"):
        return False  # a message to 300 users: a count
    if lang != "en" and _measure_after(lang).match(text, start + len(num)):
        return False
    clause = text[max(0, start - 40):start]
    for mark in "。！？；，,;!?\n":
        clause = clause.rsplit(mark, 1)[-1]
    low = clause.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(w.lower()) + r"(?![a-z])", low) if w.isascii() else w in clause
               for w in numbers_rules(lang).get("sms_words", []))


def _route(num: str, start: int, end: int, lang: str) -> Match:
    """102路, 302路公交车: a bus route of up to three digits is named as a number (一百零二路, as
    stop announcements say it; never 两百), a longer one digit by digit."""
    if len(num) <= 3 and lang != "en" and num[0] != "0":
        return Match(start, end, numerals.zh_int(num), RULE + ".route")
    return Match(start, end, read_code(num, lang), RULE + ".code")


def _models(text: str, lang: str) -> Iterator[Match]:
    from .units import read_unit  # late: units imports nothing from here, but keep phone light
    for m in _MODEL_TAIL.finditer(text):
        spoken = read_code(m.group(1), lang) if lang != "en" else cardinal(m.group(1), lang)
        yield Match(m.start(), m.end(1), " " + spoken, RULE + ".model")
    for m in _MODEL_SUFFIX.finditer(text):
        suffix = m.group(2)
        if suffix in ("P", "K") or read_unit(suffix, lang) is not None or read_unit(suffix.lower(), lang) is not None:
            continue  # 1080P is a resolution, 3000K a colour temperature, 500ML a volume
        spoken = read_code(m.group(1), lang) if lang != "en" else cardinal(m.group(1), lang)
        yield Match(m.start(1), m.end(1), spoken, RULE + ".model")
    if lang == "en":
        return
    for m in _AFTER_NAME.finditer(text):
        num = m.group(1)
        word = _WORD_AFTER.match(text, m.end(1))
        if word is not None:
            if read_unit(word.group(1), lang) is not None or read_unit(word.group(1).lower(), lang) is not None:
                continue  # iPhone 2000 mAh, Canon 5000 mm: a measure
        elif _measure_after(lang).match(text, m.end(1)):
            continue
        year = num[:2] in ("19", "20")
        yield Match(m.start(1), m.end(1), digits(num, lang) if year else read_code(num, lang), RULE + ".model")


@compiled
def _measure_after(lang: str):
    """A unit or measure word right after a number: then it counts something (2000元, 1000人)."""
    from .common import alternation, words
    from .measure import unit_pattern
    return re.compile(r"(?a)\s?(?:" + unit_pattern(lang) + "|" + alternation(words(lang, "measure_words") + ["年", "月", "日", "号"]) + ")")


# abc123, wifi2024: a lower-case word with digits glued on; after a code word it is a password or ID
_LETTERS_DIGITS = re.compile(r"(?a)(?<![A-Za-z0-9])[A-Za-z]+(\d{2,})(?![A-Za-z0-9.])")


# FY2025, ES2022: a year after these capitals (year_prefixes), said as a year
# NY 10001, DC 20500-0001: a ZIP code after a US state code (us_states) is said digit by digit
# 1-800-FLOWERS: a toll-free vanity number
_VANITY = re.compile(r"(?a)(?<![\w-])1-(8\d\d)-([A-Z]{3,}(?:-?[A-Z]+)*)(?![\w-])")


@compiled
def _en_extra():
    nr = numbers_rules("en")
    years = re.compile(r"(?a)(?<![A-Za-z0-9_])(?:" + "|".join(map(re.escape, nr.get("year_prefixes", []))) + r")-?((?:1[89]|20)\d\d)(?![\d])")
    zips = re.compile(r"(?a)(?<![\w])(?:" + "|".join(map(re.escape, nr.get("us_states", []))) + r"),? (\d{5}(?:-\d{4})?)(?![\d-])")
    model = re.compile(r"(?a)\b(?:" + "|".join(map(re.escape, nr.get("model_nominal_before", []))) + r") ([A-Z]?)(\d{3})(?![\d.,])")
    return years, zips, model


# RTX 4090, GTX 1080, RX 7900: four digits after an all-caps product name are said in pairs, as a
# year is (forty ninety, ten eighty); not after a currency or code word (USD 1500, PIN 1234)
_CAPS_MODEL = re.compile(r"(?a)(?<![\w.-])([A-Z]{2,5}) ([1-9]\d{3})(?![\d.,%]|\s?[-–/]\s?\d)(?:\s?(?P<unit>[A-Za-z]{1,3})\b)?")


def _en_find(text: str) -> Iterator[Match]:
    years, zips, model = _en_extra()
    from .money import currencies
    for m in _CAPS_MODEL.finditer(text):
        name = m.group(1)
        if name in currencies("en")["symbols"] or name in numbers_rules("en").get("code_before", []) \
                or name in numbers_rules("en").get("year_prefixes", []) or m.group(2).endswith("000"):
            continue
        from .units import read_unit
        if m.group("unit") and read_unit(m.group("unit"), "en") is not None:
            continue  # a measure: 2000 W, 1500 mAh
        yield Match(m.start(2), m.end(2), numerals.en_year(m.group(2)), RULE + ".model")
    for m in years.finditer(text):
        yield Match(m.start(1), m.end(1), (" " if text[m.start(1) - 1] != "-" else "") + numerals.en_year(m.group(1)),
                    RULE + ".year_label")
    for m in zips.finditer(text):
        yield Match(m.start(1), m.end(1), read_code(m.group(1), "en"), RULE + ".zip")
    for m in _VANITY.finditer(text):
        area = m.group(1)
        said = numerals.en_int(int(area)) if area.endswith("00") else digits(area, "en")
        yield Match(m.start(), m.end(), "one " + said + " " + m.group(2), RULE + ".vanity")
    for m in model.finditer(text):  # Boeing 747 seven forty-seven, Airbus A380 A three eighty
        yield Match(m.start(1), m.end(2), (m.group(1) + " " if m.group(1) else "") + en_nominal(m.group(2)),
                    RULE + ".nominal")


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "en":
        yield from _en_find(text)
    before, after, route, festival = _cue_patterns(lang)
    yield from plates(text, lang)
    for m in _TRAIN.finditer(text):
        yield Match(m.start(1), m.end(1), read_code(m.group(1), lang), RULE + ".train")
    for m in _TICKER.finditer(text):
        yield Match(m.start(), m.end(), read_code(m.group(1), lang), RULE + ".ticker")
    for m in _ID_CARD.finditer(text):
        yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".id")
    for m in _MOBILE.finditer(text):
        yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE)
    for m in _GROUPED.finditer(text):
        short = _SHORT.fullmatch(m.group(0))
        nxt = text[m.end():m.end() + 1]
        if short and int(short.group(1)) < int(short.group(2)) and nxt.isalpha() and not (
                short.group(2).startswith("0") or tail_has(text, m.start(), before)):
            continue  # 100-1000元 is a range; 555-0134 and "电话 555-1234" are numbers
        yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE)
    for m in _INTL.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 8:
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE)
    # after _INTL: +852 2111 2222 is one international number
    for m in _SPACED_LOCAL.finditer(text):
        if lang == "en" or not _measure_after(lang).match(text, m.end()):
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".local")
    for m in _DASHED_LOCAL.finditer(text):
        # 電話費3000-5000元 is a range of amounts: a unit or measure word after it counts
        if tail_has(text, m.start(), before, window=10) and (lang == "en" or not _measure_after(lang).match(text, m.end())):
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".local")
    yield from _models(text, lang)
    for m in _RESOLUTION.finditer(text):
        res = m.group(1)
        spoken = digits(res, lang) if lang != "en" else \
            numerals.en_int(int(res[:-2])) + " " + numerals.en_int(int(res[-2:]))  # ten eighty p
        yield Match(m.start(1), m.end(1), spoken, RULE + ".code")
    for m in _LETTER_CODE.finditer(text):
        g = 1 if m.group(1) else 2
        if len(m.group(g)) <= 3 and head_has(text, m.end(), route):
            yield _route(m.group(g), m.start(g), m.end(g), lang)  # K102路, Y801路: a route name
            continue
        yield Match(m.start(g), m.end(g), read_code(m.group(g), lang), RULE + ".code")
    for m in _LETTER_DASH_CODE.finditer(text):
        yield Match(m.start(1) - 1, m.end(1), " " + read_code(m.group(1), lang), RULE + ".code")
    prefixes = numbers_rules(lang).get("digit_prefixes", []) if lang != "en" else []
    if prefixes:
        for m in re.finditer(r"(?a)(?<![A-Za-z])(?:" + "|".join(map(re.escape, prefixes)) + r")(\d{2})(?!\d)", text):
            yield Match(m.start(1), m.end(1), digits(m.group(1), lang), RULE + ".rating")
    for m in _DASHED.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 7 or tail_has(text, m.start(), before):
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".code")
    for m in _DASHED_PAIR.finditer(text):
        # 帳號：0001234-5678901: two long dash-joined groups after a code word are one code
        if tail_has(text, m.start(), before, window=10) and not _measure_after(lang).match(text, m.end()):
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".code")
    for m in _EXTENSION.finditer(text):
        # 02-2345-6789#123, 010-12345678转123: an extension after a phone number, digit by digit;
        # '#' is said as the extension word, a written 转/轉 stays
        if m.group("mark") in "转轉":
            yield Match(m.start("ext"), m.end(), read_code(m.group("ext"), lang), RULE + ".extension")
        else:
            yield Match(m.start(), m.end(), numbers_rules(lang).get("extension_word", "ext.") + " " +
                        read_code(m.group("ext"), lang), RULE + ".extension")
    nominal = numbers_rules(lang).get("nominal_before", []) if lang == "en" else []
    code_end = -1
    for m in _DIGITS.finditer(text):
        if code_end >= 0 and m.start() - code_end <= 4 and _CODE_JOIN.search(text[code_end:m.start()]):
            code_end = m.end()
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".code")
            continue
        airline = _AIRLINE.search(text, max(0, m.start() - 4), m.start()) if nominal else None
        cue_at = airline.start() if airline else m.start()  # Flight UA 857: the airline code between
        spoken = en_nominal(m.group(0)) if nominal and tail_has(text, cue_at, nominal) else None
        if spoken:
            yield Match(m.start(), m.end(), spoken, RULE + ".nominal")
        elif len(m.group(0)) <= 4 and head_has(text, m.end(), festival):
            yield Match(m.start(), m.end(), digits(m.group(0), lang), RULE + ".festival")
        elif head_has(text, m.end(), route) and not head_has(text, m.end(), ["路程", "路上", "路线", "路口"]):
            yield _route(m.group(0), m.start(), m.end(), lang)
        elif tail_has(text, m.start(), before) or head_has(text, m.end(), after) or _en_cue_is(text, m.start(), before, lang) \
                or _sms_short_code(text, m.start(), m.group(0), lang) or (
                lang != "en" and len(m.group(0)) <= 6 and _LATER_PHONE_CUE.match(text, m.end())) or (
                lang != "en" and len(m.group(0)) in (3, 4) and tail_has(text, m.start(), numbers_rules(lang).get("room_before", []))
                and not _measure_after(lang).match(text, m.end())) or (
                lang != "en" and len(m.group(0)) >= 5 and tail_has(text, m.start(), ["号"])
                and not _measure_after(lang).match(text, m.end())):
            # QQ号是123456789, 会员号：20230001 -- a long number right after any X号 is that number
            code_end = m.end()
            yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".code")
    for m in _LEADING_ZERO.finditer(text):
        yield Match(m.start(), m.end(), read_code(m.group(0), lang), RULE + ".code")
    if lang != "en":
        for m in _LETTERS_DIGITS.finditer(text):
            if tail_has(text, m.start(), before):  # 密码是abc123: the digits of a password, one by one
                yield Match(m.start(1), m.end(1), read_code(m.group(1), lang), RULE + ".code")

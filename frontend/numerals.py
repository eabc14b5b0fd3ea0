"""Reading numbers as words: the one place that knows how Mandarin and English count.

Every stage that speaks a number (math, money, dates, Cantonese) calls these, so a digit is
read the same way everywhere. Inputs are digit strings, never floats (no rounding surprises).
"""
from __future__ import annotations

ZH_DIGITS = "零一二三四五六七八九"
_ZH_SMALL_UNITS = ["", "十", "百", "千"]
_ZH_BIG_UNITS = ["", "万", "亿", "万亿", "亿亿"]


def _zh_group(n: int, leading: bool) -> str:
    """0 < n < 10000 -> 一千零五; a leading 1x reads 十x (十五, not 一十五)."""
    digits = f"{n:04d}"
    out, zero = [], False
    for i, ch in enumerate(digits):
        d = int(ch)
        unit = _ZH_SMALL_UNITS[3 - i]
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(ZH_DIGITS[d] + unit)
    text = "".join(out)
    if leading and text.startswith("一十"):
        text = text[1:]
    return text


def zh_int(digits: str | int, *, liang: bool = False) -> str:
    """Mandarin cardinal: 10005 -> 一万零五, 2 -> 二 (liang=True: 两 where Mandarin says it).

    liang applies the rule 'a leading 2 before 百/千/万/亿, or a bare 2 counting something'
    (两百, 两千, 两万; but 二十, 十二).
    """
    n = int(digits)
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_ZH_BIG_UNITS):
        return zh_digits(str(int(digits)))
    out, need_zero = [], False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out.append("零")
        out.append(_zh_group(g, leading=not out) + _ZH_BIG_UNITS[idx])
        need_zero = False
    text = "".join(out)
    if liang:
        text = _liang(text)
    return text


def _liang(text: str) -> str:
    if text == "二":
        return "两"
    if text.startswith("二") and len(text) > 1 and text[1] in "百千万亿":
        return "两" + text[1:]
    return text


def zh_digits(digits: str, *, yao: bool = False) -> str:
    """Digit by digit (phone numbers, years, codes); yao=True reads 1 as 幺."""
    table = ZH_DIGITS.replace("一", "幺") if yao else ZH_DIGITS
    return "".join(table[int(c)] if c.isdigit() else c for c in digits)


def zh_number(text: str, *, liang: bool = False) -> str:
    """A decimal number string, optionally signed: '-3.14' -> 负三点一四."""
    sign = ""
    if text[:1] in "-−":
        sign, text = "负", text[1:]
    elif text[:1] == "+":
        sign, text = "正", text[1:]
    text = text.replace(",", "")
    whole, _, frac = text.partition(".")
    spoken = zh_int(whole or "0", liang=liang and not frac)
    if frac:
        spoken += "点" + zh_digits(frac)
    return sign + spoken


_EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_BIG = ["", "thousand", "million", "billion", "trillion", "quadrillion"]


def _en_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(_EN_ONES[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(_EN_TENS[n // 10] + ("-" + _EN_ONES[n % 10] if n % 10 else ""))
    elif n or not parts:
        parts.append(_EN_ONES[n])
    return " ".join(parts)


def en_int(digits: str | int) -> str:
    n = int(digits)
    if n == 0:
        return "zero"
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    if len(groups) > len(_EN_BIG):
        return en_digits(str(int(digits)))
    words = [(_en_below_1000(g) + (" " + _EN_BIG[i] if _EN_BIG[i] else ""))
             for i, g in reversed(list(enumerate(groups))) if g]
    return " ".join(words)


def en_digits(digits: str) -> str:
    return " ".join(_EN_ONES[int(c)] if c.isdigit() else c for c in digits)


def en_number(text: str) -> str:
    """'-3.14' -> minus three point one four."""
    sign = ""
    if text[:1] in "-−":
        sign, text = "minus ", text[1:]
    text = text.replace(",", "")
    whole, _, frac = text.partition(".")
    spoken = en_int(whole or "0")
    if frac:
        spoken += " point " + en_digits(frac)
    return sign + spoken


_EN_ORD_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                     "nine": "ninth", "twelve": "twelfth"}


def en_ordinal(digits: str | int) -> str:
    words = en_int(digits)
    head, sep, last = words.rpartition(" ") if " " in words else ("", "", words)
    pre, hy, tail = last.rpartition("-")
    if tail in _EN_ORD_IRREGULAR:
        tail = _EN_ORD_IRREGULAR[tail]
    elif tail.endswith("y"):
        tail = tail[:-1] + "ieth"
    else:
        tail += "th"
    return head + sep + pre + hy + tail


def en_year(digits: str) -> str:
    """1999 -> nineteen ninety-nine, 2005 -> two thousand five, 2024 -> twenty twenty-four."""
    n = int(digits)
    if len(digits) != 4 or n < 1000:
        return en_int(n)
    hi, lo = divmod(n, 100)
    if lo == 0:
        return en_int(hi) + " hundred" if n % 1000 else en_int(n)
    if 2000 <= n < 2010:
        return en_int(n)
    return en_int(hi) + " " + ("oh " + en_int(lo) if lo < 10 else en_int(lo))

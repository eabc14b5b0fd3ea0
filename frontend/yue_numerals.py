"""Cantonese numerals on top of frontend/numerals.py (pronunciation.md §2).

Same counting as Mandarin (一百一十, 三千零一十二; a leading 1x is 十x) but written in
Traditional characters, 兩 (loeng5) instead of 两 where it counts something, 點 as the
decimal point, and digit strings with 一, never Mandarin 幺.
"""
from __future__ import annotations

from .numerals import zh_digits, zh_int

_TRAD = str.maketrans({"万": "萬", "亿": "億", "两": "兩"})


def yue_int(digits: str | int, *, liang: bool = False) -> str:
    """12 -> 十二, 110 -> 一百一十, 20000 -> 二萬 (liang=True: 2 -> 兩, 2000 -> 兩千, 22 -> 二十二)."""
    return zh_int(str(digits).replace(",", ""), liang=liang).translate(_TRAD)


def yue_digits(digits: str) -> str:
    """Digit by digit: '0123' -> 零一二三 (1 is 一, never 幺)."""
    return zh_digits("".join(c for c in digits if c.isdigit()))


def yue_number(text: str, *, liang: bool = False, point: str = "點", negative: str = "負") -> str:
    """'-12.50' -> 負十二點五零; a decimal never takes 兩 (兩點五 would sound like 2:05)."""
    sign = ""
    if text[:1] in "-−":
        sign, text = negative, text[1:]
    elif text[:1] == "+":
        text = text[1:]
    whole, _, frac = text.replace(",", "").partition(".")
    spoken = yue_int(whole or "0", liang=liang and not frac)
    if frac:
        spoken += point + yue_digits(frac)
    return sign + spoken

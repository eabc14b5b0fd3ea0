"""Ordinals: 第3 第三 (never 第两), 第1-3题 第一到第三题, 第1、2题; English 3rd third, 21st, No. 5."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from .common import cardinal, tpl

RULE = "number.ordinal"
_ZH = re.compile(r"(?a)第\s?(\d+)(?:\s?(?P<sep>[-~～–—至到])\s?(?:第\s?)?(\d+))?(?!\d|\.\d)")
_ZH_LIST = re.compile(r"(?a)第\s?\d+(?:\s?[、,，和及]\s?\d+(?![\d.]))+")
_EN = re.compile(r"(?a)(?<![\d.,])(\d+)\s?(st|nd|rd|th|ST|ND|RD|TH)\b", re.A)
_BEFORE_ENGLISH_WORD = re.compile(r"(?a) ?[A-Za-z]{2,}")
_ZH_NO = re.compile(r"(?a)\b(?:No|NO|no)\.\s?(\d+)(?![\d.])")
_EN_NO = re.compile(r"(?a)\b(No|no|NO|Nos)\.\s?(?=\d)", re.A)


def zh_ordinal(num: str) -> str:
    return tpl("zh", "ordinal")(num=cardinal(num, "zh"))


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "en":
        for m in _EN.finditer(text):
            yield Match(m.start(), m.end(), numerals.en_ordinal(m.group(1)), RULE)
        for m in _EN_NO.finditer(text):
            yield Match(m.start(), m.end(), "number ", RULE + ".number_sign")
        return
    for m in _EN.finditer(text):  # 1st和2nd, 拿了1st: an English ordinal in Chinese text is 第一
        if m.group(1)[-1:] in "123" and m.group(1)[-2:-1] != "1" and m.group(2).lower() != {"1": "st", "2": "nd", "3": "rd"}[m.group(1)[-1]]:
            continue  # 2st, 3th: no ordinal spelling, leave it alone
        if _BEFORE_ENGLISH_WORD.match(text, m.end()):  # 2nd hand, 1st class: said in English
            yield Match(m.start(), m.end(), numerals.en_ordinal(m.group(1)), RULE + ".english_word")
            continue
        yield Match(m.start(), m.end(), zh_ordinal(m.group(1)), RULE + ".english")
    for m in _ZH_NO.finditer(text):
        yield Match(m.start(), m.end(), zh_ordinal(m.group(1)), RULE + ".number_sign")  # No.1中学: 第一中学
    for m in _ZH_LIST.finditer(text):
        # 第1、2、3题 -> 第一、二、三题
        nums = re.findall(r"\d+", m.group(0))
        seps = re.findall(r"[、,，和及]", m.group(0))
        out = zh_ordinal(nums[0]) + "".join(s + cardinal(n, "zh") for s, n in zip(seps, nums[1:]))
        yield Match(m.start(), m.end(), out, RULE + ".list")
    for m in _ZH.finditer(text):
        first = zh_ordinal(m.group(1))
        if m.group(3):
            second = zh_ordinal(m.group(3))
            sep = m.group("sep")
            # 第3至5章 keeps its 至; a dash or tilde is read with the range template (到)
            spoken = first + sep + second if sep in "至到" else tpl("zh", "range")(a=first, b=second)
            yield Match(m.start(), m.end(), spoken, RULE + ".range")
        else:
            yield Match(m.start(), m.end(), first, RULE)

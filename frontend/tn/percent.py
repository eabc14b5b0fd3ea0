"""Percentages: 5.2% 百分之五点二, 3‰ 千分之三, -5% 负百分之五; 45% forty-five percent."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from .common import NUM, cardinal, sign_allowed, tpl

RULE = "number.percent"
_KIND = {"%": "percent", "％": "percent", "‰": "permille", "‱": "permyriad"}
_PATTERN = re.compile(r"(?a)(?P<sign>[-−+])?(?<![\d.,])(?P<num>" + NUM + r")(?![\d])\s?(?P<mark>[%％‰‱])", re.A)


# 7.5折, 打8.8折: a discount with one decimal is said digit by digit (七五折, not 七点五折); zh only
_DISCOUNT = re.compile(r"(?a)(?<![\d.,])(?P<a>[1-9])\.(?P<b>\d)(?=\s?折)")


def read_percent(num: str, mark: str, lang: str, *, negative: bool = False) -> str:
    spoken = tpl(lang, _KIND[mark])(num=cardinal(num, lang))
    return tpl(lang, "negative")(num=spoken) if negative else spoken


def find(text: str, lang: str) -> Iterator[Match]:
    if lang != "en":
        for m in _DISCOUNT.finditer(text):
            yield Match(m.start(), m.end(), cardinal(m.group("a"), lang) + cardinal(m.group("b"), lang), RULE + ".discount")
    for m in _PATTERN.finditer(text):
        signed = m.group("sign") in ("-", "−") and sign_allowed(text, m.start())
        start = m.start() if signed else m.start("num")
        yield Match(start, m.end(), read_percent(m.group("num"), m.group("mark"), lang, negative=signed), RULE)

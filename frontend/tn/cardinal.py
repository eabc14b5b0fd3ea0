"""Cardinals and decimals, the catch-all number class: 1234 一千二百三十四, 2个 两个, 2000人 两千人,
-5 负五, x-2 x减二 (binary minus, never 负), 1,250 one thousand two hundred fifty."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled
from .common import NUM, alternation, cardinal, minus_role, tpl, words

RULE = "number.cardinal"
# sign or binary minus, then the number; a leading '.5' is a decimal too
# (a digit after "1," that is no thousands group -- "1,23" -- is still read: only a digit before "." blocks)
_PATTERN = re.compile(r"(?a)(?P<minus>[-−]\s?)?(?<!\d)(?<!\d\.)(?P<num>" + NUM + r"|(?<![A-Za-z])\.\d+)(?![\d])")


_MIN_SEC = re.compile(r"(?a)分\d{1,2}(?:\.\d+)?秒")


@compiled
def _measure(lang: str):
    """Lookahead for a measure word that turns an exact 2 into 两 (两个, not 二年级).
    not_after is checked on the words right after the number (2年级, 2元素), not after the measure
    word: 2个月 and 2个版本 are 两个 (the 个 counts them)."""
    return re.compile(r"(?a)\s?(?!" + alternation(words(lang, "not_after")) + r")(?:" +
                      alternation(words(lang, "measure_words")) + ")")


# a range or choice written out with a word between two small numbers (the number after it is
# read by its own match; only the 两 rule looks past it)
_WRITTEN_RANGE = re.compile(r"(?a)\s?(?:到|至|、|或|~|～|-)\s?\d{1,3}(?![\d.,:/])")
_LISTED = re.compile(r"(?a)\d\s?[、,，]\s?$")


def read_cardinal(num: str, lang: str, text: str = "", end: int = 0) -> str:
    """A number with the 两 rule: exact 2 before a measure word, and a leading 2 before 百千万亿."""
    plain = num.replace(",", "")
    liang = False
    if lang != "en" and "." not in plain:
        if plain == "2":
            if text:
                # 2到3天, 2、3個人, 2或3次: the word after the second number counts the first too
                written = _WRITTEN_RANGE.match(text, end)
                if written and _LISTED.search(text, 0, end - len(num)):
                    written = None  # 1、2、3個: a list of labels, not "two or three"
                # 两个, 两年; 2分31秒 两分: minutes before seconds (a bare 2分 may be two points)
                liang = (_measure(lang).match(text, written.end() if written else end) is not None
                         or _MIN_SEC.match(text, end) is not None)
        else:
            liang = len(plain) >= 3
    if plain.startswith("."):
        plain = "0" + plain
    return cardinal(plain, lang, liang=liang)


def _temperature(text: str, start: int, end: int) -> bool:
    """温度降到-3.5度: a negative number of 度 after a temperature word is 零下, not 负."""
    if not text.startswith("度", end):
        return False
    cues = words("zh", "temperature_cues")
    return any(c in text[max(0, start - 12):start] or c in text[end:end + 10] for c in cues)


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _PATTERN.finditer(text):
        num = m.group("num")
        # B2口, M2只要: a digit glued to a Latin letter is part of a label, never 两
        glued = m.start("num") > 0 and text[m.start("num") - 1].isascii() and text[m.start("num") - 1].isalpha()
        spoken = read_cardinal(num, lang, "" if glued else text, m.end())
        start = m.start("num")
        if m.group("minus"):
            before = minus_role(text, m.start())
            if before == "operand":
                start = m.start()
                spoken = tpl(lang, "minus")() + (" " if lang == "en" else "") + spoken
                if lang == "en":
                    spoken = " " + spoken
            elif before == "range":
                pass  # the dash stays raw: tn.find_all reads it 到 between the two counts
            elif before == "word":
                if lang == "en" and re.search(r"\d-[a-z]+$", text[:m.start()]):
                    start = m.start("num")  # 1-in-5, 3-to-1: one hyphened compound, the hyphen stays
                else:
                    start = m.start()  # COVID-19, F-16: the hyphen is silent
                    spoken = " " + spoken if lang == "en" else spoken
            else:
                start = m.start()
                spoken = tpl(lang, "below_zero" if _temperature(text, m.start(), m.end()) else "negative")(num=spoken)
        yield Match(start, m.end(), spoken, RULE)

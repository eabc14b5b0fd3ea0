"""Document references and labels: p. 12, pp. 3–5, §2.1, Fig. 2-3, 图1-2, ①, №3, Eq. (1), c. 1850.

Textbooks, papers and exercise sheets point at their own parts. The number after a reference word
is a label, not a quantity or a range: 图1-2 is figure 1-2 (图一杠二), never 图一到两; pp. 3–5 is
pages three to five. Words and joiners are data: `reference_*` in rules/<lang>/numbers.yaml and
`before_number` in rules/en/abbreviations.yaml.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled, load
from .common import alternation, cardinal, numbers_rules, words

RULE = "number.reference"

# ①..⑳, ⑴..⒇, ⒈..⒛, ❶..❿, ➀..➉: an enclosed number is that number (a list label or a step)
_ENCLOSED = {}
for _base, _count in ((0x2460, 20), (0x2474, 20), (0x2488, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10), (0x24F5, 10)):
    for _i in range(_count):
        _ENCLOSED[chr(_base + _i)] = _i + 1
_ENCLOSED_RE = re.compile("[" + "".join(_ENCLOSED) + "]")

_LABEL_NUM = r"\d{1,3}(?:\s?[-–]\s?\d{1,3}){1,3}(?![\d.:/])"  # 1-2, 2-3-1: dash-joined label parts


def _label(parts: str, lang: str) -> str:
    joiner = numbers_rules(lang).get("reference_joiner", " dash " if lang == "en" else "杠")
    nums = re.findall(r"\d+", parts)
    return joiner.join(cardinal(n, lang) for n in nums)


@compiled
def _en_words() -> dict[str, str]:
    data = load("en", "abbreviations")
    table = data.get("before_number") if isinstance(data, dict) else None
    return dict(table or {})


@compiled
def _patterns(lang: str):
    label_words = words(lang, "reference_label_before")
    if lang == "en":
        before = _en_words()
        dotted = [w for w in before if not w.startswith("§")]
        # Fig. 3, pp. 3–5, Eq. (1), Apt. 4B, c. 1850: the abbreviation with its full stop, then a number
        abbrev = re.compile(r"(?a)(?<![\w.])(" + alternation(dotted) + r")\.\s?(?=\(?\d)")
        label = re.compile(r"(?a)(?<![\w.])(?:" + alternation(label_words) + r")\.?\s?(" + _LABEL_NUM + r")")
    else:
        abbrev = None
        label = re.compile(r"(?a)(?<![\d.])(?<=" + "|".join(re.escape(w[-1]) for w in label_words) + r")"
                           r"(" + _LABEL_NUM + r")") if label_words else None
    return abbrev, label, label_words


_ZH_PAGE = re.compile(r"(?a)(?<![A-Za-z])(pp?|PP?)\.\s?(\d{1,4})(?:\s?[-–~～]\s?(\d{1,4}))?(?![\d.])")
_ZH_BARE_PAGE = re.compile(r"(?a)(?<![A-Za-z0-9])[Pp]\s?(\d{1,4})(?:\s?[-–~～]\s?(\d{1,4}))?(?![\d.A-Za-z=＝])")
_SECTION = re.compile(r"(§§?)\s?(\d{1,3}(?:\.\d{1,3}){0,3})(?![\d])")
_NUMERO = re.compile(r"№\s?(\d{1,6})(?!\d)")
# #1 张三, 排名#3: a number sign before a rank or item number (not #000 or #ff0000, colours)
_HASH_NUMBER = re.compile(r"(?a)(?<![\w#&/])#([1-9]\d{0,3})(?![\w#])")
_EQ_NUMBER = re.compile(r"\((\d{1,3})\)")


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _ENCLOSED_RE.finditer(text):
        spoken = cardinal(str(_ENCLOSED[m.group(0)]), lang)
        if text[m.end():m.end() + 1].isspace():
            spoken += "," if lang == "en" else "，"  # ① 先化简: a list label, then a pause
        yield Match(m.start(), m.end(), spoken, RULE + ".enclosed")
    for m in _SECTION.finditer(text):
        num = cardinal(m.group(2), lang)
        if lang == "en":
            spoken = ("sections " if len(m.group(1)) == 2 else "section ") + num
        else:
            spoken = numbers_rules("zh").get("reference_section", "第{num}节").format(num=num)
        yield Match(m.start(), m.end(), spoken, RULE + ".section")
    for m in _NUMERO.finditer(text):
        num = cardinal(m.group(1), lang)
        if lang == "en":
            spoken = "number " + num
        else:
            spoken = num if text[m.end():m.end() + 1] == "号" else num + "号"
        yield Match(m.start(), m.end(), spoken, RULE + ".numero")
    for m in _HASH_NUMBER.finditer(text):
        if lang != "en" and re.search(r"(?a)[A-Za-z0-9]\s*$", text[:m.start()]):
            continue  # PR #123, issue #5: a code reference after a Latin word keeps its number sign (井号)
        num = cardinal(m.group(1), lang)
        if lang == "en":
            spoken = "number " + num
        else:
            said = text[m.end():m.end() + 1] in ("号", "名") or text[m.start() - 1:m.start()] == "第"
            spoken = num if said else num + "号"
        yield Match(m.start(), m.end(), spoken, RULE + ".hash")
    abbrev, label, label_words = _patterns(lang)
    if label is not None:
        for m in label.finditer(text):
            if lang == "zh" and not any(text[:m.start(1)].endswith(w) for w in label_words):
                continue
            spoken = _label(m.group(1), lang)
            yield Match(m.start(1), m.end(1), (" " + spoken) if lang == "en" and text[m.start(1) - 1] != " " else spoken,
                        RULE + ".label")
    if lang == "en":
        before = _en_words()
        for m in abbrev.finditer(text):
            word = before[m.group(1)]
            if m.group(1).lower() in ("min", "max") and re.search(r"\d\s?$", text[max(0, m.start() - 3):m.start()]):
                continue  # rest 5 min. 3 sets: the unit's full stop, not "minimum"
            end = m.end()
            eq = _EQ_NUMBER.match(text, end)
            if eq:  # Eq. (1): equation one, the brackets are only typography
                yield Match(m.start(), eq.end(), word + " " + cardinal(eq.group(1), "en"), RULE + ".abbreviation")
                continue
            yield Match(m.start(), end, word + " ", RULE + ".abbreviation")
    else:
        for m in _ZH_PAGE.finditer(text):
            if m.group(3):
                num = cardinal(m.group(2), "zh") + "到" + cardinal(m.group(3), "zh")
            else:
                num = cardinal(m.group(2), "zh")
            spoken = numbers_rules("zh").get("reference_page", "第{num}页").format(num=num)
            yield Match(m.start(), m.end(), spoken, RULE + ".page")
        page_words = words("zh", "reference_page_before")
        for m in (_ZH_BARE_PAGE.finditer(text) if page_words else ()):
            # 练习册P12-13, 作业：P56 1-5题: a page word earlier in the clause (P1=10W stays a name)
            clause = re.split(r"[，。；;,!?！？]", text[max(0, m.start() - 12):m.start()])[-1]
            if not any(w in clause for w in page_words):
                continue
            num = cardinal(m.group(1), "zh") + ("到" + cardinal(m.group(2), "zh") if m.group(2) else "")
            spoken = numbers_rules("zh").get("reference_page", "第{num}页").format(num=num)
            yield Match(m.start(), m.end(), spoken, RULE + ".page")

"""Exercise-sheet layout, found by clean-up: list labels, answer options, check marks, decorations.

Education apps send worksheets as plain text. Their layout marks are no formula and no quantity:
`(1) 3.5+2.7=` starts with a list label (not a product (1)·3.5), `A. 1/2  B. 1/3` is a row of
options (B is no byte), `（√）` is a tick (not a square root), `《论语·学而》` holds a separator
(not a product). Readings are data in rules/<lang>/cleanup.yaml (`layout`).
"""
from __future__ import annotations

from typing import Iterator

import regex

from .pieces import RAW, Match

# (1) / （1） at the start of a line, before a space or a Han character: a list label
_LIST_LABEL = regex.compile(r"^\s*([(（])(\d{1,2})([)）])(?=\s|\p{Han}|$)")
# A. / B． / C、 after the line start or a space: an answer option label, when A, B, C... follow in order
_OPTION = regex.compile(r"(?:^|(?<=[\s：:）)，,；;。]))([A-H])\s?[.．、](?![A-Za-z.．])")
# ✓ ✗ anywhere; √ × alone in brackets or quotes (判断题 （√）, 画“×”): a tick or a cross
_TICK = regex.compile(r"[✓✔☑🗸]|(?<=[（(“\"‘「【\[]\s*)√(?=\s*[）)”\"’」】\]])")
_CROSS = regex.compile(r"[✗✘☒]|(?<=[（(“\"‘「【\[]\s*)×(?=\s*[）)”\"’」】\]])")
# stars: ★★★★☆ is a rating when it mixes filled and hollow stars, else decoration like ※ ◆
_TICK_CHARS = frozenset("✓✔☑🗸✗✘☒√×")  # the patterns' lookbehinds run only on lines that hold one
_DOT_CHARS = frozenset("·•‧・")
_STARS = regex.compile(r"[★☆]{2,}")
_DECORATION = regex.compile(r"[★☆※◆◇♦✦✧❖➤►▶◀▷◁]+")
# 《论语·学而》, 唐·李白, 卡尔·马克思: a middle dot between Han characters separates names or titles
_NAME_DOT = regex.compile(r"(?<=\p{Han}[》」”]?)[·•‧・](?=[《「“]?\p{Han})")
_DOT_RUN = regex.compile(r"[·•‧・]{2,}")  # ·····: an ellipsis typed with middle dots
# 17÷3=5……2, 12÷5=2（米）……2（米）: the dots after a quotient are the remainder, not an ellipsis
_REMAINDER = regex.compile(r"(?<=÷\s?\d{1,9}(?:\.\d+)?\s?=\s?\d{1,9}(?:\.\d+)?\s?(?:[(（][^()（）\d]{1,4}[)）])?\s?)"
                           r"(?:…{1,2}|\.{3,6}|⋯{1,2})(?=\s?\d)")
# ○ in a primary-school exercise (3○5, 在○里填上“>”) is a circle to fill in (□ is math's: □+5=12)
_BOX = regex.compile(r"○+")
_HAN_DIGITS = "〇零一二三四五六七八九十年"  # 二○二四年: ○ typed for the zero 〇


# - [ ] 完成作业 / - [x] done: a markdown task box after the bullet
_TASK_BOX = regex.compile(r"^\s{0,6}(?:[-*+•]\s+)?(\[[ xX✓]\])\s")
# 2.5t=（　）kg, 3.6km=___m: a unit conversion exercise; the number with its unit is a measure
# (never the variable t) and the unit after the blank is read as a unit
_BLANK_SLOT = r"(?:[（(][\s\u3000]*[）)]|_{2,}|＿{2,})"
_CONVERT_FROM = regex.compile(r"(?<![\w.])(\d{1,9}(?:\.\d+)?)\s?([A-Za-zμ]{1,4}[²³]?)(?=\s?=\s?" + _BLANK_SLOT + r")")
_CONVERT_TO = regex.compile(r"(?<=" + _BLANK_SLOT + r")\s?([A-Za-zμ]{1,4}[²³]?)(?![A-Za-z0-9])")

# 1．B　2．C, 1.C 2.A, 11．5　12．5: an answer key, item numbers in order each with its answer
_ANSWER_ITEM = regex.compile(r"(?:^|(?<=[\s：:，,；;]))(\d{1,3})\s?(?:[.．、](?=[A-H]{1,4}(?![A-Za-z0-9.．]))|．(\d{1,4})(?![\d.．])\s*)")


def _answer_items(text: str) -> list:
    """Numbered answers on one line: at least two whose numbers follow each other (1, 2, 3)."""
    found = list(_ANSWER_ITEM.finditer(text))
    items: list = []
    run: list = []
    for m in found:
        if run and int(m.group(1)) == int(run[-1].group(1)) + 1:
            run.append(m)
            continue
        if len(run) >= 2:
            items.extend(run)
        run = [m]
    if len(run) >= 2:
        items.extend(run)
    return items


def _option_labels(text: str) -> list:
    """Option labels A, B, C... on one line, in order from A; at least two."""
    found = list(_OPTION.finditer(text))
    labels, want = [], "A"
    for m in found:
        if m.group(1) == want:
            labels.append(m)
            want = chr(ord(want) + 1)
    return labels if len(labels) >= 2 else []


def find(text: str, lang: str, at_line_start: bool, readings: dict, typed: str | None = None) -> Iterator[Match]:
    said = readings.get("layout", {})
    if at_line_start:
        m = _TASK_BOX.match(text)
        if m:
            yield Match(m.start(1), m.end(1), "", "layout.task_box", kind=RAW)
        m = _LIST_LABEL.match(text)
        if m:
            from .tn.common import cardinal
            yield Match(m.start(1), m.end(3), m.group(1) + cardinal(m.group(2), lang) + m.group(3), "layout.list_label")
    pause = said.get("option_pause", "，")
    if any(c in text for c in ".．、"):
        from .tn.common import cardinal
        for m in _answer_items(typed if typed is not None and len(typed) == len(text) else text):  # 1．B　2．C: the item number, a pause, its answer
            last = m.end() >= len(text.rstrip())
            answer = cardinal(m.group(2), lang) + ("" if last else pause) if m.group(2) else ""  # 十一，五，十二，五
            yield Match(m.start(), m.end(), cardinal(m.group(1), lang) + pause + answer, "layout.answer_item")
    for m in _option_labels(text):
        yield Match(m.start(), m.end(), m.group(1) + pause, "layout.option")
    from .tn.measure import read_measure
    from .tn.units import read_unit
    has_blank = "=" in text and ("（" in text or "(" in text or "_" in text or "＿" in text)
    for m in (_CONVERT_FROM.finditer(text) if has_blank else ()):
        spoken = read_measure(m.group(1), m.group(2), lang)
        if spoken is not None:
            yield Match(m.start(), m.end(), spoken, "layout.conversion")
    for m in (_CONVERT_TO.finditer(text) if has_blank else ()):
        spoken = read_unit(m.group(1), lang)
        if spoken is not None:
            yield Match(m.start(1), m.end(1), spoken, "layout.conversion")
    for m in (_REMAINDER.finditer(text) if "÷" in text else ()):
        yield Match(m.start(), m.end(), said.get("remainder", "余"), "layout.remainder")
    for m in (_TICK.finditer(text) if _TICK_CHARS.intersection(text) else ()):
        yield Match(m.start(), m.end(), said.get("tick", "对号"), "layout.tick")
    for m in (_CROSS.finditer(text) if _TICK_CHARS.intersection(text) else ()):
        yield Match(m.start(), m.end(), said.get("cross", "叉号"), "layout.cross")
    for m in _STARS.finditer(text):
        run = m.group(0)
        if "☆" in run and "★" in run:  # ★★★★☆: four stars
            from .tn.common import cardinal
            yield Match(m.start(), m.end(), said.get("stars", "{num}星").format(num=cardinal(str(run.count("★")), lang)),
                        "layout.rating")
    for m in _DECORATION.finditer(text):
        yield Match(m.start(), m.end(), "", "layout.decoration", kind=RAW)
    dots = _DOT_CHARS.intersection(text)
    for m in (_NAME_DOT.finditer(text) if dots else ()):
        yield Match(m.start(), m.end(), "", "layout.name_dot", kind=RAW)
    for m in (_DOT_RUN.finditer(text) if dots else ()):
        yield Match(m.start(), m.end(), "…", "layout.dots")
    if lang != "en":
        for m in (_BOX.finditer(text) if "○" in text else ()):
            numeral = text[m.start() - 1:m.start()] in _HAN_DIGITS[:-1] and m.start() > 0 \
                or text[m.end():m.end() + 1] in _HAN_DIGITS and m.end() < len(text)
            word = "〇" if numeral else said.get("circle", "")
            yield Match(m.start(), m.end(), word * len(m.group(0)), "layout.box")

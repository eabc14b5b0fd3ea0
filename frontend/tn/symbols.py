"""Stray symbols left after the formula and number classes, from rules/<lang>/symbols.yaml.

Only a last resort: a formula is read by the math stage, a number with its unit by tn.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled, fail, load
from .common import words

RULE = "symbol"


@compiled
def _per_before() -> frozenset[str]:
    """Single-character measure words and units: 元/人, 次/天, 米/秒."""
    return frozenset(w for w in words("zh", "measure_words") if len(w) == 1)


_UNIT_BEFORE = re.compile(r"(?a)(?<![A-Za-z])\d\s?([A-Za-zμ]{1,5})$")


def _unit_before(text: str, i: int) -> bool:
    """text[:i] ends with a number and a known unit symbol (500g, 400IU)."""
    from . import units  # late: units is a sibling stage module
    m = _UNIT_BEFORE.search(text, max(0, i - 8), i)
    return m is not None and units.read_unit(m.group(1), "zh") is not None


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


@compiled
def table(lang: str) -> dict[str, str]:
    data = load(lang, "symbols")
    if not isinstance(data, dict):
        raise fail(data, "symbols must be a mapping of symbol -> reading")
    for k, v in data.items():
        if not isinstance(v, str):
            raise fail(data, f"symbol {k!r}: reading must be a string", k)
    return dict(data)


_ARROWS = "↑↓→←"
_KEY_AFTER = ("键", "key", "button", "按钮", "方向键")
_KEY_BEFORE = ("按", "按下", "点击", "press", "Press", "hit", "Hit", "tap", "Tap")


def _arrow(text: str, start: int, end: int, s: str, t: dict) -> Match:
    """价格↑ 上升, 按↑键 向上, 沉淀↓ (the word said it: nothing), 北京→上海 到."""
    before = text[:start].rstrip()
    after = text[end:].lstrip().lstrip(_ARROWS + " ")  # ↑↓键: a row of arrow keys
    said = [w for w in t.get(s + "said", "").split("|") if w]
    if said and before.endswith(tuple(said)):
        return Match(start, end, "", RULE + ".arrow.said")  # 生成沉淀↓: the mark restates the word
    if after.startswith(_KEY_AFTER) or before.endswith(_KEY_BEFORE) or before[-1:] in _ARROWS:
        return Match(start, end, t.get(s + "key", t[s]), RULE + ".arrow.key")
    return Match(start, end, t[s], RULE + ".arrow")


@compiled
def _pattern(lang: str):
    syms = sorted((k for k in table(lang) if len(k) == 1 or not k[0] in _ARROWS), key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in syms))  # symbols only: no word classes


def find(text: str, lang: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
    """Stray symbols in text[start:end], read with the whole text around them as context."""
    t = table(lang)
    for m in _pattern(lang).finditer(text, start, len(text) if end is None else end):
        s = m.group(0)
        if s == "-" and "-grade" in t and _grade_minus(text, m.start()):
            yield Match(m.start(), m.end(), t["-grade"], RULE + ".grade")  # 等级：B-, a B- average
            continue
        if s == "-" and lang == "en":
            continue  # an English hyphen (well-known) is read as nothing by the voice anyway
        if s in ("~", "～") and (m.start() == 0 or m.end() == len(text) or not text[m.end()].isalnum()):
            yield Match(m.start(), m.end(), "", RULE + ".tilde")  # 好的~ : a tone mark, not a range
            continue
        if s == "-" and re.match(r"\s*$", text[m.end():m.end() + 1]) and text[max(0, m.start() - 1):m.start()] in ("", " "):
            yield Match(m.start(), m.end(), "，" if lang != "en" else ",", RULE + ".dash")
            continue
        if s == "#" and re.search(r"(?<![A-Za-z])[A-Z]$", text[:m.start()]) and not re.match(r"[A-Za-z0-9]", text[m.end():m.end() + 1]):
            yield Match(m.start(), m.end(), t.get("#sharp", " sharp"), RULE + ".sharp")  # C#, F#: a language name
            continue
        if s == "+" and "+sign" in t and _leading_sign(text, m.start(), m.end()):
            yield Match(m.start(), m.end(), t["+sign"], RULE + ".sign")  # 涨幅+2.35% 正百分之二点三五
            continue
        if s in _ARROWS:
            yield _arrow(text, m.start(), m.end(), s, t)
            continue
        if s == "/":
            # 元/人, km/次 : "per" between a unit or measure and a Han word; otherwise a pause
            per = lang != "en" and m.start() > 0 and (
                text[m.start() - 1] in _per_before() and _is_han(text[m.end():m.end() + 1])
                # ¥12.8/斤, 300/月: a price or count before, a measure word after
                or _number_before(text, m.start()) and (text[m.end():m.end() + 1] in _per_before() or text[m.end():m.end() + 1] == "月")
                # 500g/袋, 400IU/日: a measure with a unit symbol, then a Han measure word
                or _unit_before(text, m.start()) and (text[m.end():m.end() + 1] in _per_before() or text[m.end():m.end() + 1] in "日月"))
            if lang == "en" and _number_before(text, m.start()) and re.match(r"[a-z]{2,}\b", text[m.end():]):
                per = True  # $19.99/month, 30/hour: per
            if lang == "en" and not per and "/over" in t and text[m.start() - 1:m.start()] == " " \
                    and text[m.end():m.end() + 1] == " " and "=" in re.split(r"[,;.!?]\s", text[:m.start()])[-1]:
                yield Match(m.start(), m.end(), t["/over"], RULE + ".over")  # speed = distance / time
                continue
            if not per and lang != "en" and "/div" in t and _formula_slash(text, m.start()):
                yield Match(m.start(), m.end(), t["/div"], RULE + ".divide")  # 频率=频数/样本容量
                continue
            yield Match(m.start(), m.end(), t.get("/per", "每") if per else t[s], RULE + (".per" if per else ""))
            continue
        yield Match(m.start(), m.end(), t[s], RULE)


_CLAUSE_MARKS = "，。；;！？!?\n"


def _formula_slash(text: str, i: int) -> bool:
    """The '/' at i divides two named quantities: 频率=频数/样本容量 (an '=' earlier in its clause),
    η=W有/W总 (a letter with a Han subscript after it). 和/或, 中文/English stay a pause."""
    before, after = text[i - 1:i], text[i + 1:i + 3]
    if not _is_han(before) and not (before.isascii() and before.isalpha()):
        return False
    if len(after) == 2 and after[0].isascii() and after[0].isupper() and _is_han(after[1]):
        return _is_han(before)  # W有/W总: the name before was cut off by the formula reader
    if not (_is_han(before) and _is_han(after[:1])):
        return False
    clause = text[:i]
    for mark in _CLAUSE_MARKS:
        clause = clause.rsplit(mark, 1)[-1]
    return "=" in clause or "＝" in clause


def _grade_minus(text: str, i: int) -> bool:
    """The '-' at i follows a lone grade letter and ends the word: 等级：B-, a B- (not B-2, T-shirt)."""
    return i >= 1 and text[i - 1] in "ABCDF" and (i < 2 or not text[i - 2].isalnum()) \
        and not re.match(r"[\w-]", text[i + 1:i + 2])


def _number_before(text: str, i: int) -> bool:
    """A number ends at i: 300/月, or a shorthand one (8k/月, 1w/年)."""
    if i > 0 and text[i - 1].isdigit():
        return True
    return i > 1 and text[i - 1] in "kKwW" and text[i - 2].isdigit()


def _leading_sign(text: str, start: int, end: int) -> bool:
    """'+' before a digit with no operand before it (为+2.35%, 温差+5℃): a sign, not 'plus'."""
    prev = text[start - 1:start]
    return text[end:end + 1].isdigit() and not (prev.isascii() and prev.isalnum() or prev in ")]）%‰°℃²³")

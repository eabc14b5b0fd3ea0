"""Numbers and everyday semiotic classes (Mandarin and English), one class per module.

Classes run in priority order over the raw text that is still unread: a date is claimed
before its digits could be taken for a range, a phone number before a cardinal, and so on.
Each module exposes `find(text, lang) -> Iterator[Match]` and reusable readers (zh_date,
zh_time, zh_money, read_measure, read_percent, ...) for the Cantonese stage.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
import re
from typing import Iterable, Iterator

from .. import script
from ..pieces import Match, rewrite
from . import (cardinal, date, fraction, measure, money, multiplier, ordinal, percent, phone, range as range_,
               recurring, references, roman, shorthand, symbols, time, titles, units, version)
from .common import lang_of

# Priority order: earlier classes claim their spans first.
CLASSES = [roman, references, date, time.military, phone, time, money, version, ordinal, range_, percent, recurring, fraction, multiplier, shorthand,
           measure,
           titles, cardinal]
# Stray symbols are read last, only in the text no class claimed.
LAST = symbols


def resolve(candidates: Iterable[Match]) -> list[Match]:
    """Keep the first-found of overlapping candidates (finders yield in priority order)."""
    starts: list[int] = []
    kept: list[Match] = []
    for m in candidates:
        if m.end <= m.start:
            continue
        i = bisect.bisect_right(starts, m.start)
        if i > 0 and kept[i - 1].end > m.start:
            continue
        if i < len(kept) and kept[i].start < m.end:
            continue
        starts.insert(i, m.start)
        kept.insert(i, m)
    return kept


def find_all(text: str, lang: str, traditional: bool = False) -> list[Match]:
    """Every class's reading of `text` (lang "zh" or "en"), overlaps resolved by priority.
    traditional: `text` is a Simplified shadow of Traditional text (HK/Taiwan: $ is the local dollar)."""
    def candidates() -> Iterator[Match]:
        for cls in CLASSES:
            if cls is money:
                yield from money.find(text, lang, traditional)
            elif cls is phone and traditional and lang == "zh":
                # Taiwan and Hong Kong Mandarin say 1 in a phone number or code as 一; 幺 is mainland usage
                yield from (replace(m, text=m.text.replace("幺", "一")) for m in phone.find(text, lang))
            else:
                yield from cls.find(text, lang)
    kept = resolve(candidates())
    if lang == "en":
        kept = [_spaced(text, m) for m in kept]
    # stray symbols are read with the whole text as context (元/人), but only where no class matched
    out, pos = [], 0
    for i, m in enumerate(kept + [None]):
        gap_end = m.start if m is not None else len(text)
        if m is not None and i > 0 and pos < gap_end and _RANGE_GAP.fullmatch(text, pos, gap_end) \
                and kept[i - 1].rule.startswith(_RANGE_ENDS) and m.rule.startswith(_RANGE_ENDS):
            # 9:00-17:00, 9月1日-9月3日: a dash between two read quantities is a range
            pre = _RANGE_GAP.fullmatch(text, pos, gap_end).group("pre")
            out.append(Match(pos, gap_end, pre + range_.joiner(lang), "number.range"))
        elif m is not None and i > 0 and lang == "zh" and pos < gap_end and _SPACE_GAP.fullmatch(text, pos, gap_end) \
                and kept[i - 1].rule.startswith("number.") and m.rule.startswith("number.") \
                and not _THOUSANDS_GROUP.fullmatch(text, kept[i - 1].start, m.end) \
                and _LATIN.search(text, max(0, kept[i - 1].start - 1), min(len(text), m.end + 1)):
            # DDR5 6000MHz, RTX 3060 12G: the whitespace tidy drops a space between Han readings, and
            # DDR五六千 would say "five or six thousand"; a comma keeps the two numbers apart. Only
            # among model names and units (a Latin letter touches them); 1 000 000 is one number
            out.append(Match(pos, gap_end, "，", "number.separate"))
        elif gap_end > pos:
            out.extend(LAST.find(text, lang, pos, gap_end))
        if m is not None:
            out.append(m)
            pos = m.end
    return out


_RANGE_GAP = re.compile(r"(?P<pre>[\u4e00-\u9fff]?)\s?[-~～–—]\s?")  # 9月1日-9月3日 keeps its 日
_SPACE_GAP = re.compile(r"[ \t\u3000]+")
_THOUSANDS_GROUP = re.compile(r"\d{1,3} \d{3}")
_LATIN = re.compile(r"[A-Za-z]")
_RANGE_ENDS = ("number.date", "number.time", "number.money", "number.measure", "number.percent", "number.cardinal",
               "number.ordinal", "number.version")  # v1.0-v2.0: V一点零到V二点零


def _spaced(text: str, m: Match) -> Match:
    """English words never run into a spoken number: apple3 -> apple three."""
    spoken = m.text
    if m.start > 0 and text[m.start - 1].isalnum() and not spoken.startswith(" "):
        spoken = " " + spoken
    if m.end < len(text) and text[m.end].isalnum() and not spoken.endswith(" "):
        spoken += " "
    return m if spoken == m.text else Match(m.start, m.end, spoken, m.rule, m.kind, m.atomic, m.lang)


def _left_stand_in(prev) -> str:
    """One character standing for the piece before a raw piece, so a leading '-' is judged in
    context: GPT-4 with GPT rewritten by the lexicon is still a hyphen in a name, not 负四."""
    tail = prev.text.rstrip()
    if not tail or len(tail) < len(prev.text):
        return ""  # a space before the dash: its role does not depend on the word
    ch = tail[-1]
    if ch == "}":  # a brace group: ARPAbet (upper case) stands for a Latin word, pinyin for a Han one
        inner = tail[tail.rfind("{") + 1:-1]
        return "X" if any(c.isupper() for c in inner) else "字"
    return ch if ch.isascii() and ch.isalnum() or "\u4e00" <= ch <= "\u9fff" else ""


def _unit_after_power(p, prev, lang: str) -> Match | None:
    """5.97 × 10²⁴ kg: the formula reader stops at the power of ten; the unit after it is the
    measure's (five point nine seven times ten to the twenty-fourth power kilograms)."""
    if lang != "en" or prev is None or not prev.rule.startswith("math") or "ten to the" not in prev.text:
        return None
    from .measure import unit_pattern
    m = re.match(r"(?a) ?(" + unit_pattern("en") + r")(?![A-Za-z0-9²³])", p.text)
    if m is None or len(m.group(1)) == 1 and m.group(1) not in "mgsJNCVWK":
        return None
    word = units.read_unit(m.group(1), "en")
    return None if word is None else Match(m.start(1), m.end(1), word, "number.measure.after_power")


def _find_in_context(p, prev, ctx, traditional: bool = False) -> list[Match]:
    lang = lang_of(p, ctx)
    unit = _unit_after_power(p, prev, lang)
    if unit is not None:
        rest = find_all(p.text[unit.end:], lang, traditional)
        return [unit] + [Match(m.start + unit.end, m.end + unit.end, m.text, m.rule, m.kind, m.atomic, m.lang) for m in rest]
    stand_in = _left_stand_in(prev) if prev is not None and p.text[:1] in "-−" else ""
    if stand_in:
        n = len(stand_in)
        found = find_all(stand_in + p.text, lang, traditional)
        if all(m.start >= n for m in found):
            return [Match(m.start - n, m.end - n, m.text, m.rule, m.kind, m.atomic, m.lang) for m in found]
    return find_all(p.text, lang, traditional)


def apply(pieces, ctx):
    before = {id(p): pieces[i - 1] for i, p in enumerate(pieces) if i > 0 and p.is_raw()}
    raw_text = "".join(p.text for p in pieces if p.is_raw())
    traditional = ctx.lang != "en" and script.script_score(raw_text) > 0

    def find(p):
        prev = before.get(id(p))
        if traditional:
            # The cue words in rules/zh are Simplified (气温, 只): match on a Simplified shadow of the
            # text; the pipeline writes the spoken words back in Traditional, the user's text is kept.
            shadow = script.to_simplified(p.text)
            if len(shadow) == len(p.text):
                p = replace(p, text=shadow)
        return _find_in_context(p, prev, ctx, traditional)

    return rewrite(pieces, find, ctx.changes)


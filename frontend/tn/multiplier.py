"""Multipliers: 2x faster, 1.5x speed, x2 speed, 10X zoom; 2x速度, 倍速 1.5x (two times, 两倍).

A number glued to x, X or × (either side) is a multiplier only next to a cue word from
rules/<lang>/numbers.yaml (multiplier_after: faster, speed, zoom, 速度, 变焦...; multiplier_before:
at, playback, 倍速...): without one "2x" stays an algebraic term and "x2" a variable x₂.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from .common import cardinal, tpl, words

RULE = "number.multiplier"

_SUFFIX = re.compile(r"(?a)(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s?(?P<x>[xX×])(?![A-Za-z0-9])")
_PREFIX = re.compile(r"(?a)(?<![\w.])(?P<x>[xX×])\s?(?P<num>\d+(?:\.\d+)?)(?![\w]|\.\d)")


def _word_at(text: str, i: int, cues: list[str], forward: bool) -> bool:
    """Is a cue word right after (forward) or right before position i, spaces aside?"""
    if forward:
        rest = text[i:i + 24].lstrip()
        for w in cues:
            if rest.startswith(w) and not (w[-1].isascii() and rest[len(w):len(w) + 1].isalpha()):
                return True
        return False
    head = text[max(0, i - 24):i].rstrip()
    for w in cues:
        if head.endswith(w) and not (w[0].isascii() and head[-len(w) - 1:-len(w)].isalpha()):
            return True
    return False


def find(text: str, lang: str) -> Iterator[Match]:
    after, before = words(lang, "multiplier_after"), words(lang, "multiplier_before")
    for pattern, key in ((_SUFFIX, "multiplier"), (_PREFIX, "multiplier_before")):
        for m in pattern.finditer(text):
            if not (_word_at(text, m.end(), after, True) or _word_at(text, m.start(), before, False)):
                continue
            num = m.group("num")
            # 2x速度 两倍速度: 倍 is a measure word, so an exact 2 is 两 (one point five stays 一点五)
            spoken = tpl(lang, key)(num=cardinal(num, lang, liang=num == "2"))
            yield Match(m.start(), m.end(), spoken, RULE)

"""Cantonese text normalisation (pronunciation.md section 2) and jyutping homophones.

In a yue paragraph this stage replaces the Mandarin TN entirely (pipeline.py): numbers,
times, money, dates and units are read the Hong Kong way (兩個, 三點半, 五蚊半, DD/MM/YYYY)
in the script of the input. The user's own characters are never converted.
"""
from __future__ import annotations

from . import pieces as pieces_mod
from .yue_homophone import homophone
from .script import is_traditional
from .yue_tn import find

__all__ = ["apply", "homophone"]


def apply(pieces, ctx):
    traditional = is_traditional(pieces_mod.text_of(p for p in pieces if p.kind != pieces_mod.MARKUP))
    return pieces_mod.rewrite(pieces, lambda p: find(p.text, traditional), ctx.changes)

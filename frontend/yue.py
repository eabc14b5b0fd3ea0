"""Cantonese text normalisation (pronunciation.md section 2) and jyutping homophones.

In a yue paragraph this stage replaces the Mandarin TN entirely (pipeline.py): numbers,
times, money, dates and units are read the Hong Kong way (兩個, 三點半, 五蚊半, DD/MM/YYYY)
in the script of the input. The user's own characters are never converted.
"""
from __future__ import annotations

from . import pieces as pieces_mod
from .yue_homophone import homophone
from .script import in_script, is_traditional, to_hongkong
from .yue_rules import load as load_rules
from .yue_tn import find

__all__ = ["apply", "homophone", "formula_reading"]


def apply(pieces, ctx):
    traditional = is_traditional(pieces_mod.text_of(p for p in pieces if p.kind != pieces_mod.MARKUP))
    return pieces_mod.rewrite(pieces, lambda p: find(p.text, traditional), ctx.changes)


def formula_reading(spoken: str, traditional: bool) -> str:
    """A formula the math stage read with its Mandarin templates, as said in Cantonese: the
    words of `math_words` (的 -> 嘅) and the script of the paragraph (三點一四, 等於; the Mandarin
    templates are written Simplified, which a Traditional paragraph must not show)."""
    for mandarin, cantonese in load_rules().math_words.items():
        spoken = spoken.replace(mandarin, cantonese)
    return in_script(to_hongkong(spoken), traditional)

"""Cantonese text normalisation (pronunciation.md section 2).

STUB: owned by the Cantonese work (issue 3).
"""
from __future__ import annotations


def apply(pieces, ctx):
    return pieces

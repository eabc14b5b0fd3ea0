"""Math in running text and LaTeX: tokenizer -> expression tree -> reading from rules/<lang>/.

STUB: owned by the math work (issue 2).
"""
from __future__ import annotations


def apply(pieces, ctx):
    return pieces

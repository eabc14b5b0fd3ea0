"""Inline pronunciation markup: native braces, [text](pronunciation), an SSML subset.

STUB: owned by the pronunciation work (issue 3). Runs first, before markdown clean-up.
"""
from __future__ import annotations


def apply(pieces, ctx):
    return pieces

"""Clean-up before anything else: width forms, look-alikes, markdown, emoji, URLs.

STUB: owned by the text-normalisation work (issue 2).
"""
from __future__ import annotations


def apply(pieces, ctx):
    return pieces

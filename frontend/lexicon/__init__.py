"""Pronunciation lexicons: YAML and PLS files, validation, matching, rendering to braces.

STUB: owned by the pronunciation work (issue 3).
"""
from __future__ import annotations


def compile_user(spec):
    return spec


def apply(pieces, ctx):
    return pieces

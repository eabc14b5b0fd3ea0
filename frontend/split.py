"""Sentence splitting into utterances.

STUB: owned by the text-normalisation work (issue 2). Returns [(pieces, pause_after_ms)].
"""
from __future__ import annotations

from .utterance import PAUSE_MS


def sentences(pieces, ctx):
    return [(pieces, PAUSE_MS["sentence"])] if pieces else []

"""Errors a user can act on: each names the file and line, or the span, that is wrong."""
from __future__ import annotations

from .rules import RuleError  # re-exported: rule files raise "file:line: message"

__all__ = ["FrontendError", "LexiconError", "MarkupError", "RuleError"]


class FrontendError(ValueError):
    """Bad input to the frontend."""


class MarkupError(FrontendError):
    """Malformed inline markup; names the offending span of the input."""

    def __init__(self, message: str, text: str, start: int, end: int):
        self.span = (start, end)
        snippet = text[max(0, start - 10):end + 10]
        super().__init__(f"{message} at characters {start}-{end}: {text[start:end]!r} (in {snippet!r})")


class LexiconError(FrontendError):
    """A lexicon file or entry is invalid; the message starts with `file:line:`."""

"""Errors a user can act on: each names the file and line, or the span, that is wrong."""
from __future__ import annotations

from .rules import RuleError  # re-exported: rule files raise "file:line: message"

__all__ = ["FrontendError", "LexiconError", "MarkupError", "RuleError"]


class FrontendError(ValueError):
    """Bad input to the frontend."""


class MarkupError(FrontendError):
    """Malformed inline markup; names the offending span of the input (line, column, characters)."""

    def __init__(self, message: str, text: str, start: int, end: int):
        self.message = message
        self.span = (start, end)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        self.line = text.count("\n", 0, start) + 1
        self.column = start - line_start + 1
        snippet = text[max(line_start, start - 10):min(line_end, end + 10)].strip()  # only its own line
        super().__init__(f"{message} at line {self.line}, column {self.column} (characters {start}-{end}): "
                         f"{text[start:end]!r} (in {snippet!r})")


class LexiconError(FrontendError):
    """A lexicon file or entry is invalid; the message starts with `file:line:`."""

"""Text moving through the frontend: a list of pieces, each tied to its source span.

A stage never re-parses what an earlier stage decided. It rewrites only RAW pieces and
hands back SPOKEN pieces (normalised text: later TN stages leave them alone, pronunciation
stages may still brace their Han characters) or MARKUP pieces (phoneme braces or verbatim
text that nothing touches again).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

RAW, SPOKEN, MARKUP = "raw", "spoken", "markup"


@dataclass(frozen=True)
class Change:
    """One decision a stage made, for `--explain`: source text -> output, and why."""
    start: int
    end: int
    before: str
    after: str
    rule: str  # e.g. "math.frac", "number.cardinal", "lexicon my.yaml:12"


@dataclass
class Piece:
    text: str
    start: int  # span in the original input
    end: int
    kind: str = RAW
    rule: str = ""  # what produced it (empty for untouched input)
    lang: str | None = None  # reading language forced on this piece (<lang>, say-as)
    atomic: bool = False  # sentence splitting never cuts inside
    pause_ms: int | None = None  # an explicit pause (<break time>) after this piece

    def is_raw(self) -> bool:
        return self.kind == RAW


@dataclass(frozen=True)
class Match:
    """A stage's finding inside a raw piece: text[start:end] is replaced by `text`."""
    start: int
    end: int
    text: str
    rule: str
    kind: str = SPOKEN
    atomic: bool = True
    lang: str | None = None


Finder = Callable[[str, "object"], Iterable[Match]]


def split_by_matches(piece: Piece, matches: Iterable[Match], changes: list[Change] | None = None) -> list[Piece]:
    """Cut a raw piece at non-overlapping, ordered matches; text between them stays raw.

    Source spans are exact while the raw text has the same length as its source slice
    (clean-up keeps it that way where it can), otherwise they are scaled.
    """
    out: list[Piece] = []
    pos = 0
    n = len(piece.text) or 1
    span = piece.end - piece.start

    def src(i: int) -> int:
        return piece.start + (i if span == len(piece.text) else round(i * span / n))

    for m in matches:
        if m.start < pos:
            raise ValueError(f"overlapping match {m} in {piece.text!r}")
        if m.start > pos:
            out.append(Piece(piece.text[pos:m.start], src(pos), src(m.start), piece.kind, piece.rule, piece.lang,
                             piece.atomic, piece.pause_ms))  # not dataclasses.replace: hot path
        out.append(Piece(m.text, src(m.start), src(m.end), m.kind, m.rule, m.lang or piece.lang, m.atomic))
        if changes is not None and m.text != piece.text[m.start:m.end]:
            changes.append(Change(src(m.start), src(m.end), piece.text[m.start:m.end], m.text, m.rule))
        pos = m.end
    if pos < len(piece.text) or not out:
        out.append(replace(piece, text=piece.text[pos:], start=src(pos), end=piece.end))
    return [p for p in out if p.text or p.kind != RAW]


def rewrite(pieces: list[Piece], find: Callable[[Piece], Iterable[Match]], changes: list[Change] | None = None) -> list[Piece]:
    """Apply a stage's finder to every raw piece."""
    out: list[Piece] = []
    for p in pieces:
        if p.kind != RAW:
            out.append(p)
            continue
        matches = sorted(find(p), key=lambda m: m.start)
        out.extend(split_by_matches(p, matches, changes) if matches else [p])
    return out


def text_of(pieces: Iterable[Piece]) -> str:
    return "".join(p.text for p in pieces)


def iter_raw(pieces: list[Piece]) -> Iterator[tuple[int, Piece]]:
    for i, p in enumerate(pieces):
        if p.kind == RAW:
            yield i, p

"""Finding lexicon keys in text: Latin keys whole-word, Han keys subject to the segmentation rule.

Candidates of every length are collected first; the blocked ones are dropped; then the winners
are chosen by layer priority, then length (longest key wins), then position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..script import script_variants
from .entry import Entry
from .segment import Segmenter

_ALNUM = re.compile(r"[A-Za-z0-9]+")
# what the segmenter sees as one stretch of text: Han with the ASCII letters and digits next to
# it, as jieba cuts it (its dictionary has T恤衫, B超, A股), so T恤 fires inside the word T恤衫
_SEG_CHARS = "A-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_SEG_RUN = re.compile(f"[{_SEG_CHARS}]+")
_SEG_WORD = re.compile(f"[{_SEG_CHARS}]+$")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


class Matcher:
    """All entries that apply in paragraphs of one language, indexed for fast scanning."""

    def __init__(self, entries: list[Entry]):
        self.han: dict[str, Entry] = {}  # key -> entry (the highest-priority one for that key)
        self.latin: dict[str, list[tuple[re.Pattern, Entry]]] = {}  # first word (lowered if ci) -> ...
        self.latin_other: dict[str, list[tuple[re.Pattern, Entry]]] = {}  # keys starting with a symbol
        self.latin_any: list[tuple[re.Pattern, Entry]] = []  # match: any (inside words too)
        for e in sorted(entries, key=lambda e: e.priority):
            if e.is_han:
                self.han[e.key] = e
            else:
                flags = 0 if e.case_sensitive else re.IGNORECASE
                pat = re.compile(r"\s+".join(map(re.escape, e.key.split())), flags)
                if e.match_any:
                    self.latin_any.append((pat, e))
                    continue
                m = _ALNUM.match(e.key)
                if m:
                    token = m.group() if e.case_sensitive else m.group().lower()
                    self.latin.setdefault(token, []).append((pat, e))
                else:
                    self.latin_other.setdefault(e.key[0], []).append((pat, e))
        # a key written in one script also matches the other (铜锣湾 in 我喺銅鑼灣, 重慶 in 我在重庆):
        # users type keys in whichever script their keyboard gives; explicit keys keep precedence
        for key, e in list(self.han.items()):
            for variant in script_variants(key):
                self.han.setdefault(variant, e)
        self.han_prefixes = {k[:i] for k in self.han for i in range(1, len(k) + 1)}
        self._segmenter: Segmenter | None = None

    def __bool__(self) -> bool:
        return bool(self.han or self.latin or self.latin_other or self.latin_any)

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter([k for k in self.han if _SEG_WORD.match(k)])
        return self._segmenter

    # ---- candidates -----------------------------------------------------------------

    def _latin_hits(self, text: str) -> list[Hit]:
        hits = []
        for m in _ALNUM.finditer(text):
            tok = m.group()
            cands = self.latin.get(tok, []) + (self.latin.get(tok.lower(), []) if tok.lower() != tok else [])
            # both are maximal alphanumeric runs, so a key starting here has exactly this first token
            for pat, e in cands:
                self._try_latin(text, m.start(), pat, e, hits)
        if self.latin_other:
            for i, ch in enumerate(text):
                for pat, e in self.latin_other.get(ch, ()):
                    if i == 0 or not _ascii_alnum(text[i - 1]) or not _ascii_alnum(ch):
                        self._try_latin(text, i, pat, e, hits)
        for pat, e in self.latin_any:
            hits.extend(Hit(m.start(), m.end(), e) for m in pat.finditer(text))
        return hits

    @staticmethod
    def _try_latin(text: str, pos: int, pat: re.Pattern, e: Entry, hits: list[Hit]) -> None:
        m = pat.match(text, pos)
        if not m:
            return
        end = m.end()
        if _ascii_alnum(e.key[-1]) and end < len(text) and _ascii_alnum(text[end]):
            return  # not a whole word: AI in AIGC
        hits.append(Hit(pos, end, e))

    def _han_hits(self, text: str) -> list[Hit]:
        hits = []
        han, prefixes = self.han, self.han_prefixes
        n = len(text)
        for i in range(n):
            j = i + 1
            # walk the key prefixes: most positions stop after one lookup
            while j <= n:
                sub = text[i:j]
                if sub not in prefixes:
                    break
                e = han.get(sub)
                if e is not None:
                    hits.append(Hit(i, j, e))
                j += 1
        if not any(h.end - h.start > 1 and not h.entry.match_any for h in hits):
            return hits
        runs = [(m.start(), m.end(), m.group()) for m in _SEG_RUN.finditer(text)]
        return [h for h in hits if not self._blocked(runs, h)]

    def _blocked(self, runs: list[tuple[int, int, str]], hit: Hit) -> bool:
        """True where the key partially overlaps a word of the segmentation (行长 in 银行|长期)."""
        if hit.entry.match_any or hit.end - hit.start < 2:
            return False  # a one-character key cannot straddle a word boundary
        for base, end, run in runs:
            if end <= hit.start or base >= hit.end:
                continue
            for ws, we in self.segmenter.words(run):
                ws, we = ws + base, we + base
                if ws < hit.end and hit.start < we and not (ws <= hit.start and hit.end <= we) \
                        and not (hit.start <= ws and we <= hit.end):
                    return True
        return False

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping winners, in text order."""
        hits = []
        if self.latin or self.latin_other or self.latin_any:
            hits += self._latin_hits(text)
        if self.han:
            hits += self._han_hits(text)
        if not hits:
            return hits
        hits.sort(key=lambda h: (-h.entry.priority, -(h.end - h.start), h.start))
        taken = bytearray(len(text))
        won = []
        for h in hits:
            if not any(taken[h.start:h.end]):
                taken[h.start:h.end] = b"\x01" * (h.end - h.start)
                won.append(h)
        return sorted(won, key=lambda h: h.start)

"""Sentence splitting into utterances, with a pause after each by how it ends.

Cuts fall only in text that a stage left cuttable (raw or non-atomic pieces), never inside a
number, formula, abbreviation (Dr., e.g., U.S.), decimal point, ellipsis or quotation. Long
sentences are split at clause marks under ctx.max_chars (Chinese) / ctx.max_words (English);
tiny fragments are merged into a neighbour. A MARKUP piece with pause_ms (SSML <break>) ends
an utterance with that pause.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

import regex

from .pieces import MARKUP, RAW, Piece
from .rules import compiled, fail, load
from .utterance import PAUSE_MS

_ENDERS = re.compile(r"[。！？!?]+|…+|\.{2,}|\.|[；;：:，,、]")
_CLOSERS = "”’\"'）)】」』》〉]"
_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "‘": "’"}
_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_WORD = regex.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
MIN_CHARS, MIN_WORDS = 4, 3  # shorter utterances are merged into a neighbour


@compiled
def abbreviations() -> frozenset[str]:
    data = load("en", "abbreviations")
    items = data.get("abbreviations") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(a, str) for a in items):
        raise fail(data, "'abbreviations' must be a list of words")
    return frozenset(items)


def size(text: str, lang: str) -> float:
    """Utterance length: Chinese characters (a Latin word counts 1.5) or English words."""
    han = len(_HAN.findall(text))
    words = len(_WORD.findall(text))
    return words + han / 1.5 if lang == "en" else han + 1.5 * words


class _Sizes:
    """size() of any slice of one text in O(1), from prefix sums (long paragraphs stay linear)."""

    def __init__(self, text: str, lang: str):
        han_w, word_w = (1 / 1.5, 1.0) if lang == "en" else (1.0, 1.5)
        weights = [0.0] * (len(text) + 1)
        for m in _HAN.finditer(text):
            weights[m.start() + 1] = han_w
        self.word_starts = [m.start() for m in _WORD.finditer(text)]
        self.word_ends = [m.end() for m in _WORD.finditer(text)]
        for st in self.word_starts:
            weights[st + 1] += word_w
        self.prefix = list(itertools.accumulate(weights))
        self.word_w = word_w

    def __call__(self, a: int, b: int) -> float:
        # a word cut at `a` still counts once: the slice starts inside it
        total = self.prefix[b] - self.prefix[a]
        i = bisect.bisect_right(self.word_starts, a) - 1
        if i >= 0 and self.word_starts[i] < a < self.word_ends[i] and a < b:
            total += self.word_w
        return total


def _is_sentence_period(text: str, i: int) -> bool:
    """text[i] == '.': does it end a sentence?"""
    nxt = text[i + 1:i + 2]
    if nxt and not (nxt.isspace() or nxt in _CLOSERS):
        return False  # 3.5, e.g.x, example.com
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i]
    if not word:
        return not text[i - 1:i].isdigit() or not nxt or nxt.isspace()
    if word in abbreviations() or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) or re.fullmatch(r"[A-Z]", word):
        return i + 1 >= len(text.rstrip())  # an abbreviation ends a sentence only at the very end
    rest = text[i + 1:].lstrip()
    return not rest[:1].islower()


def _boundaries(text: str, cuttable: list[bool], lang: str) -> list[tuple[int, str]]:
    """(position after the mark, 'sentence' | 'clause' | 'minor') for every possible cut."""
    out = []
    # quotes are tracked incrementally up to each mark
    depth, straight_open, qpos = [], False, 0
    for m in _ENDERS.finditer(text):
        s, e = m.start(), m.end()
        if not cuttable[s]:
            continue
        while qpos < s:
            ch = text[qpos]
            if cuttable[qpos]:
                if ch in _OPENERS:
                    depth.append(_OPENERS[ch])
                elif depth and ch == depth[-1]:
                    depth.pop()
                elif ch == '"':
                    straight_open = not straight_open
            qpos += 1
        mark = m.group(0)
        if mark == "." and not _is_sentence_period(text, s):
            continue
        if mark in ":：" and s > 0 and text[s - 1].isdigit() and text[e:e + 1].isdigit():
            continue
        if mark in ",，" and s > 0 and text[s - 1].isdigit() and text[e:e + 1].isdigit():
            continue
        # closing quotes and brackets right after the mark belong to this sentence
        while e < len(text) and text[e] in _CLOSERS and cuttable[e]:
            ch = text[e]
            if depth and ch == depth[-1]:
                depth.pop()
            elif ch == '"':
                straight_open = not straight_open
            e += 1
        qpos = max(qpos, e)
        if mark[0] == "…" or mark.startswith(".."):
            # an ellipsis ends a sentence only before a capital, a closing quote or the end
            nxt = text[e:].lstrip()[:1]
            strength = "sentence" if not nxt or text[e - 1] in _CLOSERS or nxt.isupper() else "clause"
        elif mark[0] in "。！？!?.":
            strength = "sentence"
        elif mark in "、":
            strength = "minor"
        else:
            strength = "clause"
        if (depth or straight_open) and strength == "sentence":
            strength = "clause"  # never end a sentence inside a quotation
        out.append((e, strength))
    return out


def _slice(p: Piece, i: int, j: int) -> Piece:
    n = len(p.text) or 1
    span = p.end - p.start
    src = (lambda k: p.start + k) if span == len(p.text) else (lambda k: p.start + round(k * span / n))
    return replace(p, text=p.text[i:j], start=src(i), end=src(j) if j < len(p.text) else p.end)


def _cut_pieces(pieces: list[Piece], offsets: list[int], a: int, b: int) -> list[Piece]:
    """The pieces covering text[a:b], the first and last sliced where the cut falls inside them."""
    out = []
    i = max(bisect.bisect_right(offsets, a) - 1, 0)
    while i < len(pieces) and offsets[i] <= b:
        p, lo = pieces[i], offsets[i]
        hi = lo + len(p.text)
        i += 1
        if p.text:
            if hi <= a:
                continue
            if lo >= b:
                break
        elif not (a <= lo < b or (lo == b and p.pause_ms is not None)) or (lo == a and a != b and p.pause_ms is not None and a > 0):
            continue  # an empty piece belongs where it sits; a break closes the utterance before it
        if lo >= a and hi <= b:
            out.append(p)
        else:
            out.append(_slice(p, max(a, lo) - lo, min(b, hi) - lo))
    return out


# Words a long clause-less run is best cut before: the pause then falls where a speaker breathes.
_JOINERS_ZH = ("并且", "而且", "同时", "从而", "但是", "然后", "所以", "因此", "以及", "或者", "如果", "因为",
               "虽然", "即使", "以便", "使得", "而", "并", "但")
_JOINERS_EN = frozenset("and but or nor while which that because so when where who whose although though "
                        "if since unless until whereas then".split())


def _han_word_starts(text: str, a: int, b: int) -> set[int]:
    """Positions in text[a:b] where a Chinese word starts (jieba), so a hard cut never splits 老|师."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    starts = set()
    for m in _HAN_RUN.finditer(text, a, b):
        pos = m.start()
        for word in jieba.cut(m.group(0), HMM=False):
            starts.add(pos)
            pos += len(word)
    return starts


def _cut_points(text: str, ok: list[bool], a: int, b: int) -> list[tuple[int, bool]]:
    """(position, preferred) where a run without clause marks may be cut: at spaces, at Chinese word
    starts, between Chinese and Latin; preferred before a conjunction."""
    han_starts = _han_word_starts(text, a, b) if _HAN.search(text, a, b) else set()
    points = []
    for i in range(a + 1, b):
        if not (ok[i] and ok[i - 1]):
            continue
        ch, prev = text[i], text[i - 1]
        if ch.isspace():
            word = _WORD.match(text, i + 1)
            points.append((i, bool(word) and word.group(0).lower() in _JOINERS_EN))
        elif _HAN.match(ch):
            if i in han_starts or not _HAN.match(prev):
                points.append((i, text.startswith(_JOINERS_ZH, i)))
        elif ch.isascii() and ch.isalnum() and _HAN.match(prev):
            points.append((i, False))
    return points


def _hard_cuts(text: str, ok: list[bool], a: int, b: int, limit: float, span_size) -> list[int]:
    """Cut a run without any clause mark into near-equal parts under the limit (not a full part
    and a scrap), at spaces (English) or Chinese word starts, preferring a cut before a conjunction."""
    points = _cut_points(text, ok, a, b)
    positions = [p for p, _ in points]
    cuts, start = [], a
    while span_size(start, b) > limit:
        total = span_size(start, b)
        target = total / -(-total // limit)  # ceil: as many parts as needed, all about this size
        best = None
        for k in range(bisect.bisect_right(positions, start), len(points)):
            pos, preferred = points[k]
            here = span_size(start, pos)
            if here > limit:
                break
            score = abs(here - target) - (0.25 * target if preferred else 0)
            if best is None or score < best[0]:
                best = (score, pos)
        if best is None:  # no cut fits: the first possible one keeps the overrun short
            k = bisect.bisect_right(positions, start)
            if k == len(positions):
                break
            best = (0, positions[k])
        cuts.append(best[1])
        start = best[1]
    return cuts


def sentences(pieces: list[Piece], ctx) -> list[tuple[list[Piece], int]]:
    pieces = [p for p in pieces if p.text or p.pause_ms is not None]
    if not pieces:
        return []
    lang = "en" if ctx.lang == "en" else "zh"
    limit = ctx.max_words if lang == "en" else ctx.max_chars
    text = "".join(p.text for p in pieces)
    offsets, cuttable, hard_ok, forced = [], [], [], {}
    pos = 0
    for p in pieces:
        offsets.append(pos)
        can = p.kind != MARKUP and not p.atomic
        cuttable.extend([can] * len(p.text))
        # a hard cut (no mark) never falls inside what a stage read out: 一千二百|万
        hard_ok.extend([can] + [can and p.kind == RAW] * (len(p.text) - 1) if p.text else [])
        pos += len(p.text)
        if p.kind == MARKUP and p.pause_ms is not None:
            forced[pos] = p.pause_ms
    bounds = _boundaries(text, cuttable, lang)
    span_size = _Sizes(text, lang)
    pause_of = {"sentence": PAUSE_MS["sentence"], "clause": PAUSE_MS["clause"], "minor": PAUSE_MS["clause"]}

    # 1. sentences: at sentence marks and explicit breaks
    segs: list[list] = []  # [start, end, pause, forced]
    start = 0
    hard = sorted({e for e, s in bounds if s == "sentence"} | set(forced))
    for e in hard:
        if e <= start:
            if e in forced and segs:
                segs[-1][2], segs[-1][3] = forced[e], True
            continue
        pause = forced.get(e, PAUSE_MS["sentence"])
        segs.append([start, e, pause, e in forced])
        start = e
    if start < len(text) or not segs:
        segs.append([start, len(text), PAUSE_MS["sentence"], False])

    # 2. long sentences: greedy cuts at clause marks, then hard cuts
    soft = [(e, s) for e, s in bounds if s != "sentence"]
    out: list[list] = []
    k = 0
    for a, b, pause, is_forced in segs:
        if span_size(a, b) <= limit:
            out.append([a, b, pause, is_forced])
            continue
        while k < len(soft) and soft[k][0] <= a:
            k += 1
        cands = []
        j = k
        while j < len(soft) and soft[j][0] < b:
            cands.append(soft[j])
            j += 1
        cur = a
        pieces_here = []
        last = None
        for e, s in cands:
            if span_size(cur, e) <= limit:
                last = (e, s)
                continue
            if last is not None:
                pieces_here.append((cur, last[0], pause_of[last[1]]))
                cur = last[0]
                last = (e, s) if span_size(cur, e) <= limit else None
            if last is None:
                for c in _hard_cuts(text, hard_ok, cur, e, limit, span_size):
                    pieces_here.append((cur, c, PAUSE_MS["clause"]))
                    cur = c
                last = (e, s)
        if span_size(cur, b) > limit:
            if last is not None:
                pieces_here.append((cur, last[0], pause_of[last[1]]))
                cur = last[0]
            for c in _hard_cuts(text, hard_ok, cur, b, limit, span_size):
                pieces_here.append((cur, c, PAUSE_MS["clause"]))
                cur = c
        for x, y, p in pieces_here:
            out.append([x, y, p, False])
        out.append([cur, b, pause, is_forced])

    # 3. tiny fragments join a neighbour (never across an explicit break)
    minimum = MIN_WORDS if lang == "en" else MIN_CHARS
    merged: list[list] = []
    for seg in out:
        if merged and not merged[-1][3] and (span_size(seg[0], seg[1]) < minimum or
                                             span_size(merged[-1][0], merged[-1][1]) < minimum) \
                and span_size(merged[-1][0], seg[1]) <= limit:
            merged[-1][1], merged[-1][2], merged[-1][3] = seg[1], seg[2], seg[3]
        else:
            merged.append(list(seg))
    return [(_cut_pieces(pieces, offsets, a, b), pause) for a, b, pause, _ in merged if b > a or forced.get(b) is not None]

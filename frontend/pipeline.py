"""The frontend pipeline: text -> paragraphs -> pieces through the stages -> utterances.

Stage order, per paragraph (written down here only):
  inline (braces, [text](pron), SSML) -> cleanup -> lexicon -> math -> numbers (Cantonese runs
  to yue, the rest to tn) -> spoken words in Traditional script when the text is Traditional ->
  split into sentences -> per sentence: polyphone -> tidy whitespace -> Utterance.

Work is done one paragraph at a time so `process()` can hand out the first utterance of
a 1 MB document without normalising the rest.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Iterator

from . import cleanup, inline, langid, lexicon as lexicon_mod, math as math_mod, polyphone, script, split, tn, yue
from .context import Context
from .errors import MarkupError
from .pieces import MARKUP, RAW, SPOKEN, Change, Piece, text_of
from .utterance import PAUSE_MS, Utterance

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")
LONG_LINE = 4000  # a longer line is handed on in pieces, so the first utterance comes at once
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|(?<=[a-z])\.(?=\s+[A-Z])")


def iter_paragraphs(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """Yield (start, end, paragraph, is_code_fence) lazily, line by line.

    A paragraph is one line; a fenced markdown code block is yielded whole, flagged, so
    run() can drop it by the named rule markdown.code_fence instead of reading code aloud.
    """
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        fence = _FENCE.match(line)
        if fence:
            close = re.compile(r"^[ \t]*" + re.escape(fence.group(1)) + r"[ \t]*$", re.M)
            m = close.search(text, end + 1) if nl >= 0 else None
            block_end = m.end() if m else n
            yield pos, block_end, text[pos:block_end], True
            nl = text.find("\n", block_end)
            pos = n if nl < 0 else nl + 1
            continue
        if end - pos > LONG_LINE:
            yield from _long_line(text, pos, end)
        else:
            yield pos, end, line, False
        pos = end + 1


def _long_line(text: str, pos: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
    """Cut a very long line after a sentence end near each LONG_LINE mark (else at a space)."""
    while end - pos > LONG_LINE:
        window_start = pos + LONG_LINE // 2
        cut = None
        for m in _SENTENCE_END.finditer(text, window_start, pos + LONG_LINE):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", window_start, pos + LONG_LINE)
            cut = space + 1 if space > 0 else pos + LONG_LINE
            while cut < end and text[cut - 1].isdigit() and text[cut].isdigit():
                cut += 1  # never split a digit run
        yield pos, cut, text[pos:cut], False
        pos = cut
    yield pos, end, text[pos:end], False


# A space next to Chinese text or full-width punctuation carries nothing; between Latin words,
# braces and ASCII punctuation ("degrees Celsius (ninety-five") it separates words.
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?:(?<=[{_CJK}])|(?<=[a-z][1-6]\}})) | (?=[{_CJK}]|\{{[a-z]+[1-6]\}})")


def _tidy(text: str) -> str:
    """Collapse whitespace; drop it where it touches Chinese text."""
    text = _SPACE_RUN.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


def _stages_tn(pieces: list[Piece], ctx: Context) -> list[Piece]:
    pieces = inline.apply(pieces, ctx)
    pieces = cleanup.apply(pieces, ctx)
    # Lexicon keys are written the way users write text (W3C, C++, 银行行长), so they are
    # matched before math and numbers rewrite the source; matches become markup nobody touches.
    pieces = lexicon_mod.apply(pieces, ctx)
    pieces = math_mod.apply(pieces, ctx)
    pieces = _numbers(pieces, ctx)
    raw = text_of(p for p in pieces if p.kind == RAW)
    # Cantonese follows its TN's rule (a tie is Traditional); Mandarin needs a Traditional-only form
    if script.is_traditional(raw) if ctx.lang == "yue" else script.script_score(raw) > 0:
        # Traditional text: the words rules wrote (an email's 点, a formula's 等于) follow the user's script
        convert = script.to_hongkong if ctx.lang == "yue" else script.to_traditional
        pieces = [replace(p, text=convert(p.text)) if p.kind == SPOKEN and not p.rule.startswith("yue.") else p
                  for p in pieces]  # the Cantonese TN already wrote its words (厘米) in the text's script
    return pieces


def _numbers(pieces: list[Piece], ctx: Context) -> list[Piece]:
    """Cantonese owns its whole number reading (兩/二, 蚊/毫, DD/MM dates), in a Cantonese paragraph
    and in a <lang xml:lang="zh-HK"> span of any other: Mandarin TN never sees that text."""
    def cantonese(p: Piece) -> bool:
        return p.is_raw() and (p.lang or ctx.lang) == "yue"

    out: list[Piece] = []
    for is_yue, run in itertools.groupby(pieces, key=cantonese):
        run = list(run)
        if not any(p.is_raw() for p in run):
            out += run  # markup and spoken text: nothing left to read
        else:
            out += yue.apply(run, ctx) if is_yue else tn.apply(run, ctx)
    return out


def _stages_pronunciation(pieces: list[Piece], ctx: Context) -> list[Piece]:
    return polyphone.apply(pieces, ctx)


def run(text: str, lang: str | None = None, *, lexicon=None, max_chars: int | None = None,
        explain: bool = False, yue_render: str = "braces") -> Iterator[Utterance]:
    if lang not in (None, "zh", "en", "yue"):
        raise ValueError(f"lang must be None, 'zh', 'en' or 'yue', not {lang!r}")
    compiled = lexicon_mod.compile_user(lexicon)
    prefix = langid.control_prefix(text)  # (粤语) / (四川话) at the very start sets the mode
    doc_lang = lang or (prefix.lang if prefix else None)
    dialect = prefix.dialect if prefix else None
    pending_prefix = prefix
    carry_yue = False  # an earlier paragraph of this document was detected as Cantonese
    last_chinese = None  # "zh"/"yue" while the latest paragraph that tells a language is Chinese
    told = False  # a paragraph before this one told a language
    ahead = None  # the language of the first text after leading formula lines ("" when none)
    unspoken: list[Change] = []  # what was dropped with no utterance of its own: shown with the next one
    held: Utterance | None = None  # --explain: the latest utterance, until we know nothing follows
    for start, end, para, is_fence in iter_paragraphs(text):
        if is_fence:
            # a markdown code block is never read aloud; --explain says so
            unspoken.append(Change(start, end, para, "", "markdown.code_fence"))
            continue
        pieces = [Piece(para, start, end)]
        if pending_prefix is not None and start == 0:
            cut = pending_prefix.end
            pieces = [Piece(para[:cut], 0, cut, MARKUP, "langid.control_prefix")]
            if para[cut:]:
                pieces.append(Piece(para[cut:], cut, end))
            pending_prefix = None
        para_lang = doc_lang
        neutral = lang is None and langid.language_neutral(para)  # 7 × 8 = 56: no word tells
        if lang is None and para_lang is not None and langid.paragraph_lang(para) == "en" and not neutral:
            para_lang = "en"  # a (粤语)/(四川话) prefix sets the Chinese variety, not English lines
        if para_lang is None and neutral and last_chinese is not None:
            para_lang = last_chinese  # a formula line under Chinese text is read in that language
        if para_lang is None and neutral and not told:
            if ahead is None:  # a formula line before any text: the first text after it decides
                ahead = langid.first_told_language(p for _, _, p, fence in iter_paragraphs(text[end:]) if not fence)
            para_lang = ahead
        if para_lang is None:
            para_lang = langid.paragraph_lang(para)
            if carry_yue and para_lang == "zh" and langid.script_score(para) >= 0:
                # a marker-free paragraph of a Cantonese document that is not Simplified stays
                # Cantonese (pronunciation.md §3: neutral Traditional text in a Cantonese setting)
                para_lang = "yue"
            if para_lang != "en":
                carry_yue = para_lang == "yue"
        if para.strip() and not neutral:
            last_chinese = para_lang if para_lang in ("zh", "yue") else None
            told = True
        ctx = Context(lang=para_lang, forced_lang=lang, dialect=dialect,
                      lexicon=compiled, yue_render=yue_render)
        if max_chars:
            ctx.max_chars = max_chars
        try:
            pieces = _stages_tn(pieces, ctx)
        except MarkupError as e:  # the stage saw one paragraph: say where it is in the whole input
            raise MarkupError(e.message, text, *e.span) from None
        sentences = split.sentences(pieces, ctx)
        if explain and not sentences:
            unspoken.extend(ctx.changes)  # a line that was all dropped (an emoji): shown with the next one
        para_start, para_end = start, end
        for i, (sent, pause_ms) in enumerate(sentences):
            if i == len(sentences) - 1:
                pause_ms = max(pause_ms, PAUSE_MS["paragraph"])
            sent = _stages_pronunciation(sent, ctx)
            spoken = _tidy(text_of(sent))
            start, end = sent[0].start, sent[-1].end
            changes = ()
            if explain:
                # A change belongs to the sentence it starts in; what was dropped before the first
                # sentence (**重要**) or after one (an emoji closing the line) has no sentence of its
                # own and goes with the nearest one before it (else the first).
                lo = para_start if i == 0 else start
                hi = sentences[i + 1][0][0].start if i + 1 < len(sentences) else para_end + 1
                changes = tuple(c for c in ctx.changes if lo <= c.start < hi)
            if not spoken or not _speakable(spoken):
                unspoken.extend(changes)  # an emoji-only line: its named rule still shows
                continue
            if unspoken:
                changes, unspoken = tuple(unspoken) + changes, []
            while start < end and text[start].isspace():  # the span points at the words, not the gap
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            utterance = Utterance(spoken, ctx.lang, pause_ms, (start, end), changes)
            if not explain:
                yield utterance
                continue
            if held is not None:
                yield held
            held = utterance  # held back one step: a line dropped at the very end still shows with it
    if held is not None:
        yield replace(held, changes=held.changes + tuple(unspoken)) if unspoken else held


def _speakable(text: str) -> bool:
    """Punctuation alone is not an utterance."""
    return any(ch.isalnum() or ch == "{" for ch in text)

"""Inline pronunciation markup, parsed before anything else touches the text.

- native VoxCPM braces `{chong2}{qing4}` / `{HH AH0 L OW1}` pass through untouched;
- `[text](pronunciation)`: pinyin, jyutping, ARPAbet or `=respelling`, with optional
  `py:` / `jp:` / `arpa:` prefixes; a target that is not a pronunciation stays a markdown link;
- the SSML subset in frontend/ssml.py.
Inline markup beats every lexicon: what it produces is MARKUP that later stages leave alone.
"""
from __future__ import annotations

import re

from . import ssml
from .ssml import markup_error
from .errors import LexiconError
from .lexicon import render
from .lexicon.entry import Entry, make_entry, split_prefix
from .phonemes import (ARPABET_CONSONANTS, ARPABET_VOWELS, PhonemeError, count_han, ipa_to_arpabet,
                       is_arpabet_word, parse_jyutping, parse_pinyin, parse_sapi_pinyin)
from .pieces import MARKUP, RAW, Match, Piece, rewrite

_BRACE = re.compile(r"\{([^{}\n]+)\}")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(([^()\n]*)\)")
_MATH_REGION = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
_LATEX_BEFORE = re.compile(r"(\\[A-Za-z]+\*?|[_^])\s*$")
_PRON_TOKEN = re.compile(r"[A-Za-zÀ-ɏ\u0300-\u036f:]+[0-9]?")
_WHERE = "<inline>"


def _native_syllable(content: str) -> bool:
    """One brace group the model reads: a pinyin or jyutping syllable with its tone, or one ARPAbet word."""
    c = content.strip()
    if re.fullmatch(r"[a-z]+[1-6]", c):
        for parse in (parse_pinyin, parse_jyutping):
            try:
                parse(c)
                return True
            except PhonemeError:
                pass
        return False
    return is_arpabet_word(c)


def _native_braces(text: str) -> list[tuple[int, int]]:
    regions = [m.span() for m in _MATH_REGION.finditer(text)]
    spans, prev_end, prev_native = [], -1, False
    for m in _BRACE.finditer(text):
        s, e = m.span()
        in_math = any(a <= s < b for a, b in regions)
        after_latex = bool(_LATEX_BEFORE.search(text, 0, s)) or (s == prev_end and not prev_native)
        native = not in_math and not after_latex and _native_syllable(m.group(1))
        if native:
            spans.append((s, e))
        prev_end, prev_native = e, native
    return spans


def _looks_like_pronunciation(value: str) -> bool:
    """Tell `[重庆](chong2 qing4)` from `[docs](guide)` or `[site](https://...)`."""
    v = value.strip()
    if not v:
        return False
    if v.startswith("=") or split_prefix(v)[0]:
        return True
    if re.search(r"[/.#?@:]", v.replace("u:", "")) or "://" in v:
        return False
    tokens = [t for t in re.split(r"[\s|]+", v) if t]
    if not all(_PRON_TOKEN.fullmatch(t) for t in tokens):
        return False
    toned = any(re.search(r"[0-9\u0300-\u030c]", t) or re.search(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", t)
                for t in tokens)
    arpa = len(tokens) > 1 and all(t in ARPABET_VOWELS or t in ARPABET_CONSONANTS for t in tokens)
    return toned or arpa


def _entry_for(text: str, value: str, lang: str, where: str = _WHERE) -> Entry:
    """Validate an inline pronunciation of `text` (raises LexiconError with the reason)."""
    section, body = split_prefix(value)
    if section:
        return make_entry(text, body, section, where)
    if body.startswith("="):
        return make_entry(text, body, "any", where)
    if not count_han(text):
        return make_entry(text, body, "en", where)
    order = ("yue", "zh") if lang == "yue" else ("zh", "yue")
    errors = []
    for sec in order:
        try:
            return make_entry(text, body, sec, where)
        except LexiconError as e:
            errors.append(str(e).split(": ", 2)[-1])
    raise LexiconError(f"{where}: {text}: {body!r} is not valid pinyin ({errors[order.index('zh')]}) "
                       f"or jyutping ({errors[order.index('yue')]})")


def _phoneme_entry(content: str, alphabet: str | None, ph: str, lang: str) -> Entry:
    """<phoneme alphabet=... ph=...>content</phoneme> -> a validated entry (ValueError if not)."""
    a = (alphabet or "").lower()
    prefixes = {"": "", "x-pinyin": "py:", "pinyin": "py:", "x-jyutping": "jp:", "jyutping": "jp:",
                "x-arpabet": "arpa:", "arpabet": "arpa:", "x-cmu": "arpa:"}
    if a in prefixes:
        return _entry_for(content, prefixes[a] + ph, lang)
    if a in ("sapi", "x-microsoft-sapi"):
        return make_entry(content, " ".join(parse_sapi_pinyin(ph)), "zh", _WHERE)
    if a == "ipa":
        if count_han(content):
            raise LexiconError(f"{_WHERE}: IPA for Chinese cannot be converted; use alphabet=\"x-pinyin\", "
                               f"\"sapi\" or \"x-jyutping\"")
        words = ipa_to_arpabet(ph)
        return make_entry(content, " | ".join(" ".join(w) for w in words), "en", _WHERE)
    raise LexiconError(f"{_WHERE}: alphabet {alphabet!r} is not supported; use x-pinyin, sapi, x-jyutping, "
                       f"x-arpabet or ipa (English)")


def _reason(e: Exception) -> str:
    """The message of a lexicon error without its '<inline>: ' location (the span says where)."""
    return str(e).removeprefix(f"{_WHERE}: ")


def _finder(piece: Piece, ctx):
    text = piece.text
    lang = piece.lang or ctx.lang
    matches = [Match(s, e, text[s:e], "inline.braces", MARKUP) for s, e in _native_braces(text)] \
        if "{" in text else []
    if "](" in text:
        taken = [(m.start, m.end) for m in matches]
        for m in _LINK.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            label, target = m.group(1), m.group(2)
            if not _looks_like_pronunciation(target):
                continue  # an ordinary markdown link: the clean-up keeps its text
            try:
                entry = _entry_for(label.strip(), target, lang)
            except (LexiconError, PhonemeError) as e:
                raise markup_error(f"bad pronunciation in [text](pronunciation): {_reason(e)}",
                                   piece, m.start(), m.end()) from None
            spoken, kind = render(entry, ctx)
            if kind != MARKUP:
                kind = RAW  # a respelling is ordinary text: numbers in it still get read
            matches.append(Match(m.start(), m.end(), spoken, "inline.annotation", kind))
    return matches


def apply(pieces: list[Piece], ctx) -> list[Piece]:
    def resolve(content: str, alphabet: str | None, ph: str, lang: str) -> str:
        try:
            return render(_phoneme_entry(content, alphabet, ph, lang), ctx)[0]
        except (LexiconError, PhonemeError) as e:
            raise ValueError(_reason(e)) from None

    out: list[Piece] = []
    for p in pieces:
        out.extend(ssml.parse(p, ctx, resolve, ctx.changes) if p.kind == RAW else [p])
    return rewrite(out, lambda p: _finder(p, ctx), ctx.changes)

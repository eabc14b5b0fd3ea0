"""Inline pronunciation markup, parsed before anything else touches the text.

- native VoxCPM braces `{chong2}{qing4}` / `{HH AH0 L OW1}` pass through untouched;
- `[text](pronunciation)`: pinyin, jyutping, ARPAbet or `=respelling`, with optional
  `py:` / `jp:` / `arpa:` prefixes; a target that is not a pronunciation stays a markdown link;
- the SSML subset in frontend/ssml.py.
Inline markup beats every lexicon: what it produces is MARKUP that later stages leave alone.
"""
from __future__ import annotations

import html
import re

from . import ssml
from .ssml import markup_error
from .errors import LexiconError
from .lexicon import render
from .lexicon.entry import Entry, make_entry, split_prefix
from .phonemes import (ARPABET_CONSONANTS, ARPABET_VOWELS, PhonemeError, count_han, ipa_to_arpabet,
                       is_arpabet_word, parse_arpabet, parse_jyutping, parse_pinyin, parse_sapi_pinyin)
from .pieces import MARKUP, RAW, Match, Piece, rewrite

_BRACE = re.compile(r"\{([^{}\n]+)\}")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(([^()\n]*)\)")
_MATH_REGION = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
_LATEX_BEFORE = re.compile(r"(\\[A-Za-z]+\*?|[_^])\s*$")
_PRON_TOKEN = re.compile(r"[A-Za-zÀ-ɏ\u0300-\u036f:]+[0-9]?")
_WHERE = "<inline>"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINK_TARGET = re.compile(r"\]\(([^()\n]*)\)")
_SEPARATORS = re.compile(r"\s*[,，、;；\-]\s*")  # chong2,qing4 / chong2-qing4 -> chong2 qing4


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


def _syllable_base(token: str) -> bool:
    """'chong9' -> True: letters that form a pinyin or jyutping syllable, whatever the digit after them."""
    m = re.fullmatch(r"([a-z]{2,6})[0-9]", token)
    if not m:
        return False
    for parse, tones in ((parse_pinyin, "12345"), (parse_jyutping, "123456")):
        for tone in tones:
            try:
                parse(m.group(1) + tone)
                return True
            except PhonemeError:
                pass
    return False


def _phoneme_like(content: str) -> bool:
    """A brace group meant as phonemes but not one native group: `{chong2 qing4}`, `{chong9}`,
    `{HH AH0 L OW9}`, `{HH AH0 L OW1 | W ER1 L D}` (never a math set such as `{x1}` or `{1,2,3}`)."""
    tokens = [t for t in re.split(r"[\s|]+", content) if t]
    if tokens and all(_syllable_base(t) for t in tokens):
        return True
    phones = [t for t in tokens if re.fullmatch(r"[A-Z]{1,2}[0-9]?", t)]
    known = [t for t in phones if t.rstrip("0123456789") in ARPABET_VOWELS | ARPABET_CONSONANTS]
    return len(tokens) >= 2 and len(phones) == len(tokens) and len(known) * 2 > len(tokens)


def _native_braces(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, native) of the brace groups that are phonemes, not LaTeX or math sets."""
    regions = [m.span() for m in _MATH_REGION.finditer(text)]
    spans, prev_end, prev_native = [], -1, False
    for m in _BRACE.finditer(text):
        s, e = m.span()
        in_math = any(a <= s < b for a, b in regions)
        after_latex = bool(_LATEX_BEFORE.search(text, 0, s)) or (s == prev_end and not prev_native)
        native = not in_math and not after_latex and _native_syllable(m.group(1))
        if native:
            spans.append((s, e, True))
        elif not in_math and not after_latex and _phoneme_like(m.group(1)):
            spans.append((s, e, False))
            native = True
        prev_end, prev_native = e, native
    return spans


_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SET_SYNTAX = re.compile(r"[|,，、;；=<>≤≥∈∉⊂⊆∪∩:：]")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:\s+[A-Za-z][A-Za-z'’\-]*)*")
_JSON_OBJECT = re.compile(r'\s*"[^"\n]*"\s*:')


def _plain_words(content: str) -> bool:
    """Braces around words that are neither phonemes nor a math set: `{待定}`, `{foo bar}`, `{name}`
    (a template slot), `{"name": "Tom"}`. The model would take any brace for phonemes, and the math
    stage would call them 集合 "the set"; so the braces go and the words are read as written. Math
    sets keep theirs: `{1,2,3}`, `{x|x>0}`, `{x1}`, `{a, b}`, and `{AB}` (capitals: points)."""
    c = content.strip()
    if not c:
        return False
    if _JSON_OBJECT.match(c):
        return True
    if _SET_SYNTAX.search(c):
        return False
    if _HAN_CHAR.search(c):
        return True
    if not _WORDS.fullmatch(c):
        return False
    words = c.split()
    return len(words) > 1 or (len(c) >= 3 and not c.isupper())


def _plain_braces(text: str, taken: list[tuple[int, int]]) -> list[Match]:
    regions = [m.span() for m in _MATH_REGION.finditer(text)]
    out = []
    for m in _BRACE.finditer(text):
        s, e = m.span()
        if any(a <= s < b for a, b in regions) or any(a <= s < b for a, b in taken):
            continue
        if _LATEX_BEFORE.search(text, 0, s) or text[e:e + 1] == "{" or text[s - 1:s] in ("}", "\\"):
            continue  # \text{速度}, \frac{a}{b}, x^{2}: LaTeX groups belong to the math stage
        if _plain_words(m.group(1)):
            if text[s - 1:s] == "{" and text[e:e + 1] == "}":
                s, e = s - 1, e + 1  # {{name}}: a Mustache/Jinja template slot
            out.append(Match(s, e, m.group(1), "inline.plain_braces", RAW))
    return out


def _split_braces(content: str) -> str:
    """`chong2 qing4` -> `{chong2}{qing4}`, `HH AH0 L OW1 | W ER1 L D` -> `{HH AH0 L OW1} {W ER1 L D}`;
    raises ValueError saying why when the content is not valid."""
    c = content.strip()
    if re.fullmatch(r"[a-z0-9\s]+", c):
        syllables = c.split()
        for syl in syllables:
            if not _native_syllable(syl):
                raise ValueError(f"'{syl}' is not a pinyin (tones 1-5) or jyutping (tones 1-6) syllable")
        return "".join(f"{{{syl}}}" for syl in syllables)
    try:
        words = parse_arpabet(c)
    except PhonemeError as e:
        raise ValueError(str(e)) from None
    return " ".join("{" + " ".join(w) + "}" for w in words)


def _looks_like_pronunciation(value: str) -> bool:
    """Tell `[重庆](chong2 qing4)` from `[docs](guide)` or `[site](https://...)`."""
    v = value.strip()
    if not v:
        return False
    if v.startswith("=") or split_prefix(v)[0]:
        return True
    if re.search(r"[/.#?@:]", v.replace("u:", "")) or "://" in v:
        return False
    tokens = [t for t in re.split(r"[\s|,，、;；\-]+", v) if t]
    if not all(_PRON_TOKEN.fullmatch(t) for t in tokens):
        return False
    toned = any(re.search(r"[0-9\u0300-\u030c]", t) or re.search(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", t)
                for t in tokens)
    arpa = len(tokens) > 1 and all(t in ARPABET_VOWELS or t in ARPABET_CONSONANTS for t in tokens)
    return toned or arpa


def _entry_for(text: str, value: str, lang: str, where: str = _WHERE) -> Entry:
    """Validate an inline pronunciation of `text` (raises LexiconError with the reason)."""
    section, body = split_prefix(value)
    if not body.startswith("=") and section != "en":
        body = _SEPARATORS.sub(" ", body).strip()
    if section:
        return make_entry(text, body, section, where)
    if body.startswith("="):
        return make_entry(text, body, "any", where)
    if not count_han(text):
        try:
            return make_entry(text, body, "en", where)
        except LexiconError:
            if re.search(r"[A-Za-z]", text):
                raise
            # digits or symbols said as syllables ([3](saam1)個, [2](liang3)个): no Han character to
            # count the syllables against, so any number of them is the reading
            syllables = _syllables(body, lang)
            if syllables is None:
                raise
            return Entry(text, syllables[0], "pinyin" if syllables[0] == "zh" else "jyutping",
                         syllables[1], where=where)
    order = ("yue", "zh") if lang == "yue" else ("zh", "yue")
    errors = []
    for sec in order:
        try:
            return make_entry(text, body, sec, where)
        except LexiconError as e:
            errors.append(str(e).split(": ", 2)[-1])
    raise LexiconError(f"{where}: {text}: {body!r} is not valid pinyin ({errors[order.index('zh')]}) "
                       f"or jyutping ({errors[order.index('yue')]})")


def _syllables(body: str, lang: str) -> tuple[str, tuple[str, ...]] | None:
    """(section, syllables) of a pinyin or jyutping reading, the paragraph's language tried first."""
    for sec in (("yue", "zh") if lang == "yue" else ("zh", "yue")):
        try:
            return sec, tuple(parse_pinyin(body) if sec == "zh" else parse_jyutping(body))
        except PhonemeError:
            continue
    return None


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


def _brace_matches(piece: Piece) -> list[Match]:
    text, matches = piece.text, []
    for s, e, native in _native_braces(text):
        if native:
            matches.append(Match(s, e, text[s:e], "inline.braces", MARKUP))
            continue
        try:
            matches.append(Match(s, e, _split_braces(text[s + 1:e - 1]), "inline.braces.split", MARKUP))
        except ValueError as err:
            raise markup_error(f"bad phonemes in {{...}}: {err}; one brace holds one pinyin/jyutping "
                               f"syllable with its tone ({{chong2}}) or one ARPAbet word ({{HH AH0 L OW1}})",
                               piece, s, e) from None
    return matches


def _toneless_reading(label: str, target: str) -> bool:
    """`[了](le)`, `[重庆](chong qing)`: pinyin without tones for as many Han characters."""
    tokens = target.split()
    return bool(tokens) and len(tokens) == count_han(label) == len(label.strip()) and all(
        re.fullmatch(r"[a-zü]+", t) and _syllable_base(t + "1") for t in tokens)


def _bracket_open(text: str, close: int) -> int:
    """Index of the '[' that the ']' at `close` closes (nested brackets counted), or `close`."""
    depth = 0
    for i in range(close, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return close


def _stray_targets(piece: Piece, taken: list[tuple[int, int]]) -> None:
    """A `](chong2 qing4)` that no [text](...) took (nested or empty brackets) must not be read aloud."""
    text = piece.text
    for m in _LINK_TARGET.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or not _looks_like_pronunciation(m.group(1)):
            continue
        start = _bracket_open(text, m.start())
        raise markup_error("bad [text](pronunciation): the text in [...] must be non-empty and hold no "
                           "brackets, e.g. [重庆](chong2 qing4)", piece, start, m.end())


def _finder(piece: Piece, ctx):
    text = piece.text
    lang = piece.lang or ctx.lang
    matches = _brace_matches(piece) if "{" in text else []
    if "{" in text:
        matches += _plain_braces(text, [(m.start, m.end) for m in matches])
    if "](" in text:
        taken = [(m.start, m.end) for m in matches]
        for m in _LINK.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            label, target = m.group(1), m.group(2)
            if _toneless_reading(label, target):
                raise markup_error(f"bad pronunciation in [text](pronunciation): {label.strip()}: "
                                   f"'{target.strip()}' has no tone numbers; write e.g. "
                                   f"'{target.split()[0]}1' to '{target.split()[0]}4', or "
                                   f"'{target.split()[0]}5' for the neutral tone", piece, m.start(), m.end())
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
            taken.append((m.start(), m.end()))
        _stray_targets(piece, taken)
    return matches


def _entities(piece: Piece) -> list[Match]:
    """`&amp;` `&lt;` `&#65;` (SSML / HTML text) -> the character, which later stages read."""
    out = []
    for m in _ENTITY.finditer(piece.text):
        char = html.unescape(m.group())
        if char != m.group():
            out.append(Match(m.start(), m.end(), char, "inline.entity", RAW))
    return out


def apply(pieces: list[Piece], ctx) -> list[Piece]:
    def resolve(content: str, alphabet: str | None, ph: str, lang: str) -> str:
        try:
            return render(_phoneme_entry(content, alphabet, ph, lang), ctx)[0]
        except (LexiconError, PhonemeError) as e:
            raise ValueError(_reason(e)) from None

    out: list[Piece] = []
    for p in pieces:
        out.extend(ssml.parse(p, ctx, resolve, ctx.changes) if p.kind == RAW else [p])
    out = rewrite(out, lambda p: _finder(p, ctx), ctx.changes)
    return rewrite(out, _entities, ctx.changes) if "&" in "".join(p.text for p in out) else out

"""Mandarin polyphones: brace the Han characters whose reading here differs from the default.

The default reading of a character is pypinyin's context-free single-character reading
(行 xing2, 着 zhe5, 得 de2). A sentence is read in three layers, later ones winning:

1. pypinyin's phrase knowledge: forward maximum matching over its phrase table (what
   pypinyin itself does), with the shipped polyphone lexicon's words added to the table;
2. lexicon words (lexicons/polyphones*.yaml) wherever the segmentation picked them;
3. context rules (rules/zh/polyphone.yaml): a character plus the text on either side.

A character is braced `{pinyin}` only when the final reading differs from the default
(a change of neutral tone alone does not count, except for the characters the rules
name, e.g. 得 de5). When unsure we leave the character alone: the model then reads its
default, which is what an unbraced character would get anyway.

Dialect mode and Cantonese paragraphs are left untouched: pinyin braces force Putonghua.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .pieces import MARKUP, RAW, SPOKEN, Match, split_by_matches
from .polyphone_rules import Entry, Policy, Rule, lexicon_paths, load_lexicon, load_rules

_HAN_RUN = regex.compile(r"\p{Han}+")
_BRACE = regex.compile(r"\{[^{}]*\}")
_PLACEHOLDER = "\u25a1"  # stands for a brace group when MARKUP text is used as context

PYPINYIN = "pypinyin"
_WINDOW = 24  # characters of context a rule sees on each side


@dataclass(frozen=True)
class Reading:
    pinyin: str
    source: str  # "default", "pypinyin", "polyphones.yaml:12", "rule de_after_verb (polyphone.yaml:40)"
    brace: bool


@dataclass
class _Model:
    lexicon: dict[str, Entry]
    rules_by_char: dict[str, list[Rule]]
    policy: Policy
    max_len: int
    tokenizer: object


@rules.compiled
def _model() -> _Model:
    from pypinyin.constants import PHRASES_DICT
    lexicon: dict[str, Entry] = {}
    for path in lexicon_paths():
        lexicon.update(load_lexicon(path))
    rule_list, policy = load_rules(rules.load("zh", "polyphone"))
    by_char: dict[str, list[Rule]] = {}
    for r in rule_list:
        by_char.setdefault(r.char, []).append(r)
    max_len = max([len(w) for w in lexicon] + [max(len(k) for k in PHRASES_DICT)])
    return _Model(lexicon, by_char, policy, max_len, _tokenizer(lexicon))


_default_cache: dict[str, str] = {}
_phrase_cache: dict[str, tuple[str, ...]] = {}


def default_reading(ch: str) -> str | None:
    """pypinyin's single-character reading, tone3 with 5 for neutral; None if it has none."""
    r = _default_cache.get(ch)
    if r is None:
        from pypinyin.constants import PINYIN_DICT
        from pypinyin.contrib.tone_convert import to_tone3
        raw = PINYIN_DICT.get(ord(ch))
        if raw is None:
            return None
        r = to_tone3(raw.split(",")[0], neutral_tone_with_five=True)
        _default_cache[ch] = r
    return r


def _phrase(word: str) -> tuple[str, ...] | None:
    r = _phrase_cache.get(word)
    if r is None:
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.contrib.tone_convert import to_tone3
        raw = PHRASES_DICT.get(word)
        if raw is None or len(raw) != len(word):
            return None
        r = tuple(to_tone3(p[0], neutral_tone_with_five=True) for p in raw)
        _phrase_cache[word] = r
    return r


def _tokenizer(lexicon: dict[str, Entry]):
    """A private jieba tokenizer (word segmentation) that also knows our lexicon's words."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in lexicon:
        if len(word) > 1:
            tok.add_word(word)  # jieba's suggested frequency: cut as a word unless a better split exists
    return tok


def _known(word: str, model: _Model) -> tuple[tuple[str, ...], str] | None:
    entry = model.lexicon.get(word)
    if entry is not None:
        return entry.readings, entry.where
    phrase = _phrase(word) if len(word) > 1 else None
    return (phrase, PYPINYIN) if phrase is not None else None


def _fmm(word: str, model: _Model):
    """Forward maximum matching inside one segmented word (pypinyin's own strategy)."""
    i, n = 0, len(word)
    while i < n:
        for j in range(min(n, i + model.max_len), i, -1):
            known = _known(word[i:j], model)
            if known is not None:
                yield i, j, known[0], known[1]
                break
        else:
            yield i, i + 1, None, "default"
            j = i + 1
        i = j


def _segment(run: str, model: _Model) -> list[tuple[int, int, tuple[str, ...] | None, str, bool]]:
    """Word segmentation (jieba, with our lexicon's words), then readings per piece.

    Consecutive words that together form a known phrase are read as that phrase (睡|不着);
    inside a word, forward maximum matching over pypinyin's phrases and our lexicon.
    Yields (start, end, readings or None, source, in_word).
    """
    tokens = model.tokenizer.lcut(run, HMM=False)
    out = []
    pos, t = 0, 0
    while t < len(tokens):
        found = None
        length = 0
        for u in range(t + 1, len(tokens) + 1):
            length += len(tokens[u - 1])
            if length > model.max_len:
                break
            if u - t >= 2:
                known = _known("".join(tokens[t:u]), model)
                if known is not None:
                    found = (u, length, known)
        if found is not None:
            u, length, (readings, source) = found
            out.append((pos, pos + length, readings, source, True))
            pos += length
            t = u
            continue
        token = tokens[t]
        for start, end, readings, source in _fmm(token, model):
            out.append((pos + start, pos + end, readings, source, len(token) > 1))
        pos += len(token)
        t += 1
    return out


def _differs(char: str, reading: str, default: str | None, policy: Policy) -> bool:
    if default is None or reading == default or char in policy.never_brace:
        return False
    if policy.brace_only and char not in policy.brace_only:
        return False  # a common word the model reads right (处理, 出差, 相似): braces would only add risk
    if reading[:-1] == default[:-1] and "5" in (reading[-1], default[-1]):
        return char in policy.neutral_counts  # 孩子 zi5 vs zi3: prosody, not a different reading
    return True


def sentence_readings(text: str) -> list[Reading | None]:
    """The reading of every character of `text` (None for non-Han characters)."""
    model = _model()
    out: list[Reading | None] = [None] * len(text)
    for m in _HAN_RUN.finditer(text):
        run, base = m.group(), m.start()
        for start, end, readings, source, in_word in _segment(run, model):
            for k in range(start, end):
                pos = base + k
                ch = text[pos]
                default = default_reading(ch)
                if default is None:
                    continue
                pinyin = readings[k - start] if readings else default
                src = source
                rule = _rule_for(text, pos, in_word, source not in (PYPINYIN, "default"), model)
                if rule is not None:
                    pinyin, src = rule.reading, f"rule {rule.name} ({rule.where})"
                out[pos] = Reading(pinyin, src, _differs(ch, pinyin, default, model.policy))
            if end - start > 1 and readings and source not in ("default",):
                _complete_word(text, out, base + start, base + end, model.policy)
    return out


def _complete_word(text: str, out: list, start: int, end: int, policy: Policy) -> None:
    """A braced risky character takes its word's context away from the model ({cen1}差不齐
    reads like 差不齐 cha4): brace the other characters of that word that leave their default
    (参差 -> {cen1}{ci1}); 一/不 and a neutral tone alone still stay plain."""
    if not any(out[p] is not None and out[p].brace for p in range(start, end)):
        return
    for p in range(start, end):
        r, default = out[p], default_reading(text[p])
        if r is None or r.brace or default is None or r.pinyin == default or text[p] in policy.never_brace:
            continue
        if r.pinyin[:-1] == default[:-1] and "5" in (r.pinyin[-1], default[-1]):
            continue
        out[p] = Reading(r.pinyin, r.source, True)


def _rule_for(text: str, pos: int, in_phrase: bool, in_lexicon: bool, model: _Model) -> Rule | None:
    """The first rule for this character whose context matches. Lexicon words beat rules;
    a rule reads a character inside a segmented word only if it says `in_words: true`,
    inside a word of our lexicon only if it says `over_lexicon: true`."""
    candidates = model.rules_by_char.get(text[pos])
    if not candidates:
        return None
    # a window is enough context and keeps long sentences linear
    left, right = text[max(0, pos - _WINDOW):pos], text[pos + 1:pos + 1 + _WINDOW]
    for r in candidates:
        if in_phrase and not r.in_words or in_lexicon and not r.over_lexicon:
            continue
        if r.left is not None and not r.left.search(left):
            continue
        if r.right is not None and not r.right.match(right):
            continue
        if r.not_left is not None and r.not_left.search(left):
            continue
        if r.not_right is not None and r.not_right.match(right):
            continue
        return r
    return None


def annotate(text: str) -> str:
    """`text` with braces on the characters whose reading differs from the default."""
    readings = sentence_readings(text)
    return "".join(f"{{{r.pinyin}}}" if r is not None and r.brace else ch for ch, r in zip(text, readings))


def _context_text(pieces) -> tuple[str, list[int]]:
    """The sentence as one string (MARKUP brace groups become a placeholder) and where each
    RAW/SPOKEN piece starts in it (-1 for MARKUP pieces)."""
    parts, starts, pos = [], [], 0
    for p in pieces:
        if p.kind in (RAW, SPOKEN):
            starts.append(pos)
            parts.append(p.text)
            pos += len(p.text)
        else:
            starts.append(-1)
            t = _BRACE.sub(_PLACEHOLDER, p.text)
            parts.append(t)
            pos += len(t)
    return "".join(parts), starts


def apply(pieces, ctx):
    if ctx.dialect_mode or ctx.lang == "yue" or not pieces:
        return pieces
    text, starts = _context_text(pieces)
    if not _HAN_RUN.search(text):
        return pieces
    readings = sentence_readings(text)
    out = []
    for piece, start in zip(pieces, starts):
        if start < 0:
            out.append(piece)
            continue
        matches = []
        for k, ch in enumerate(piece.text):
            r = readings[start + k]
            if r is not None and r.brace:
                matches.append(Match(k, k + 1, f"{{{r.pinyin}}}", f"polyphone {r.source}", MARKUP, atomic=True))
        out.extend(split_by_matches(piece, matches, ctx.changes) if matches else [piece])
    return out

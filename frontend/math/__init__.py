"""Math in running text and LaTeX: spans -> tokens -> expression tree -> words from rules/<lang>/.

    spans.py   where formulas are ($...$, \\(...\\), runs like AB⊥CD or sin30°=1/2)
    tokens.py  one pass over a formula: Unicode symbols and LaTeX commands -> tokens
    parser.py  tokens -> a small expression tree
    reader.py  tree -> words, every word from rules/<lang>/math.yaml and math_symbols.yaml

Chinese paragraphs (ctx.lang "zh" or "yue") read math in Mandarin, English ones in English.
"""
from __future__ import annotations

import re

from ..pieces import Change, Match, rewrite
from ..script import is_traditional
from .parser import Node, parse
from .reader import Reader, rules_for
from .spans import find_spans
from .tokens import tokenize


def read_formula(source: str, lang: str = "zh", latex: bool = False, unknown: list | None = None,
                 tokens: list | None = None, interval: bool = False, point: bool = False,
                 relation: str | None = None) -> str:
    """The spoken form of one formula (no span finding): read_formula('x^2', 'en') -> 'x squared'.
    interval: the words around it call a pair (a,b) an interval (在(0,1)上), not a point.
    relation: how the prose around an English relation wants its verb: "noun" (for every
    n ≥ 2: 'n greater than or equal to two'), "be" (Let ε > 0 and ...: 'epsilon be greater
    than zero'), None (a clause of its own: 'is greater than')."""
    tree, _ = parse(tokens if tokens is not None else tokenize(source, latex, unknown))
    if interval and tree is not None and tree.kind == "tuple" and len(tree.kids) == 2:
        tree = Node("interval", tree.kids, val=tree.val + {"(": ")", "[": "]"}.get(tree.val, ")"))
    if point and tree is not None and tree.kind in ("tuple", "interval") and 2 <= len(tree.kids) <= 3:
        tree = Node("tuple", tree.kids, val="point")  # the point (-2, 5): coordinates, said without brackets
    try:
        reader = Reader(lang)
        spoken = reader.relation_phrase(tree, relation) if relation else reader.read(tree)
    except RecursionError:  # pathological nesting: read token by token instead
        spoken = _flat(source, lang, latex)
    return _tidy(spoken, lang)


def _flat(source: str, lang: str, latex: bool) -> str:
    from .parser import Node
    reader = Reader(lang)
    parts = []
    for tok in tokenize(source, latex):
        if tok.kind == "num":
            parts.append(reader.number(tok.val))
        elif tok.kind == "let":
            parts.append(tok.val)
        else:
            parts.append(reader.read(Node("sym", val=tok.val)))
    return reader.cat(parts)


def _tidy(text: str, lang: str) -> str:
    """One space between words; in Chinese only between two Latin letters/digits."""
    words = text.split()
    if lang == "en":
        return " ".join(words)
    out = ""
    for w in words:
        if out and out[-1].isascii() and out[-1].isalnum() and w[0].isascii() and w[0].isalnum():
            out += " "
        out += w
    return out


def _unsay_leading_word(spoken: str, before: str, lang: str) -> str:
    """线段$\\overline{AB}$ is 线段AB, not 线段线段AB: drop a leading word the text has just said."""
    before = before.rstrip()
    for word in rules_for(lang).leading_words:
        if not spoken.startswith(word) or not before.lower().endswith(word.lower()):  # The determinant $…$
            continue
        rest = spoken[len(word):]
        if lang == "en" and (not rest.startswith(" ") or before[:-len(word)][-1:].isalpha()):
            continue  # whole words only: 'bisegment' is not 'segment'
        return rest.lstrip()
    return spoken


def _unsay_named_interval(spoken: str, before: str, lang: str) -> str:
    """'The interval is (-∞, 3]' -> 'The interval is from negative infinity excluded to three
    included': when the words just before name the interval, the reading does not name it again."""
    head = spoken.split(" ", 4)
    if lang != "en" or "interval" not in head[:3] or "interval" not in before.lower().split()[-3:]:
        return spoken
    words = spoken.split(" ")
    at = words.index("interval")
    kind = words[1:at] if words[0] == "the" else words[:at]  # 'closed', 'open' or nothing
    return " ".join(([", ".join([" ".join(kind)]) + ","] if kind else []) + words[at + 1:])


def _absorb_word(spoken: str, text: str, start: int, lang: str) -> int:
    """Where the match starts: before a word the reading says again near its head (区间[0,3] ->
    闭区间零到三), else at the formula."""
    before = text[:start].rstrip()
    for word in rules_for(lang).absorbed_words:
        if before.endswith(word) and word in spoken[:len(word) + 4]:
            return len(before) - len(word)
    return start


def _relation_mode(text: str, start: int, end: int) -> str | None:
    """Let n ≥ 1 be an integer / for every integer n ≥ 2 / with k ≤ 10: English prose that uses a
    relation as a noun phrase (no 'is'), or after 'Let' as a subjunctive ('be'); None otherwise.
    The cue words are relation_noun_before / relation_noun_after / relation_be_before in math.yaml."""
    r = rules_for("en")
    after = text[end:end + 12].split(None, 1)
    if after and after[0].lower() in r.relation_noun_after:
        return "noun"
    before = text[max(0, start - 60):start]
    for mark in ",;:.!?()":
        before = before.rsplit(mark, 1)[-1]
    words = before.lower().split()[-3:]
    for w in reversed(words):
        if w in r.relation_stop:
            return None
        if w in r.relation_noun_before:
            return "noun"
    if words and words[-1] in r.relation_be_before:
        return "be"
    return None


_CURRENCY_SIGNS = set("$¥￥€£")
_AMOUNT_AFTER_CURRENCY = re.compile(r"\d[\d.,]*\s?[kKmM]?(?:\s?[-~～–]\s?[$¥￥€£]?\d[\d.,]*\s?[kKmM]?)?")


# a unit symbol standing alone: letters joined by · or /, with powers (N·m, N/C, N·m²/kg², J/(kg·℃), mol⁻¹)
_UNIT_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-zΩμ℃]{1,4}(?:[²³]|⁻¹)?(?:(?:[·⋅/]|/\()[A-Za-zΩμ℃]{1,4}(?:[²³]|⁻¹)?\)?)*"
                        r"(?![A-Za-z0-9(])")


def _unit_names(text: str, lang: str) -> list[Match]:
    """力矩的单位是N·m, 电场强度的单位N/C, the unit is N·m: a unit symbol named without a number
    right after a word of unit_words (math.yaml) is read as the unit, never as a product or a pause."""
    from .units import read_unit
    cues = rules_for(lang).unit_words
    out = []
    lowered = text.lower()
    for m in (_UNIT_NAME.finditer(text) if any(c.lower() in lowered for c in cues) else ()):
        before = text[:m.start()].rstrip() if lang == "en" else text[:m.start()]
        if not before.lower().endswith(cues) and not (lang != "en" and before.endswith(tuple(c + " " for c in cues))):
            continue
        spoken = read_unit(m.group(0).replace("⋅", "·"), lang)
        if spoken:
            if lang == "en" and m.end() < len(text) and text[m.end()].isalnum():
                spoken += " "
            out.append(Match(m.start(), m.end(), spoken, "math.unit_name"))
    return out


def find(text: str, lang: str, changes: list[Change] | None = None, offset: int = 0) -> list[Match]:
    """Formula matches in one raw text (lang: the paragraph's reading language)."""
    reading = "en" if lang == "en" else "zh"
    matches = _unit_names(text, reading)
    named = [(m.start, m.end) for m in matches]
    unclosed = 0  # '(' left open by earlier formulas of the sentence: y=2sin(ωx+φ)(ω>0，|φ|<π/2)
    last_end = 0
    for span in find_spans(text):
        if any(a < span.end and span.start < b for a, b in named):
            continue
        if any(c in "。；;！？!?\n" for c in text[last_end:span.start]):
            unclosed = 0
        body = text[span.start:span.end]
        balance = body.count("(") + body.count("（") - body.count(")") - body.count("）")
        closer = span.end < len(text) and text[span.end] in ")）" and not span.latex
        if not span.latex and _AMOUNT_AFTER_CURRENCY.fullmatch(text, span.start, span.end) \
                and text[max(0, span.start - 4):span.start].rstrip()[-1:] in _CURRENCY_SIGNS:
            continue  # $3k-5k, ¥2k~3k: an amount range for the money reading, not 3k minus 5k
        unknown: list[str] = []
        source = text[span.body_start:span.body_end]
        relation = _relation_mode(text, span.start, span.end) if reading == "en" else None
        spoken = read_formula(source, reading, span.latex, unknown, span.tokens, span.rule in ("math.interval", "math.latex.interval"),
                              span.rule in ("math.point", "math.latex.point"), relation)
        if changes is not None:
            for name in unknown:  # read by name, not dropped silently: visible in --explain
                changes.append(Change(offset + span.start, offset + span.end, "\\" + name, name,
                                      "math.latex.unknown"))
        if lang == "yue":  # Cantonese words and the paragraph's script (三點一四, x嘅平方)
            from ..yue import formula_reading
            spoken = formula_reading(spoken, is_traditional(text))
        spoken = _unsay_leading_word(spoken, text[:span.start], reading)
        spoken = _unsay_named_interval(spoken, text[:span.start], reading)
        start = _absorb_word(spoken, text, span.start, reading)
        if reading == "en":  # abcX0=: an English word never runs into the reading (abcX zero equals)
            if start > 0 and text[start - 1].isalnum() and spoken[:1].isalnum():
                spoken = " " + spoken
            if span.end < len(text) and text[span.end].isalnum() and spoken[-1:].isalnum():
                spoken += " "
        end = span.end
        if closer and unclosed > 0 and balance == 0:
            end += 1  # the ')' closing a condition opened by an earlier formula: said as the pause it was
            unclosed -= 1
        else:
            unclosed += max(balance, 0)
        last_end = end
        matches.append(Match(start, end, spoken, span.rule))
    return matches


def apply(pieces, ctx):
    return rewrite(pieces, lambda p: find(p.text, p.lang or ctx.lang, ctx.changes, p.start), ctx.changes)

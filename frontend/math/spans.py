"""Where formulas are in running text: LaTeX regions and runs of math characters.

One left-to-right pass over the text (linear time). A run is a stretch of formula characters
(Latin letters, digits, math symbols, brackets, spaces between them). Chinese characters and
Chinese punctuation end a run; so does an ordinary word ("and", "where") in it. A run becomes
a formula only with math evidence (a relation, ×, a binary +, x-5, a/b with letters, √, f(x),
sin30°, Greek ...): bare digit forms (3/4, 3:5, 6-12, 2023-10-01) are left to tn.
"""
from __future__ import annotations

import regex

from dataclasses import dataclass

from .tokens import (BAR, COMMA, DEG, FACT, BIG, CARET, CLOSE, CONST, FUNC, GREEK, IMPL, LBRACE, LET, LIM, LOGIC, MIXED, NUM, OP,
                     OPEN, PREFIX, PRIME, REL, ROOT, STATE, SUB, SUP, SYMBOL_CHARS, TEXT, UNDER, CMD, FUNCTIONS, UNIT,
                     ROOT_WORDS, tokenize)
from .units import is_unit
from ..rules import compiled

SHORT_WORDS = {"is", "of", "to", "at", "by", "if", "in", "on", "or", "so", "an", "as", "be", "do", "it", "we",
               "no", "up", "us", "my", "he", "me", "am", "go", "ok"}
GLUED_ARGS = set("xyzabcnABC")
SPACED_FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "ln", "lg", "log"}
CJK_STOP = set("，。；：！？、（）《》“”‘’「」『』【】…—～·")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    latex: bool  # True: LaTeX source ($...$, \(...\)); False: Unicode/plain formula
    rule: str
    body_start: int  # the formula proper (without $ delimiters)
    body_end: int
    tokens: list | None = None  # already tokenized (plain runs), so the reader need not do it again


def is_formula_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ch in SYMBOL_CHARS


def find_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for region in _latex_regions(text):
        spans.extend(_runs(text, pos, region.start))
        if region.rule == "math.latex" and text[region.body_start:region.body_start + 1] in ("(", "["):
            # 经过点$(1,3)$, 在$(0,1)$上: the words around a bare LaTeX pair name it as in plain text
            toks = tokenize(text[region.body_start:region.body_end], True)
            kind = "math.latex.point" if _prose_point(text, region.start, toks) else \
                "math.latex.interval" if _prose_interval(text, region.start, region.end, toks) else None
            if kind:
                region = Span(region.start, region.end, True, kind, region.body_start, region.body_end)
        spans.append(region)
        pos = region.end
    spans.extend(_runs(text, pos, len(text)))
    return spans


# ---- LaTeX regions --------------------------------------------------------------------

def _latex_regions(text: str):
    i, n = 0, len(text)
    d = b = -2
    while i < n:
        if -1 < d < i or d == -2:  # remember the next '$' and '\\': each is searched for once
            d = text.find("$", i)
        if -1 < b < i or b == -2:
            b = text.find("\\", i)
        cands = [x for x in (d, b) if x >= i]
        if not cands:
            return
        i = min(cands)
        if text[i] == "\\":
            if i + 1 < n and text[i + 1] in "([":
                span = _display(text, i, "\\)" if text[i + 1] == "(" else "\\]")
                i = span.end
                yield span
                continue
            i += 1
            continue
        if text.startswith("$$", i):
            span = _display(text, i, "$$")
            i = span.end
            yield span
            continue
        # $...$: the opener is not followed by a space, the closer not preceded by one and
        # not followed by a digit (so "$5 and $10" stays money for tn)
        nxt = text[i + 1] if i + 1 < n else ""
        if not nxt or nxt.isspace():
            i += 1
            continue
        j = text.find("$", i + 1)
        if j >= 0 and not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isdigit()) and j > i + 1:
            yield Span(i, j + 1, True, "math.latex", i + 1, j)
            i = j + 1
            continue
        if nxt.isdigit() or j >= 0 or not (nxt == "\\" or nxt in "{(" or nxt.isascii() and nxt.isalpha()):
            i = j if j >= 0 else i + 1  # money ($100, $€) or a '$' that is not math: tn's
            continue
        end = _run_end(text, i + 1)
        if end > i + 1:
            yield Span(i, end, True, "math.latex.unclosed", i + 1, end)
            i = end
        else:
            i += 1


def _display(text: str, i: int, closer: str) -> Span:
    """The region opened at i by a two-character opener (\\( \\[ $$): up to its closer, or,
    unclosed, up to the end of the formula run."""
    j = text.find(closer, i + 2)
    if j >= 0:
        return Span(i, j + 2, True, "math.latex", i + 2, j)
    end = _run_end(text, i + 2)
    return Span(i, end, True, "math.latex.unclosed", i + 2, end)


def _run_end(text: str, i: int) -> int:
    """End of an unclosed LaTeX region: the next Chinese character or sentence punctuation."""
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in CJK_STOP or "\u3400" <= ch <= "\u9fff" or ch in "。，":
            break
        i += 1
    return i


# ---- runs in plain text ---------------------------------------------------------------

def _runs(text: str, a: int, b: int) -> list[Span]:
    out: list[Span] = []
    i = a
    while i < b:
        ch = text[i]
        if ch.isspace() or not is_formula_char(ch) and not _mixed_mark(text, i):
            i += 1
            continue
        j, depth = i, 0
        while j < b:
            c = text[j]
            if c.isspace():
                j += 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif c in ",;" and depth == 0 and not _thousands_comma(text, j):
                break
            elif text.startswith("...", j) and _ellipsis_between_ops(text, j, b):
                j += 3  # 1+2+...+n: an ellipsis inside the formula (all three dots, not the first)
                continue
            elif c == "." and not (0 < j and text[j - 1].isdigit() and j + 1 < b and text[j + 1].isdigit()):
                break
            elif not is_formula_char(c) and not _mixed_mark(text, j) and not _label_colon(text, j, b) \
                    and not (c == "℃" and text[j - 1:j] in ("·", "⋅", "(", "/")):  # J/(kg·℃): inside a unit
                break
            j += 1
        for s, e in _cut_words(text, i, j):
            s, e = _trim(text, s, e)
            if s < e:
                toks = tokenize(text[s:e])
                if _ORDINAL_IN_RUN.search(text, s, e) and not any(t.kind == REL for t in toks):
                    continue  # 18th-20th, 3rd-5th: ordinals joined by a dash, tn's range of days
                if _VERSION_RANGE.fullmatch(text, s, e):
                    continue  # v1.0-v2.0: a range of versions (tn), no v minus v
                if _counted_unit(text, s, toks):
                    continue  # 960万km², 150人/km²: a unit after a count, read by tn's measure class
                if _prose_point(text, s, toks):
                    out.append(Span(s, e, False, "math.point", s, e, toks))
                elif _is_math(toks) or _prose_factorial(text, s, e, toks):
                    out.append(Span(s, e, False, "math.formula", s, e, toks))
                elif _prose_interval(text, s, e, toks):
                    out.append(Span(s, e, False, "math.interval", s, e, toks))
        i = max(j, i + 1)
    return out


def _thousands_comma(text: str, j: int) -> bool:
    """10! = 3,628,800: a comma between a 1-3 digit group and exactly three digits groups a number."""
    k = j
    while k > 0 and text[k - 1].isascii() and text[k - 1].isdigit() and j - k <= 3:
        k -= 1
    if not 1 <= j - k <= 3 or k > 0 and text[k - 1] in ".":
        return False
    after = text[j + 1:j + 5]
    return len(after) >= 3 and after[:3].isascii() and after[:3].isdigit() and not after[3:4].isdigit()


_VERSION_RANGE = regex.compile(r"[vV]\d+(?:\.\d+)+\s?[-~–—]\s?[vV]?\d+(?:\.\d+)+")
_ORDINAL_IN_RUN = regex.compile(r"(?<![A-Za-z0-9])\d+(?:st|nd|rd|th)(?![A-Za-z])")  # (?<!digit): linear on digit runs


def _beside_operator(toks, idx: int) -> bool:
    """The '!' at idx touches an operator or relation after it, or its operand follows one."""
    nxt = toks[idx + 1] if idx + 1 < len(toks) else None
    if nxt is not None and nxt.kind in (OP, REL) and nxt.start == toks[idx].end:
        return True
    return idx >= 2 and (toks[idx - 2].kind == REL or toks[idx - 2].kind == OP and toks[idx - 2].val in "+×÷·*/") \
        and toks[idx - 2].end == toks[idx - 1].start


_CLAUSE_MARKS = "。！？；，,;?\n"


@compiled
def _factorial_cues() -> tuple[tuple, tuple]:
    """(words before, words after) that make a lone 5! or N! a factorial, from both math.yaml files."""
    from .reader import rules_for
    zh, en = rules_for("zh"), rules_for("en")
    return zh.factorial_before + en.factorial_before, zh.factorial_after + en.factorial_after


def _prose_factorial(text: str, s: int, e: int, toks: list) -> bool:
    """A lone 5! or N! is a factorial only when the words say so: 计算5!, 求10!的值, Compute 10!,
    5! is 120, 5!的值; else '!' is an exclamation (我们赢了3!, We won 3!, Plan B!)."""
    if len(toks) != 2 or toks[1].kind != FACT or toks[0].end != toks[1].start \
            or not (toks[0].kind == NUM and "." not in toks[0].val or toks[0].kind == LET):
        return False
    before_words, after_words = _factorial_cues()
    clause = text[max(0, s - 40):s]
    for mark in _CLAUSE_MARKS:
        clause = clause.rsplit(mark, 1)[-1]
    low = " " + clause.lower()
    for w in before_words:
        at = low.rfind(w.lower())
        if at >= 0 and (not w.isascii() or not low[at - 1].isalpha()):
            return True
    after = text[e:e + 12].lstrip(" ")
    for w in after_words:
        if after.startswith(w) and (not w.isascii() or not after[len(w):len(w) + 1].isalpha()):
            return True
    return False


_LABEL_RELATIONS = set("=≠<>≤≥→⊥∥∈⊆⊂")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _clause_around(text: str, j: int) -> str:
    """The formula-ish stretch around text[j], bounded by Han characters and Chinese punctuation."""
    a = j
    while a > 0 and not (text[a - 1] in CJK_STOP and text[a - 1] != "：" or "\u3400" <= text[a - 1] <= "\u9fff"):
        a -= 1
    e = j + 1
    while e < len(text) and not (text[e] in CJK_STOP and text[e] != "：" or "\u3400" <= text[e] <= "\u9fff"):
        e += 1
    return text[a:e]


def _label_colon(text: str, j: int, b: int) -> bool:
    """映射f：A→B, 直线l：y=kx+b, 圆C₁：x²+y²=1: a full-width colon after a one-letter name is the
    label colon of the ASCII form (f:A→B), when a relation follows before the clause ends."""
    if text[j] != "：":
        return False
    if 0 < j < len(text) - 1 and _ascii_alnum(text[j - 1]) and _ascii_alnum(text[j + 1]) \
            and "=" in _clause_around(text, j) and not regex.search(r"[a-z]{3}$", text[max(0, j - 3):j]):
        return True  # AB：DE=1：2: a ratio glued between letters or digits in an equation
    k = j - 1
    while k >= 0 and (text[k] in "₀₁₂₃₄₅₆₇₈₉" or text[k].isdigit() and text[k].isascii()):
        k -= 1
    if k < 0 or not (text[k].isascii() and text[k].isalpha()) or k > 0 and text[k - 1].isascii() and text[k - 1].isalnum():
        return False  # a one-letter name (f, l, C₁), not a word ('Note：')
    rest = []
    for ch in text[j + 1:min(b, j + 80)]:
        if ch in CJK_STOP or "\u3400" <= ch <= "\u9fff" or ch in "：:":
            break
        rest.append(ch)
    body = "".join(rest).strip()
    return bool(body) and is_formula_char(body[0]) and any(c in _LABEL_RELATIONS for c in body)


def _ellipsis_between_ops(text: str, j: int, b: int) -> bool:
    """'...' at j is a formula's ellipsis when an operator sits next to it (1+2+...+n), not 'Wait...'."""
    before = text[:j].rstrip()[-1:]
    after = text[j + 3:b].lstrip()[:1]
    return bool(before) and before in "+-−×·*=<>," or bool(after) and after in "+-−×·*=<>,"


def _mixed_mark(text: str, i: int) -> bool:
    """又 between digits: 2又1/2 is a mixed number."""
    return text[i] == "又" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


_ATTACH_OPS = set("+-−×÷±·=≠≈≡<>≤≥≪≫∝∽≌⊥∥∈∉⊂⊆⊊⊃⊇→⇒⇔∧∨∪∩^_/*")


def _cut_words(text: str, s: int, e: int):
    """Split a run at ordinary words ('Solve', 'and', 'where'): they are prose, not formula."""
    pieces, start, k = [], s, s
    while k < e:
        if not (text[k].isascii() and text[k].isalpha()):
            k += 1
            continue
        w = k
        while k < e and text[k].isascii() and text[k].isalpha():
            k += 1
        if _is_prose_word(text, w, k, s, e):
            hyphened = _hyphen_compound(text, w, k, s, e)
            if start < w:
                pieces.append((start, w - 1 if hyphened or _number_compound(text, w, k, s, e) else w))
            start = k + 1 if hyphened else k
            tag = regex.match(r"-\d+(?:\.\d+)?[A-Za-z]{0,2}(?![\w^²³(])", text[k:e])
            if tag:  # ChatGPT-4o, iPhone-15: a model tag is part of the name, left to tn (no minus)
                start = k = k + tag.end()
    if start < e:
        pieces.append((start, e))
    return pieces


def _hyphen_compound(text: str, w: int, k: int, s: int, e: int) -> bool:
    """1-in-5, 3-to-1, 2-for-1, 1-on-1: a small word hyphened between two numbers is one prose
    compound (a chance, odds, a deal); its hyphens are no minus signs."""
    word = text[w:k]
    if not (word.islower() and (word in SHORT_WORDS or len(word) >= 3)) or word in FUNCTIONS:
        return False
    return w - 2 >= s and k + 1 < e and text[w - 1] == "-" and text[k] == "-" \
        and text[w - 2].isdigit() and text[k + 1].isdigit()


def _number_compound(text: str, w: int, k: int, s: int, e: int) -> bool:
    """a 30-minute walk, a 10-kg bag, 3-day: a number hyphened to a word or unit and then a space
    or punctuation is one English adjective, no subtraction (3-x, 3-ab and 1-cos x stay math)."""
    word = text[w:k]
    if not (w - 2 >= s and text[w - 1] == "-" and text[w - 2].isdigit()) or k < e and not (
            text[k].isspace() or text[k] in ",.;:!?"):
        return False
    if any(word.startswith(f) and len(word) <= len(f) + 1 and f not in ("min", "max") for f in FUNCTIONS):
        return False  # 1-cos, 2-sinx: a function, read as math
    return len(word) >= 3 and word.islower() or is_unit(word) and len(word) >= 2


def _is_prose_word(text: str, w: int, k: int, s: int, e: int) -> bool:
    word = text[w:k]
    if _hyphen_compound(text, w, k, s, e) or _number_compound(text, w, k, s, e):
        return True
    if word.isupper() and len(word) >= 3 and (w == s or text[w - 1].isspace()) and k < e and text[k] == " " \
            and _neighbour(text, k, e, 1) in "([{":
        return True  # 'GDP (…)': an acronym before a spaced bracket is a word, not points G D P(…)
    if len(word) < 2 or word.isupper() or word == "lim" or word in FUNCTIONS or word in ROOT_WORDS:
        return False
    if len(word) == 2 and word[0] == "d" and word[1].islower() or word == "Rt":
        return False
    if word == "rad" and text[:w].rstrip()[-1:] in "π0123456789":
        return False  # 180°=π rad: radians after π
    for f in ("arcsin", "arccos", "arctan", "sin", "cos", "tan", "cot", "log", "ln", "lg"):
        if word.startswith(f) and len(word) == len(f) + 1 and word[-1] in GLUED_ARGS:
            return False  # sinx, cosA, lnx written without a space (but 'cost', 'login' are words)
    if len(word) % 2 == 0 and all(a.lower() == b.lower() for a, b in zip(word[::2], word[1::2])) \
            and any(c.isupper() for c in word) and k < e and text[k] in ":×→":
        return False  # AaBb:Aabb:aaBb, aaBb×AaBb: genotypes (letter pairs) in a cross, not camel-case names
    if len(word) >= 4 and regex.search(r"[a-z]{2}", word) and any(c.isupper() for c in word[1:]) \
            and not any(word.startswith(f) for f in SPACED_FUNCTIONS):
        return True  # ChatGPT-4o, iPhone-15: a camel-case name is prose even glued to a hyphen (xOy is not)
    left = text[w - 1] if w > s else ""
    right = text[k] if k < e else ""
    if left and not left.isspace() or right and not right.isspace() and not (len(word) >= 3 and right in ":,;"):
        return False  # glued to a digit, bracket or operator: 2ab, (ab), ab² (but 'Subtract: x-2' is prose)
    if len(word) >= 3 or word.lower() in SHORT_WORDS:
        return True  # 'Solve -x', 'x is -1': a word between spaces is prose even next to an operator
    lnb = _neighbour(text, w - 1, s, -1)
    rnb = _neighbour(text, k, e, 1)
    return not (lnb in _ATTACH_OPS or rnb in _ATTACH_OPS)


def _neighbour(text: str, i: int, limit: int, step: int) -> str:
    while (i >= limit if step < 0 else i < limit) and text[i].isspace():
        i += step
    return text[i] if (i >= limit if step < 0 else i < limit) else ""


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",.;:!|'′" and not (text[s] == "|" and "|" in text[s + 1:e])):
        s += 1
    while e > s:
        c = text[e - 1]
        if c.isspace() or c in ",.;:":
            e -= 1
        elif c == "|" and "|" not in text[s:e - 1]:
            e -= 1
        elif c == "!" and not (e - 2 >= s and (text[e - 2].isdigit() or text[e - 2] == ")" or _single_letter(text, e - 2, s))):
            e -= 1
        elif c in "([{":
            e -= 1
        else:
            break
    return s, e


def _single_letter(text: str, i: int, s: int) -> bool:
    return text[i].isascii() and text[i].isalpha() and not (i - 1 >= s and text[i - 1].isascii() and text[i - 1].isalpha())


# ---- is this run math? ----------------------------------------------------------------

_STRONG = {REL, IMPL, LOGIC, ROOT, BIG, LIM, CARET, UNDER, SUB, PREFIX, GREEK, CONST, TEXT, CMD, MIXED, LBRACE}
_OPERAND_END = {NUM, LET, GREEK, CONST, CLOSE, SUP, SUB, PRIME, UNIT}
_OPERAND_START = {NUM, LET, GREEK, CONST, OPEN, FUNC, ROOT, PREFIX, BAR, LIM, BIG}


def _ampm(toks: list, j: int) -> bool:
    """toks[j], toks[j+1] are the letters am/pm after a number (10am, 9:00 pm): a clock, not a*m."""
    if j < 1 or j + 1 >= len(toks) or any(toks[i].kind != LET for i in (j, j + 1)):
        return False
    return (toks[j].val + toks[j + 1].val).lower() in ("am", "pm") and toks[j - 1].kind == NUM \
        and not (j + 2 < len(toks) and toks[j + 2].kind == LET and toks[j + 2].start == toks[j + 1].end)


def _is_math(toks: list) -> bool:
    if not toks:
        return False
    if all(t.kind in (REL, IMPL, STATE) for t in toks):
        return False  # 北京→上海, 价格↑: an arrow between words is prose (tn reads it), not a formula
    if toks[-1].kind == STATE and _chem_group_formula(toks[:-1], counted=False):
        return True  # CO2↑, CaCO3↓: a formula marked as a gas or a precipitate
    bars: list[int] = []
    for idx, t in enumerate(toks):
        prev = toks[idx - 1] if idx else None
        nxt = toks[idx + 1] if idx + 1 < len(toks) else None
        k = t.kind
        if k == GREEK and _is_unit_symbol(toks, idx):
            continue  # 10kΩ, 5μm: a measure, read by the number classes
        if k == REL and t.val == "∽" and (prev is not None and prev.kind == NUM or nxt is not None and nxt.kind == NUM):
            continue  # 3~5, -3∼5℃: a range, read by tn (X~N(0,1) and △ABC~△DEF stay math)
        if k in _STRONG:
            return True
        if k == OP and t.val == "/" and t.start == t.end:
            return True  # ½, ¾: a fraction character (zero-width '/' from the tokenizer)
        if k == SUP and prev is not None and prev.kind in _OPERAND_END and prev.kind != UNIT \
                and not _unit_power(toks, idx):
            return True
        if k == OP:
            binary = prev is not None and prev.kind in _OPERAND_END and nxt is not None and nxt.kind in _OPERAND_START
            if t.val in "×÷±∓·∪∩":
                return True
            if t.val in "+*" and binary:
                return True
            if t.val == "-" and binary and (_bare_fraction(toks, idx - 3) or _bare_fraction(toks, idx + 1)):
                return True  # 7/8-3/8, 1-1/3: a minus beside a fraction is arithmetic, not a range
            if t.val == "-" and _ampm(toks, idx - 2):
                continue  # 10am-2pm, 9:00 am-5:00 pm: a range of clock times, read by tn
            if t.val in "-/" and binary and (_lower_var(toks, idx - 1, -1) or _lower_var(toks, idx + 1, 1)) \
                    and _letter_run(toks, idx - 1, -1) < 3 and _letter_run(toks, idx + 1, 1) < 3:  # not e-mail
                if t.val == "/" and _unit_around(toks, idx):
                    continue
                return True
        if k == FUNC and nxt is not None and nxt.kind in (NUM, LET, GREEK, OPEN, SUP, SUB, CARET, UNDER) \
                and (nxt.start == t.end or t.val in SPACED_FUNCTIONS and nxt.kind in (LET, GREEK)):
            return True
        if k == DEG and nxt is not None and nxt.kind == NUM and idx + 2 < len(toks) and toks[idx + 2].kind == PRIME:
            return True  # 30°15′
        if k == FACT and prev is not None and prev.end == t.start and (prev.kind == CLOSE or prev.kind == LET and not (
                idx >= 2 and toks[idx - 2].kind == LET and toks[idx - 2].end == prev.start)
                and (prev.val.islower() or _beside_operator(toks, idx))):
            return True  # n!, (n+1)!, N!/(N-k)! ('Plan B!' and 'Vitamin C!' are exclamations)
        if k == FACT and prev is not None and prev.kind == NUM and prev.end == t.start and _beside_operator(toks, idx):
            # 5!+3!, 2×4!: a digit's '!' beside an operator is a factorial (赢了3-2! stays a score)
            return True
        if k == OPEN and t.val == "(" and prev is not None and prev.end == t.start \
                and (prev.kind == NUM or prev.kind == OP and prev.val in "+-") \
                and idx + 3 < len(toks) and toks[idx + 1].kind == OP and toks[idx + 1].val in "+-" \
                and toks[idx + 2].kind in (NUM, LET) and toks[idx + 3].kind == CLOSE and toks[idx + 3].val == ")":
            return True  # 2(-3), -(-3), -(+2): a bracketed signed number after a number or a sign
        if k == OPEN and t.val == "{" and any(x.kind == CLOSE and x.val == "}" for x in toks[idx + 1:]):
            return True  # {1, 2, 3}: braces in running text are a set
        if k == CLOSE and t.val in ")]" and _mismatched_interval(toks, idx):
            return True  # [1,2)
        if k == NUM and nxt is not None and nxt.kind == LET and nxt.start == t.end and nxt.val.islower() \
                and _letter_run(toks, idx + 1, 1) <= 2 and not _ordinal_suffix(toks, idx + 1) \
                and not _decade_s(toks, idx + 1) and not _ampm(toks, idx + 1) \
                and any(x.kind == OP and x.val in "+-/" for x in toks[:-1]):
            return True  # 1/2x, 3x-1 (a trailing sign is no operator: 阅读量10w+)
        if k == LET and nxt is not None and nxt.kind == OPEN and nxt.val == "(" and nxt.start == t.end \
                and not (prev is not None and prev.kind == LET and prev.end == t.start):
            return True
        if k == PRIME and prev is not None and prev.kind == LET and prev.end == t.start \
                and not (nxt is not None and nxt.kind == LET and nxt.start == t.end):
            return True
        if k == BAR:
            bars.append(idx)
    if _chem_group_formula(toks):
        return True
    return any(_absolute_value(toks, a, b) for a, b in zip(bars, bars[1:]))


def _chem_group_formula(toks: list, counted: bool = True) -> bool:
    """Ca(OH)2, Al2(SO4)3, (NH4)2SO4: one word of element symbols and counts with a bracketed
    group and the count written after it (read with the brackets said, not left to tn as text)."""
    from .chem import ELEMENTS
    need_count, counted = counted, False
    letters = ""
    if not toks:
        return False
    for a, b in zip(toks, toks[1:]):
        if a.end != b.start:
            return False
        if a.kind == CLOSE and a.val == ")" and b.kind in (NUM, SUB) and b.val.isdigit():
            counted = True
    for t in toks:
        if t.kind == LET:
            letters += t.val
        elif not (t.kind in (NUM, SUB) and t.val.isdigit() or t.kind == OPEN and t.val == "("
                  or t.kind == CLOSE and t.val == ")"):
            return False
        else:
            letters += " "
    if need_count and not counted:
        return False
    i = 0
    while i < len(letters):  # every capital starts an element symbol, a lower-case letter ends one
        if letters[i] == " ":
            i += 1
            continue
        two = letters[i:i + 2]
        if len(two) == 2 and two[1].islower() and two in ELEMENTS:
            i += 2
        elif letters[i] in ELEMENTS:
            i += 1
        else:
            return False
    return True


_INTERVAL_AFTER_ZAI = ("上", "内")
_BOUND = {NUM, LET, GREEK, CONST}


def _prose_interval(text: str, s: int, e: int, toks: list) -> bool:
    """[0,3], (0,1) named an interval by the words around them: 区间[0,3], 在(0,1)上单调递增
    (在(1,2)处 is a point, 文献[1,2] a citation: no cue, no claim)."""
    if len(toks) < 5 or toks[0].kind != OPEN or toks[-1].kind != CLOSE or toks[0].val not in "([" \
            or sum(t.kind == COMMA for t in toks) != 1:
        return False
    for t in toks[1:-1]:
        if not (t.kind in _BOUND or t.kind == COMMA or t.kind == OP and t.val in "-+"):
            return False
    before = text[max(0, s - 200):s].rstrip()
    after = text[e:].lstrip()
    return _cue_before(before, _cue_words("interval_words")) is not None \
        or before.endswith("在") and after.startswith(_INTERVAL_AFTER_ZAI)


_COORD = {NUM, LET, GREEK, CONST, SUB, PRIME, ROOT}
_POINT_LIST = regex.compile(r"\$?\([^()]{1,60}\)\$?\s*(?:and|or|,|，|、|和|与|及|或)\s*$")  # $(1,2)$和


@compiled
def _cue_words(key: str) -> tuple:
    """A word list of both languages' math.yaml (point_words, interval_words, copulas), longest first."""
    from .reader import rules_for
    words = set(getattr(rules_for("zh"), key)) | set(getattr(rules_for("en"), key))
    return tuple(sorted(words, key=len, reverse=True))


def _point_words() -> tuple:
    return _cue_words("point_words")


def _cue_before(before: str, words: tuple) -> str | None:
    """The cue word `before` ends with, maybe followed by a copula (圆心为, 解集是, the vertex is);
    None when there is none. An English word must start a word ('checkpoint' is no cue)."""
    candidates = [before]
    for cop in _cue_words("copulas"):
        if before.endswith(cop) and (not cop[0].isascii() or not cop[0].isalpha()
                                     or before[:-len(cop)].endswith(" ")):
            candidates.append(before[:-len(cop)].rstrip())
    for text in candidates:
        for word in words:
            if text.endswith(word):
                head = text[:-len(word)][-1:]
                if word.isascii() and head.isascii() and head.isalpha():
                    continue
                return word
    return None


def _prose_point(text: str, s: int, toks: list) -> bool:
    """(-2, 5), (x₀, y₀) named a point by the words before it: 过点(1,2), the point (-2, 5),
    the points (1, 2) and (3, 4). Brackets alone (在(1,2)处, 文献[1,2]) are no claim."""
    if len(toks) < 5 or toks[0].kind != OPEN or toks[0].val != "(" or toks[-1].kind != CLOSE \
            or toks[-1].val != ")" or sum(t.kind == COMMA for t in toks) not in (1, 2):
        return False
    for prev, t in zip(toks, toks[1:-1]):
        if not (t.kind in _COORD or t.kind == COMMA or t.kind == OP and t.val in "-+" and prev.kind in (OPEN, COMMA)):
            return False
    if any(a.kind == COMMA and b.kind in (COMMA, CLOSE) for a, b in zip(toks, toks[1:])):
        return False  # (1,,2), (1,): not coordinates
    before = text[max(0, s - 200):s].rstrip()
    for _ in range(4):  # the points (1, 2), (3, 4) and (5, 6): the words name every pair of the list
        if _cue_before(before, _point_words()) is not None:
            return True
        m = _POINT_LIST.search(before)
        if m is None:
            return False
        before = before[:m.start()].rstrip()
    return False


def _bare_fraction(toks, i: int) -> bool:
    """toks[i:i+3] is digits/digits standing alone (not a slash date such as 2023/10/1)."""
    if i < 0 or i + 2 >= len(toks):
        return False
    a, op, b = toks[i], toks[i + 1], toks[i + 2]
    if not (a.kind == NUM and op.kind == OP and op.val == "/" and op.start < op.end and b.kind == NUM
            and a.end == op.start and op.end == b.start):
        return False
    before = toks[i - 1] if i else None
    after = toks[i + 3] if i + 3 < len(toks) else None
    return not (before is not None and before.kind == OP and before.val == "/"
                or after is not None and after.kind == OP and after.val == "/")


def _absolute_value(toks, a: int, b: int) -> bool:
    """|x|, |a-b|: bars around a short operand with a variable (not 'apple||' or '|Name|')."""
    inner = toks[a + 1:b]
    if not inner or not any(t.kind == LET for t in inner):
        return False
    return all(_letter_run(toks, i, 1) <= 2 for i in range(a + 1, b) if toks[i].kind == LET)


_UNIT_POWER = regex.compile(r"^(?:[kcmdμn]?m|ft|in|yd|mi)(?:/(?:s|h|min))?$|^(?:[kcm]?m)/s$")


def _ordinal_suffix(toks, i: int) -> bool:
    """1st, 2nd, 3rd, 4th: an English ordinal, not 1 times s times t."""
    pair = "".join(t.val for t in toks[i:i + 2] if t.kind == LET)
    return pair in ("st", "nd", "rd", "th") and not (i + 2 < len(toks) and toks[i + 2].kind == LET)


def _unit_power(toks, i: int) -> bool:
    """m², cm³, m/s² right after a number: a measure (square metres), not a power."""
    j, letters = i - 1, []
    while j >= 0 and (toks[j].kind == LET or toks[j].kind == OP and toks[j].val == "/"):
        letters.insert(0, toks[j].val)
        j -= 1
    return j >= 0 and toks[j].kind == NUM and bool(_UNIT_POWER.match("".join(letters)))


_COUNT_BEFORE = regex.compile(r"\d\s?[万亿]$|\p{Han}/$|多少$|几$")


def _counted_unit(text: str, s: int, toks) -> bool:
    """km² alone after 960万 or after 人/: a squared or cubed unit of a count written in Han words."""
    if toks and toks[0].kind == OP and toks[0].val == "/":
        toks, s = toks[1:], s + 1
    if len(toks) < 2 or toks[-1].kind != SUP or not all(t.kind == LET for t in toks[:-1]):
        return False
    return bool(_UNIT_POWER.match("".join(t.val for t in toks[:-1]))) and bool(_COUNT_BEFORE.search(text, max(0, s - 4), s))


def _is_unit_symbol(toks, i: int) -> bool:
    """Ω or μ in a measure: 10kΩ, 4.7MΩ, 5μm."""
    if toks[i].val not in "Ωμ":
        return False
    j = i - 1
    if j >= 0 and toks[j].kind == LET and toks[j].val in "kMmG":
        j -= 1
    return j >= 0 and toks[j].kind == NUM


def _lower_var(toks, i: int, step: int) -> bool:
    """Is the operand next to an operator a short lowercase letter run (x, dy) or a bracket?"""
    if not 0 <= i < len(toks):
        return False
    t = toks[i]
    if t.kind in (CLOSE, OPEN, GREEK, SUP, SUB, PRIME):
        return True
    if t.kind != LET or not t.val.islower():
        return False
    if _decade_s(toks, i):
        return False
    j, count = i, 0
    while 0 <= j < len(toks) and toks[j].kind == LET:
        if not toks[j].val.islower():
            return False  # Wi-Fi, Go-Pro: a name, not variables
        count += 1
        j += step
    return count <= 2


def _decade_s(toks, i: int) -> bool:
    """The s of 1990s, 80s (a decade's plural, the 1990s-2000s), not a variable s."""
    t = toks[i]
    return t.kind == LET and t.val == "s" and i > 0 and toks[i - 1].kind == NUM and toks[i - 1].end == t.start \
        and toks[i - 1].val.endswith("0") and len(toks[i - 1].val) in (2, 4) \
        and not (i + 1 < len(toks) and toks[i + 1].kind in (LET, CARET, SUP, OPEN))


def _letter_run(toks, i: int, step: int) -> int:
    count = 0
    while 0 <= i < len(toks) and toks[i].kind == LET:
        count += 1
        i += step
    return count


def _unit_around(toks, i: int) -> bool:
    """m/s, km/h written without a number: a unit, not a fraction."""
    left = []
    j = i - 1
    while j >= 0 and toks[j].kind == LET:
        left.insert(0, toks[j].val)
        j -= 1
    right = []
    j = i + 1
    while j < len(toks) and toks[j].kind == LET:
        right.append(toks[j].val)
        j += 1
    return bool(left and right) and is_unit("".join(left) + "/" + "".join(right))


def _mismatched_interval(toks, idx: int) -> bool:
    """[a,b) or (a,b]: brackets that do not pair up only occur in intervals."""
    close = toks[idx]
    depth, comma = 0, False
    for j in range(idx - 1, max(-1, idx - 64), -1):
        t = toks[j]
        if t.kind == CLOSE:
            depth += 1
        elif t.kind == OPEN:
            if depth == 0:
                return comma and t.val in "([" and t.val != {")": "(", "]": "["}[close.val]
            depth -= 1
        elif t.val == "," and depth == 0:
            comma = True
    return False

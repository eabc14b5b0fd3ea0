"""Robustness of the math stage: random text and random formulas never crash, never lose a
Latin word, and stay linear in the input (a generous runaway guard, not a timing test)."""
from __future__ import annotations

import re
import signal
import time
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontend
from frontend.math import find, read_formula

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def runaway_guard(seconds: int):
    """Fail (instead of hanging the suite) if something goes quadratic or loops."""
    def boom(signum, frame):
        raise AssertionError(f"runaway: more than {seconds}s")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


MATH_CHARS = "0123456789xyzabnABCDEF+-−×÷·*/±=≠≈<>≤≥≪≫∝∽≌⊥∥∈∉⊂⊆⊊⊃∪∩∅ℝℕℤℚℂ∀∃¬∧∨⇒⇔→∞∑∏∫∂√∛∜△∠⊙⌒▱∵∴" \
             "()[]{}|!%‰°′″'^_²³⁻¹₁₂αβγθπΔ.,:;$\\ "
LATEX_WORDS = ["\\frac", "\\sqrt", "\\left(", "\\right)", "\\alpha", "\\cdot", "\\times", "\\le", "\\infty",
               "\\sum", "\\int", "\\lim", "\\to", "\\text{", "\\mathrm{", "\\vec", "\\quad", "\\unknown", "{", "}",
               "^", "_", "$", "$$", "\\(", "\\)", "\\[", "\\]", "sin", "cos", "log", "lim", "的", "，", "。", "and "]

math_text = st.text(alphabet=MATH_CHARS, max_size=80)
latexish = st.lists(st.one_of(st.sampled_from(LATEX_WORDS), st.text(alphabet=MATH_CHARS, max_size=4)),
                    max_size=25).map("".join)
any_text = st.text(max_size=80)


# ---- a grammar of well-formed formulas -------------------------------------------------

atoms = st.one_of(st.integers(0, 9999).map(str), st.sampled_from(list("xyabnkABC")),
                  st.sampled_from(["α", "π", "θ", "∞", "\\alpha", "\\pi"]))


def _formula(children):
    return st.one_of(
        st.tuples(children, st.sampled_from(["+", "-", "×", "÷", "·", "/", "=", "<", "≤", "≥", "≠"]), children)
        .map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
        children.map(lambda c: f"({c})"),
        children.map(lambda c: f"-{c}"),
        st.tuples(children, children).map(lambda t: f"\\frac{{{t[0]}}}{{{t[1]}}}"),
        children.map(lambda c: f"\\sqrt{{{c}}}"),
        st.tuples(children, children).map(lambda t: f"{{{t[0]}}}^{{{t[1]}}}"),
        st.tuples(children, children).map(lambda t: f"{{{t[0]}}}_{{{t[1]}}}"),
        children.map(lambda c: f"\\sin{{{c}}}"),
        children.map(lambda c: f"|{c}|"),
        st.tuples(children, children).map(lambda t: f"\\sum_{{{t[0]}}}^{{{t[1]}}}{t[0]}"),
    )


formulas = st.recursive(atoms, _formula, max_leaves=12)


@SETTINGS
@given(any_text, st.sampled_from(["zh", "en", "yue"]))
def test_random_unicode_never_raises(text, lang):
    with runaway_guard(20):
        for m in find(text, lang):
            assert 0 <= m.start < m.end <= len(text)


@SETTINGS
@given(math_text, st.sampled_from(["zh", "en"]))
def test_random_symbol_soup_never_raises(text, lang):
    with runaway_guard(20):
        frontend.normalize(text, lang)


@SETTINGS
@given(latexish, st.sampled_from(["zh", "en"]))
def test_malformed_latex_never_raises(text, lang):
    with runaway_guard(20):
        frontend.normalize(text, lang)
        read_formula(text, lang, latex=True)


@SETTINGS
@given(formulas)
def test_grammar_formulas_read_fully_in_chinese(formula):
    """A well-formed formula leaves no digit or math symbol behind in Chinese."""
    with runaway_guard(20):
        out = read_formula(formula, "zh", latex=True)
    left = [ch for ch in out if ch.isascii() and ch.isdigit() or ch in "+-×÷·/=<>≤≥≠√|^_{}\\∞αθπ∑"]
    assert not left, f"{formula!r} -> {out!r} keeps {left}"


@SETTINGS
@given(formulas)
def test_grammar_formulas_in_dollars_inside_chinese_text(formula):
    with runaway_guard(20):
        out = frontend.normalize(f"已知${formula}$，求解。", "zh")
    assert out.startswith("已知") and "求解" in out


WORDS = st.lists(st.sampled_from(["Solve", "the", "equation", "where", "value", "and", "then", "iPhone",
                                  "cost", "login", "sine", "maximum", "Python", "GDP"]), min_size=1, max_size=6)


@SETTINGS
@given(WORDS, formulas, st.sampled_from(["zh", "en"]))
def test_latin_words_around_formulas_are_never_dropped(words, formula, lang):
    text = " ".join(words[:3]) + " " + formula + " " + " ".join(words[3:])
    with runaway_guard(20):
        out = frontend.normalize(text, lang)
    for w in words:
        assert re.search(rf"(?i)\b{w}\b", out) or w.lower() in out.lower(), f"{w!r} lost: {text!r} -> {out!r}"


def test_long_lines_stay_linear():
    """100 000 characters of digits and symbols (and nasty nestings) finish; the guard is generous."""
    cases = ["".join("0123456789+-×÷="[(i * 7919) % 15] for i in range(100_000)),
             "(" * 50_000 + "x" + ")" * 50_000, "2^" * 50_000 + "2", "√" * 100_000 + "2", "|x" * 50_000,
             "$" + "\\frac{" * 20_000 + "$", "\\a" * 50_000 + "$", "x + y and " * 10_000, "$a$ " * 25_000]
    for text in cases:
        start = time.perf_counter()
        with runaway_guard(60):
            find(text, "zh")
        assert time.perf_counter() - start < 60

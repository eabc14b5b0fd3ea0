"""Probe round 13: English math and LaTeX at high-school and university level.

~210 lines a teacher or textbook sends (calculus, linear algebra, probability, number theory,
complexity, sets and logic) were read as a native English-speaking math teacher would; each
misreading below was fixed by a general rule in frontend/math/ (data in rules/en/math*.yaml).
Counter-examples pin what the new rules must leave alone (degrees, units, points, plain powers).

Readings are compared like the example set (tests/scoring.py: whitespace and punctuation ignored).
"""
from __future__ import annotations

import pytest

import frontend
from scoring import assert_reads


# ---- linear algebra: transpose, operator names, dot and cross products ----------------------------
LINEAR = [
    (r"$A^T$", "A transpose"),
    (r"$A^{T}A$", "A transpose A"),
    (r"$(AB)^T = B^T A^T$", "AB transpose equals B transpose A transpose"),
    (r"$\mathbf{x}^\top A \mathbf{x}$", "x transpose A x"),
    (r"$T^2$", "T squared"),  # counter: T as the base is a letter
    (r"$x^t$", "x to the power of t"),  # counter: only a capital T transposes
    (r"$\det(A)$", "the determinant of A"),
    (r"$\det(A - \lambda I) = 0$", "the determinant of A minus lambda I equals zero"),
    (r"$\operatorname{tr}(A)$", "the trace of A"),
    (r"$\mathrm{rank}(B) = 3$", "the rank of B equals three"),
    (r"$\mathbf{v}\cdot\mathbf{w}$", "v dot w"),
    (r"$\mathbf{a} \times \mathbf{b}$", "a cross b"),
    (r"$3 \cdot 4 = 12$", "three times four equals twelve"),  # counter: numbers multiply
    (r"$a \cdot b$", "a times b"),  # counter: plain letters are scalars
    (r"$\mathrm{Re}(z)$", "the real part of z"),
]

# ---- calculus and vector calculus ------------------------------------------------------------------
CALCULUS = [
    (r"$\nabla f$", "del f"),
    (r"$\nabla \cdot \mathbf{F}$", "del dot F"),
    (r"$\nabla \times \mathbf{E}$", "del cross E"),
    (r"$\iint_R g\,dA$", "the double integral over R of g d A"),
    (r"$\oint_C \mathbf{F}\cdot d\mathbf{r}$", "the contour integral over C of F dot d r"),
    (r"$\int_0^1 x\,dx$", "the integral from zero to one of x d x"),  # counter: a single integral
    (r"$(f \circ g)(x)$", None),  # composition: checked below without the brackets' wording
    (r"$f \circ h$", "f composed with h"),
    (r"$60^\circ$", "sixty degrees"),  # counter: a raised circle is degrees
    (r"$\theta = 30^{\circ}$", "theta equals thirty degrees"),
    (r"$45\circ$", "forty-five degrees"),  # counter: a circle right after a number is degrees
]

# ---- maps between sets ------------------------------------------------------------------------------
MAPS = [
    (r"$f\colon \mathbb{R}\to\mathbb{R}$", "f from the real numbers to the real numbers"),
    (r"$g: A \to B$", "g from A to B"),
    ("Let f: ℝ → ℝ be continuous.", "Let f from the real numbers to the real numbers be continuous."),
    (r"$f: x \mapsto x^2$", "f: x maps to x squared"),  # counter: where x goes, not between sets
    (r"$a:b = 2:3$", "a to b equals two to three"),  # counter: a ratio
]

# ---- probability and statistics --------------------------------------------------------------------
PROBABILITY = [
    (r"$E[X]$", "E of X"),
    (r"$E[X + Y] = E[X] + E[Y]$", "E of X plus Y equals E of X plus E of Y"),
    (r"$\mathrm{Var}(X)$", "the variance of X"),
    (r"$\operatorname{Var}(Y) = 4$", "the variance of Y equals four"),
    (r"$\mathrm{Cov}(X, Y)$", "the covariance of X, Y"),
    (r"$\Pr(X > 3)$", "the probability that X is greater than three"),
    (r"$X \sim \mathrm{Bin}(n, p)$", "X follows binomial of n, p"),
    (r"$X \sim N(0, 1)$", "X follows N of zero, one"),  # counter: one capital still a distribution
    (r"$\mathrm{d}x$", "d x"),  # counter: one upright letter is no operator name
    (r"$9.8\,\mathrm{m/s^2}$", "nine point eight meters per second squared"),  # counter: a unit
    (r"$5\,\mathrm{cm}$", "five centimeters"),
]

# ---- number theory, complexity, floors -------------------------------------------------------------
NUMBER_THEORY = [
    (r"$a \equiv b \pmod{n}$", "a is congruent to b mod n"),
    (r"$17 \equiv 2 \pmod 5$", "seventeen is congruent to two mod five"),
    (r"$x \equiv 3 \bmod 7$", "x is congruent to three mod seven"),
    (r"$a \equiv b$", "a is identical to b"),  # counter: no modulus, no congruence
    (r"$\lfloor x \rfloor$", "the floor of x"),
    (r"$\left\lfloor \frac{n}{2} \right\rfloor$", "the floor of n over two"),
    (r"$\lceil \log_2 n \rceil$", "the ceiling of log base two of n"),
    (r"$O(n \log n)$", "big O of n log n"),
    (r"$O(n^2)$", "big O of n squared"),
    (r"$O(1)$", "big O of one"),
    (r"$\Theta(n \log n)$", "big theta of n log n"),
    (r"$\Omega(n)$", "big omega of n"),
    ("The center is O(0, 0).", "The center is O zero, zero."),  # counter: a point, not an order
]

# ---- quantifiers in prose ---------------------------------------------------------------------------
PROSE = [
    ("for all ε > 0 there exists δ > 0", "for all epsilon greater than zero there exists delta greater than zero"),
    ("If δ > 0, stop.", "If delta is greater than zero, stop."),  # counter: a clause keeps 'is'
]

CASES = [c for c in LINEAR + CALCULUS + MAPS + PROBABILITY + NUMBER_THEORY if c[1] is not None]


@pytest.mark.parametrize("text,expected", CASES)
def test_latex_reading(text, expected):
    assert_reads(text, "en", expected)


@pytest.mark.parametrize("text,expected", PROSE)
def test_prose_reading(text, expected):
    assert_reads(text, "en", expected)


def test_composition_is_never_degrees():
    spoken = frontend.normalize(r"$(g \circ f)(x) = g(f(x))$", "en")
    assert "composed with" in spoken and "degree" not in spoken, spoken


def test_mandarin_unchanged_by_english_phrases():
    # the phrase tables are English-only: Mandarin keeps its own readings (no English words leak)
    for text in (r"$\det(A)$", r"$\lfloor x \rfloor$", r"$A^T$", r"$\mathrm{Var}(X)$", r"$f \circ g$"):
        spoken = frontend.normalize(text, "zh")
        assert not any(w in spoken for w in ("determinant", "floor", "transpose", "variance", "composed")), spoken
        assert "∘" not in spoken and "°" not in spoken and "度" not in spoken, spoken  # f∘g: 复合, never 度

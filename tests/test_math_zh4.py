"""Mandarin readings found by a fourth probe of high-school lines (functions, trigonometry, logarithms,
sequences, probability, complex numbers, calculus) and leftovers of the third.

Compared like the example set (tests/scoring.py): whitespace and punctuation are ignored.
"""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

ZH = [
    # a number beside a bracketed signed number is a product; a sign before one says 负 twice
    ("2(-3)", "二乘以负三"),
    ("计算2(-3)+1", "计算二乘以负三加一"),
    ("2(-3)²", "二乘以负三的平方"),
    ("3(-x)", "三乘以负x"),
    ("-(-3)=3", "负负三等于三"),
    ("-(+2)", "负正二"),
    # a bare sign on a limit point is the side it is approached from, not a power
    ("x→0⁺", "x趋近于零正"),
    ("lim_{x→0^-} f(x)", "当x趋近于零负时f x的极限"),
    ("$\\lim_{x\\to 0^{+}}\\frac{1}{x}$", "当x趋近于零正时x分之一的极限"),
    ("x→a⁺", "x趋近于a正"),
    ("OH⁻", "OH负"),  # a charge stays a charge
    # an arrow between capital names is an implication, after a map's name a mapping; a limit otherwise
    ("A→B", "A推出B"),
    ("若A→B，则¬B→¬A", "若A推出B，则非B推出非A"),
    ("f:A→B", "f，A映射到B"),
    ("x→a", "x趋近于a"),
    ("n→∞", "n趋近于无穷大"),
    # a bracketed relation ending a formula is its side condition, not a product with brackets
    ("y=kx+b(k≠0)", "y等于kx加b，k不等于零"),
    ("y=ax²+bx+c(a≠0)", "y等于ax的平方加bx加c，a不等于零"),
    ("P(X=k)=0.2", "P括号X等于k括号等于零点二"),  # a call's argument keeps its reading
]


def test_en_one_sided_limit():
    assert frontend_case_key(frontend.normalize("x→0⁺", "en")) == frontend_case_key("x approaches zero from the right")


@pytest.mark.parametrize("text, spoken", ZH)
def test_zh(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "zh")) == frontend_case_key(spoken)

"""English math readings found wrong by a second probe (derivative operator, distributions,
combinations, quantities times a letter, ions); each case pins the general rule that fixed it."""
import pytest

import frontend


def spoken(text: str, lang: str = "en") -> str:
    return frontend.normalize(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("d/dx (sin x)", "d by d x of sine x"),
    ("The derivative d/dx (sin x) = cos x.", "The derivative d by d x of sine x equals cosine x."),
    ("\\(\\frac{d}{dx}(x^2) = 2x\\)", "d by d x of x squared equals two x"),
    ("d/dt (e^t)", "d by d t of e to the power of t"),
])
def test_derivative_operator_applies_to_what_follows(text, expected):
    # 'd over d x sine x' sounds like a fraction times sine x
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("X ~ N(0, 1)", "X follows N of zero, one"),
    ("Y ~ B(10, 0.5)", "Y follows B of ten, zero point five"),
])
def test_distribution_is_said_as_a_call(text, expected):
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("C(5, 2) = 10", "five choose two equals ten"),
    ("C(n, k) = C(n, n - k)", "n choose k equals n choose n minus k"),
    ("\\(\\binom{5}{2} = 10\\)", "five choose two equals ten"),
    ("C(6, 3) × 2 = 40", "six choose three times two equals forty"),
])
def test_c_of_two_counts_in_an_equation_is_choose(text, expected):
    assert spoken(text) == expected


def test_point_c_outside_an_equation_stays_a_point():
    assert "choose" not in spoken("Plot A(1, 2) and C(5, 2).")


@pytest.mark.parametrize("text, expected", [
    ("a_n = a_1 + (n - 1)d", "a sub n equals a sub one plus the quantity n minus one times d"),
    ("(a + b)c", "the quantity a plus b times c"),
    ("(x-2)(x+3)", "the quantity x minus two times the quantity x plus three"),
    ("x = (-b ± √(b^2 - 4ac)) / 2a", "x equals the quantity negative b plus or minus the square root of "
                                     "b squared minus four a c over two a"),
])
def test_a_letter_after_a_spoken_quantity_is_multiplied(text, expected):
    # 'the quantity n minus one d' would put d inside the quantity
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Na⁺ and Cl⁻ ions", "Na plus and Cl minus ions"),
    ("Ca²⁺ ions", "Ca two plus ions"),
    ("Fe³⁺", "Fe three plus"),
    ("2Na + Cl₂ → 2NaCl", "two Na plus Cl two yields two Na Cl"),
])
def test_element_symbols_are_one_name(text, expected):
    # 'N a from the right': a two-letter element is no pair of letters, its charge no one-sided limit
    assert spoken(text) == expected


def test_one_sided_limits_still_read_as_such():
    assert spoken("x → 0⁺") == "x approaches zero from the right"


@pytest.mark.parametrize("text, expected", [
    ("C(5, 2) = 10", "C括号五，二括号等于十"),
    ("X ~ N(0, 1)", "X服从N括号零，一括号"),
    ("a_n = a_1 + (n - 1)d", "an等于a一加括号n减一括号d"),
    ("Na⁺", "Na正"),
    ("d/dx (sin x)", "sin x对x求导"),
    ("2Na + Cl₂ → 2NaCl", "二Na加Cl二生成二NaCl"),
])
def test_chinese_readings_unchanged(text, expected):
    # the English rules above live in the English reading only
    assert spoken(text, "zh") == expected


@pytest.mark.parametrize("text, expected", [
    ("The interval is (-∞, 3].", "The interval is from negative infinity excluded to three included."),
    ("The solution interval is [0, 1].", "The solution interval is closed, from zero to one."),
    ("On the interval [2, 5), f is increasing.", "On the interval from two included to five excluded, f is increasing."),
    ("x ∈ [0, 1]", "x is an element of the closed interval from zero to one"),
])
def test_interval_named_by_the_sentence_is_said_once(text, expected):
    assert spoken(text) == expected

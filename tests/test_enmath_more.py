"""English math readings found wrong by a probe of US/UK textbook and exam lines; each case pins
the general rule that fixed it."""
import pytest

import frontend


def spoken(text: str, lang: str = "en") -> str:
    return frontend.normalize(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("f^-1(x) = (x - 3)/2", "f inverse of x equals the quantity x minus three over two"),
    ("y = 2/(x + 1)", "y equals two over the quantity x plus one"),
    ("(a+b)/(c-d)", "the quantity a plus b over the quantity c minus d"),
    ("x = (-b ± √(b^2 - 4ac)) / 2a", "x equals the quantity negative b plus or minus the square root of "
                                     "b squared minus four a c over two a"),
    ("(-3)/4", "negative three over four"),
])
def test_sum_over_or_under_a_bar_is_a_quantity(text, expected):
    # 'x minus three over two' would be x - 3/2: a sum above or below the bar is said as one quantity
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("∀x∈ℝ, x^2 ≥ 0", "for all x in the real numbers, x squared is greater than or equal to zero"),
    ("∀x ∈ A, x ∉ B", "for all x in A, x is not an element of B"),
    ("∀ε>0, ∃δ>0", "for all epsilon greater than zero, there exists delta greater than zero"),
    ("∃x∈ℝ: x^2 = 2", "there exists x in the real numbers such that x squared equals two"),
])
def test_quantifier_binding_is_a_noun_phrase(text, expected):
    # 'for all x is an element of' is no English; a colon after the binding is 'such that', not a ratio
    assert spoken(text) == expected


def test_quantifier_colon_in_chinese_is_such_that():
    assert spoken("∃x∈ℝ: x^2 = 2", "zh") == "存在x属于实数集，使得x的平方等于二"


@pytest.mark.parametrize("text, expected", [
    ("There is a 1-in-5 chance of rain.", "There is a one-in-five chance of rain."),
    ("The odds are 3-to-1 against.", "The odds are three-to-one against."),
    ("A 2-for-1 deal on pizza.", "A two-for-one deal on pizza."),
    ("They played 1-on-1 after school.", "They played one-on-one after school."),
    ("x-2 = 5", "x minus two equals five"),
])
def test_number_word_number_hyphen_compound_is_prose(text, expected):
    # the hyphens of '1-in-5' are no minus signs: 'one minus i n minus five' was the old reading
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("lim as x → ∞ of 1/x = 0", "the limit as x approaches infinity of one over x equals zero"),
    ("Evaluate ∫ from 0 to 1 of x^2 dx.", "Evaluate the integral from zero to one of x squared d x."),
    ("Find ∑ over all i of a_i.", "Find the sum over all i of a sub i."),
    ("∫ x dx = x^2/2 + C", "the integral of x d x equals x squared over two plus C"),
])
def test_operator_whose_limits_are_written_in_words(text, expected):
    # 'the limit of as x approaches', 'the integral of from zero': the prose says the rest
    assert spoken(text) == expected

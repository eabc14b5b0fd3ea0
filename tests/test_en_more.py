"""English readings found wrong by a probe of unseen-style lines (english_math, english_numbers,
mixed_zh_en); each case pins the general rule that fixed it."""
import pytest

import frontend


def spoken(text: str, lang: str = "en") -> str:
    return frontend.normalize(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("sqrt(16) = 4", "the square root of sixteen equals four"),
    ("Compute sqrt(25) + sqrt(9).", "Compute the square root of twenty-five plus the square root of nine."),
    ("The answer is sqrt(2).", "The answer is the square root of two."),
    ("cbrt(27) = 3", "the cube root of twenty-seven equals three"),
])
def test_root_words(text, expected):
    # 'sqrt' / 'cbrt' spelled in plain text are roots, not letters s q r t
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He ran 26.2 miles in 3h 15m.", "He ran twenty-six point two miles in three hours fifteen minutes."),
    ("He is 5'11\" tall.", "He is five feet eleven inches tall."),
    ("He is 6 ft 2 in tall.", "He is six feet two inches tall."),
    ("It took 1h 5m 30s.", "It took one hour five minutes thirty seconds."),
    ("The baby weighs 7 lb 8 oz.", "The baby weighs seven pounds eight ounces."),
])
def test_compound_measures(text, expected):
    # the unit after a larger one of its chain is read by that chain: m after h is minutes, in after ft inches
    assert spoken(text) == expected


def test_compound_measure_zh():
    assert spoken("他跑了3h15m", "zh") == "他跑了三小时十五分钟"


def test_compound_needs_chain_order():
    # two lengths in a row are not a chain: 3m 4m stays metres
    assert spoken("Rooms 3m 4m") == "Rooms three meters four meters"


@pytest.mark.parametrize("text, expected", [
    ("The speed of light is 3.0 × 10^8 m/s.",
     "The speed of light is three point zero times ten to the eighth power meters per second."),
    ("The acceleration is 9.8 m/s^2.", "The acceleration is nine point eight meters per second squared."),
    ("v = 20 m/s", "v equals twenty meters per second"),
    ("x = 3 s/t", "x equals three s over t"),  # only a rate per time is a spaced unit
])
def test_spaced_rate_units_in_formulas(text, expected):
    assert spoken(text) == expected


def test_unit_after_power_zh():
    assert spoken("光速是3×10^8 m/s", "zh") == "光速是三乘以十的八次方米每秒"


@pytest.mark.parametrize("text, expected", [
    ("n! = n(n-1)!", "n factorial equals n times the quantity n minus one factorial"),
    ("Expand (x - 2)(x + 3).", "Expand the quantity x minus two times the quantity x plus three."),
    ("Solve 3(x + 2) = 12.", "Solve three times the quantity x plus two equals twelve."),
    ("Simplify (a+b)^2.", "Simplify the quantity a plus b squared."),  # a leading group has no 'times'
])
def test_times_before_a_bracketed_factor(text, expected):
    # without 'times', 'n the quantity n minus one' is not something a teacher says
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The sum is Σ_{i=1}^n i = n(n+1)/2.",
     "The sum is the sum from i equals one to n of i equals n times the quantity n plus one over two."),
    ("Π_{i=1}^n a_i", "the product from i equals one to n of a sub i"),
    ("Σ = 5", "sigma equals five"),  # without limits Σ stays the letter
])
def test_capital_sigma_with_limits_is_a_sum(text, expected):
    assert spoken(text) == expected

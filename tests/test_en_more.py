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

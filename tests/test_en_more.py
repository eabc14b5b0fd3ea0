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

"""Lexicon and inline-override behaviour found by probing (round 4): each case is one a user would hear."""
import pytest

import frontend


@pytest.mark.parametrize("text, lang, lexicon, expected", [
    # a mixed Latin+Han key fires inside the longer word that contains it (T恤 in T恤衫), as
    # jieba segments Latin letters and Han together
    ("T恤衫2件", "zh", {"T恤": "=踢恤"}, "踢恤衫两件"),
    ("买了一件T恤", "zh", {"T恤": "=踢恤"}, "买了一件踢恤"),
    ("做B超检查", "zh", {"B超": "=B型超声"}, "做B型超声检查"),
    # ... and still does not fire where it straddles a word (光片 across X光|片)
    ("拍X光片", "zh", {"光片": "guang1 pian4"}, "拍X光片"),
])
def test_mixed_key_segmentation(text, lang, lexicon, expected):
    assert frontend.normalize(text, lang, lexicon=lexicon) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a digit annotated with syllables is read as them, not rejected as bad ARPAbet
    ("[3](saam1)個人", "yue", "{saam1}個人"),
    ("[2](liang3)个", "zh", "{liang3}个"),
    ("[12](yao1 er4)号房", "zh", "{yao1}{er4}号房"),
    ("[2](EH1 K S)", "en", "{EH1 K S}"),
])
def test_inline_syllables_on_digits(text, lang, expected):
    assert frontend.normalize(text, lang) == expected


def test_inline_digit_reading_homophone():
    out = "".join(u.text for u in frontend.process("[3](saam1)個人", "yue", yue_render="homophone"))
    assert "{" not in out and out.endswith("個人") and len(out) == 3


@pytest.mark.parametrize("text", ["[2](xyz1)个", "[A](saam1)"])
def test_inline_bad_reading_still_an_error(text):
    with pytest.raises(frontend.MarkupError):
        frontend.normalize(text, "zh")

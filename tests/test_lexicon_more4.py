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

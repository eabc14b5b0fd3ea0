"""Jyutping -> homophone characters (yue_render="homophone")."""
from __future__ import annotations

import pytest
import ToJyutping

from frontend.errors import LexiconError
from frontend.yue import homophone


@pytest.mark.parametrize("syllables", [
    ["jau4", "maa4", "dei6"], ["kwai4", "cung1"], ["gong2"], ["hoeng1", "gong2"], ["sik6", "faan6"],
    ["ngo5"], ["m4"], ["ng5"], ["hai2"], ["zyu1"], ["jyut6"], ["loeng5"], ["coeng4"], ["saam1"], ["lok6"],
])
def test_each_character_reads_exactly_its_syllable(syllables):
    out = homophone(syllables)
    assert len(out) == len(syllables)
    for ch, syl in zip(out, syllables):
        # the character's own first (context-free) reading is the syllable asked for
        assert ToJyutping.get_jyutping_list(ch)[0][1] == syl, (ch, syl)


def test_common_characters_are_preferred():
    assert homophone(["ngo5", "dei6"]) == "我地"
    assert homophone(["go3"]) == "個"  # the standard form, not the variant 箇
    assert homophone(["saam1"]) == "三"


def test_string_input_and_case_are_accepted():
    assert homophone("Jau4 MAA4") == homophone(["jau4", "maa4"])


@pytest.mark.parametrize("bad, message", [
    ("jau", "not a jyutping syllable"),
    ("jau7", "not a jyutping syllable"),
    ("zhong1", "no Cantonese character"),
    ("{jau4}", "not a jyutping syllable"),
])
def test_bad_syllables_raise_a_clear_error(bad, message):
    with pytest.raises(LexiconError, match=message):
        homophone([bad])

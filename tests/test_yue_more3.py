"""Cantonese and dialect probe, round 3: cases found wrong on new HK news / daily-life lines."""
from __future__ import annotations

import pytest

import frontend


def yue(text: str) -> str:
    return frontend.normalize(text, "yue")


@pytest.mark.parametrize("text, expected", [
    ("我喺7-Eleven買咗支水", "我喺Seven-Eleven買咗支水"),  # the Latin word is never dropped
    ("佢身高1米75", "佢身高一米七五"),
    ("佢大概1米8高", "佢大概一米八高"),
    ("條繩長2米5", "條繩長兩米五"),
    ("佢高1米75，重70公斤", "佢高一米七五，重七十公斤"),
])
def test_spoken_forms(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("跑咗100米", "跑咗一百米"),          # not a height: plain metres
    ("1米50厘米", "一米五十厘米"),        # a unit follows the second number
])
def test_not_a_height(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("佢有2女1仔", "佢有兩女一仔"),
    ("佢生咗2男2女", "佢生咗兩男兩女"),
    ("佢係中2女生", "佢係中二女生"),       # a Form 2 girl: a label, not a count
    ("第2女", "第二女"),
])
def test_sons_and_daughters(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$10元宵好平", "十蚊元宵好平"),        # 元 starts 元宵: not a repeated currency word
    ("$20元朗嘅車費", "二十蚊元朗嘅車費"),
    ("$100元", "一百蚊"),                  # a real repeat is still said once
    ("$50蚊一碗", "五十蚊一碗"),
])
def test_currency_word_that_starts_another_word(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("佢98年出世", "佢九八年出世"),
    ("98年嗰陣好多人移民", "九八年嗰陣好多人移民"),
    ("我喺05年畢業", "我喺零五年畢業"),
    ("佢97年7月返嚟", "佢九七年七月返嚟"),
    ("佢做咗20年", "佢做咗二十年"),          # a duration
    ("20年前", "二十年前"),
    ("喺10年內", "喺十年內"),
    ("第10年", "第十年"),
    ("80年代", "八十年代"),
])
def test_two_digit_years(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("佢喺98年入伙", "佢喺九八年入伙"),
    ("要喺10年入面還清", "要喺十年入面還清"),   # within ten years
    ("佢读咗3年", "佢读咗三年"),
])
def test_two_digit_years_in_context(text, expected):
    assert yue(text) == expected

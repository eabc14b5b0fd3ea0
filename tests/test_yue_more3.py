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

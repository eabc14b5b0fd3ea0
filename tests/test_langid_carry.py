"""Detection is per paragraph, but a marker-free Traditional paragraph of a Cantonese document
stays Cantonese (pronunciation.md §3: neutral Traditional text in a Cantonese setting is Cantonese)."""
from __future__ import annotations

import pytest

import frontend
from frontend import langid


def langs(text: str) -> list[tuple[str, str]]:
    return [(u.lang, u.text) for u in frontend.process(text)]


def test_neutral_traditional_line_after_cantonese_keeps_cantonese_reading():
    out = langs("佢哋今日好忙。\n恒指收報17,234點，跌1.2%。")
    assert out[-1] == ("yue", "恒指收報一萬七千二百三十四點，跌百分之一點二。")


def test_english_paragraph_between_does_not_break_the_carry():
    out = langs("我哋去咗飲茶。\nSee you soon.\n一共$42.5。")
    assert out[-1] == ("yue", "一共四十二蚊半。")


def test_neutral_traditional_document_alone_is_still_mandarin():
    assert langs("恒指收報17點。")[0][0] == "zh"


def test_simplified_mandarin_paragraph_ends_the_carry():
    out = langs("佢哋今日好忙。\n他们有2个人。\n共有2個人。")
    assert [lang for lang, _ in out] == ["yue", "zh", "zh"]


def test_simplified_mandarin_after_cantonese_stays_mandarin():
    out = langs("佢哋今日好忙。\n他們今天不回來吃飯，2點見。")
    assert out[-1] == ("yue", "他們今天不回來吃飯，兩點見。")  # Traditional, no markers: carried
    out = langs("我哋去咗飲茶。\n他们今天不回来吃饭，2点见。")
    assert out[-1] == ("zh", "他们今天不回来吃饭，两点见。")


def test_explicit_lang_still_wins():
    assert [u.lang for u in frontend.process("佢哋今日好忙。\n恒指收報17點。", "zh")] == ["zh", "zh"]


@pytest.mark.parametrize("text", [
    "下晝3:15見", "我哋聽朝見", "呢杯咖啡$42.5", "呢碗麵好大", "雞蛋仔25蚊一份", "一蚊雞一個", "兩蚊半一個",
    "呢杯咖啡好苦",  # Simplified-free Traditional
])
def test_more_cantonese_markers(text):
    assert langid.paragraph_lang(text) == "yue"


@pytest.mark.parametrize("text", ["下午3點見", "你呢？", "蚊子好多", "好多蚊帳", "他呢，不去"])
def test_mandarin_not_taken_for_cantonese(text):
    assert langid.paragraph_lang(text) == "zh"

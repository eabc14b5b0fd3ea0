"""Inline overrides: native braces, [text](pronunciation), the SSML subset."""
import re

import pytest

import frontend
from frontend import MarkupError


def norm(text, lang="zh", **kw):
    return frontend.normalize(text, lang, **kw)


def test_native_braces_pass_through():
    assert norm("我去{chong2}{qing4}出差") == "我去{chong2}{qing4}出差"
    assert norm("Say {HH AH0 L OW1} now", "en") == "Say {HH AH0 L OW1} now"
    assert norm("佢{keoi5}", "yue") == "佢{keoi5}"


def test_latex_braces_are_not_phonemes():
    pieces = frontend.inline.apply([frontend.pieces.Piece(r"\frac{a1}{b2} x_{n1} {HH AH0 L OW1}", 0, 32)],
                                   _ctx())
    kinds = [(p.text, p.kind) for p in pieces]
    assert ("{HH AH0 L OW1}", "markup") in kinds
    assert all(p.kind == "raw" for p in pieces if "a1" in p.text or "n1" in p.text)


def _ctx(lang="zh"):
    from frontend.context import Context
    return Context(lang=lang)


@pytest.mark.parametrize("text, lang, out", [
    ("[重庆](chong2 qing4)的夜景很美", "zh", "{chong2}{qing4}的夜景很美"),
    ("[重庆](chóng qìng)", "zh", "{chong2}{qing4}"),
    ("[重庆](py: chong2 qing4)", "zh", "{chong2}{qing4}"),
    ("[佢](keoi5)好叻", "yue", "{keoi5}好叻"),
    ("[行](jp:hong4)", "zh", "{hong4}"),
    ("我买了[Nvidia](EH0 N V IH1 D IY0 AH0)", "zh", "我买了{EH0 N V IH1 D IY0 AH0}"),
    ("[Hugging Face](arpa: HH AH1 G IH0 NG | F EY1 S)", "en", "{HH AH1 G IH0 NG} {F EY1 S}"),
    ("搭[MTR](=港鐵)返工", "yue", "搭港鐵返工"),
])
def test_annotated_spans(text, lang, out):
    assert norm(text, lang) == out


def test_inline_beats_lexicon_and_lexicon_skips_it():
    assert norm("[重庆](zhong4 qing4)和重庆", lexicon={"重庆": "chong2 qing4"}) == \
        "{zhong4}{qing4}和{chong2}{qing4}"


def test_links_that_are_not_pronunciations_stay_links():
    for text in ("看[文档](https://example.com/a)吧", "见[上文](#intro)", "[点这里](help)"):
        pieces = frontend.inline.apply([frontend.pieces.Piece(text, 0, len(text))], _ctx())
        assert all(p.kind == "raw" for p in pieces) and "".join(p.text for p in pieces) == text


@pytest.mark.parametrize("text, message, span", [
    ("前面[重庆](chong9 qing4)后面", "bad pronunciation", (2, 20)),
    ("[重庆](chong2)", "2 Han character(s) but 1", (0, 12)),
    ("[Nvidia](EH0 N V IH1 D IY0 XX0)", "not one of the 39", (0, 31)),
    ("[重庆](py: jau4 maa4)", "not a Mandarin pinyin syllable", (0, 19)),
])
def test_malformed_annotation_points_at_the_span(text, message, span):
    with pytest.raises(MarkupError, match=re.escape(message)) as err:
        norm(text)
    assert err.value.span == span


def test_error_offsets_are_absolute_across_lines():
    text = "第一行\n再看[重庆](chong9 qing4)"
    with pytest.raises(MarkupError) as err:
        norm(text)
    s, e = err.value.span
    assert text[s:e] == "[重庆](chong9 qing4)"


# ---- SSML ----------------------------------------------------------------------------

def test_ssml_phoneme_alphabets():
    assert norm('<phoneme alphabet="x-pinyin" ph="chong2 qing4">重庆</phoneme>') == "{chong2}{qing4}"
    assert norm('<phoneme alphabet="sapi" ph="chong 2 qing 4">重庆</phoneme>') == "{chong2}{qing4}"
    assert norm('<phoneme alphabet="x-jyutping" ph="jau4 maa4 dei2">油麻地</phoneme>', "yue") == \
        "{jau4}{maa4}{dei2}"
    assert norm('<phoneme alphabet="x-arpabet" ph="EH0 N V IH1 D IY0 AH0">Nvidia</phoneme>', "en") == \
        "{EH0 N V IH1 D IY0 AH0}"
    assert norm('<phoneme alphabet="ipa" ph="ɛnˈvɪdiə">Nvidia</phoneme>', "en") == "{EH0 N V IH1 D IY0 AH0}"


def test_speak_sub_and_lone_speak_tags():
    text = '<speak version="1.0">\n搭<sub alias="港鐵">MTR</sub>返工\n</speak>'
    assert [u.text for u in frontend.process(text, "yue")] == ["搭港鐵返工"]


def test_break_becomes_a_pause_piece():
    pieces = frontend.inline.apply([frontend.pieces.Piece('好<break time="500ms"/>走', 0, 24)], _ctx())
    pauses = [p for p in pieces if p.pause_ms is not None]
    assert len(pauses) == 1 and pauses[0].pause_ms == 500 and pauses[0].text == "" and pauses[0].kind == "markup"
    pieces = frontend.inline.apply([frontend.pieces.Piece('好<break time="1.5s"/>', 0, 21)], _ctx())
    assert [p.pause_ms for p in pieces if p.pause_ms] == [1500]
    pieces = frontend.inline.apply([frontend.pieces.Piece('好<break strength="strong"/>', 0, 27)], _ctx())
    assert [p.pause_ms for p in pieces if p.pause_ms] == [700]


def test_lang_forces_the_reading_language_of_its_text():
    pieces = frontend.inline.apply([frontend.pieces.Piece('我喜欢<lang xml:lang="en-US">Hugging Face</lang>', 0, 45)],
                                   _ctx())
    assert [(p.text, p.lang) for p in pieces if p.text] == [("我喜欢", None), ("Hugging Face", "en")]


@pytest.mark.parametrize("text, lang, out", [
    ('电话<say-as interpret-as="telephone">010-12345678</say-as>', "zh", "电话零幺零幺二三四五六七八"),
    ('<say-as interpret-as="telephone">2345 6789</say-as>', "yue", "二三四五六七八九"),
    ('<say-as interpret-as="digits">2024</say-as>', "zh", "二零二四"),
    ('<say-as interpret-as="cardinal">12,345</say-as>', "zh", "一万二千三百四十五"),
    ('<say-as interpret-as="cardinal">10005</say-as>', "yue", "一萬零五"),
    ('<say-as interpret-as="ordinal">3</say-as>', "zh", "第三"),
    ('the <say-as interpret-as="ordinal">21st</say-as>', "en", "the twenty-first"),
    ('<say-as interpret-as="characters">ABC12</say-as>', "en", "A B C one two"),
    ('<say-as interpret-as="characters">ABC</say-as>', "zh", "A B C"),
    ('<say-as interpret-as="date">2024-03-05</say-as>', "zh", "二零二四年三月五日"),
    ('<say-as interpret-as="date" format="dmy">25/12/2023</say-as>', "yue", "二零二三年十二月二十五日"),
    ('<say-as interpret-as="date">2024-03-05</say-as>', "en", "March fifth, twenty twenty-four"),
    ('<say-as interpret-as="time">9:05</say-as>', "zh", "九点零五分"),
    ('<say-as interpret-as="time">2:30</say-as>', "yue", "兩點三十分"),
    ('<say-as interpret-as="time">7:45pm</say-as>', "en", "seven forty-five P M"),
    ('<say-as interpret-as="time">10:00</say-as>', "en", "ten o'clock"),
])
def test_say_as(text, lang, out):
    assert norm(text, lang) == out


@pytest.mark.parametrize("text, message, bad", [
    ('<sub alias="港鐵">MTR', "not closed on this line", "<sub alias=\"港鐵\">"),
    ("a</phoneme>", "does not close an open", "</phoneme>"),
    ('<phoneme alphabet="x-pinyin" ph="chong2">重庆</phoneme>', "2 Han character(s) but 1",
     '<phoneme alphabet="x-pinyin" ph="chong2">重庆</phoneme>'),
    ('<phoneme ph="chong2 qing4"/>', "needs the text it applies to", '<phoneme ph="chong2 qing4"/>'),
    ('<phoneme alphabet="x-sampa" ph="x">重</phoneme>', "not supported", '<phoneme alphabet="x-sampa" ph="x">重</phoneme>'),
    ('<phoneme alphabet="ipa" ph="ʈʂʊŋ">重</phoneme>', "IPA for Chinese", '<phoneme alphabet="ipa" ph="ʈʂʊŋ">重</phoneme>'),
    ('<sub>MTR</sub>', "needs an alias", "<sub>MTR</sub>"),
    ('<say-as interpret-as="fancy">x</say-as>', "interpret-as must be one of",
     '<say-as interpret-as="fancy">x</say-as>'),
    ('<say-as interpret-as="date">2024-13-40</say-as>', "not a valid date",
     '<say-as interpret-as="date">2024-13-40</say-as>'),
    ('<break time="soon"/>', "500ms", '<break time="soon"/>'),
    ('<lang xml:lang="fr-FR">bonjour</lang>', "xml:lang", '<lang xml:lang="fr-FR">'),
    ('<sub alias=港鐵>MTR</sub>', "malformed SSML attributes", "<sub alias=港鐵>"),
    ('<sub alias="x"><break/></sub>', "content must be plain text", "<break/>"),
])
def test_malformed_ssml_points_at_the_span(text, message, bad):
    src = "前面" + text
    with pytest.raises(MarkupError, match=re.escape(message)) as err:
        norm(src)
    s, e = err.value.span
    assert src[s:e] == bad


def test_unknown_tags_and_comparisons_are_left_alone():
    text = "a<b and <div>x</div>"
    pieces = frontend.inline.apply([frontend.pieces.Piece(text, 0, len(text))], _ctx("en"))
    assert "".join(p.text for p in pieces) == text and all(p.kind == "raw" for p in pieces)

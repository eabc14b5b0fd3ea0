"""Pronunciation markup as a demanding user writes it: braces, [text](pron), SSML, entities."""
import pytest

import frontend
from frontend import MarkupError


def norm(text, lang="zh", **kw):
    return frontend.normalize(text, lang, **kw)


# ---- brace groups ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("他在{chong2 qing4}住", "他在{chong2}{qing4}住"),          # several syllables in one brace
    ("say {HH AH0 L OW1 | W ER1 L D} ok", "say {HH AH0 L OW1} {W ER1 L D} ok"),
])
def test_brace_with_several_units_is_split(text, expected):
    lang = "en" if text.startswith("say") else "zh"
    assert norm(text, lang) == expected


@pytest.mark.parametrize("text, span", [
    ("他在{chong9}住", "characters 2-10"),
    ("say {HH AH0 L OW9} now", "characters 4-18"),
])
def test_invalid_brace_phonemes_are_an_error_not_a_math_set(text, span):
    with pytest.raises(MarkupError) as e:
        norm(text, "en" if text.startswith("say") else "zh")
    assert span in str(e.value) and "集合" not in str(e.value)


def test_math_braces_stay_math():
    assert "集合" in norm("集合{x1}")
    assert norm("公式$\\frac{a}{b}$很简单") == "公式b分之a很简单"


# ---- [text](pronunciation) ---------------------------------------------------------------

@pytest.mark.parametrize("target", ["chong2,qing4", "chong2-qing4", "chong2，qing4", "chóng-qìng"])
def test_annotation_syllables_separated_by_commas_or_hyphens(target):
    assert norm(f"[重庆]({target})火锅") == "{chong2}{qing4}火锅"


@pytest.mark.parametrize("text", ["见[[重庆]](chong2 qing4)。", "见[重[庆]](chong2 qing4)。", "[](chong2)很火"])
def test_annotation_with_nested_or_empty_brackets_is_an_error(text):
    with pytest.raises(MarkupError, match=r"characters \d+-\d+"):
        norm(text)


@pytest.mark.parametrize("text", ["[了](le)吗", "[重庆](chong qing)火锅"])
def test_toneless_pinyin_annotation_is_an_error_naming_the_tone(text):
    with pytest.raises(MarkupError, match="no tone numbers"):
        norm(text)


def test_relative_link_stays_a_link():
    assert norm("见[文档](guide)。") == "见文档。"


# ---- entities --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, expected", [
    ("<speak>猫&amp;狗</speak>", "zh", "猫和狗"),
    ("<speak>a &lt; b</speak>", "zh", "a小于b"),
    ("Tom &amp; Jerry", "en", "Tom and Jerry"),
    ('<speak>say &quot;hi&quot; &#65;</speak>', "en", 'say "hi" A'),
])
def test_xml_entities_are_decoded(text, lang, expected):
    assert norm(text, lang) == expected


def test_ampersand_without_entity_is_untouched():
    assert "amp" not in norm("AT&T and R&D", "en")


# ---- SSML ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("<speak>这是<emphasis level=\"strong\">重点</emphasis></speak>", "这是重点"),
    ('<speak><prosody rate="slow">慢点</prosody></speak>', "慢点"),
    ('<speak><voice name="zh-CN-XiaoxiaoNeural"><mstts:express-as style="cheerful">你好<mark name="m1"/>'
     '世界</mstts:express-as></voice></speak>', "你好世界"),
])
def test_ssml_style_tags_are_dropped_text_kept(text, expected):
    assert norm(text) == expected


def test_ssml_paragraph_and_sentence_end_utterances():
    utts = list(frontend.process("<speak><p><s>第一句</s><s>第二句</s></p><p>第二段</p></speak>", "zh"))
    assert [u.text for u in utts] == ["第一句", "第二句", "第二段"]
    assert [u.pause_after_ms for u in utts[:2]] == [400, 700]  # </s></p>: the longer pause


def test_ssml_audio_fallback_text_is_read():
    assert norm('<speak><audio src="x.wav">a beep</audio> done</speak>', "en") == "a beep done"


def test_style_tag_inside_phoneme_is_an_error_with_span():
    with pytest.raises(MarkupError, match="characters 47-57"):
        norm('<phoneme alphabet="x-pinyin" ph="chong2 qing4"><emphasis>重庆</emphasis></phoneme>')


@pytest.mark.parametrize("text, expected", [
    ('第<say-as interpret-as="ordinal">3</say-as>名', "第三名"),
    ('得了<say-as interpret-as="ordinal">3</say-as>', "得了第三"),
])
def test_zh_ordinal_says_di_once(text, expected):
    assert norm(text) == expected

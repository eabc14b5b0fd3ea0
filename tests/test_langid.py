"""Language detection: explicit lang > control prefix > written-Cantonese markers (pronunciation.md §3)."""
from __future__ import annotations

import pytest

import frontend
from frontend import langid
from frontend.rules import RuleError


@pytest.mark.parametrize("text", [
    "佢哋今晚唔嚟",
    "我食咗飯喇",
    "你講乜嘢？",
    "呢度冇人",
    "喺邊度等？",
    "啲嘢好貴",
    "佢係我老友",
    "你系唔系香港人？",         # Simplified Cantonese writing 系 for 係
    "我哋今晚去边度食饭",
    "呢個問題好難答",           # demonstrative 呢 + classifier
    "唔該晒",
    "咁都得㗎？",
    "你睇下，好靚",
    "今日好熱呀，食飯未啦",      # only weak markers, but several
    "我諗住聽日先去",
    "我好鍾意食雪糕",
    "等陣先啦",
    "伙計，唔該一個A餐，凍奶茶少甜！",
])
def test_written_cantonese_is_yue(text):
    assert frontend.detect_language(text) == "yue"


@pytest.mark.parametrize("text", [
    "他們今天不回來吃飯",
    "這兩者的關係很複雜",          # 係 in 關係
    "系統正在維護中",              # 系 in 系统
    "你呢？你怎麼想呢？",          # sentence-final 呢
    "唔，好吧，我明白了",          # interjection 唔
    "他在吹喇叭",                  # 喇 in 喇叭
    "請不要囉嗦",
    "今日頭條",                    # a single weak marker is not enough
    "我們要緊密合作",
    "这是简体中文的普通话句子",
    "今天天气很好，我们去公园吧",
    "他唔了一声",                  # 唔 as a sound, not the negation
    "食品安全很重要",              # 食 in 食品
    "香港是國際金融中心",
    "快来呀，走啦",                # particles Mandarin uses as much as Cantonese
    "你咋不说话呢？咋办",
    "吓了我一跳，赶紧走吧",        # 吓 = scare in Simplified Mandarin
])
def test_mandarin_and_traps_are_zh(text):
    assert frontend.detect_language(text) == "zh"


def test_no_han_is_english():
    assert frontend.detect_language("Hello, world 123") == "en"
    assert frontend.detect_language("") == "en"


def test_neutral_traditional_text_follows_the_configured_choice():
    text = "今日天氣很好"
    assert frontend.detect_language(text) == "zh"
    assert frontend.detect_language(text, neutral_traditional="yue") == "yue"
    # Simplified text without markers stays Mandarin whatever the setting.
    assert frontend.detect_language("今天天气很好", neutral_traditional="yue") == "zh"


def test_explicit_setting_beats_prefix_beats_markers():
    assert frontend.detect_language("(粤语)今日天氣好好") == "yue"
    assert frontend.detect_language("(Cantonese) It is sunny") == "yue"
    assert frontend.detect_language("(四川话)佢哋喺度") == "zh"  # a dialect prefix decides
    assert frontend.detect_language("(粤语)今日天氣好好", "zh") == "zh"
    with pytest.raises(ValueError):
        frontend.detect_language("x", "fr")


@pytest.mark.parametrize("text, lang, dialect", [
    ("(粤语)今日", "yue", None),
    ("(粵語)今日", "yue", None),
    ("（广东话）今日", "yue", None),
    ("(Cantonese)hi", "yue", None),
    ("(cantonese)hi", "yue", None),
    ("(四川话)吃了没", "zh", "四川话"),
    ("（東北話）嘎哈呢", "zh", "东北话"),
    ("(河南话)中不中", "zh", "河南话"),
    ("(陕西话)嘹咋咧", "zh", "陕西话"),
    ("(山东话)俺", "zh", "山东话"),
    ("(天津话)介是嘛", "zh", "天津话"),
    ("(上海话)阿拉", "zh", "吴语"),
    ("(吴语)侬好", "zh", "吴语"),
    ("(台语)你好", "zh", "闽南话"),
    ("(闽南话)你好", "zh", "闽南话"),
    ("(粤语，温柔的女声)你好", "yue", None),
])
def test_control_prefixes(text, lang, dialect):
    prefix = langid.control_prefix(text)
    assert prefix is not None and (prefix.lang, prefix.dialect) == (lang, dialect)
    assert text[:prefix.end].rstrip().endswith((")", "）"))


@pytest.mark.parametrize("text", [
    "今日(粤语)好",          # not at the very start
    "\n(粤语)今日",
    "(年轻女性)你好",         # a voice description without a language
    "(1)第一點",
    "(粤语今日",
])
def test_not_a_control_prefix(text):
    assert langid.control_prefix(text) is None


def test_prefix_sets_the_language_of_the_whole_document():
    utts = frontend.process("(粤语)今日天氣好好\n我哋有2個人\n3點半見")
    assert [u.lang for u in utts] == ["yue", "yue", "yue"]
    assert utts[0].text == "(粤语)今日天氣好好"  # kept verbatim
    assert utts[1].text == "我哋有兩個人"
    assert utts[2].text == "三點半見"


def test_paragraphs_are_detected_one_by_one_without_a_prefix():
    utts = frontend.process("佢哋有2個仔\nHello there\n我哋聽日3:15見")
    assert [u.lang for u in utts] == ["yue", "en", "yue"]
    assert utts[0].text == "佢哋有兩個仔"
    assert utts[2].text == "我哋聽日三點十五分見"


def test_marker_file_errors_name_file_and_line(tmp_path):
    (tmp_path / "yue").mkdir()
    (tmp_path / "yue" / "markers.yaml").write_text("threshold: 2\nstrong: [嘅, 咗咗]\n", encoding="utf-8")
    frontend.set_rules_dir(tmp_path)
    try:
        with pytest.raises(RuleError, match=r"markers\.yaml:2: .*single characters"):
            frontend.detect_language("佢哋")
    finally:
        frontend.set_rules_dir(None)
    assert frontend.detect_language("佢哋") == "yue"

"""Readings that cross stage boundaries (math vs numbers vs lexicon), found by reading real lines."""
import pytest

import frontend


@pytest.mark.parametrize("text, lang, want", [
    ("2024-2025学年第3章", "zh", "二零二四到二零二五学年第三章"),  # years before 学年 digit by digit
    ("2023-2024赛季", "zh", "二零二三到二零二四赛季"),
    ("He lives at 221B Baker St.", "en", "He lives at two hundred twenty-one B Baker Street."),  # B is no unit
    ("Room of 20 m².", "en", "Room of twenty square meters."),  # a measure, not a power
    ("电阻10kΩ", "zh", "电阻十千欧"),  # Ω in a measure is a unit, not omega
    ("|a-b|", "zh", "a减b的绝对值"),  # an absolute value is not a markdown table
    ("Subtract: x-2", "en", "Subtract: x minus two"),  # a prose word before a colon is not a formula
    ("It came 1st - the rest followed", "en", "It came first - the rest followed"),
    ("集合{1,2,3}", "zh", "集合一，二，三"),  # the word just written is not said twice
    ("GDP (|\\sqrt{x}|)", "en", "GDP the absolute value of the square root of x"),  # an acronym is a word
    ("In triangle ABC (AB = AC)", "en", "In triangle ABC AB equals AC"),
])
def test_reading(text, lang, want):
    assert frontend.normalize(text, lang) == want


def test_lexicon_keys_match_the_source_before_numbers_rewrite_it():
    out = frontend.normalize("W3C标准", "zh", lexicon={"W3C": "=World Wide Web Consortium"})
    assert out == "World Wide Web Consortium标准"


def test_cantonese_span_inside_a_mandarin_paragraph_reads_cantonese_numbers():
    out = frontend.normalize('他说<lang xml:lang="zh-HK">我哋有2個人</lang>，我们有2个人', "zh")
    assert out == "他说我哋有兩個人，我们有两个人"


def test_a_dialect_prefix_does_not_turn_english_lines_cantonese():
    utts = frontend.process("(粤语)我哋有2個人\nI paid $20 for 2 bowls")
    assert [u.text for u in utts] == ["(粤语)我哋有兩個人", "I paid twenty dollars for two bowls"]
    assert [u.lang for u in utts] == ["yue", "en"]


def test_traditional_mandarin_gets_traditional_number_words():
    assert frontend.normalize("他們有12,000人", "zh") == "他們有一萬二千人"
    assert frontend.normalize("他们有12,000人", "zh") == "他们有一万二千人"


def test_traditional_mandarin_matches_the_simplified_cue_words():
    assert frontend.normalize("氣溫-2度", "zh") == "氣溫零下二度"
    assert frontend.normalize("(闽南话)有2隻貓") == "(闽南话)有兩隻貓"


def test_a_dropped_code_block_is_shown_by_explain():
    text = "看代码：\n```python\nprint(1)\n```\n然后运行。"
    utts = frontend.process(text, "zh", explain=True)
    assert [u.text for u in utts] == ["看代码：", "然后运行。"]
    dropped = [c for c in utts[1].changes if c.rule == "markdown.code_fence"]
    assert dropped and "print(1)" in dropped[0].before and dropped[0].after == ""

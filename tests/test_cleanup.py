"""Clean-up: width forms, look-alikes, markdown, emoji, URLs, repeated punctuation."""
from __future__ import annotations

import frontend
from frontend import cleanup
from frontend.context import Context
from frontend.pieces import MARKUP, Piece, text_of


def clean(text: str, lang: str = "zh") -> tuple[str, Context]:
    ctx = Context(lang=lang)
    return text_of(cleanup.apply([Piece(text, 0, len(text))], ctx)), ctx


def rules_of(ctx: Context) -> set[str]:
    return {c.rule for c in ctx.changes}


def test_full_width_forms_become_ascii_but_chinese_punctuation_stays():
    assert cleanup.normalize_chars("ＡＢＣ１２３％，：（）！？") == "ABC123%，：（）！？"
    assert frontend.normalize("买了３个，共１２０元", "zh") == "买了三个，共一百二十元"


def test_lookalikes_are_mapped_one_to_one():
    text = "5−3∶2⋅x✕y\u3000z"
    out = cleanup.normalize_chars(text)
    assert out == "5-3:2·x×y z" and len(out) == len(text)


def test_superscripts_and_subscripts_survive():
    out, _ = clean("x²+y₂=1 和 H₂O")
    assert "²" in out and "₂" in out and "H₂O" in out


def test_unicode_minus_reads_as_negative():
    assert frontend.normalize("气温−5℃", "zh") == "气温零下五摄氏度"


def test_markdown_heading_emphasis_and_list_markers_are_dropped():
    out, ctx = clean("## **重要**通知")
    assert out == "重要通知"
    assert {"markdown.heading", "markdown.emphasis"} <= rules_of(ctx)
    assert clean("- 第一项")[0] == "第一项"
    assert clean("> 引用的话")[0] == "引用的话"


def test_markdown_link_keeps_text_and_image_is_dropped():
    out, ctx = clean("See [the guide](https://a.io/x) ![logo](logo.png) now", "en")
    assert out.split() == ["See", "the", "guide", "now"]
    assert {"markdown.link", "markdown.image"} <= rules_of(ctx)


def test_inline_code_keeps_its_text():
    assert clean("用`print`输出")[0] == "用print输出"


def test_table_pipes_become_pauses_and_separator_rows_vanish():
    assert clean("| 名称 | 价格 |")[0] == "名称，价格"
    assert clean("|---|:---:|")[0] == ""


def test_emoji_dropped_by_a_named_rule_and_han_kept():
    out, ctx = clean("太好了😀👍🏽！🇨🇳加油")
    assert out == "太好了！加油"
    assert "cleanup.emoji" in rules_of(ctx)


def test_url_and_email_read_sensibly():
    assert frontend.normalize("Visit example.com today", "en") == "Visit example dot com today"
    assert frontend.normalize("访问 www.example.com 了解", "zh") == "访问www点example点com了解"
    assert frontend.normalize("Mail me at bob.smith@mail.org", "en") == "Mail me at bob dot smith at mail dot org"
    assert "example" in frontend.normalize("https://example.com/docs/page-2?x=1", "en")


def test_repeated_punctuation_is_reduced():
    assert clean("真的吗？？？好！！！")[0] == "真的吗？好！"
    assert clean("Wow!!!", "en")[0] == "Wow!"


def test_latex_regions_are_left_for_math():
    out, _ = clean("式子 $a*b*c$ 和 *强调*")
    assert "$a*b*c$" in out and "强调" in out and "*强调*" not in out


def test_markup_pieces_are_untouched():
    ctx = Context(lang="zh")
    pieces = [Piece("**{zhong4}**", 0, 12, MARKUP), Piece("＃１", 12, 14)]
    out = cleanup.apply(pieces, ctx)
    assert out[0].text == "**{zhong4}**" and out[0].kind == MARKUP


def test_character_fixes_keep_source_spans_exact():
    ctx = Context(lang="zh")
    out = cleanup.apply([Piece("价格１２元", 0, 5)], ctx)
    assert [(p.text, p.start, p.end) for p in out] == [("价格12元", 0, 5)]


def test_invisible_characters_are_removed():
    assert clean("中\u200b文\ufeff")[0] == "中文"


def test_absolute_values_are_not_markdown_tables():
    assert frontend.normalize("|a-b|", "zh") == "a减b的绝对值"
    assert frontend.normalize("|x|+|y|", "zh") == "x的绝对值加y的绝对值"
    # a real table row still loses its pipes
    assert "|" not in frontend.normalize("| 名称 | 数量 |", "zh")


def test_space_before_a_bracket_in_english_is_kept():
    out = frontend.normalize("It was 35°C (95°F).", "en")
    assert "celsius (" in out.lower()

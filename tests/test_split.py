"""Sentence splitting: where utterances end and how long the pause after each is."""
from __future__ import annotations

import frontend
from frontend import split
from frontend.context import Context
from frontend.pieces import MARKUP, SPOKEN, Piece, text_of
from frontend.utterance import PAUSE_MS


def cut(text: str, lang: str = "zh", **ctx_args) -> list[tuple[str, int]]:
    ctx = Context(lang=lang, **ctx_args)
    return [(text_of(ps), pause) for ps, pause in split.sentences([Piece(text, 0, len(text))], ctx)]


def test_chinese_sentences_split_at_sentence_marks():
    out = cut("今天天气很好。我们去公园散步吧！你觉得怎么样？")
    assert [t for t, _ in out] == ["今天天气很好。", "我们去公园散步吧！", "你觉得怎么样？"]
    assert all(p == PAUSE_MS["sentence"] for _, p in out)


def test_english_abbreviations_and_initials_do_not_end_sentences():
    out = cut("Dr. Smith met Mr. J. K. Rowling at the U.S. embassy, e.g. in spring. They talked for hours.", "en")
    assert [t for t, _ in out] == ["Dr. Smith met Mr. J. K. Rowling at the U.S. embassy, e.g. in spring.",
                                   " They talked for hours."]


def test_decimal_point_and_ellipsis_are_never_cut():
    out = cut("The value 3.14 is known... everyone uses it today. Next one here.", "en")
    assert out[0][0] == "The value 3.14 is known... everyone uses it today."


def test_quotation_is_not_cut_inside():
    out = cut("他说：“今天很好。明天也好。”然后大家都走了。")
    assert out[0][0] == "他说：“今天很好。明天也好。”"
    assert out[1][0] == "然后大家都走了。"


def test_long_chinese_sentence_splits_at_commas_under_the_limit():
    sentence = "，".join(["这是一个相当长的分句"] * 12) + "。"
    out = cut(sentence, max_chars=40)
    assert len(out) > 1
    assert all(split.size(t, "zh") <= 40 for t, _ in out)
    assert "".join(t for t, _ in out) == sentence
    assert out[0][1] == PAUSE_MS["clause"] and out[-1][1] == PAUSE_MS["sentence"]


def test_long_english_sentence_splits_under_the_word_limit():
    sentence = ", ".join(["this clause has exactly six words"] * 12) + "."
    out = cut(sentence, "en", max_words=20)
    assert len(out) > 1 and all(split.size(t, "en") <= 20 for t, _ in out)
    assert "".join(t for t, _ in out) == sentence


def test_run_without_punctuation_is_still_cut():
    out = cut("字" * 200, max_chars=60)
    assert len(out) >= 4 and all(split.size(t, "zh") <= 60 for t, _ in out)
    words = " ".join(["word"] * 100)
    out = cut(words, "en", max_words=30)
    assert all(split.size(t, "en") <= 30 for t, _ in out)
    assert all(not t.startswith("ord") for t, _ in out)  # never inside a word


def test_tiny_fragments_are_merged():
    out = cut("好。今天我们一起学习数学。")
    assert [t for t, _ in out] == ["好。今天我们一起学习数学。"]


def test_atomic_pieces_are_never_cut():
    ctx = Context(lang="zh", max_chars=10)
    pieces = [Piece("前面", 0, 2), Piece("三角形ABC相似于三角形DEF，且面积比为一比四", 2, 20, SPOKEN, "math", atomic=True),
              Piece("。后面的话很多很多。", 20, 30)]
    out = split.sentences(pieces, ctx)
    joined = [text_of(ps) for ps, _ in out]
    assert any("三角形ABC相似于三角形DEF，且面积比为一比四" in t for t in joined)


def test_ssml_break_ends_an_utterance_with_its_pause():
    ctx = Context(lang="zh")
    pieces = [Piece("第一部分内容", 0, 6), Piece("", 6, 26, MARKUP, "ssml.break", pause_ms=800), Piece("第二部分内容。", 26, 33)]
    out = split.sentences(pieces, ctx)
    assert [(text_of(ps), p) for ps, p in out] == [("第一部分内容", 800), ("第二部分内容。", PAUSE_MS["sentence"])]


def test_pause_grows_comma_sentence_paragraph():
    utts = list(frontend.process("，".join(["这是一个很长的分句用来测试"] * 10) + "。第二句话在这里。\n新的段落开始了。",
                                 "zh", max_chars=30))
    pauses = [u.pause_after_ms for u in utts]
    assert PAUSE_MS["clause"] in pauses and PAUSE_MS["sentence"] in pauses
    assert pauses[-1] == PAUSE_MS["paragraph"]
    assert PAUSE_MS["clause"] < PAUSE_MS["sentence"] < PAUSE_MS["paragraph"]


def test_source_spans_point_at_the_input():
    text = "第一句话在这里。第二句话在这里。"
    utts = list(frontend.process(text, "zh"))
    assert [text[a:b] for a, b in (u.span for u in utts)] == ["第一句话在这里。", "第二句话在这里。"]


def test_numbers_with_commas_and_colons_are_not_cut():
    out = cut("共有1,234人，时间是10:30。", "zh")
    assert len(out) == 1

"""Dialect mode: a (四川话)-style prefix is kept verbatim, sets ctx.dialect, and leaves dialect words alone."""
from __future__ import annotations

import pytest

import frontend
from frontend import pipeline, tn, yue


def _contexts(monkeypatch):
    """Record the context each paragraph's TN stage receives, and which TN it was."""
    seen = []

    def spy(name, real):
        def stage(pieces, ctx):
            seen.append((name, ctx.lang, ctx.dialect, ctx.dialect_mode))
            return real(pieces, ctx)
        return stage

    monkeypatch.setattr(pipeline.tn, "apply", spy("tn", tn.apply))
    monkeypatch.setattr(pipeline.yue, "apply", spy("yue", yue.apply))
    return seen


@pytest.mark.parametrize("text, dialect", [
    ("(四川话)感冒了就要搞紧吃药。", "四川话"),
    ("（东北话）你瞅啥？瞅你咋地！", "东北话"),
    ("(河南话)中不中？中！", "河南话"),
    ("(吴语)阿拉今朝勿去", "吴语"),
    ("(闽南话)你佇佗位？", "闽南话"),
])
def test_dialect_prefix_kept_verbatim_and_dialect_words_untouched(text, dialect, monkeypatch):
    seen = _contexts(monkeypatch)
    utts = frontend.process(text)
    out = "".join(u.text for u in utts)
    assert out == text  # no digits here: nothing to normalise, nothing converted
    assert utts[0].lang == "zh"
    assert seen == [("tn", "zh", dialect, True)]


def test_dialect_numbers_go_through_mandarin_tn_with_the_dialect_set(monkeypatch):
    seen = _contexts(monkeypatch)
    utts = list(frontend.process("(四川话)我屋头有2个娃儿\n幺儿今年3岁"))
    assert [s[:3] for s in seen] == [("tn", "zh", "四川话"), ("tn", "zh", "四川话")]
    assert utts[0].text.startswith("(四川话)我屋头有")
    assert "幺儿" in utts[-1].text  # a dialect word, not a digit string


def test_dialect_prefix_even_with_cantonese_markers_keeps_mandarin_tn(monkeypatch):
    seen = _contexts(monkeypatch)
    frontend.process("(上海话)佢哋\n嘅")[1]
    assert {s[0] for s in seen} == {"tn"}


def test_cantonese_prefix_uses_cantonese_tn(monkeypatch):
    seen = _contexts(monkeypatch)
    out = frontend.normalize("(粤语)今日天氣好好，2點見")
    assert out == "(粤语)今日天氣好好，兩點見"
    assert seen == [("yue", "yue", None, False)]


def test_prefix_only_at_the_start_of_the_document():
    utts = frontend.process("你好\n(四川话)吃了没")
    assert "(四川话)" in utts[1].text
    assert all(u.lang == "zh" for u in utts)


def test_explicit_lang_beats_the_prefix_but_keeps_it_verbatim():
    utts = frontend.process("(粤语)佢有2個", "zh")
    assert utts[0].lang == "zh"
    assert utts[0].text.startswith("(粤语)")

"""User lexicons: file format, validation with file:line, matching rules, precedence."""
import textwrap

import pytest

import frontend
from frontend import LexiconError
from frontend.lexicon import compile_user, load


def write(tmp_path, text, name="lex.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return p


def norm(text, lang="zh", lexicon=None):
    return frontend.normalize(text, lang, lexicon=lexicon)


# ---- the file format ------------------------------------------------------------------

def test_yaml_sections_and_long_form(tmp_path):
    p = write(tmp_path, """
        version: 1
        zh:
          重庆: chong2 qing4
          朴槿惠: piáo jǐn huì     # tone marks are converted
        yue:
          油麻地: jau4 maa4 dei2
          MTR: =港鐵
        en:
          Nvidia: EH0 N V IH1 D IY0 AH0
          Hugging Face: HH AH1 G IH0 NG | F EY1 S
        entries:
          - text: 朴
            zh: piao2
            match: any
            note: 姓氏
          - text: Mark
            en: M AA1 R K
            case_sensitive: false
    """)
    assert norm("朴槿惠去重庆", lexicon=p) == "{piao2}{jin3}{hui4}去{chong2}{qing4}"
    assert norm("我哋喺油麻地搭MTR", "yue", lexicon=p) == "我哋喺{jau4}{maa4}{dei2}搭港鐵"
    assert norm("I met MARK at Hugging Face.", "en", lexicon=p) == \
        "I met {M AA1 R K} at {HH AH1 G IH0 NG} {F EY1 S}."
    # match: any fires inside a word of the segmentation too
    assert norm("朴素", lexicon=p) == "{piao2}素"


@pytest.mark.parametrize("body, line, message", [
    ("zh:\n  重庆: chong2\n", 2, "2 Han character(s) but 1 pinyin syllable"),
    ("zh:\n  好: hao3\n  重庆: chong2 qinx4\n", 3, "not a Mandarin pinyin syllable"),
    ("yue:\n  油麻地: jau4 maa4 dei9\n", 2, "tone must be 1-6"),
    ("en:\n  Nvidia: EH0 N V IH1 D IY0 XX0\n", 2, "not one of the 39 ARPAbet phones"),
    ("en:\n  Nvidia: EH N V IH1 D IY0 AH0\n", 2, "needs a stress digit"),
    ("en:\n  Hugging Face: HH AH1 G IH0 NG F EY1 S\n", 2, "separate the words"),
    ("zh:\n  重庆: [chong2\n", 3, "invalid YAML"),
    ("zh:\n  重庆: chong2 qing4\n  重庆: zhong4 qing4\n", 3, "duplicate key"),
    ("zh:\n  重庆: chong2 qing4\nentries:\n  - text: 重庆\n    zh: zhong4 qing4\n", 5, "duplicate key"),
    ("pinyin:\n  重庆: chong2 qing4\n", 1, "unknown section 'pinyin'"),
    ("en:\n  Nvidia: 12\n", 2, "must be a string"),
    ("entries:\n  - text: 重\n    zh: chong2\n    matc: any\n", 4, "unknown option 'matc'"),
    ("entries:\n  - text: 重\n", 2, "needs exactly one of zh:, yue:, en:"),
    ("en:\n  重庆: HH AH1\n", 2, "Han characters in the en section"),
    ("zh:\n  A股: A1 gu3\n", 2, "mixes Han characters with Latin"),
    ("", 1, "lexicon is empty"),
    ("version: 2\n", 1, "unsupported lexicon version"),
])
def test_bad_lexicon_files_name_file_and_line(tmp_path, body, line, message):
    p = write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        norm("你好", lexicon=p)
    assert str(err.value).startswith(f"{p}:{line}:"), str(err.value)
    assert message in str(err.value)


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        norm("你好", lexicon=tmp_path / "nope.yaml")
    p = write(tmp_path, "x", name="lex.txt")
    with pytest.raises(LexiconError, match="unknown lexicon format"):
        norm("你好", lexicon=p)


def test_duplicate_key_across_files_of_one_call(tmp_path):
    a = write(tmp_path, "zh:\n  重庆: chong2 qing4\n", "a.yaml")
    b = write(tmp_path, "zh:\n  重庆: zhong4 qing4\n", "b.yaml")
    with pytest.raises(LexiconError, match=r"b\.yaml:2: duplicate key '重庆'.*a\.yaml:2"):
        norm("重庆", lexicon=[a, b])


def test_list_of_paths(tmp_path):
    a = write(tmp_path, "zh:\n  重庆: chong2 qing4\n", "a.yaml")
    b = write(tmp_path, "en:\n  AI: EY1 AY1\n", "b.yaml")
    assert norm("重庆的AI", lexicon=[a, str(b)]) == "{chong2}{qing4}的{EY1 AY1}"


def test_dict_values_decide_the_alphabet():
    lex = {"重庆": "chong2 qing4", "油麻地": "jau4 maa4 dei2", "喺": "hai2", "MTR": "=港鐵"}
    assert norm("重庆油麻地", "zh", lex) == "{chong2}{qing4}油麻地"  # jyutping entry: yue only
    assert norm("喺油麻地", "yue", lex) == "{hai2}{jau4}{maa4}{dei2}"
    assert norm("喺", "zh", lex) == "{hai2}"  # hai2 is valid pinyin too
    assert norm("MTR", "zh", lex) == "港鐵"
    assert norm("去重庆", "zh", {"重庆": "py:chóng qìng"}) == "去{chong2}{qing4}"
    with pytest.raises(LexiconError, match="neither valid pinyin .* nor valid jyutping"):
        norm("重庆", "zh", {"重庆": "chong2 qing9"})
    with pytest.raises(TypeError):
        norm("重庆", "zh", 42)


def test_dict_in_file_form():
    lex = {"zh": {"重庆": "chong2 qing4"}, "en": {"AI": "EY1 AY1"}}
    assert norm("重庆AI", "zh", lex) == "{chong2}{qing4}{EY1 AY1}"


# ---- matching ---------------------------------------------------------------------------

def test_latin_keys_whole_word_case_sensitive():
    lex = {"AI": "EY1 AY1"}
    assert norm("AIGC和AI都很火", "zh", lex) == "AIGC和{EY1 AY1}都很火"
    assert norm("ai and Ai and AI.", "en", lex) == "ai and Ai and {EY1 AY1}."
    assert norm("OpenAI", "en", lex) == "OpenAI"
    assert norm("AI-powered", "en", lex) == "{EY1 AY1}-powered"
    assert norm("C++ rocks", "en", {"C++": "S IY1 P L AH1 S P L AH1 S"}) == "{S IY1 P L AH1 S P L AH1 S} rocks"


@pytest.mark.parametrize("text, key, fires", [
    ("我爱吃重庆火锅", "重庆", True),       # 吃|重庆|火锅 (greedy 吃重|庆 would block it)
    ("银行长期贷款", "行长", False),         # 银行|长期
    ("银行行长来了", "行长", True),
    ("头发行不行", "发行", False),           # 头发|行不行
    ("发行新股", "发行", True),
    ("有效率", "效率", True),               # inside a longer word: fires
])
def test_han_keys_respect_the_segmentation(text, key, fires):
    pron = {"重庆": "chong2 qing4", "行长": "hang2 zhang3", "发行": "fa1 xing2", "效率": "xiao4 lv4"}[key]
    utts = frontend.process(text, "zh", lexicon={key: pron}, explain=True)
    out = "".join(u.text for u in utts)
    fired = any(c.rule.startswith("lexicon") for u in utts for c in u.changes)
    rendered = "".join(f"{{{s}}}" for s in pron.split())
    assert fired == fires and (rendered in out) == fires, out
    # Where the key must not fire, the polyphone stage may still brace single characters
    # (银{hang2}{chang2}期), never with the lexicon's reading of the whole key.


def test_single_character_key_fires_inside_words():
    assert norm("佢哋嚟咗", "yue", {"佢": "keoi5"}) == "{keoi5}哋嚟咗"


def test_longest_key_wins():
    lex = {"长春": "chang2 chun1", "长春市长": "chang2 chun1 shi4 zhang3"}
    assert norm("长春市长来了", "zh", lex) == "{chang2}{chun1}{shi4}{zhang3}来了"
    assert norm("长春很冷", "zh", lex) == "{chang2}{chun1}很冷"


def test_sections_apply_by_paragraph_language(tmp_path):
    p = write(tmp_path, "zh:\n  行: hang2\nyue:\n  行: haang4\nen:\n  Nvidia: EH0 N V IH1 D IY0 AH0\n")
    assert norm("行", "zh", p) == "{hang2}"
    assert norm("行", "yue", p) == "{haang4}"
    assert norm("Nvidia好", "yue", p) == "{EH0 N V IH1 D IY0 AH0}好"


def test_lexicon_runs_on_the_spoken_form():
    # a key written with Han numerals matches what TN produced, not only literal text
    assert norm("一号线", "zh", {"一号线": "yi1 hao4 xian4"}) == "{yi1}{hao4}{xian4}"


def test_precedence_call_over_project_over_shipped(tmp_path, monkeypatch):
    # the shipped lexicons/tech.yaml reads Kubernetes with secondary stress first
    assert norm("Kubernetes", "en") == "{K UW2 B ER0 N EH1 T IY0 Z}"
    project = write(tmp_path, "en:\n  Kubernetes: K UW1 B ER0 N EH2 T IY0 Z\nzh:\n  重庆: zhong4 qing4\n",
                    "project.yaml")
    monkeypatch.setenv("VOXREAD_LEXICON", str(project))
    assert norm("Kubernetes", "en") == "{K UW1 B ER0 N EH2 T IY0 Z}"
    assert norm("重庆", "zh") == "{zhong4}{qing4}"
    assert norm("重庆", "zh", {"重庆": "chong2 qing4"}) == "{chong2}{qing4}"
    # a shorter call entry beats a longer project entry where they overlap
    assert norm("重庆", "zh", {"庆": "qing1"}) == "重{qing1}"
    # inline markup beats everything
    assert norm("[重庆](chong2 qing2)", "zh", {"重庆": "chong2 qing4"}) == "{chong2}{qing2}"


def test_project_lexicon_errors_name_the_file(tmp_path, monkeypatch):
    bad = write(tmp_path, "zh:\n  重庆: chong2\n", "bad.yaml")
    monkeypatch.setenv("VOXREAD_LEXICON", str(bad))
    with pytest.raises(LexiconError, match=r"bad\.yaml:2:"):
        norm("你好", "zh")


def test_edited_file_is_reloaded(tmp_path):
    p = write(tmp_path, "zh:\n  重庆: chong2 qing4\n")
    assert norm("重庆", "zh", p) == "{chong2}{qing4}"
    import os
    p.write_text("zh:\n  重庆: zhong4 qing4\n", encoding="utf-8")
    os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10**9))
    assert norm("重庆", "zh", p) == "{zhong4}{qing4}"


def test_yue_homophone_rendering():
    lex = {"油麻地": "jau4 maa4 dei2"}
    utts = frontend.process("油麻地", "yue", lexicon=lex, yue_render="homophone")
    assert "{" not in utts[0].text and len(utts[0].text) == 3


def test_matches_are_recorded_for_explain(tmp_path):
    p = write(tmp_path, "zh:\n  好: hao3\n  重庆: chong2 qing4\n")
    u = frontend.process("去重庆", "zh", lexicon=p, explain=True)[0]
    assert [(c.before, c.after, c.rule) for c in u.changes] == [("重庆", "{chong2}{qing4}", f"lexicon {p}:3")]
    assert u.changes[0].start == 1 and u.changes[0].end == 3


def test_compiled_lexicon_is_reused():
    lex = {"重庆": "chong2 qing4"}
    assert compile_user(lex) is compile_user(dict(lex))


def test_shipped_lexicons_are_valid():
    from frontend.lexicon import _shipped_entries, extra, load
    assert len(_shipped_entries()) >= 6
    assert len(load(extra("brands"))) >= 8  # the opt-in brand list validates too


def test_load_returns_entries_with_lines(tmp_path):
    p = write(tmp_path, "en:\n  AI: EY1 AY1\n")
    (entry,) = load(p)
    assert entry.where == f"{p}:2" and entry.phones == (("EY1", "AY1"),)


def test_brand_lexicon_is_opt_in():
    from frontend.lexicon import extra
    # brand names stay as written by default (the model reads them; tests expect them kept)...
    assert norm("Nvidia的显卡", "zh") == "Nvidia的显卡"
    # ...and the shipped brand readings are one argument away
    assert norm("Nvidia的显卡", "zh", [extra("brands")]) == "{EH0 N V IH1 D IY0 AH0}的显卡"
    with pytest.raises(LexiconError, match="no such opt-in lexicon"):
        extra("nope")

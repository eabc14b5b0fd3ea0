"""Mixed Chinese/English text and utterance splitting on realistic documents (probe findings)."""
import frontend
from frontend import split


def _utts(text, lang=None, **kw):
    return list(frontend.process(text, lang, **kw))


def test_long_chinese_run_without_punctuation_is_cut_at_word_starts_into_even_parts():
    text = ("我们今天要讨论的问题是如何在保证教学质量的前提下进一步减轻学生的课业负担并且让每一个孩子都能够"
            "在轻松愉快的氛围中健康快乐地成长同时也要让家长和老师之间形成良好的沟通机制从而实现家校共育的目标")
    utts = _utts(text, "zh")
    assert len(utts) == 2
    sizes = [split.size(text[a:b], "zh") for a, b in (u.span for u in utts)]
    assert all(s <= 72 for s in sizes) and min(sizes) >= 30  # not 72 + a 23-character scrap
    assert utts[1].text.startswith("并且")  # the cut falls before a conjunction, never inside 老师
    assert "".join(text[u.span[0]:u.span[1]] for u in utts) == text


def test_long_chinese_run_is_never_cut_inside_a_word():
    text = "老师" * 60
    for u in _utts(text, "zh", max_chars=25):
        assert text[u.span[0]:u.span[1]].startswith("老师")


def test_hard_cut_never_splits_a_number_read_out():
    text = "城镇新增就业人口达到12345678人" * 6
    for u in _utts(text, "zh", max_chars=20):
        assert not u.text.startswith(("万", "千", "百", "十", "零")), u.text


def test_english_sentence_of_80_words_is_cut_into_even_parts_before_conjunctions():
    text = " ".join(["The quick brown fox jumps over the lazy dog while the farmer watches from the porch and"
                     " wonders"] * 4) + " why it keeps happening every single day of the week without any reason at all."
    utts = _utts(text, "en")
    sizes = [split.size(u.text, "en") for u in utts]
    assert len(utts) == 3 and all(20 <= s <= 40 for s in sizes), sizes
    assert all(u.text.split()[0] in {"while", "and", "why"} for u in utts[1:])


def test_one_letter_standard_codes_are_read_digit_by_digit():
    # before: 支持H.两百六十四 / H.two hundred sixty-four (a cardinal with a stray dot)
    assert frontend.normalize("支持H.264和H.265编码", "zh") == "支持H点二六四和H点二六五编码"
    assert frontend.normalize("X.509证书", "zh") == "X点五零九证书"
    assert frontend.normalize("It uses H.264 video.", "en") == "It uses H dot two six four video."
    assert frontend.normalize("见图A.1", "zh") == "见图A点一"
    # a sentence-final capital followed by a spaced number is no code
    assert "B. two thousand" in frontend.normalize("Plan B. 2024 was fine.", "en")


def test_weibo_topic_marks_are_not_read_but_a_number_sign_is():
    # before: 井号话题井号今天
    assert frontend.normalize("#话题#今天", "zh") == "话题今天"
    assert frontend.normalize("今天 #高考作文# 上热搜了", "zh") == "今天高考作文上热搜了"
    assert "井号" in frontend.normalize("我在GitHub上提交了PR #123", "zh")


def test_a_lone_capital_with_a_number_sign_is_a_language_name():
    # before: 我用C加加和C井号写代码
    assert frontend.normalize("我用C++和C#写代码", "zh").replace(" ", "") == "我用C加加和Csharp写代码"
    assert frontend.normalize("I write C# and F# code.", "en") == "I write C sharp and F sharp code."
    assert "井号" in frontend.normalize("AB#CD", "zh")

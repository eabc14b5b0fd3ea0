"""Fuzz: random text never raises, runs in linear time, and loses no Han character or Latin word."""
from __future__ import annotations

import collections
import random
import time

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontend

FAST = settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", 60)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
_HAN = regex.compile(r"\p{Han}")


@FAST
@given(st.text(max_size=200), st.sampled_from(["zh", "en", None]))
def test_random_unicode_never_raises(text, lang):
    frontend.normalize(text, lang)


NUMBERISH = "0123456789.,:;-/%$¥€£~+=×÷°℃²³ kmgsLhAV第年月日号点元个万"


@FAST
@given(st.text(alphabet=NUMBERISH, max_size=120), st.sampled_from(["zh", "en"]))
def test_number_soup_never_raises_and_zh_keeps_no_digits(text, lang):
    out = frontend.normalize(text, lang)
    if lang == "zh":
        assert not regex.search(r"[0-9%$¥€£+=×÷°℃]", out), out


# Han characters and Latin words (no Roman numerals, unit symbols or currency codes among them)
HAN_WORDS = ["学生", "参加", "你好", "运动会", "的", "是", "在", "数学", "老师", "问题", "天气", "苹果"]
LATIN_WORDS = ["apple", "Hello", "world", "data", "Zebra", "quick", "river", "Python", "story", "brown"]
GLUE = ["", " ", "，", "。", "！", "？", ",", ".", " - ", ":", "、", "（", "）", "“", "”", "\n", "**", "`", "😀", "👍🏽",
        "# ", "- ", "|", "[", "](", ")"]
NUMBERS = ["3", "2", "1,234", "-5", "3.5", "50%", "10:30", "3:2", "2024-03-05", "¥88", "$4.99", "20kg", "3-5", "第2",
           "11/15", "13912345678", "v2.0.1", "1st", "1999"]

token = st.one_of(st.sampled_from(HAN_WORDS), st.sampled_from(LATIN_WORDS), st.sampled_from(GLUE),
                  st.sampled_from(NUMBERS))


@FAST
@given(st.lists(token, max_size=40), st.sampled_from(["zh", "en"]))
def test_no_han_character_or_latin_word_is_lost(tokens, lang):
    text = "".join(tokens)
    out = frontend.normalize(text, lang)
    han_in = collections.Counter(_HAN.findall(text))
    han_out = collections.Counter(_HAN.findall(out))
    missing = {ch: n - han_out[ch] for ch, n in han_in.items() if han_out[ch] < n}
    assert not missing, (text, out)
    for word in LATIN_WORDS:
        assert out.count(word) >= text.count(word), (word, text, out)


def _elapsed(text: str, lang: str) -> float:
    t = time.perf_counter()
    frontend.normalize(text, lang)
    return time.perf_counter() - t


def test_100k_line_of_digits_and_symbols_runs_in_linear_time():
    rng = random.Random(7)
    line = "".join(rng.choice("0123456789.,:;-/%$¥~ ℃°+=×kgm²第年月日号") for _ in range(100_000))
    frontend.normalize(line[:1000], "zh")  # load the rules first
    for lang in ("zh", "en"):
        small = min(_elapsed(line[:25_000], lang) for _ in range(2))
        big = _elapsed(line, lang)
        assert big < 20, f"runaway: {big:.1f}s for 100 000 characters"  # a generous guard, not a benchmark
        assert big < 12 * small + 0.5, f"not linear: 25k {small:.2f}s, 100k {big:.2f}s"


def test_pathological_repeats_finish():
    for text in ("7" * 100_000, "1," * 50_000, "1." * 50_000, "1-" * 50_000, "1:" * 50_000, "**a*_" * 20_000,
                 "[a](b" * 20_000, "$1" * 50_000):
        assert _elapsed(text, "zh") < 20

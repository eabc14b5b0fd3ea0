"""Cantonese text normalisation: the reading rules of pronunciation.md §2, class by class."""
from __future__ import annotations

import random

import pytest

import frontend
from frontend import yue_numerals


def yue(text: str) -> str:
    return frontend.normalize(text, "yue")


def check(cases):
    for text, expected in cases:
        out = yue(text)
        allowed = expected if isinstance(expected, tuple) else (expected,)
        assert out in allowed, f"{text!r} -> {out!r}, expected {allowed[0]!r}"


# ---- 兩 vs 二 ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("佢養咗2隻貓", "佢養咗兩隻貓"),
    ("買咗2本書", "買咗兩本書"),
    ("等咗2分鐘", "等咗兩分鐘"),
    ("細佬2歲", "細佬兩歲"),
    ("坐2個鐘", "坐兩個鐘"),
    ("佢讀咗2年", "佢讀咗兩年"),
    ("我去咗2個月", "我去咗兩個月"),
    ("貴咗2倍", "貴咗兩倍"),
    ("2日遊", "兩日遊"),
    ("其中2個唔識", "其中兩個唔識"),
    ("每週2次", "每週兩次"),
    ("佢哋有2萬人", "佢哋有兩萬人"),
    ("要2千", "要兩千"),
])
def test_two_counting_something_is_loeng(text, expected):
    assert yue(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("佢住2樓", "佢住二樓"),
    ("去2號出口", "去二號出口"),
    ("第2個問題", "第二個問題"),
    ("佢考第2名", "佢考第二名"),
    ("星期2見", "星期二見"),
    ("佢讀中2", "佢讀中二"),
    ("2月好凍", "二月好凍"),
    ("5月2日", "五月二日"),
    ("比分2比1", "比分二比一"),
    ("答案係2", "答案係二"),
    ("佢今年12歲", "佢今年十二歲"),
    ("有22個人", "有二十二個人"),
    ("跑咗2.5公里", "跑咗二點五公里"),
])
def test_two_as_label_digit_or_tens_is_ji(text, expected):
    assert yue(text) == expected


def test_leading_two_before_hundred_thousand_is_loeng_unless_a_label():
    check([("呢度有200人", "呢度有兩百人"), ("2,000個位", "兩千個位"), ("22000", "兩萬二千"),
           ("住200號", "住二百號"), ("1200個", "一千二百個")])


# ---- cardinals, decimals, negatives --------------------------------------------------------

def test_cardinals_keep_yat_sap_after_a_higher_digit_and_zero_gaps():
    check([("有110個", "有一百一十個"), ("3,012人", "三千零一十二人"), ("10個", "十個"),
           ("1,000,000人", "一百萬人"), ("105間", "一百零五間"), ("16歲", "十六歲")])


def test_thousands_separators_are_numbers_not_lists():
    check([("佢賺咗1,234,567", "佢賺咗一百二十三萬四千五百六十七"), ("1,2,3", "一,二,三")])


def test_decimals_use_dim_and_negatives_fu():
    check([("0.25", "零點二五"), ("95.5分", "九十五點五分"), ("3.14", "三點一四"), ("-7", "負七"),
           ("溫度-0.5", "溫度負零點五"), ("1.5萬", "一點五萬")])


def test_gei_and_some_is_kept():
    check([("佢20幾歲", "佢二十幾歲"), ("300幾蚊", ("三百幾蚊",)), ("200幾個位", ("兩百幾個位", "二百幾個位"))])


# ---- time --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("3:05", "三點零五分"),
    ("10:30", "十點半"),
    ("2:00", "兩點"),
    ("2:30", "兩點半"),
    ("8:17", "八點十七分"),
    ("12:45", "十二點四十五分"),
    ("14:30開會", "十四點半開會"),
    ("0:15", "零點十五分"),
    ("9:05:07", "九點零五分零七秒"),
    ("3:15pm", "下晝三點十五分"),
    ("7:45 a.m.", "朝早七點四十五分"),  # probe 12: 朝早 before 10am, 上晝 later
    ("10:45 a.m.", "上晝十點四十五分"),
    ("10:30-11:30開會", "十點半至十一點半開會"),
    ("2點15分", "兩點十五分"),
    ("3點05分", "三點零五分"),
    ("11點幾", "十一點幾"),
])
def test_clock_times(text, expected):
    assert yue(text) == expected


def test_zi_minute_style_is_a_rule_option(tmp_path):
    (tmp_path / "yue").mkdir()
    (tmp_path / "yue" / "readings.yaml").write_text("time:\n  minute_style: zi_ge\n", encoding="utf-8")
    frontend.set_rules_dir(tmp_path)
    try:
        check([("3:15", "三點三個字"), ("7:45", "七點九個字"), ("8:17", "八點十七分"), ("10:30", "十點半")])
    finally:
        frontend.set_rules_dir(None)
    assert yue("3:15") == "三點十五分"


def test_ratio_and_score_are_not_times():
    check([("2:1", "二比一"), ("3:2勝出", "三比二勝出"), ("25:3", "二十五比三")])


# ---- money -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("$18", "十八蚊"),
    ("$2", "兩蚊"),
    ("$0.2", "兩毫"),
    ("$0.5", "五毫"),
    ("$5.5", "五蚊半"),
    ("$2.5", "兩蚊半"),
    ("$1.2", "一蚊二"),
    ("$3.50", "三蚊半"),
    ("$10.00", "十蚊"),
    ("$1,500", "一千五百蚊"),
    ("$2,000", "兩千蚊"),
    ("$2萬", "兩萬蚊"),
    ("$3k", "三千蚊"),
    ("$1.5億", "一點五億蚊"),
    ("HK$300", "三百蚊"),
    ("HKD 200", "兩百蚊"),
    ("200 HKD", "兩百蚊"),
    ("US$100", "一百美元"),
    ("US$2.5", "二點五美元"),
    ("¥35", "人民幣三十五元"),
    ("€20", "二十歐元"),
    ("$5-$10", "五蚊至十蚊"),
    ("$5-10", "五蚊至十蚊"),
    ("賣$99.9", "賣九十九蚊九"),
])
def test_money_hong_kong_dollars_and_explicit_currencies(text, expected):
    assert yue(text) == expected


def test_dollar_is_never_read_as_us_dollars_in_cantonese():
    assert "美" not in yue("呢杯咖啡$38")


# ---- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2024年", "二零二四年"),
    ("1997年7月1日", "一九九七年七月一日"),
    ("2000年", "二零零零年"),
    ("2月14日", "二月十四日"),
    ("12月2號", "十二月二號"),
    ("25/12/2023", "二零二三年十二月二十五日"),
    ("1/7/1997", "一九九七年七月一日"),
    ("31.12.2024", "二零二四年十二月三十一日"),
    ("2023-07-01", "二零二三年七月一日"),
    ("2023/7/1", "二零二三年七月一日"),
    ("12/25/2023", "二零二三年十二月二十五日"),
    ("5/3（星期三）", "三月五日（星期三）"),
    ("2023-2024年度", "二零二三至二零二四年度"),
    ("80年代", "八十年代"),
    ("21世紀", "二十一世紀"),
])
def test_dates_hong_kong_order_and_years_digit_by_digit(text, expected):
    assert yue(text) == expected


# ---- percent, fractions, ranges, ordinals ------------------------------------------------

def test_percent_fraction_range_ordinal():
    check([("50%", "百分之五十"), ("2%", "百分之二"), ("12.5%", "百分之十二點五"), ("-3%", "負百分之三"),
           ("10-20%", "百分之十至百分之二十"), ("3‰", "千分之三"), ("2/3", "三分之二"), ("1/2", "二分之一"),
           ("2至3個", "兩至三個"), ("2-3個", "兩至三個"), ("2到3杯", "兩到三杯"), ("6-12歲", "六至十二歲"),
           ("第22屆", "第二十二屆"), ("第1", "第一")])


# ---- units -------------------------------------------------------------------------------

def test_units():
    check([("重50kg", "重五十公斤"), ("2kg", "兩公斤"), ("限速60km/h", "限速每小時六十公里"),
           ("100m", "一百米"), ("20m²", "二十平方米"), ("500ml", "五百毫升"), ("30℃", "三十度"),
           ("-5℃", "零下五度"), ("10~20℃", "十至二十度"), ("36.5°C", "三十六點五度"), ("4G", "四G"),
           ("90°", "九十度"), ("2 min", "兩分鐘")])


# ---- digit strings -----------------------------------------------------------------------

def test_digit_strings_read_one_as_yat_never_yiu():
    check([("打9123 4567", "打九一二三四五六七"), ("電話：2345-6789", "電話：二三四五六七八九"),
           ("+852 9876 5432", "八五二九八七六五四三二"), ("熱線 1823", "熱線一八二三"),
           ("密碼係0112", "密碼係零一一二"), ("住1101室", "住一一零一室"), ("A380", "A三八零"),
           ("編號 110", "編號一一零"), ("坐968號巴士", "坐九六八號巴士"), ("搭2號巴士", "搭二號巴士"), ("12345678", "一二三四五六七八")])
    assert "幺" not in yue("電話 11111111")


def test_versions_and_models():
    check([("2.0.1版", "二點零點一版"), ("iPhone 15", "iPhone十五")])


# ---- script ------------------------------------------------------------------------------

def test_inserted_characters_follow_the_script_of_the_input():
    assert yue("我哋2個人，3點半，$1.5萬") == "我哋兩個人，三點半，一點五萬蚊"
    assert yue("我哋2个人，3点半见") == "我哋两个人，三点半见"
    assert yue("我哋有2万个") == "我哋有两万个"
    assert yue("佢嚟咗2次，喺度等咗2.5個鐘") == "佢嚟咗兩次，喺度等咗二點五個鐘"


def test_users_characters_are_never_converted():
    text = "佢系唔系去咗後面嗰度？呢啲嘢好靚，吓"
    assert yue(text) == text
    assert yue("你哋两个喺邊度") == "你哋两个喺邊度"  # mixed script input stays mixed


def test_full_width_digits_are_numbers():
    check([("２個人", "兩個人"), ("３：１５", "三點十五分")])


def test_english_words_stay():
    check([("book咗7點半嘅枱", "book咗七點半嘅枱"), ("send咗2個email", "send咗兩個email"),
           ("Happy Hour飲2杯", "Happy Hour飲兩杯")])


# ---- robustness --------------------------------------------------------------------------

def test_explain_names_the_rule_of_each_change():
    utt = frontend.process("佢有2個，$5.5，3:15", "yue", explain=True)[0]
    rules = {c.before: c.rule for c in utt.changes}
    assert rules == {"2": "yue.cardinal", "$5.5": "yue.money", "3:15": "yue.time"}


def test_random_number_text_leaves_no_digit_and_loses_no_han_character():
    rng = random.Random(7)
    alphabet = list("佢哋嘅咗有人個點號月日年第星期:$%/.,-~ 0123456789") + ["kg", "HK$", "US$", "pm", "℃", "，", "至"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        out = yue(text)
        assert not any(c.isascii() and c.isdigit() for c in out), f"{text!r} -> {out!r}"
        for ch in "佢哋嘅咗有人":
            assert out.count(ch) >= text.count(ch), f"{text!r} -> {out!r} lost {ch}"


def test_numerals_helpers():
    assert yue_numerals.yue_int("20000") == "二萬"
    assert yue_numerals.yue_int("2", liang=True) == "兩"
    assert yue_numerals.yue_digits("0101") == "零一零一"
    assert yue_numerals.yue_number("-2.50") == "負二點五零"


def test_negative_before_degrees_is_below_zero():
    check([("今日-3度", "今日零下三度"), ("-2度", ("零下兩度", "零下二度")), ("-7", "負七")])


def test_rule_file_errors_name_file_and_line(tmp_path):
    from frontend.rules import RuleError
    (tmp_path / "yue").mkdir()
    (tmp_path / "yue" / "readings.yaml").write_text(
        "words:\n  percent: '百分之{x}'\n", encoding="utf-8")
    frontend.set_rules_dir(tmp_path)
    try:
        with pytest.raises(RuleError, match=r"readings\.yaml:2: .*\{x\}"):
            yue("50%")
    finally:
        frontend.set_rules_dir(None)
    assert yue("50%") == "百分之五十"


def test_dialled_numbers_names_and_day_month_dates():
    check([("打咗999報警", "打咗九九九報警"), ("打咗100次", "打咗一百次"), ("call 1823", "call一八二三"),
           ("去7-11買嘢", "去七十一買嘢"), ("7-11個人", "七至十一個人"),
           ("31/12開party", "十二月三十一日開party"), ("3/4嘅時間", "四分之三嘅時間"), ("10/10", "十分之十"),
           ("人民幣¥100", "人民幣一百元")])


def test_hours_with_am_pm_formal_hours_and_english_ordinals():
    check([("3pm見", "下晝三點見"), ("2 PM", "下晝兩點"), ("下午2時開會", "下午兩時開會"),
           ("佢攞咗2nd", "佢攞咗第二"), ("3rd", "第三")])

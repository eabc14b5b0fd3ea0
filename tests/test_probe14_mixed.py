"""Probe round 14: Chinese sentences mixed with English product and tech terms."""
import pytest

import frontend


def zh(text: str) -> str:
    return frontend.normalize(text, lang="zh")


@pytest.mark.parametrize("text, expected", [
    # the dot of a file name in Chinese text is said 点, never left as a bare symbol
    ("请打开README.md和report.pdf。", "请打开README点md和report点pdf。"),
    ("把合同.docx发我", "把合同点docx发我"),
    ("下载setup.exe安装", "下载setup点exe安装"),
    ("文件名是report_v2.pdf。", "文件名是report下划线v二点pdf。"),
    # a 4K/2K display or video before a frame or refresh rate: the letter K, not 四千
    ("这款游戏支持4K 60帧。", "这款游戏支持四K六十帧。"),
    ("这台显示器是27寸2K 165Hz。", "这台显示器是二十七寸二K一百六十五赫兹。"),
    ("佳能R5拍4K 120帧视频。", "佳能R五拍四K一百二十帧视频。"),
])
def test_mixed_tech_terms(text, expected):
    assert zh(text) == expected
    assert frontend.normalize(text) == expected  # auto-detected as Chinese


@pytest.mark.parametrize("text, expected", [
    # already right before this round; kept as a guard
    ("用iPhone 15 Pro Max拍的4K视频", "用iPhone十五Pro Max拍的四K视频"),
    ("Python 3.12安装失败，报错404。", "Python三点一二安装失败，报错四百零四。"),
    ("笔记本配了1TB SSD和RTX 4060显卡。", "笔记本配了一TB SSD和RTX四零六零显卡。"),
    ("618大促今晚8点开始。", "六一八大促今晚八点开始。"),
    ("请看Excel表格第3行。", "请看Excel表格第三{hang2}。"),
    ("10:00准时开抢，先到先得。", "十点准时开抢，先到先得。"),
    ("标配65W快充，30分钟充到80%。", "标配六十五瓦快充，三十分钟充到百分之八十。"),
    ("有问题请发邮件到abc@qq.com。", "有问题请发邮件到abc艾特qq点com。"),
])
def test_mixed_guards(text, expected):
    assert zh(text) == expected


@pytest.mark.parametrize("text, expected", [
    # counter-examples: a website is not a file; a decimal before a non-extension stays a number
    ("请访问www.example.com了解详情。", "请访问www点example点com了解详情。"),
    ("版本号是2.5，不是pdf。", "版本号是二点五，不是pdf。"),
    ("月薪2.5K", "月薪两千五百"),          # a decimal K is still the shorthand for thousand
    ("预算15K左右", "预算一万五千左右"),    # two digits before K: an amount
])
def test_counter_examples(text, expected):
    assert zh(text) == expected


def test_english_keeps_dot_word():
    assert "README dot md" in frontend.normalize("Open README.md first.", lang="en")


@pytest.mark.parametrize("text, expected", [
    # two numbers of a spec sheet separated by a space must not run together (DDR五六千 = 5-6 thousand)
    ("内存条DDR5 6000MHz。", "内存条DDR五，六千兆赫兹。"),
    ("RTX 3060 12G显卡。", "RTX三零六零，十二G显卡。"),
    ("Windows 11 23H2更新", "Windows十一，二十三H二更新"),
    ("华为Mate 60 5G版", "华为Mate六十，五G版"),
])
def test_spaced_numbers_stay_apart(text, expected):
    assert zh(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("价格在2000 3000元之间。", "价格在两千三千元之间。"),  # no model name or unit letter: left alone
    ("2023年 10月1日", "二零二三年十月一日"),
])
def test_spaced_numbers_counter_examples(text, expected):
    assert zh(text) == expected


def test_thousands_group_gets_no_comma():
    assert "，" not in zh("人口1 000 000")  # a thousands group is one number


@pytest.mark.parametrize("text, expected", [
    # an account name with digits is typed in: the underscore is said and the digits are a code
    ("加我微信：abc_123。", "加我微信：abc下划线幺二三。"),
    ("微信号wxid_abc2024。", "微信号wxid下划线abc二零二四。"),
    ("用户名是user_01。", "用户名是user下划线零幺。"),
    # counter-examples: code words without digits stay words; subscripts stay math
    ("变量user_id为空", "变量user id为空"),
    ("x_1加x_2", "x一加x二"),
])
def test_account_names(text, expected):
    assert zh(text) == expected


def test_english_identifier_unchanged():
    assert frontend.normalize("Open user_01 now", lang="en") == "Open user zero one now"


@pytest.mark.parametrize("text, expected", [
    # a model suffix word after the number keeps the digit-by-digit model reading
    ("RTX 4060 Ti和RX 7600哪个好？", "RTX四零六零Ti和RX七六零零哪个好？"),
    ("RX 7900 XT显卡", "RX七九零零XT显卡"),
    # counter-examples: a unit after the number makes it a measure
    ("电池5000 mAh", "电池五千毫安时"),
    ("iPhone 2000元", "iPhone两千元"),
])
def test_model_number_before_suffix_word(text, expected):
    assert zh(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a camera sensor size: one over a decimal (the slash used to vanish: 一一点三)
    ("1/1.3英寸大底。", "一点三分之一英寸大底。"),
    ("1/2.3英寸传感器", "二点三分之一英寸传感器"),
    # counter-example: an ordinary fraction is unchanged
    ("3/4", "四分之三"),
])
def test_sensor_size_fraction(text, expected):
    assert zh(text) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("f/1.8大光圈。", "zh", "f一点八大光圈。"),
    ("光圈f/2", "zh", "光圈f二"),
    ("Shot at f/8 with a 50mm lens.", "en", "Shot at f eight with a fifty millimeter lens."),
    # counter-examples: a whole f-number without a camera word stays a formula
    ("设f/2=3", "zh", "设二分之f等于三"),
    ("f/2 is half of f.", "en", "f over two is half of f."),
])
def test_aperture(text, lang, expected):
    assert frontend.normalize(text, lang=lang) == expected


def test_dotnet_keeps_no_bare_dot():
    out = zh("用.NET开发的。")
    assert "." not in out and "N EH1 T" in out

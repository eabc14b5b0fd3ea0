"""Everyday Mandarin number lines, third native-speaker probe (shopping festivals, rates, sports, dates)."""
import pytest

import frontend
from scoring import frontend_case_key

CASES = [
    # a shopping-festival date is named digit by digit
    ("618大促马上开始", "六一八大促马上开始"),
    ("1111购物节", "一一一一购物节"),
    # a rate or a per-share / unit price is a decimal, not 元角分; a plain price keeps 元角分
    ("美元兑人民币汇率7.12元", "美元兑人民币汇率七点一二元"),
    ("该股股价12.35元", "该股股价十二点三五元"),
    ("今日报收15.20元", "今日报收十五点二元"),
    ("单价2.5元", "单价二点五元"),
    ("售价99.9元", "售价九十九元九角"),
    ("股价大跌，他只剩下3.5元", "股价大跌，他只剩下三元五角"),
    ("共计12,345.5元", "共计一万二千三百四十五元五角"),
    ("汇率1,234.5元", "汇率一千二百三十四点五元"),
    # a relay is legs 乘 distance (never the product 乘以); a bare product keeps 乘以
    ("男子4×100米接力", "男子四乘一百米接力"),
    ("中国队获得4x100m混合泳接力冠军", "中国队获得四乘一百米混合泳接力冠军"),
    ("4×100=400", "四乘以一百等于四百"),
    # after a seat / gate word a number with one capital is a label, not amperes or bytes
    ("他的座位号是12A", "他的座位号是十二A"),
    ("我坐12A，他坐12B", "我坐十二A，他坐十二B"),
    ("请到登机口5B登机", "请到登机口五B登机"),
    ("充电电流2A", "充电电流两安"),
    ("插座额定电流10A", "插座额定电流十安"),
    # a range takes the 两 rule from the word after it
    ("发货需要2~3天", "发货需要两到三天"),
    ("每天2-3小时", "每天两到三小时"),
    ("200-300人参加", "两百到三百人参加"),
    ("1-2年级", "一到二年级"),
    ("2-3月", "二到三月"),
    # a one-decimal discount is said digit by digit
    ("全场打7.5折", "全场打七五折"),
    ("会员9.5折，非会员8折", "会员九五折，非会员八折"),
    # a dotted month.day is a date only after a date word, and never before a unit
    ("本次活动时间为3.15-3.20", "本次活动时间为三月十五日到三月二十日"),
    ("活动日期：3.15", "活动日期：三月十五日"),
    ("截至3.31，共售出500张", "截至三月三十一日，共售出五百张"),
    ("时间为3.5小时", "时间为三点五小时"),
    ("价格低于3.15", "价格低于三点一五"),
    # ′ ″ with a time word or 12+ after the mark are minutes and seconds; a height stays feet and inches
    ("耗时3'25\"", "耗时三分二十五秒"),
    ("他的成绩是1′05″", "他的成绩是一分零五秒"),
    ("长2'30\"", "长两分三十秒"),
    ("身高5'11\"", "身高五英尺十一英寸"),
    # e-notation is the number it stands for (as 1×10⁻⁵), with its unit; a glued word is no number
    ("学习率设为1e-5", "学习率设为一乘以十的负五次方"),
    ("阿伏伽德罗常数约6.02E23", "阿伏伽德罗常数约六点零二乘以十的二十三次方"),
    ("浓度为2e-3 mol/L", "浓度为二乘以十的负三次方摩尔每升"),
    ("0x1e5", "零x一e五"),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_zh_everyday_reading(text, expected):
    out = frontend.normalize(text, "zh")
    assert frontend_case_key(out) == frontend_case_key(expected), out


def test_en_relay():
    assert frontend_case_key(frontend.normalize("He won the 4×100m relay.", "en")) == \
        frontend_case_key("He won the four by one hundred meter relay.")


def test_en_e_notation():
    out = frontend.normalize("Set the learning rate to 1e-5. It weighs 3e8 kg, about 2e3 apples.", "en")
    assert frontend_case_key(out) == frontend_case_key(
        "Set the learning rate to one times ten to the power of negative five. It weighs three times ten to the "
        "power of eight kilograms, about two times ten to the power of three apples."), out


def test_en_seat_label():
    out = frontend.normalize("My seat is 12A, gate 5B. The charger gives 2A.", "en")
    assert frontend_case_key(out) == frontend_case_key(
        "My seat is twelve A, gate five B. The charger gives two amperes."), out


def test_en_minutes_seconds():
    out = frontend.normalize("He is 5'11\" and ran it in 3'45\".", "en")
    assert frontend_case_key(out) == frontend_case_key(
        "He is five feet eleven inches and ran it in three minutes forty-five seconds."), out

"""Everyday Mandarin number lines found by a native-speaker probe (news, shopping, weather, notices)."""
import pytest

import frontend
from scoring import frontend_case_key

CASES = [
    # a unit takes the cardinal 两 rule too: 两百瓦 like 满两百减三十
    ("这台电脑功率200W", "这台电脑功率两百瓦"),
    ("电池容量2000mAh", "电池容量两千毫安时"),
    ("加热到200℃", "加热到二百摄氏度"),
    # a slash between two readings is read (never dropped); a unit after a fraction is read
    ("血压120/80mmHg", "血压一百二十比八十毫米汞柱"),
    ("血压140/90", "血压一百四十比九十"),
    ("收缩压140mmHg", "收缩压一百四十毫米汞柱"),
    ("厚3/4cm", "厚四分之三厘米"),
    ("3/2", "二分之三"),
    # codes: more number-label words, licence plates (the · is no product)
    ("房间号是302", "房间号是三零二"),
    ("门牌号为1205", "门牌号为幺二零五"),
    ("车牌京A·12345", "车牌京A幺二三四五"),
    ("车牌号是沪B 88888", "车牌号是沪B八八八八八"),
    ("一辆粤B8888D的车", "一辆粤B八八八八D的车"),
    ("F=m·a", "F等于m乘以a"),
    # a negative 度 near a temperature word is 零下; elsewhere (an angle) 负
    ("温度降到-3.5度", "温度降到零下三点五度"),
    ("夜间最低-8度，有小雪", "夜间最低零下八度，有小雪"),
    ("向左旋转-30度", "向左旋转负三十度"),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_zh_everyday_reading(text, expected):
    out = frontend.normalize(text, "zh")
    assert frontend_case_key(out) == frontend_case_key(expected), out


EN_CASES = [
    ("Blood pressure was 120/80 mmHg.", "blood pressure was one hundred twenty over eighty millimeters of mercury"),
    ("Add 3/4 cm.", "add three quarters of a centimeter"),
    ("It is 1/2 km away.", "it is half a kilometer away"),
]


@pytest.mark.parametrize("text,expected", EN_CASES, ids=[c[0] for c in EN_CASES])
def test_en_fraction_with_unit(text, expected):
    out = frontend.normalize(text, "en")
    assert frontend_case_key(out) == frontend_case_key(expected), out

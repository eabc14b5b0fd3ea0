"""Everyday Mandarin number lines found by a native-speaker probe (news, shopping, weather, notices)."""
import pytest

import frontend
from scoring import frontend_case_key

CASES = [
    # a unit takes the cardinal 两 rule too: 两百瓦 like 满两百减三十
    ("这台电脑功率200W", "这台电脑功率两百瓦"),
    ("电池容量2000mAh", "电池容量两千毫安时"),
    ("加热到200℃", "加热到二百摄氏度"),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_zh_everyday_reading(text, expected):
    out = frontend.normalize(text, "zh")
    assert frontend_case_key(out) == frontend_case_key(expected), out

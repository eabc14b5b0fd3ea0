"""More number readings found by probing realistic lines (news, shopping, schedules, tech).
Compared the way the example cases are: punctuation and spaces removed, case-insensitive."""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

CASES = [
    # English years after range words are read as years on both ends
    ("en", "from 2010 to 2020", "from twenty ten to twenty twenty"),
    ("en", "between 2015 and 2019", "between twenty fifteen and twenty nineteen"),
    ("en", "Revenue grew in Q3 2023.", "revenue grew in Q three twenty twenty-three"),
    ("en", "of 1500 students", "of one thousand five hundred students"),
    # two-digit decades with a cue; bare 90s stays seconds
    ("en", "music of the 90s", "music of the nineties"),
    ("en", "in the early 80s", "in the early eighties"),
    ("en", "back in the '60s", "back in the sixties"),
    ("en", "ran it in 90s", "ran it in ninety seconds"),
    # a dash between two numbers: scores after a result word (names may come between), even odds
    ("en", "Win 3-2", "win three to two"),
    ("en", "The Yankees defeated the Red Sox 7-3.", "the yankees defeated the red sox seven to three"),
    ("en", "It's a 50-50 chance.", "it's a fifty-fifty chance"),
    ("en", "Subtract: 15-9", "subtract fifteen minus nine"),
    # dashed codes: toll-free numbers with the leading 1, ISBN-like serials
    ("en", "Call 1-800-555-0199 now", "call one eight zero zero five five five zero one nine nine now"),
    ("en", "ISBN 978-7-111-12345-6", "ISBN nine seven eight seven one one one one two three four five six"),
    # capitals glued to 3+ digits: trains, flights, standards, models are read digit by digit
    ("zh", "乘坐K123次列车", "乘坐K幺二三次列车"),
    ("zh", "航班CA1234将于14:05起飞", "航班CA幺二三四将于十四点零五分起飞"),
    ("zh", "通过ISO9001认证", "通过ISO九零零幺认证"),
    ("zh", "参加G20峰会", "参加G二十峰会"),
    ("zh", "PM2.5浓度", "PM二点五浓度"),
    ("en", "Flight BA123 departs", "flight BA one two three departs"),
    # model years and editions, video resolutions
    ("zh", "2024款车型", "二零二四款车型"),
    ("zh", "2020版教材", "二零二零版教材"),
    ("zh", "第2版第3次印刷", "第二版第三次印刷"),
    ("zh", "支持1080P高清", "支持一零八零P高清"),
    ("en", "a 1080p video", "a ten eighty p video"),
    # 夜/晚 take 两; wide ratios; W/V before Han
    ("zh", "3天2夜", "三天两夜"),
    ("zh", "1:1000比例尺", "一比一千比例尺"),
    ("zh", "按1.5:1的比例", "按一点五比一的比例"),
    ("zh", "14:30开会", "十四点三十分开会"),
    ("zh", "12V电池", "十二伏电池"),
    ("zh", "5A级景区", "五A级景区"),
    ("zh", "书号ISBN 978-7-111-12345-6", "书号ISBN九七八七幺幺幺幺二三四五六"),
]


@pytest.mark.parametrize("lang,text,expect", CASES)
def test_reading(lang, text, expect):
    assert frontend_case_key(frontend.normalize(text, lang)) == frontend_case_key(expect)

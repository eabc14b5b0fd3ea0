"""Mandarin readings found by a third probe of worksheet/exam lines (geometry, equations, arithmetic).

Compared like the example set (tests/scoring.py): whitespace and punctuation are ignored.
"""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

ZH = [
    # a minus beside a bare fraction is subtraction (it used to vanish as a 'range' dash)
    ("7/8−3/8", "八分之七减八分之三"),
    ("计算1/2-1/3", "计算二分之一减三分之一"),
    ("2-1/2", "二减二分之一"),
    ("2023/10/1-2023/10/5", "二零二三年十月一日到二零二三年十月五日"),  # a slash date range stays a range
    ("3-5岁", "三到五岁"),
    # a bracketed digit fraction raised to a power: textbook 二分之一的平方, like (-2)³
    ("(1/2)²=1/4", "二分之一的平方等于四分之一"),
    ("(-2/3)²", "负三分之二的平方"),
    ("$\\left(\\frac{2}{3}\\right)^{2}$", "三分之二的平方"),
    # a bracketed lone signed number as an operand: 负三乘以负四, 五减负三 (textbook reading)
    ("(-3)×(-4)=12", "负三乘以负四等于十二"),
    ("5+(-3)", "五加负三"),
    ("(-0.5)÷(+2)", "负零点五除以正二"),
    ("(-2x)×3", "括号负二x括号乘以三"),  # a compound keeps its audible brackets
    # recurring decimals: dots over the first and last digit of the repetend
    ("0.3̇", "零点三，三循环"),
    ("2.34̇5̇", "二点三四五，四五循环"),
    ("0.1̇23̇=41/333", "零点一二三，一二三循环等于三百三十三分之四十一"),
    ("-1.6̇", "负一点六，六循环"),
    # a digit's '!' glued to an operator is a factorial
    ("计算：5!+3!", "计算：五的阶乘加三的阶乘"),
    ("2×4!", "二乘以四的阶乘"),
    ("考了100!太好了", "考了一百!太好了"),
    # a bracket pair the words call an interval (区间[0,3], 在(0,1)上); 区间 is said once
    ("y=x²-2x+3在[0,3]上的最大值", "y等于x的平方减二x加三在闭区间零到三上的最大值"),
    ("f(x)在(0,1)上单调递增", "f x在开区间零到一上单调递增"),
    ("在区间[1,2)上", "在左闭右开区间一到二上"),
    ("函数在区间(-∞,0)上递减", "函数在开区间负无穷大到零上递减"),
    ("在(1,2)处的切线", "在一，二处的切线"),  # a point, not an interval
    ("见文献[1,2]", "见文献一，二"),  # a citation
    # the arc mark after its end points is the arc all the same (and 弧 is not said twice)
    ("弧AB⌒的度数", "弧AB的度数"),
    ("AB⌒=CD⌒", "弧AB等于弧CD"),
    ("(a/b)²", "括号b分之a括号的平方"),  # letters keep their brackets (b分之a的平方 also reads a²/b)
]


def test_en_recurring_decimal():
    assert frontend_case_key(frontend.normalize("0.1̇2̇", "en")) == frontend_case_key("zero point one two, one two repeating")


@pytest.mark.parametrize("text, spoken", ZH)
def test_zh(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "zh")) == frontend_case_key(spoken)

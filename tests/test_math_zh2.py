"""Mandarin readings found by a second probe of textbook/exam lines (vectors, roots, number sets, ...).

Compared like the example set (tests/scoring.py): whitespace and punctuation are ignored.
"""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

ZH = [
    # (-a)ⁿ with a plain atom: textbooks read 负2的3次方 / 负二的立方, no spoken brackets
    ("(-2)³=-8", "负二的立方等于负八"),
    ("(-x)²", "负x的平方"),
    ("(-2x)²", "括号负二x括号的平方"),  # compound base keeps its audible brackets
    # a raised index before √ is the root's index
    ("³√27=3", "三次根号下二十七等于三"),
    ("⁴√16=2", "四次根号下十六等于二"),
    # Δ typed for the triangle sign before three vertex letters
    ("ΔABC∽ΔDEF", "三角形ABC相似于三角形DEF"),
    ("Δ=b²-4ac", "德尔塔等于b的平方减四ac"),
    # plain N*, Z* are number sets, not 'N times'
    ("n∈N*", "n属于正整数集"),
    ("x∈Z*，x≠1", "x属于非零整数集，x不等于一"),
    # a curve's name before its equation is a label, not a ratio
    ("直线l: y=kx+b", "直线l，y等于kx加b"),
    ("直线l:y=kx+1与圆C:x²+y²=4相交", "直线l，y等于kx加一与圆C，x的平方加y的平方等于四相交"),
    ("x:y=3", "x比y等于三"),
    ("a:b=2:3", "a比b等于二比三"),
    # braces around equations are a system, not a set; {x∈R|...} is a set-builder
    ("解方程组{x+y=5, x-y=1}", "解方程组x加y等于五，x减y等于一"),
    ("{x∈R|x>0}", "满足x属于R，x大于零的x的集合"),
    ("{1,2,3}", "集合一，二，三"),
    # the dot between two vectors is the dot product; |vector| is its length (模)
    ("→AB·→AC=0", "向量AB点乘向量AC等于零"),
    ("$\\vec{AB}\\cdot\\vec{AC}=0$", "向量AB点乘向量AC等于零"),
    ("$|\\vec{a}|=2$", "向量a的模等于二"),
    ("已知|→a|=2，|→b|=3", "已知向量a的模等于二，向量b的模等于三"),
    ("2·3=6", "二乘以三等于六"),
    ("|x-1|<2", "x减一的绝对值小于二"),
    # a camel-case product name with a model tag is not a subtraction
    ("在平面直角坐标系xOy中", "在平面直角坐标系xOy中"),
    ("ChatGPT-4o很强", "ChatGPT四o很强"),
    ("iPhone-15发布", "iPhone十五发布"),
]


@pytest.mark.parametrize("text, spoken", ZH)
def test_zh(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "zh")) == frontend_case_key(spoken)

"""More math readings found by probing textbook-style lines (complements, ½, ~, ...).

Compared like the example set (tests/scoring.py): whitespace and punctuation are ignored.
"""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

ZH = [
    # complement of a set: ∁ᵤA, ∁_U A, LaTeX \complement, and flat plain-text ∁UA
    ("∁ᵤA", "A在U中的补集"),
    ("∁_U A", "A在U中的补集"),
    ("∁UA={x|x<0}", "A在U中的补集等于满足x小于零的x的集合"),
    ("$\\complement_U A$", "A在U中的补集"),
    ("∁A", "A的补集"),
    # fraction characters
    ("S=½ah", "S等于二分之一ah"),
    ("¼+¾=1", "四分之一加四分之三等于一"),
    ("加入½杯水", "加入二分之一杯水"),
    # ~ : similar triangles, a distribution, and (left to tn) a range
    ("△ABC~△DEF", "三角形ABC相似于三角形DEF"),
    ("X~N(μ,σ²)", "X服从N括号缪，西格玛的平方括号"),
    ("X~B(10,0.3)", "X服从B括号十，零点三括号"),
    ("3~5岁", "三到五岁"),
    # probability: P(A)/P(B) divides two calls; P(A|B) is conditional, not an absolute value
    ("P(A|B)=P(AB)/P(B)", "P括号A竖线B括号等于P B分之P AB"),
    ("P(A∪B)=P(A)+P(B)-P(AB)", "P括号A并B括号等于P A加P B减P AB"),
    ("E(X)=np，D(X)=np(1-p)", "E X等于np，D X等于np括号一减p括号"),
    ("点P(1,2)在直线上", "点P，一逗号二在直线上"),  # a named point: coordinates without 括号 (tests/test_leftovers.py)
    # an ellipsis inside a sum is 一直加到, not the punctuation name 省略号
    ("1+2+3+…+100=5050", "一加二加三一直加到一百等于五千零五十"),
    ("$S_n=a_1+a_2+\\cdots+a_n$", "S n等于a一加a二一直加到an"),
    ("1+2+...+100", "一加二一直加到一百"),
]

EN = [
    ("△ABC ~ △DEF", "triangle ABC is similar to triangle DEF"),
    ("X ~ N(0, 1)", "X follows N of zero, one"),
    ("∁ᵤA", "the complement of A in U"),
    ("S=½ah", "S equals one half a h"),
    ("1+2+3+...+n", "one plus two plus three plus dot dot dot plus n"),
    ("Wait... x=2", "Wait... x equals two"),
    ("P(A|B)=P(A∩B)/P(B)", "P of A given B equals P of A intersect B over P of B"),
]


@pytest.mark.parametrize("text, spoken", ZH)
def test_zh(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "zh")) == frontend_case_key(spoken)


@pytest.mark.parametrize("text, spoken", EN)
def test_en(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "en")) == frontend_case_key(spoken)

"""LaTeX as education apps send it ($...$, \\(...\\), \\[...\\], $$...$$) inside zh and en sentences.

Compared like the example set (tests/scoring.py): whitespace and punctuation are ignored.
"""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

ZH = [
    # ^\circ is LaTeX's degree sign, not a power
    (r"已知$\angle ABC=90^\circ$，求AC。", "已知角ABC等于九十度，求AC。"),
    (r"$\sin 30^{\circ}=\frac{1}{2}$", "sin三十度等于二分之一"),
    # \text{unit} after a number (or a power of ten) is a unit; a compound unit alone too
    (r"光速$c=3.0\times10^{8}\,\text{m/s}$。", "光速c等于三点零乘以十的八次方米每秒。"),
    (r"$10^{-3}\text{m}$", "十的负三次方米"),
    (r"$5\,\text{kg}$", "五千克"),
    (r"速度单位是$\text{km/h}$。", "速度单位是千米每小时。"),
    # \overline over two vertex letters is a segment; \bar{x} stays the mean x拔
    (r"线段$\overline{AB}$与线段$\overline{CD}$相交。", "线段AB与线段CD相交。"),
    (r"$\overline{AB}=3$", "线段AB等于三"),
    (r"样本均值$\bar{x}=5$。", "样本均值x拔等于五。"),
    # a word the sentence just said is not said again by the formula
    (r"由向量$\vec{a}$与$\vec{b}$", "由向量a与向量b"),
    (r"在直角三角形$\triangle ABC$中", "在直角三角形ABC中"),
]

EN = [
    (r"If $\angle ABC=90^\circ$, then", "If angle ABC equals ninety degrees, then"),
    (r"$\sin 30^\circ$", "sine thirty degrees"),
    (r"$v=5\text{ m/s}$", "v equals five meters per second"),
    (r"$1\text{ min}$", "one minute"),
    (r"$1\text{ m/s}$", "one meter per second"),
    (r"Speed in $\text{km/h}$.", "Speed in kilometers per hour."),
    # \text{ in } between letters is English, not inches
    (r"$x\text{ and }y$", "x and y"),
    (r"$x^{2}\text{ in } A$", "x squared in A"),
    (r"The segment $\overline{AB}$ has length 5.", "The segment AB has length five."),
    (r"$\overline{AB}\parallel\overline{CD}$", "segment AB is parallel to segment CD"),
    (r"a bisegment $\overline{AB}$", "a bisegment segment AB"),  # whole words only
    (r"Predicted $\hat{y}$ and mean $\bar{x}$.", "Predicted y hat and mean x bar."),
]


@pytest.mark.parametrize("text, spoken", ZH)
def test_zh(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "zh")) == frontend_case_key(spoken)


@pytest.mark.parametrize("text, spoken", EN)
def test_en(text, spoken):
    assert frontend_case_key(frontend.normalize(text, "en")) == frontend_case_key(spoken)

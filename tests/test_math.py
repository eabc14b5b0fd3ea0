"""Math readings, zh and en: one case per behaviour a listener would notice.

Outputs are compared like the example set (tests/scoring.py): whitespace and punctuation are
ignored, Latin letters case-insensitively, so a case fails only when the words are wrong.
"""
from __future__ import annotations

import pytest

import frontend
from frontend.math import read_formula
from scoring import frontend_case_key

ZH = [
    # operators, binary minus vs negative sign, implicit multiplication, audible grouping
    ("1+2=3", "一加二等于三"),
    ("100-37=63", "一百减三十七等于六十三"),
    ("12÷4=3", "十二除以四等于三"),
    ("7×8=56", "七乘以八等于五十六"),
    ("3·4=12", "三乘以四等于十二"),
    ("2*3=6", "二乘以三等于六"),
    ("x=±2", "x等于正负二"),
    ("a±b=c", "a加减b等于c"),
    ("-5+3=-2", "负五加三等于负二"),
    ("3-(-2)=5", "三减负二等于五"),  # textbook: brackets round a lone signed number are not read
    ("2(x+1)=4", "二括号x加一括号等于四"),
    ("3ab+2a=5", "三ab加二a等于五"),
    ("(a+b)(a-b)=a²-b²", "括号a加b括号括号a减b括号等于a的平方减b的平方"),
    ("(1+2)×(3+4)=21", "括号一加二括号乘以括号三加四括号等于二十一"),
    ("1-(2+3)=-4", "一减括号二加三括号等于负四"),
    ("x-y=1", "x减y等于一"),
    # fractions
    ("5/8+1/8=3/4", "八分之五加八分之一等于四分之三"),
    ("$-\\frac{3}{4}$", "负四分之三"),
    ("$\\dfrac{a+b}{c}$", "c分之a加b"),
    ("$\\frac{1}{\\frac{1}{x}}$", "x分之一分之一"),
    ("$3\\frac{1}{4}$", "三又四分之一"),
    ("1又1/3+1=2又1/3", "一又三分之一加一等于二又三分之一"),
    ("x/y=2", "y分之x等于二"),
    ("1/2x+1", "二分之一x加一"),
    ("2x/3=4", "三分之二x等于四"),
    # powers, indices, primes
    ("x³", "x的立方"),
    ("a^3+1", "a的立方加一"),
    ("x^{2n}", "x的二n次方"),
    ("2^{10}=1024", "二的十次方等于一千零二十四"),
    ("x^{-1}", "x的负一次方"),
    ("y=x^n", "y等于x的n次方"),
    ("a⁻²", "a的负二次方"),
    ("10⁻⁶", "十的负六次方"),
    ("6.02×10²³", "六点零二乘以十的二十三次方"),
    ("e^{2x}", "e的二x次方"),
    ("(x+1)²", "括号x加一括号的平方"),
    ("(-2)²=4", "负二的平方等于四"),  # textbook: (-2)² 读作负2的平方
    ("-2²=-4", "负二的平方等于负四"),
    ("b_1+b_2", "b一加b二"),
    ("a_{n-1}+1", "a下标n减一加一"),
    ("x_{n+1}=2x_n", "x下标n加一等于二xn"),
    ("B′C′=BC", "B撇C撇等于BC"),
    ("y'=2x", "y撇等于二x"),
    ("g''(x)=0", "g两撇x等于零"),
    # roots
    ("√x+1", "根号x加一"),
    ("√3x=3", "根号三x等于三"),
    ("3√2", "三根号二"),
    ("√(a²+b²)", "根号下a的平方加b的平方"),
    ("$\\sqrt{x^2+1}$", "根号下x的平方加一"),
    ("$\\sqrt[5]{32}=2$", "五次根号下三十二等于二"),
    ("∜81=3", "四次根号下八十一等于三"),
    ("cos30°=√3/2", "cos三十度等于二分之根号三"),
    # relations and chains
    ("x≠0", "x不等于零"),
    ("a≡b", "a恒等于b"),
    ("m≥1", "m大于或等于一"),
    ("n≤10", "n小于或等于十"),
    ("x>y>0", "x大于y大于零"),
    ("a≫b", "a远大于b"),
    ("y∝x", "y正比于x"),
    ("0<x≤3", "零小于x小于或等于三"),
    ("π≈3.14", "派约等于三点一四"),
    # geometry
    ("AB⊥BC", "AB垂直于BC"),
    ("∠A=∠B", "角A等于角B"),
    ("∠ACB=90°", "角ACB等于九十度"),
    ("∠1+∠2=180°", "角一加角二等于一百八十度"),
    ("△ABC≌△A′B′C′", "三角形ABC全等于三角形A撇B撇C撇"),
    ("Rt△ABC中", "直角三角形ABC中"),
    ("⊙O的半径", "圆O的半径"),
    ("⌒AB=⌒CD", "弧AB等于弧CD"),
    ("▱ABCD的面积", "平行四边形ABCD的面积"),
    ("AB:BC=2:3", "AB比BC等于二比三"),
    ("∠A=30°15′", "角A等于三十度十五分"),
    ("30°15′20″", "三十度十五分二十秒"),
    ("∵a>b，∴a-b>0", "因为a大于b，所以a减b大于零"),
    # functions
    ("g(x)=x²", "g x等于x的平方"),
    ("f⁻¹(2)=1", "f逆二等于一"),
    ("sin60°", "sin六十度"),
    ("tan x=1", "tan x等于一"),
    ("sin2x=2sinxcosx", "sin二x等于二sin x cos x"),
    ("cos²x+1", "cos平方x加一"),
    ("arccos(0)=π/2", "arccos零等于二分之派"),
    ("log₃9=2", "以三为底九的对数等于二"),
    ("$\\log_{a}b$", "以a为底b的对数"),
    ("lg1000=3", "lg一千等于三"),
    ("y=e^x", "y等于e的x次方"),
    ("f(x+1)=2", "f括号x加一括号等于二"),
    # sets and logic
    ("x∈A", "x属于A"),
    ("3∉B", "三不属于B"),
    ("B⊇A", "B包含A"),
    ("A∪B=B", "A并B等于B"),
    ("∅⊆A", "空集包含于A"),
    ("x∈ℝ", "x属于实数集"),
    ("n∈ℕ*", "n属于正整数集"),
    ("x∈ℤ", "x属于整数集"),
    ("{1,2,3}", "集合一，二，三"),
    ("{x|x<5}", "满足x小于五的x的集合"),
    ("x∈[1,2)", "x属于左闭右开区间一到二"),
    ("(1,2]", "左开右闭区间一到二"),
    ("x∈(-∞,0)", "x属于开区间负无穷大到零"),
    ("∃x>0", "存在x大于零"),
    ("¬p", "非p"),
    ("p∧q⇒p", "p且q推出p"),
    ("p∨q", "p或q"),
    ("p⇔q", "p等价于q"),
    # calculus
    ("x→∞", "x趋近于无穷大"),
    ("lim_{x→1}(x+1)=2", "当x趋近于一时x加一的极限等于二"),
    ("∑_{k=1}^{n}k²", "从k等于一到n对k的平方求和"),
    ("∏_{i=1}^{n}i=n!", "从i等于一到n对i求积等于n的阶乘"),
    ("∫_0^1x²dx", "从零到一的积分x的平方dx"),
    ("dy/dx=0", "dx分之dy等于零"),
    ("∂z/∂y", "偏y分之偏z"),
    ("d/dx", "dx分之d"),
    # vectors, absolute value, factorial, combinations, percent in formulas
    ("$\\vec{AB}$", "向量AB"),
    ("$\\overrightarrow{OA}$", "向量OA"),
    ("→AB=→CD", "向量AB等于向量CD"),
    ("|a-b|", "a减b的绝对值"),
    ("|x|≥0", "x的绝对值大于或等于零"),
    ("n!", "n的阶乘"),
    ("(n+1)!", "括号n加一括号的阶乘"),
    ("C_5^2=10", "C五二等于十"),
    ("A_4^2=12", "A四二等于十二"),
    ("$\\binom{5}{2}$", "C五二"),
    ("x=50%+1", "x等于百分之五十加一"),
    # Greek letters and constants
    ("α+β=90°", "阿尔法加贝塔等于九十度"),
    ("C=2πr", "C等于二派r"),
    ("λ=2", "兰姆达等于二"),
    ("ω≠0", "欧米伽不等于零"),
    ("μ>0", "缪大于零"),
    ("Δx", "德尔塔x"),
    # chemistry and units inside formulas
    ("H₂SO₄", "H二SO四"),
    ("2H₂O", "二H二O"),
    ("CO₂", "CO二"),
    ("v=3m/s", "v等于三米每秒"),
    ("r=5cm", "r等于五厘米"),
    # LaTeX commands and regions
    ("$\\alpha$", "阿尔法"),
    ("$x \\cdot y$", "x乘以y"),
    ("$a \\times b \\div c$", "a乘以b除以c"),
    ("$a \\neq b$", "a不等于b"),
    ("$a \\approx b$", "a约等于b"),
    ("$x \\le 1 \\quad y \\ge 2$", "x小于或等于一y大于或等于二"),
    ("$\\pm 1$", "正负一"),
    ("$\\infty$", "无穷大"),
    ("$\\text{面积}=ab$", "面积等于ab"),
    ("$\\mathrm{d}x$", "dx"),
    ("$\\left( x+1 \\right)^2$", "括号x加一括号的平方"),
    ("$$x^2+1$$", "x的平方加一"),
    ("\\(a+b\\)", "a加b"),
    ("\\[a=b\\]", "a等于b"),
    ("$\\sum_{i=1}^{n} a_i$", "从i等于一到n对ai求和"),
    ("$\\int_0^1 x^2\\,dx$", "从零到一的积分x的平方dx"),
    ("$\\lim_{x\\to 0}\\frac{\\sin x}{x}=1$", "当x趋近于零时x分之sin x的极限等于一"),
    # spans inside Chinese text
    ("已知3x+2=11，求x", "已知三x加二等于十一，求x"),
    ("x²+y²=r²的圆心", "x的平方加y的平方等于r的平方的圆心"),
    ("函数y=kx+b的图像", "函数y等于kx加b的图像"),
    ("若a>0且b>0", "若a大于零且b大于零"),
]

EN = [
    ("1 + 1 = 2", "one plus one equals two"),
    ("10 - 4 = 6", "ten minus four equals six"),
    ("6 ÷ 2 = 3", "six divided by two equals three"),
    ("x - 5 = 0", "x minus five equals zero"),
    ("y = -3", "y equals negative three"),
    ("a ≠ b", "a is not equal to b"),
    ("x ≤ 10", "x is less than or equal to ten"),
    ("y = 2x - 1", "y equals two x minus one"),
    ("x³ + 1", "x cubed plus one"),
    ("2^10 = 1024", "two to the tenth power equals one thousand twenty-four"),
    ("10^{-3}", "ten to the power of negative three"),
    ("√9 = 3", "the square root of nine equals three"),
    ("∛27 = 3", "the cube root of twenty-seven equals three"),
    ("(x + 1)² = 0", "the quantity x plus one squared equals zero"),
    ("|x| = 5", "the absolute value of x equals five"),
    ("n! = 1", "n factorial equals one"),
    ("x ∈ ℕ", "x is an element of the natural numbers"),
    ("A ∪ B = A", "A union B equals A"),
    ("A ⊆ B", "A is a subset of B"),
    ("sin 30° = 1/2", "sine thirty degrees equals one half"),
    ("cos²x + 1", "cosine squared x plus one"),
    ("log₂8 = 3", "log base two of eight equals three"),
    ("f⁻¹(x) = y", "f inverse of x equals y"),
    ("g'(x) = 0", "g prime of x equals zero"),
    ("∑_{i=1}^{n} i", "the sum from i equals one to n of i"),
    ("∫_0^1 x dx", "the integral from zero to one of x d x"),
    ("lim_{x→0} sin x / x = 1", "the limit as x approaches zero of sine x over x equals one"),
    ("$\\frac{1}{3}$", "one third"),
    ("$\\frac{a}{b}$", "a over b"),
    ("$\\alpha + \\beta$", "alpha plus beta"),
    ("△ABC ≌ △DEF", "triangle ABC is congruent to triangle DEF"),
    ("AB ∥ CD", "AB is parallel to CD"),
    ("AB:CD = 1:2", "AB to CD equals one to two"),
    ("H₂O", "H two O"),
    ("x ∈ [0, 1)", "x is an element of the interval from zero included to one excluded"),
    ("{x | x < 0}", "the set of x such that x is less than zero"),
    ("p ⇒ q", "p implies q"),
    ("x'' = 0", "x double prime equals zero"),
    ("1/2 + 1/4 = 3/4", "one half plus one quarter equals three quarters"),
    ("Solve x + 2 = 5 for x.", "solve x plus two equals five for x"),
    ("Let y = kx + b where k is the slope.", "let y equals k x plus b where k is the slope"),
    ("If x = 5 and y = 3, then x + y = 8.", "if x equals five and y equals three, then x plus y equals eight"),
]


def _same(out: str, want: str) -> bool:
    return frontend_case_key(out) == frontend_case_key(want)


@pytest.mark.parametrize("text,want", ZH, ids=[c[0] for c in ZH])
def test_zh(text, want):
    out = frontend.normalize(text, "zh")
    assert _same(out, want), f"{text!r} -> {out!r}, want {want!r}"


@pytest.mark.parametrize("text,want", EN, ids=[c[0] for c in EN])
def test_en(text, want):
    out = frontend.normalize(text, "en")
    assert _same(out, want), f"{text!r} -> {out!r}, want {want!r}"


@pytest.mark.parametrize("text,want", ZH, ids=[c[0] for c in ZH])
def test_zh_output_has_no_digits_or_math_symbols(text, want):
    out = frontend.normalize(text, "zh")
    left = [ch for ch in out if ch.isascii() and ch.isdigit() or ch in "+-×÷=<>≤≥±√∠△∽≌⊥∥°%‰^_∈∪∩∞∑∫′'|{}\\$"]
    assert not left, f"{text!r} -> {out!r} keeps {left}"


# ---- spans: what is (not) a formula in running text ---------------------------------

@pytest.mark.parametrize("text", ["iPhone 15的价格", "F-16战斗机", "2023-10-01", "男女比例为3:5", "6-12岁",
                                  "T-shirt", "COVID-19 spread", "速度为3m/s", "体重50kg", "第1名", "3/4的学生",
                                  "GPT-4发布", "$100", "It costs $5 and $10.", "send an e-mail",
                                  "and/or", "p-value", "10:30", "+86 138", "5+ years", "Wi-Fi"])
def test_plain_numbers_and_names_are_left_to_tn(text):
    from frontend.math import find
    assert find(text, "zh") == []


def test_chinese_text_ends_a_formula():
    from frontend.math import find
    [m] = find("已知AB∥CD，求证", "zh")
    assert (m.start, m.end) == (2, 7)


def test_english_words_end_a_formula_and_survive():
    out = frontend.normalize("We know x + 1 = 2 and hence the answer.", "en")
    assert "We know" in out and "and hence the answer" in out
    assert "x plus one equals two" in out


def test_yue_paragraph_reads_math_with_chinese_templates_in_its_script():
    # the Mandarin templates, written in the Cantonese paragraph's script (probe 10: 等於, 點)
    from frontend.math import find
    [m] = find("x+1=2", "yue")
    assert m.text == "x加一等於二"
    [m] = find("计下：x+1=2", "yue")  # Simplified Cantonese keeps Simplified
    assert m.text == "x加一等于二"


def test_rule_names_are_recorded():
    utts = frontend.process("已知$x^2$和x+1=2", "zh", explain=True)
    rules = {c.rule for u in utts for c in u.changes}
    assert {"math.latex", "math.formula"} <= rules


# ---- LaTeX that is not well formed --------------------------------------------------

def test_unknown_latex_command_is_read_by_name_and_recorded():
    utts = frontend.process("$\\foo{x}+1$", "zh", explain=True)
    assert _same(utts[0].text, "foo x加一")
    assert any(c.rule == "math.latex.unknown" and c.before == "\\foo" for u in utts for c in u.changes)


@pytest.mark.parametrize("text,want", [("$x^2+1", "x的平方加一"), ("$\\frac{1}{2$", "二分之一"),
                                       ("$x^{2", "x的平方"), ("}x+1{=2", "x加一等于二"), ("$$", "")])
def test_malformed_latex_degrades(text, want):
    assert _same(frontend.normalize(text, "zh"), want)


def test_read_formula_directly():
    assert read_formula("\\frac{1}{2}x^2-3x+1=0", "zh", latex=True) == "二分之一x的平方减三x加一等于零"
    assert read_formula("x^2+2x+1=0", "en") == "x squared plus two x plus one equals zero"

"""Physics and chemistry lines as education apps send them (zh and en)."""
import pytest

from frontend import normalize

CASES = [
    # reactions: '=' or an arrow between formula sides is 'yields', not 'equals' / 'approaches'
    ("zh", "2H₂+O₂=2H₂O", "二H二加O二生成二H二O"),
    ("zh", "2H2+O2→2H2O", "二H二加O二生成二H二O"),
    ("zh", "Fe+CuSO₄=FeSO₄+Cu", "Fe加CuSO四生成FeSO四加Cu"),
    ("en", "The reaction 2H2 + O2 -> 2H2O releases energy.",
     "The reaction two H two plus O two yields two H two O releases energy."),
    ("en", "as x -> 0", "as x approaches zero"),
    ("zh", "P=UI", "P等于UI"),  # physics letters are no reaction
    ("zh", "A₁B₁+B₁C₁=A₁C₁", "A一B一加B一C一等于A一C一"),  # nor geometry
    # ion charges are no powers
    ("zh", "Fe³⁺呈黄色", "Fe三正呈黄色"),
    ("zh", "SO₄²⁻的检验", "SO四二负的检验"),
    ("zh", "NH₄⁺与OH⁻反应", "NH四正与OH负反应"),
    # units after numbers inside formulas
    ("zh", "R=10Ω", "R等于十欧"),
    ("zh", "I=0.5A", "I等于零点五安"),
    ("zh", "U=220V", "U等于二百二十伏"),
    ("zh", "电荷量q=1.6×10⁻¹⁹C", "电荷量q等于一点六乘以十的负十九次方库仑"),
    ("zh", "x=2a", "x等于二a"),  # a lower-case letter stays a variable
    ("zh", "c(H⁺)=10⁻⁷ mol/L", "cH正等于十的负七次方摩尔每升"),
    ("zh", "ΔH=-285.8 kJ/mol", "德尔塔H等于负二百八十五点八千焦每摩尔"),
    ("zh", "阿伏加德罗常数约为6.02×10²³ mol⁻¹", "阿伏加德罗常数约为六点零二乘以十的二十三次方每摩尔"),
    ("zh", "c水=4.2×10³J/(kg·℃)", "c水等于四点二乘以十的立方焦每千克摄氏度"),
    ("en", "Its density is 2.7 g/cm³.", "Its density is two point seven grams per cubic centimeter."),
    ("en", "g = 9.8 N/kg", "g equals nine point eight newtons per kilogram"),
    ("en", "ΔH = -285.8 kJ/mol", "delta H equals negative two hundred eighty-five point eight kilojoules per mole"),
    ("en", "Avogadro's number is 6.02 × 10²³ mol⁻¹.",
     "Avogadro's number is six point zero two times ten to the twenty-third power per mole."),
    ("en", "x = 3 s/t", "x equals three s over t"),  # spaced letters stay a fraction
]


@pytest.mark.parametrize("lang,text,expect", CASES)
def test_science_line(lang, text, expect):
    assert normalize(text, lang) == expect

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
]


@pytest.mark.parametrize("lang,text,expect", CASES)
def test_science_line(lang, text, expect):
    assert normalize(text, lang) == expect

"""The math reading rules are data (rules/<lang>/math*.yaml): mistakes in them are named by
file and line, and a user's override directory changes how a node is read."""
from __future__ import annotations

import pytest

import frontend
from frontend.math import read_formula
from frontend.math.reader import SLOTS, rules_for
from frontend.rules import RuleError, set_rules_dir


@pytest.fixture
def override(tmp_path):
    def write(lang: str, name: str, body: str):
        (tmp_path / lang).mkdir(exist_ok=True)
        path = tmp_path / lang / f"{name}.yaml"
        path.write_text(body, encoding="utf-8")
        set_rules_dir(tmp_path)
        return path
    yield write
    set_rules_dir(None)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_rules_define_every_template(lang):
    rules = rules_for(lang)
    assert set(rules.t) == set(SLOTS)


def test_template_naming_a_missing_slot_is_an_error_with_file_and_line(override):
    path = override("zh", "math", "templates:\n  frac: \"{denominator}分之{num}\"\n")
    with pytest.raises(RuleError, match=rf"{path}:2: .*denominator"):
        read_formula("a/b+1", "zh")


def test_unknown_template_key_is_an_error_with_file_and_line(override):
    path = override("zh", "math", "templates:\n  frak: \"{den}分之{num}\"\n")
    with pytest.raises(RuleError, match=rf"{path}:2: unknown template 'frak'"):
        read_formula("a/b+1", "zh")


def test_malformed_template_is_an_error_with_file_and_line(override):
    path = override("en", "math", "templates:\n  pow_2: \"{base squared\"\n")
    with pytest.raises(RuleError, match=rf"{path}:2: malformed template"):
        read_formula("x^2", "en")


def test_symbol_word_must_be_text(override):
    override("zh", "math_symbols", "relations:\n  \"=\": [等于]\n")
    with pytest.raises(RuleError, match="must be a string"):
        read_formula("x=1", "zh")


def test_override_changes_a_reading_without_code(override):
    override("zh", "math_symbols", "relations:\n  \"∽\": 相似\ngeometry:\n  \"△\": 三角\n")
    assert frontend.normalize("△ABC∽△DEF", "zh") == "三角ABC相似三角DEF"


def test_override_template(override):
    override("zh", "math", "templates:\n  group: \"{x}的和\"\n")
    assert frontend.normalize("(2+3)×4=20", "zh") == "二加三的和乘以四等于二十"

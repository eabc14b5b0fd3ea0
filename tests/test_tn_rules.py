"""Rule files behind the number classes: overridable, validated with file:line errors; read_unit API."""
from __future__ import annotations

import pytest

import frontend
from frontend.rules import RuleError, set_rules_dir
from frontend.tn.units import read_unit


@pytest.fixture
def rules_dir(tmp_path):
    (tmp_path / "zh").mkdir()
    yield tmp_path
    set_rules_dir(None)


def test_read_unit_composes_compound_units():
    assert read_unit("km/h", "zh") == "千米每小时"
    assert read_unit("m/s²", "zh") == "米每平方秒"
    assert read_unit("m/s^2", "en") == "meters per second squared"
    assert read_unit("kg", "en", plural=False) == "kilogram"
    assert read_unit("kΩ", "zh") == "千欧"
    assert read_unit("N·m", "en") == "newton meters"
    assert read_unit("℃", "yue") == "摄氏度"
    assert read_unit("furlongs", "en") is None
    assert read_unit("", "zh") is None


def test_a_teacher_can_override_a_unit_reading(rules_dir):
    (rules_dir / "zh" / "units.yaml").write_text("units:\n  km: 公里\n", encoding="utf-8")
    set_rules_dir(rules_dir)
    assert frontend.normalize("跑了5km", "zh") == "跑了五公里"
    assert frontend.normalize("重5kg", "zh") == "重五千克"  # the other units are still shipped ones


def test_bad_unit_entry_names_file_and_line(rules_dir):
    (rules_dir / "zh" / "units.yaml").write_text("units:\n  km: [1, 2]\n", encoding="utf-8")
    set_rules_dir(rules_dir)
    with pytest.raises(RuleError, match=r"units\.yaml:\d+: unit 'km'"):
        frontend.normalize("跑了5km", "zh")


def test_template_with_unknown_slot_is_rejected(rules_dir):
    (rules_dir / "zh" / "numbers.yaml").write_text('templates:\n  percent: "百分之{number}"\n', encoding="utf-8")
    set_rules_dir(rules_dir)
    with pytest.raises(RuleError, match=r"numbers\.yaml:2: template .* names slot \{number\}"):
        frontend.normalize("增长5%", "zh")


def test_currency_reading_comes_from_yaml(rules_dir):
    (rules_dir / "zh" / "currency.yaml").write_text('symbols:\n  "$": {read: 美金}\n', encoding="utf-8")
    set_rules_dir(rules_dir)
    assert frontend.normalize("$100", "zh") == "一百美金"

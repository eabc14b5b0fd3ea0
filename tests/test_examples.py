"""The public example sets, scored by the rules at their tops.

Each case is also reported on its own (xfail-free): the pass-rate tests are the acceptance bar
(frontend_cases >= 97 %, yue/lexicon cases >= 95 %), the per-case tests show what is wrong.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import frontend
from scoring import frontend_case_passes, yue_case_passes

DATA = Path(__file__).parent / "data" / "examples"
FRONTEND_CASES = yaml.safe_load((DATA / "frontend_cases.yaml").read_text(encoding="utf-8"))
YUE_CASES = yaml.safe_load((DATA / "frontend_yue_lexicon_cases.yaml").read_text(encoding="utf-8"))


def run_frontend_case(case) -> tuple[bool, str]:
    out = frontend.normalize(case["input"], case["lang"])
    return frontend_case_passes(out, case["expect"]), out


def run_yue_case(case) -> tuple[bool, str]:
    if case["category"] == "yue_detect":
        out = frontend.detect_language(case["input"])
        return out in case["expect"], out
    out = frontend.normalize(case["input"], case["lang"], lexicon=case.get("lexicon") or None)
    return yue_case_passes(case, out), out


def _rate(cases, runner):
    failures = []
    for case in cases:
        ok, out = runner(case)
        if not ok:
            failures.append(f"{case['id']}: {case['input']!r} -> {out!r}; expected {case['expect'][0]!r}")
    return 1 - len(failures) / len(cases), failures


def test_frontend_cases_pass_rate():
    rate, failures = _rate(FRONTEND_CASES, run_frontend_case)
    assert rate >= 0.97, f"{rate:.1%} pass:\n" + "\n".join(failures)


def test_yue_lexicon_cases_pass_rate():
    rate, failures = _rate(YUE_CASES, run_yue_case)
    assert rate >= 0.95, f"{rate:.1%} pass:\n" + "\n".join(failures)


@pytest.mark.parametrize("case", FRONTEND_CASES, ids=lambda c: c["id"])
def test_frontend_case_has_no_digits_or_symbols_in_zh(case):
    if case["lang"] != "zh":
        return
    out = frontend.normalize(case["input"], "zh")
    leftovers = [ch for ch in out if ch.isdigit() and ch.isascii() or ch in "+-×÷=<>≤≥±√∠△∽≌⊥∥°%‰¥$€£^_"]
    assert not leftovers, f"{case['input']!r} -> {out!r} keeps {leftovers}"

"""Print how the example cases fare, per category: python tests/examples_report.py [category...]"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from test_examples import FRONTEND_CASES, YUE_CASES, run_frontend_case, run_yue_case  # noqa: E402


def main(wanted: list[str]) -> None:
    totals = defaultdict(lambda: [0, 0])
    for cases, runner in ((FRONTEND_CASES, run_frontend_case), (YUE_CASES, run_yue_case)):
        for case in cases:
            if wanted and case["category"] not in wanted and case["id"] not in wanted:
                continue
            try:
                ok, out = runner(case)
            except Exception as e:  # report, don't stop: this is a diagnostic
                ok, out = False, f"!! {type(e).__name__}: {e}"
            totals[case["category"]][0] += ok
            totals[case["category"]][1] += 1
            if not ok:
                print(f"FAIL {case['id']}: {case['input']!r}\n   got  {out!r}\n   want {case['expect'][0]!r}")
    passed = sum(p for p, _ in totals.values())
    total = sum(t for _, t in totals.values())
    for cat, (p, t) in sorted(totals.items()):
        print(f"{cat:28s} {p:3d}/{t}")
    print(f"{'TOTAL':28s} {passed:3d}/{total} = {passed / max(total, 1):.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])

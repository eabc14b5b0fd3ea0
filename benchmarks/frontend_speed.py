"""Frontend speed: characters per second on a ~100 000-character mixed document, compared with
WeTextProcessing alone on the same document in the same run, and time to the first utterance
of a 1 MB document.  Not part of the test suite.

    python benchmarks/frontend_speed.py            # prints a table
    python benchmarks/frontend_speed.py --markdown # the same table as markdown (docs/tn.md)
"""
from __future__ import annotations

import argparse
import logging
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import frontend  # noqa: E402
from frontend.langid import paragraph_lang  # noqa: E402

ZH_LINES = [
    "2024年3月5日，全校共有1234名学生参加了第3届运动会，男女比例为3:2。",
    "气温-5℃到10℃之间，风速12km/h，湿度65%，请携带2个水杯。",
    "这款手机售价¥5999元，折后4,899.50元，比去年便宜了12.5%。",
    "会议定于14:30开始，请拨打010-12345678或13912345678联系，房间号是305。",
    "**重要**：第1-3题每题5分，共15分；详见 [说明](https://example.com/guide)。",
    "GDP增长5.2%，人口14亿，约有2000万人参与；iPhone 15的价格是5999元。",
    "他跑了3~5公里，用时25分钟，平均配速5'00\"，体重减轻了0.5kg。",
    "v2.0.1版本于2023/12/31发布，修复了11/15个已知问题。",
]
EN_LINES = [
    "On July 4, 1990, about 45% of the 1,250 voters paid $4.99 each.",
    "The bus leaves at 10:30 a.m. and arrives at 2:15 p.m., 60 km away.",
    "Chapter IV covers World War II; Henry VIII appears in the 3rd part.",
    "Call 555-0134 before 3/15 to get 2.5 kg for $1,280.50.",
]


def build_document(n_chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    lines, size = [], 0
    while size < n_chars:
        line = rng.choice(ZH_LINES if rng.random() < 0.75 else EN_LINES)
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def bench_voxread(doc: str) -> tuple[float, int]:
    frontend.normalize(ZH_LINES[0] + "\n" + EN_LINES[0])  # rule files loaded and compiled
    t = time.perf_counter()
    n = sum(len(u.text) for u in frontend.process(doc))
    return time.perf_counter() - t, n


def bench_wetext(doc: str) -> tuple[float, float, dict] | None:
    """(load seconds, normalise seconds, {lang: (chars, seconds)}) with zh / en normalisers by line language."""
    try:
        logging.disable(logging.INFO)
        t = time.perf_counter()
        from tn.chinese.normalizer import Normalizer as ZhNormalizer
        from tn.english.normalizer import Normalizer as EnNormalizer
        zh, en = ZhNormalizer(), EnNormalizer()
        load = time.perf_counter() - t
    except Exception as e:  # not installed: report and go on
        print(f"WeTextProcessing unavailable: {e}", file=sys.stderr)
        return None
    lines = doc.split("\n")
    langs = [paragraph_lang(line) for line in lines]
    per = {"zh": [0, 0.0], "en": [0, 0.0]}
    for line, lang in zip(lines, langs):
        key = "en" if lang == "en" else "zh"
        t = time.perf_counter()
        (en if key == "en" else zh).normalize(line)
        per[key][0] += len(line) + 1
        per[key][1] += time.perf_counter() - t
    return load, sum(s for _, s in per.values()), per


def bench_first_utterance(mb: float = 1.0) -> tuple[float, float]:
    para = "\n".join(ZH_LINES + EN_LINES)
    doc = (para + "\n") * int(mb * 1_000_000 / (len(para) + 1))
    one_line = para.replace("\n", "") * int(mb * 1_000_000 / len(para))
    out = []
    for text in (doc, one_line):
        t = time.perf_counter()
        frontend.process(text)[0]
        out.append(time.perf_counter() - t)
    return out[0], out[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    doc = build_document(args.chars)
    vox_s, _ = bench_voxread(doc)
    we = bench_wetext(doc)
    first_multi, first_single = bench_first_utterance()
    rows = [("document", f"{len(doc):,} characters, {doc.count(chr(10)) + 1:,} lines (75% zh, 25% en)"),
            ("voxread frontend (clean-up, math, TN, split; whole pipeline)", f"{len(doc) / vox_s:,.0f} chars/s ({vox_s:.2f} s)")]
    if we:
        load, we_s, per = we
        rows += [("WeTextProcessing zh+en normalizers alone (by line)", f"{len(doc) / we_s:,.0f} chars/s ({we_s:.2f} s)")]
        rows += [(f"  of which WeTextProcessing {k} lines", f"{c / s:,.0f} chars/s ({c:,} chars, {s:.2f} s)")
                 for k, (c, s) in per.items() if s]
        rows += [
                 ("WeTextProcessing load (prebuilt FSTs)", f"{load:.2f} s"),
                 ("voxread / WeTextProcessing speed", f"{we_s / vox_s:.2f}x")]
    rows += [("time to first utterance, 1 MB, many paragraphs", f"{first_multi * 1000:.0f} ms"),
             ("time to first utterance, 1 MB, one line", f"{first_single * 1000:.0f} ms"),
             ("machine", f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")]
    if args.markdown:
        print("| measure | value |\n|---|---|")
        for k, v in rows:
            print(f"| {k} | {v} |")
    else:
        width = max(len(k) for k, _ in rows)
        for k, v in rows:
            print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()

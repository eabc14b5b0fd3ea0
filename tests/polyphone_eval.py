"""Scoring the polyphone test set (tests/data/polyphone_sentences.yaml): ours vs pypinyin alone."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypinyin import Style, lazy_pinyin

from frontend import polyphone

DATA = Path(__file__).parent / "data" / "polyphone_sentences.yaml"
_MARK = re.compile(r"\[([a-z]+[1-5])\]")


@dataclass
class Sentence:
    text: str
    gold: dict[int, str]  # character index -> reading


def parse(line: str) -> Sentence:
    text, gold = [], {}
    pos = 0
    for m in _MARK.finditer(line):
        chunk = line[pos:m.start()]
        if not chunk:
            raise ValueError(f"mark without a character in {line!r}")
        text.append(chunk)
        gold[len("".join(text)) - 1] = m.group(1)
        pos = m.end()
    text.append(line[pos:])
    return Sentence("".join(text), gold)


def load() -> list[Sentence]:
    return [parse(s) for s in yaml.safe_load(DATA.read_text(encoding="utf-8"))["sentences"]]


def pypinyin_readings(text: str) -> list[str]:
    """pypinyin alone, phrase-level, one reading per character (non-Han characters: '')."""
    out = []
    for ch, py in zip(text, _aligned(text)):
        out.append(py)
    return out


def _aligned(text: str) -> list[str]:
    out = [""] * len(text)
    for m in re.finditer(r"[\u3400-\u9fff]+", text):
        pys = lazy_pinyin(m.group(), style=Style.TONE3, neutral_tone_with_five=True)
        for k, py in enumerate(pys):
            out[m.start() + k] = py
    return out


def ours(text: str) -> list[str]:
    """What the frontend makes the model say: the braced reading, else the default reading."""
    out = []
    for ch, r in zip(text, polyphone.sentence_readings(text)):
        if r is None:
            out.append("")
        else:
            out.append(r.pinyin if r.brace else polyphone.default_reading(ch))
    return out


def score(sentences: list[Sentence]):
    """(ours_correct, pypinyin_correct, total, our_errors, wrong_braces)."""
    ok_ours = ok_base = total = 0
    errors, wrong_braces = [], []
    for s in sentences:
        mine, base = ours(s.text), pypinyin_readings(s.text)
        readings = polyphone.sentence_readings(s.text)
        for i, gold in s.gold.items():
            total += 1
            ok_ours += mine[i] == gold
            ok_base += base[i] == gold
            if mine[i] != gold:
                errors.append(f"{s.text} [{i}:{s.text[i]}] want {gold} got {mine[i]} ({readings[i].source})")
        for i, r in enumerate(readings):
            if r is not None and r.brace and s.gold.get(i) != r.pinyin:
                wrong_braces.append(f"{s.text} [{i}:{s.text[i]}] braced {r.pinyin} ({r.source}), gold {s.gold.get(i)}")
    return ok_ours, ok_base, total, errors, wrong_braces


if __name__ == "__main__":
    o, b, t, errs, wb = score(load())
    print(f"ours {o}/{t} = {o / t:.1%}   pypinyin {b}/{t} = {b / t:.1%}")
    print("\n".join(["ERR " + e for e in errs] + ["BRACE " + w for w in wb]))

"""Stray symbols left after the formula and number classes, from rules/<lang>/symbols.yaml.

Only a last resort: a formula is read by the math stage, a number with its unit by tn.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled, fail, load

RULE = "symbol"


@compiled
def table(lang: str) -> dict[str, str]:
    data = load(lang, "symbols")
    if not isinstance(data, dict):
        raise fail(data, "symbols must be a mapping of symbol -> reading")
    for k, v in data.items():
        if not isinstance(v, str):
            raise fail(data, f"symbol {k!r}: reading must be a string", k)
    return dict(data)


@compiled
def _pattern(lang: str):
    syms = sorted(table(lang), key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in syms))  # symbols only: no word classes


def find(text: str, lang: str) -> Iterator[Match]:
    t = table(lang)
    for m in _pattern(lang).finditer(text):
        s = m.group(0)
        if s == "-" and lang == "en":
            continue  # an English hyphen (well-known) is read as nothing by the voice anyway
        if s in ("~", "～") and (m.start() == 0 or m.end() == len(text) or not text[m.end()].isalnum()):
            yield Match(m.start(), m.end(), "", RULE + ".tilde")  # 好的~ : a tone mark, not a range
            continue
        if s == "-" and re.match(r"\s*$", text[m.end():m.end() + 1]) and text[max(0, m.start() - 1):m.start()] in ("", " "):
            yield Match(m.start(), m.end(), "，" if lang != "en" else ",", RULE + ".dash")
            continue
        yield Match(m.start(), m.end(), t[s], RULE)

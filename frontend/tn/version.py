"""Version numbers and dotted codes: v2.0.1, version 3.10, 10.15.7; IP addresses 192.168.1.1."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from .common import cardinal, digits, tpl

RULE = "number.version"
_V = re.compile(r"(?a)(?<![A-Za-z0-9])(?P<v>[vV]\s?)(?P<num>\d+(?:\.\d+)+|\d+)(?![\d.]?\d)")
_CUED = re.compile(r"(?a)(?:version|Version|版本号?|ver\.)\s?(?P<num>\d+(?:\.\d+)+)(?![\d.]?\d)")
# A one-letter standard designator glued to a number: H.264, X.509, G.711 (a code, digit by digit).
_STANDARD = re.compile(r"(?a)(?<![A-Za-z0-9.])(?P<lead>[A-Z])\.(?P<num>\d{1,5})(?![\d.]?\d)")
_DOTTED = re.compile(r"(?a)(?<![\d.])(?P<num>\d+(?:\.\d+){2,})(?![\d.]?\d)")


def read_version(num: str, lang: str) -> str:
    parts = num.split(".")
    point = tpl(lang, "point")()
    if len(parts) == 4 and all(len(p) <= 3 and int(p) <= 255 for p in parts):  # an IP address
        spoken = [digits(p, lang) for p in parts]
    else:
        spoken = [cardinal(p, lang) for p in parts]
    return (f" {point} " if lang == "en" else point).join(spoken)


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _V.finditer(text):
        if "." not in m.group("num") and not m.group("v").strip() in ("v", "V"):
            continue
        if "." not in m.group("num"):
            continue  # V8, v2: a name, left to the cardinal class
        lead = "version " if lang == "en" else m.group("v").strip().upper()
        if lang == "en" and text[:m.start()].rstrip().lower().endswith("version"):
            lead = ""
        yield Match(m.start(), m.end(), lead + read_version(m.group("num"), lang), RULE)
    for m in _CUED.finditer(text):
        yield Match(m.start("num"), m.end(), read_version(m.group("num"), lang), RULE)
    for m in _STANDARD.finditer(text):
        from ..cleanup import readings  # late import: cleanup imports tn
        dot = readings(lang)["url"].get(".", ".").strip()
        spoken = f"{m.group('lead')} {dot} {digits(m.group('num'), lang)}" if lang == "en" else \
            m.group("lead") + dot + digits(m.group("num"), lang)
        yield Match(m.start(), m.end(), spoken, "number.standard_code")
    for m in _DOTTED.finditer(text):
        yield Match(m.start(), m.end(), read_version(m.group("num"), lang), RULE)

"""E-notation: 1e-5, 6.02E23, 3.5e+8 (a computer's way of writing 1×10⁻⁵), read as the product it stands for."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from . import units
from .common import cardinal, tpl

RULE = "number.e_notation"

# the mantissa is a plain decimal and the exponent at most three digits; a letter or digit on
# either side (0x1e5, 1e5e, ab1e5) is a code or a word, not a number
_E = re.compile(r"(?a)(?<![\w.])(?P<num>\d+(?:\.\d+)?)[eE](?P<sign>[-+−]?)(?P<exp>\d{1,3})(?![\d_]|[.,]\d)"
                r"(?P<sp>\s?)(?P<unit>[A-Za-zµμΩ°℃/²³·]*)")


def find(text: str, lang: str) -> Iterator[Match]:
    """Claimed by cleanup, before math could read the e as a letter (1e-5 is not 1·e − 5)."""
    for m in _E.finditer(text):
        exp = cardinal(m.group("exp"), lang)
        if m.group("sign") in ("-", "−"):
            exp = tpl(lang, "negative")(num=exp) if lang != "en" else "negative " + exp
        spoken = tpl(lang, "e_notation")(num=cardinal(m.group("num"), lang), exp=exp)
        end = m.end("exp")
        if m.group("unit"):  # 3.5e-3mol: a known unit is read with the number; any other letter (1e5a) is no number
            word = units.read_unit(m.group("unit"), lang)
            if word is None:
                # 1.6e-19C: the value of a quantity, where math's own unit table (C 库仑) applies too
                from ..math.units import read_unit as math_read_unit  # late: math imports tn
                word = math_read_unit(m.group("unit"), lang)
            if word is not None:
                spoken += (" " if lang == "en" else "") + word
                end = m.end()
            elif not m.group("sp"):
                continue
        yield Match(m.start(), end, spoken, RULE)

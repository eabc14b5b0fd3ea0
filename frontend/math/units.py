"""Units inside formulas (9.8m/s², 3km/h): the tn stage owns unit readings.

`read_unit` prefers frontend.tn.units.read_unit. Until that lands on main, `_fallback_read_unit`
below (the one place to delete then) reads a small table from rules/<lang>/math_units.yaml.
"""
from __future__ import annotations

from ..rules import compiled, fail, load


try:
    from ..tn.units import read_unit as tn_read_unit  # type: ignore[attr-defined]
except ImportError:  # tn's units have not landed on this branch yet
    tn_read_unit = None


def read_unit(symbol: str, lang: str, plural: bool = True) -> str | None:
    if tn_read_unit is None:
        return _fallback_read_unit(symbol, lang)
    try:
        spoken = tn_read_unit(symbol, lang, plural=plural)
    except Exception:  # a tn rule problem must not take math down with it
        spoken = None
    return spoken if spoken is not None else _fallback_read_unit(symbol, lang)


def is_unit(symbol: str) -> bool:
    return read_unit(symbol, "zh") is not None


@compiled
def _fallback_table(lang: str) -> dict:
    data = load(lang, "math_units")
    for key in ("units", "per", "square", "cube"):
        if key not in data:
            raise fail(data, f"missing key {key!r}")
    return data


def _fallback_read_unit(symbol: str, lang: str) -> str | None:
    """FALLBACK (swap for tn's read_unit): 'a/b' -> a per b, a trailing ²/³ -> square/cube."""
    table = _fallback_table("en" if lang == "en" else "zh")
    units = table["units"]
    num, slash, den = symbol.partition("/")

    def simple(sym: str, after_per: bool) -> str | None:
        power = ""
        if sym[-1:] in "²³":
            power, sym = sym[-1], sym[:-1]
        word = units.get(sym)
        if word is None:
            return None
        if lang == "en":
            word = word[0] if after_per else word[1]
            return f"{table['square' if power == '²' else 'cube']} {word}" if power else word
        return (table["square" if power == "²" else "cube"] + word) if power else word

    if not num:
        return None
    first = simple(num, False)
    if first is None:
        return None
    if not slash:
        return first
    second = simple(den, True) if den else None
    if second is None:
        return None
    return f"{first} {table['per']} {second}" if lang == "en" else f"{first}{table['per']}{second}"

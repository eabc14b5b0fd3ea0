"""Unit symbols -> words, from rules/<lang>/units.yaml (km/h, m², kΩ, ℃ ...).

`read_unit` is shared: the math reader uses it for units inside formulas (m/s², km/h).
Compound units are composed here from their parts, so the YAML lists only simple symbols:
"a/b" is read "a per b" (zh: a每b), "a·b" / "a*b" is "a b", a trailing ² or ³ (or ^2, ^3)
is "square"/"cubic" (zh: 平方/立方).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..rules import RuleError, check_keys, compiled, fail, load

_TIME_UNITS = {"s", "ms", "h", "hr", "min"}
_POWERS = {"²": "square", "^2": "square", "2": "square", "³": "cube", "^3": "cube", "3": "cube"}


@dataclass(frozen=True)
class Unit:
    zh: str = ""
    singular: str = ""
    plural: str = ""
    liang: bool = True  # zh: 2 before this unit is 两 (两公斤), not for ℃/°


@compiled
def table(lang: str) -> dict:
    """{'units': {symbol: Unit}, 'per': str, 'square': str, 'cube': str} for zh or en."""
    data = load(lang, "units")
    check_keys(data, ("per", "square", "cube", "squared", "cubed", "units", "chains"), f"rules/{lang}/units.yaml")
    units: dict[str, Unit] = {}
    raw = data.get("units")
    if not isinstance(raw, dict):
        raise fail(data, "'units' must be a mapping of symbol -> reading", "units")
    for symbol, value in raw.items():
        symbol = str(symbol)
        if lang == "en":
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
                raise fail(raw, f"unit {symbol!r}: expected [singular, plural]", symbol)
            units[symbol] = Unit(singular=value[0], plural=value[1])
        elif isinstance(value, str):
            units[symbol] = Unit(zh=value)
        elif isinstance(value, dict):
            check_keys(value, ("read", "liang"), f"unit {symbol!r}")
            if not isinstance(value.get("read"), str) or not isinstance(value.get("liang", True), bool):
                raise fail(value, f"unit {symbol!r}: expected read: <text>, liang: true|false")
            units[symbol] = Unit(zh=value["read"], liang=value.get("liang", True))
        else:
            raise fail(raw, f"unit {symbol!r}: expected a reading", symbol)
    for key in ("per", "square", "cube"):
        if not isinstance(data.get(key), str):
            raise fail(data, f"'{key}' must be a string", key)
    out = {"units": units, "per": data["per"], "square": data["square"], "cube": data["cube"],
           "chains": _chains(data.get("chains", []), units, lang)}
    # English puts the power after a unit in a denominator: meters per second squared.
    out["squared"], out["cubed"] = data.get("squared", data["square"]), data.get("cubed", data["cube"])
    return out


def _chains(raw, units: dict, lang: str) -> list[list[tuple[str, ...]]]:
    """chains: [[[h, hr], [min, m]], ...]: units that follow each other largest first (3h 15m, 5'11").
    Each step lists its spellings; the first is a unit symbol and gives the reading of all of them."""
    where = f"rules/{lang}/units.yaml: chains"
    if not isinstance(raw, list):
        raise fail(raw, f"{where} must be a list of chains")
    out = []
    for chain in raw:
        if not (isinstance(chain, list) and len(chain) >= 2 and all(
                isinstance(step, list) and step and all(isinstance(x, str) for x in step) for step in chain)):
            raise fail(raw, f"{where}: each chain is a list of >= 2 steps, each a list of spellings")
        for step in chain:
            if step[0] not in units:
                raise fail(raw, f"{where}: {step[0]!r} is not a unit symbol in 'units'")
        out.append([tuple(step) for step in chain])
    return out


def chains(lang: str) -> list[list[tuple[str, ...]]]:
    """Compound-measure chains of `lang` (see _chains)."""
    return table(lang)["chains"]


def symbols(lang: str) -> list[str]:
    """Every simple unit symbol of `lang`, longest first (for building match patterns)."""
    return sorted(table(lang)["units"], key=len, reverse=True)


def lookup(symbol: str, lang: str) -> Unit | None:
    return table(lang)["units"].get(symbol)


def _simple(symbol: str, lang: str, plural: bool, after: bool = False) -> str | None:
    """One unit with an optional power: m, m², cm³, s^2."""
    t = table(lang)
    unit = t["units"].get(symbol)
    power, bare = None, symbol
    if unit is None:
        for suffix in ("^2", "^3", "²", "³"):
            if symbol.endswith(suffix) and len(symbol) > len(suffix):
                bare = symbol[:-len(suffix)]
                unit, power = t["units"].get(bare), _POWERS[suffix]
                break
    if unit is None:
        return None
    if lang == "en":
        word = unit.plural if plural else unit.singular
        if power and after and bare in _TIME_UNITS:  # per second squared, but per cubic centimeter
            return f"{word} {t['squared' if power == 'square' else 'cubed']}"
        return f"{t[power]} {word}" if power else word
    return (t[power] if power else "") + unit.zh


def read_unit(symbol: str, lang: str, *, plural: bool = True) -> str | None:
    """'km/h' -> '千米每小时' (zh) / 'kilometers per hour' (en); None if not a known unit.

    plural (English only): the form after a number other than one.
    """
    if lang not in ("zh", "en"):
        lang = "zh"  # Cantonese and dialect text share the Mandarin unit names
    symbol = symbol.strip()
    if not symbol:
        return None
    per = table(lang)["per"]
    if "/" in symbol:
        num, _, den = symbol.partition("/")
        if den.startswith("(") and den.endswith(")"):
            den = den[1:-1]  # J/(kg·℃): the brackets only group the denominator
        head = read_unit(num, lang, plural=plural) if num else None
        tail = _product(den, lang, False, after=True)
        if head is None or tail is None:
            return None
        return f"{head} {per} {tail}" if lang == "en" else f"{head}{per}{tail}"
    if symbol.endswith("⁻¹") and len(symbol) > 2:  # mol⁻¹, s⁻¹: per mole, per second
        tail = _product(symbol[:-2], lang, False)
        return None if tail is None else (f"{per} {tail}" if lang == "en" else per + tail)
    return _product(symbol, lang, plural)


def _product(symbol: str, lang: str, plural: bool, after: bool = False) -> str | None:
    """kW·h, N·m, kg·℃: the parts in a row; only the last takes the plural."""
    for sep in ("·", "⋅", "*"):
        if sep in symbol:
            parts = symbol.split(sep)
            words = [_simple(p, lang, plural and i == len(parts) - 1, after) for i, p in enumerate(parts)]
            if any(w is None for w in words):
                return None
            return (" " if lang == "en" else "").join(words)
    return _simple(symbol, lang, plural, after)


def liang_before(symbol: str) -> bool:
    """Mandarin: is an exact 2 before this unit read 两 (两公斤) rather than 二 (二摄氏度)?"""
    head = symbol.split("/")[0]
    unit = lookup(head, "zh") or lookup(head.rstrip("²³"), "zh")
    return unit.liang if unit else False


__all__ = ["read_unit", "symbols", "lookup", "liang_before", "Unit", "RuleError"]

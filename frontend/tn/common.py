"""What every number class shares: the number pattern, language choice, safe readers, rules.

Every pattern that starts on a digit is anchored with (?<!\\d) so a failed attempt is never
retried inside the same digit run: matching stays linear on 100 000 digits in a row.
"""
from __future__ import annotations

import functools
import re

from .. import numerals
from ..rules import Template, check_keys, compiled, fail, load, template

# 1,234,567.89 | 1234.5 | 12  (the comma form needs exact three-digit groups)
NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?"
INT_MAX_DIGITS = 16  # beyond this (IDs, serials, digit soup) a number is read digit by digit


def lang_of(piece, ctx) -> str:
    """The reading language: a forced piece language, else the paragraph's; yue reads as zh."""
    lang = piece.lang or ctx.lang
    return "en" if lang == "en" else "zh"


def _clean(num: str) -> str:
    return num.replace(",", "")


@functools.lru_cache(maxsize=8192)  # documents repeat their numbers; readings are pure
def zh_cardinal(num: str, *, liang: bool = False) -> str:
    """'1,234.5' -> 一千二百三十四点五; very long integers go digit by digit."""
    num = _clean(num)
    whole, _, frac = num.partition(".")
    if len(whole) > INT_MAX_DIGITS or (len(whole) > 1 and whole.startswith("0")):
        spoken = numerals.zh_digits(whole)
    else:
        spoken = numerals.zh_int(whole or "0", liang=liang and not frac)
    if frac:
        spoken += "点" + numerals.zh_digits(frac)
    return spoken


@functools.lru_cache(maxsize=8192)
def en_cardinal(num: str) -> str:
    num = _clean(num)
    whole, _, frac = num.partition(".")
    if len(whole) > INT_MAX_DIGITS or (len(whole) > 1 and whole.startswith("0")):
        spoken = numerals.en_digits(whole)
    else:
        spoken = numerals.en_int(whole or "0")
    if frac:
        spoken += " point " + numerals.en_digits(frac)
    return spoken


def cardinal(num: str, lang: str, *, liang: bool = False) -> str:
    return en_cardinal(num) if lang == "en" else zh_cardinal(num, liang=liang)


def digits(num: str, lang: str, *, yao: bool = False) -> str:
    """Digit by digit; other characters (X in an ID number) are kept."""
    if lang == "en":
        return numerals.en_digits(num)
    return numerals.zh_digits(num, yao=yao)


@compiled
def numbers_rules(lang: str) -> dict:
    """rules/<lang>/numbers.yaml with its templates compiled and slot-checked."""
    data = load(lang, "numbers")
    raw = data.get("templates")
    if not isinstance(raw, dict):
        raise fail(data, "'templates' must be a mapping", "templates")
    slots = {"negative": ["num"], "below_zero": ["num"], "percent": ["num"], "permille": ["num"],
             "permyriad": ["num"], "recurring": ["num", "rep"], "fraction": ["num", "den"], "mixed_fraction": ["whole", "num", "den", "frac"], "reading_pair": ["a", "b"],
             "range": ["a", "b"], "ratio_sep": [], "minus": [], "point": [], "ordinal": ["num"], "e_notation": ["num", "exp"],
             "multiplier": ["num"], "multiplier_before": ["num"], "out_of": ["num", "den"], "rank_of": ["num", "den"],
             "date_ymd": ["y", "m", "d"], "date_ym": ["y", "m"], "date_md": ["m", "d"],
             "time_hm": ["h", "m"], "time_h": ["h"], "time_hms": ["h", "m", "s"]}
    check_keys(raw, slots, f"templates in rules/{lang}/numbers.yaml")
    out = dict(data)
    out["templates"] = {k: template(v, slots[k]) for k, v in raw.items()}
    for key, value in data.items():
        if key != "templates" and isinstance(value, list) and not all(isinstance(v, str) for v in value) \
                and not all(isinstance(v, dict) for v in value):
            raise fail(data, f"'{key}' must be a list of strings", key)
    return out


def tpl(lang: str, name: str) -> Template:
    t = numbers_rules(lang)["templates"].get(name)
    if t is None:
        raise fail(numbers_rules(lang), f"missing template {name!r}")
    return t


def words(lang: str, key: str) -> list[str]:
    return list(numbers_rules(lang).get(key) or [])


def words_map(lang: str, key: str) -> list[dict]:
    """A list of mappings from rules/<lang>/numbers.yaml (e.g. context_units), checked for shape."""
    value = numbers_rules(lang).get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(numbers_rules(lang), f"'{key}' must be a list of mappings", key)
    return value


def alternation(items) -> str:
    """A regex alternation of literal words, longest first (so 小时 wins over 小)."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


def tail_has(text: str, end: int, cues: list[str], window: int = 8) -> bool:
    """Does text[:end] end with one of `cues` (ignoring spaces, colons, '为')?"""
    before = text[max(0, end - window - 4):end].rstrip(" ：:是为#")
    return any(before.endswith(c) for c in cues)


def head_has(text: str, start: int, cues: list[str]) -> bool:
    after = text[start:start + 8].lstrip(" ")
    return any(after.startswith(c) for c in cues)


def minus_role(text: str, i: int) -> str:
    """What the '-' at text[i] is: 'sign' (气温-5, to -7, (-3)), 'operand' (x-2, 5-3, x - 2: a binary
    minus), 'word' (COVID-19, F-16: a hyphen inside a name, read as nothing) or 'range' (3个-5个)."""
    j = i - 1
    spaced = j >= 0 and text[j] == " "
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0:
        return "sign"
    ch = text[j]
    after_space = text[i + 1:i + 2] == " "
    if spaced and not after_space:
        return "sign"  # "to -7", "= -3"
    if ch.isdigit() and ch.isascii() or ch in ")]）":
        return "operand"
    if ch.isascii() and ch.isalpha():
        k = j
        while k > 0 and text[k - 1].isascii() and text[k - 1].isalpha():
            k -= 1
        word = text[k:j + 1]
        return "operand" if len(word) == 1 and word.islower() or spaced else "word"
    if j > 0 and text[j - 1].isdigit() and text[j - 1].isascii() and ch in _range_counters() and not spaced:
        return "range"  # 3个-5个: the dash joins two counts (read 到 by tn.find_all), not a sign
    # 10的-3次方, 4和-4: after any other Han character the dash is a sign
    return "sign"  # after a Han character or punctuation: 气温-5, （-3）


@compiled
def _range_counters() -> frozenset:
    """Han characters that end a count in 3个-5个, 5岁-8岁 (one-character measure words and units)."""
    return frozenset(w for w in words("zh", "measure_words") if len(w) == 1) | frozenset("岁月日号年周届度折")


def sign_allowed(text: str, i: int) -> bool:
    """A '-' at text[i] is a sign (not a binary minus or hyphen)."""
    return minus_role(text, i) == "sign"


__all__ = ["NUM", "lang_of", "zh_cardinal", "en_cardinal", "cardinal", "digits", "numbers_rules", "tpl",
           "words", "alternation", "tail_has", "head_has", "sign_allowed", "minus_role", "check_keys"]

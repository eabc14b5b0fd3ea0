"""rules/yue/readings.yaml, checked and compiled for Cantonese text normalisation."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .rules import Template

# Every word of `words:` and the template slots it may use.
WORD_SLOTS = {
    "point": (), "negative": (), "ordinal": ("n",), "below_zero": ("n",), "percent": ("n",), "permille": ("n",), "fraction": ("num", "den"),
    "ratio": ("a", "b"), "range": ("a", "b"), "date": ("y", "m", "d"), "month_day": ("m", "d"),
    "year": ("y",), "clock_hour": ("h",), "clock_half": ("h",), "clock_minutes": ("h", "m"),
    "clock_zi": ("h", "z"), "clock_zi_ge": ("h", "z"), "clock_seconds": ("s",), "am": (), "pm": (),
    "dollar": (), "dollar_half": ("d",), "dollar_cents": ("d", "c"), "cents": ("c",),
}
MINUTE_STYLES = ("minutes", "zi", "zi_ge")


@dataclass(frozen=True)
class Unit:
    reading: Template
    below_zero: Template | None


@dataclass(frozen=True)
class YueRules:
    words: dict  # name -> Template
    minute_style: str
    follower: dict  # word -> "counted" | "label"
    follower_re: regex.Pattern
    label_before: regex.Pattern
    ordinal: regex.Pattern
    digit_context: tuple
    digit_before: tuple
    temperature_words: tuple
    dial_words: tuple
    names: dict
    magnitudes: dict
    currencies: dict  # symbol -> "hkd" | Template
    currency_words: tuple  # written after an amount that already names its currency ($100蚊)
    currency_word_traps: tuple  # words starting with a currency word that are not one ($10元宵)
    units: dict  # symbol -> Unit
    short_year_after: tuple  # after 年: 98年出世 is a year
    short_year_before: tuple  # before the number: 喺98年 is a year
    short_year_duration: tuple  # after 年: 20年前 is a duration
    clock_day_words: dict  # 24-hour clock hour a part of the day starts at -> word (11pm 夜晚)
    day_parts: tuple  # 朝早, 下晝 ...: said before a time, am/pm after it is not said again
    math_words: dict  # Mandarin word of a formula reading -> its Cantonese form (x的平方 -> x嘅平方)

    def say(self, word: str, **slots: str) -> str:
        return self.words[word](**slots)


def _words_list(data, key) -> list:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise rules.fail(data, f"{key!r} must be a non-empty list of words", key)
    return [str(v) for v in value]


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _mapping(data, key) -> dict:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise rules.fail(data, f"{key!r} must be a non-empty mapping", key)
    return value


def _clock_day_words(data) -> dict:
    table = data.get("clock_day_words") or {}
    if not isinstance(table, dict) or any(not isinstance(k, int) or not 0 <= k <= 23 or not isinstance(v, str)
                                          for k, v in table.items()):
        raise rules.fail(data, "clock_day_words must map hours 0-23 to words", "clock_day_words")
    if table and 0 not in table:
        raise rules.fail(data, "clock_day_words must start at hour 0", "clock_day_words")
    return dict(table)


@rules.compiled
def load() -> YueRules:
    data = rules.load("yue", "readings")
    rules.check_keys(data, ["words", "time", "counted", "labels", "label_before", "ordinal", "digit_context",
                            "digit_before", "magnitudes", "currencies", "units", "temperature_words",
                            "dial_words", "names", "currency_words", "currency_word_traps",
                            "counted_unless_label", "short_year_after", "short_year_before", "short_year_duration",
                            "math_words", "day_parts", "clock_day_words"],
                      "readings.yaml")
    words_node = _mapping(data, "words")
    rules.check_keys(words_node, WORD_SLOTS, "words")
    missing = sorted(set(WORD_SLOTS) - set(words_node))
    if missing:
        raise rules.fail(words_node, f"words is missing {missing}")
    words = {k: rules.template(v, WORD_SLOTS[k]) for k, v in words_node.items()}

    time_node = _mapping(data, "time")
    rules.check_keys(time_node, ["minute_style"], "time")
    style = time_node.get("minute_style")
    if style not in MINUTE_STYLES:
        raise rules.fail(time_node, f"minute_style must be one of {MINUTE_STYLES}, not {style!r}", "minute_style")

    follower = {w: "counted" for w in _words_list(data, "counted")}
    for w in _words_list(data, "labels"):
        if w in follower:
            raise rules.fail(data, f"{w!r} is both in counted and in labels", "labels")
        follower[w] = "label"
    for w in _words_list(data, "counted_unless_label"):
        if w in follower:
            raise rules.fail(data, f"{w!r} is listed twice among counted/labels", "counted_unless_label")
        follower[w] = "counted_unless_label"

    magnitudes = {}
    for key, value in _mapping(data, "magnitudes").items():
        if not isinstance(value, str) or not value:
            raise rules.fail(data["magnitudes"], f"magnitude {key!r} needs a reading", key)
        magnitudes[str(key)] = str(value)

    currencies = {}
    for sym, value in _mapping(data, "currencies").items():
        currencies[str(sym)] = "hkd" if value == "hkd" else rules.template(value, ("n",))

    units = {}
    for sym, value in _mapping(data, "units").items():
        if isinstance(value, dict):
            rules.check_keys(value, ["reading", "below_zero"], f"unit {sym!r}")
            if "reading" not in value:
                raise rules.fail(value, f"unit {sym!r} needs a reading")
            below = rules.template(value["below_zero"], ("n",)) if "below_zero" in value else None
            units[str(sym)] = Unit(rules.template(value["reading"], ("n",)), below)
        else:
            units[str(sym)] = Unit(rules.template(value, ("n",)), None)
        if "{n}" not in units[str(sym)].reading.source:
            raise rules.fail(value, f"unit {sym!r}: the reading must place the number with {{n}}")

    return YueRules(
        words=words, minute_style=style, follower=follower,
        follower_re=regex.compile(r"\s?(" + _alternation(follower) + ")"),
        label_before=regex.compile("(?:" + _alternation(_words_list(data, "label_before")) + r")\s?$"),
        ordinal=regex.compile("(?:" + _alternation(_words_list(data, "ordinal")) + r")\s?$"),
        digit_context=tuple(_words_list(data, "digit_context")),
        digit_before=tuple(_words_list(data, "digit_before")),
        temperature_words=tuple(_words_list(data, "temperature_words")),
        dial_words=tuple(_words_list(data, "dial_words")),
        names={str(k): str(v) for k, v in _mapping(data, "names").items()},
        currency_words=tuple(_words_list(data, "currency_words")),
        currency_word_traps=tuple(_words_list(data, "currency_word_traps")),
        magnitudes=magnitudes, currencies=currencies, units=units,
        short_year_after=tuple(_words_list(data, "short_year_after")),
        short_year_before=tuple(_words_list(data, "short_year_before")),
        short_year_duration=tuple(_words_list(data, "short_year_duration")),
        day_parts=tuple(_words_list(data, "day_parts")),
        clock_day_words=_clock_day_words(data),
        math_words={str(k): str(v) for k, v in _mapping(data, "math_words").items()})

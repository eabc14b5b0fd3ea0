"""English titles and street words: Dr. Smith -> Doctor Smith, Baker St. -> Baker Street.

St and Dr are both: a title before a name (St. Paul, Dr. Lee), a street word after one (Baker St.,
Elm Dr.). After a capitalized word that is not the first of its sentence they are the street word;
otherwise, before a capitalized word, the title. A street word's full stop is kept unless a
lowercase word or a comma follows, since it may also end the sentence.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled, fail, load
from .common import alternation, cardinal

RULE = "abbreviation"


def _table(key: str) -> dict[str, str]:
    data = load("en", "abbreviations")
    table = data.get(key) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise fail(data, f"'{key}' must map abbreviations to their spoken words")
    return table


@compiled
def _patterns():
    titles, streets = _table("titles"), _table("street_suffixes")
    title = re.compile(r"(?<![\w.])(" + alternation(list(titles)) + r")(\.?)(?=\s+[A-Z])")
    street = re.compile(r"(?<=\w )(" + alternation(list(streets)) + r")(\.?)(?![\w'])")
    return titles, streets, title, street


@compiled
def _suffixes():
    """King Jr., Apple Inc., Acme Ltd: a name suffix after a capitalized word (comma allowed)."""
    table = _table("name_suffixes")
    return table, re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(,? )(" + alternation(list(table)) + r")(\.?)(?![\w'])")


@compiled
def _always():
    """etc., e.g., i.e., vs.: read wherever they stand; Mon–Fri: a range of day names."""
    always, days = _table("always"), _table("weekdays")
    said = re.compile(r"(?<![\w.])(" + alternation(list(always)) + r")(,?)")
    day = alternation(list(days))
    day_range = re.compile(r"(?<![\w.])(" + day + r")\.?\s?[-–—]\s?(" + day + r")\b")
    # Tue., Mar. 12 / Fri. 3 May: a day name's abbreviation with its full stop before a date
    day_dotted = re.compile(r"(?<![\w.])(" + day + r")\.(?=,?\s+(?:[A-Z][a-z]{2}|\d))")
    day_hours = re.compile(r"(?<![\w.])(?:" + day + r")\.?(?:\s?[-–—]\s?(?:" + day + r")\b\.?)?(?=,?\s+\d)")
    return always, days, said, day_range, day_dotted, day_hours


_DAY_HOURS = re.compile(r"(?a),?\s+(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d:.]\d|\s?(?:[ap]\.?m|%))")
_CAP_WORD_BEFORE = re.compile(r"(?:^|([\w,;:]))\s*([A-Z0-9][\w'’-]*)\s+$")


def _after_inner_name(text: str, start: int) -> bool:
    """Is the word before `start` capitalized (or a house number) and not the sentence's first?"""
    m = _CAP_WORD_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) is not None


def find(text: str, lang: str) -> Iterator[Match]:
    if lang != "en":
        return
    titles, streets, title, street = _patterns()
    always, days, said, day_range, day_dotted, day_hours = _always()
    for m in day_dotted.finditer(text):
        yield Match(m.start(), m.end(), days[m.group(1)], RULE + ".day")
    for m in said.finditer(text):
        end = m.end(1)
        if m.group(1) == "etc." and not re.match(r"\s*[a-z,(]", text[end:]):
            end -= 1  # "... paper, etc." may end the sentence: the full stop stays
        yield Match(m.start(), end, always[m.group(1)], RULE + ".always")
    for m in day_range.finditer(text):
        yield Match(m.start(), m.end(), days[m.group(1)] + " to " + days[m.group(2)], RULE + ".days")

    for m in day_hours.finditer(text):  # Mon-Thu 9-5, Sat 10-4: opening hours, nine to five (never a minus)
        hours = _DAY_HOURS.match(text, m.end())
        if hours and int(hours.group(1)) <= 12 and int(hours.group(2)) <= 12:
            name = m.group().rstrip(".")
            if name in days:  # Sat 10-4: a lone day name before hours is the day (Saturday)
                yield Match(m.start(), m.end(), days[name], RULE + ".day")
            yield Match(hours.start(1), hours.end(), cardinal(hours.group(1), "en") + " to " + cardinal(hours.group(2), "en"),
                        RULE + ".hours")
    table, suffix = _suffixes()
    for m in suffix.finditer(text):
        end = m.end()
        if m.group(3) and not re.match(r"\s*(?:[a-z]|,|[A-Z][a-z])", text[end:]):
            end -= 1  # "... Acme Ltd." may end the sentence: the full stop stays
        yield Match(m.start(2), end, table[m.group(2)], RULE + ".suffix")
    taken = set()
    for m in street.finditer(text):
        if not _after_inner_name(text, m.start()):
            continue
        word, end = streets[m.group(1)], m.end()
        if m.group(2) and not re.match(r"\s*(?:[a-z]|,|(?:NW|NE|SW|SE)\b)", text[end:]):
            end -= 1  # "... Baker St." / "Baker St. They": the full stop may end the sentence
        taken.add(m.start())
        yield Match(m.start(), end, word, RULE + ".street")
    for m in title.finditer(text):
        bare = load("en", "abbreviations").get("titles_without_stop", [])
        if m.start() not in taken and (m.group(2) or m.group(1) in bare):
            yield Match(m.start(), m.end(), titles[m.group(1)], RULE + ".title")

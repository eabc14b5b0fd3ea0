"""Clock times (14:30, 9:05:30, 5 p.m.) versus ratios and scores (3:2, 比分2:1)."""
from __future__ import annotations

import re
from typing import Iterator

from .. import numerals
from ..pieces import Match
from .common import cardinal, head_has, numbers_rules, tail_has, tpl

RULE = "number.time"

# (?!\.\d): 1:7.8 is a ratio with a decimal side (_WIDE_RATIO), never 1:7 then ".8"
_COLON = re.compile(r"(?a)(?<![\d:.])(\d{1,3})\s?[:：](\d{1,3})(?:[:：](\d{1,3}))?(?![\d:]|\.\d)"
                    r"(?:\s?([AaPp])\.?\s?[Mm]\b\.?)?")
_RATIO_CHAIN = re.compile(r"(?a)(?<![\d:.])\d+(?:\.\d+)?(?:\s?[:：∶]\s?\d+(?:\.\d+)?){2,}(?![\d:])")
# 1:1000 比例尺, 1.5:1: a side too long or with a point is no clock time, so a ratio
# "3 : 2": a colon with a space on both sides is never a clock time
_SPACED_RATIO = re.compile(r"(?a)(?<![\d:.])(\d+(?:\.\d+)?)\s[:：∶]\s(\d+(?:\.\d+)?)(?![\d:]|\.\d)")
_WIDE_RATIO = re.compile(r"(?a)(?<![\d:.])(\d+(?:\.\d+)?)\s?[:：∶]\s?(\d+(?:\.\d+)?)(?![\d:.])")
_EN_AMPM = re.compile(r"(?a)(?<![\d:.])(\d{1,2})\s?([AaPp])\.?\s?[Mm](?:\b\.?|(?=\W|$))")


def _own_stop(text: str, m: re.Match) -> int:
    """Where a clock match ends: 9am. and "at 7 p.m." closing a sentence leave the full stop to the sentence."""
    end = m.end()
    if text[end - 1:end] == "." and re.search(r"[AaPp]\.\s?[Mm]\.$", m.group(0)) is None:
        return end - 1  # 9am.: the dot is the sentence's
    if text[end - 1:end] == "." and re.match(r"\s*(?:$|[A-Z\"”’)])", text[end:]):
        return end - 1  # "at 7 p.m." then a new sentence: keep one full stop for the split
    return end


# "at 10:15:30": a clock; otherwise h:mm:ss in English prose is a duration (finished in 2:15:30)
_EN_CLOCK_CUE = re.compile(r"(?i)\b(?:at|by|until|till|from|since|before|after|around|about|to)\s+(?:about\s+|around\s+)?$")


# 9秒83, 12秒91: a sprint time's hundredths after 秒 are said digit by digit (九秒八三)
_MILITARY = re.compile(r"(?a)(?<![\d.:,])([01]\d|2[0-4])([0-5]\d)(?!\d)(?=\s?(hours|hrs)\b)")
_AT_ZERO_CLOCK = re.compile(r"(?a)(?<![\d.:,])0(\d)([0-5]\d)(?![\d.,:]?\d|\s?(?:hours|hrs)\b)")
# 3:43.13, 1:59.40: a race time, minutes:seconds with hundredths (no clock has a decimal point)
_LAP = re.compile(r"(?a)(?<![\d:.])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\d:]|\.\d)")
_SPRINT = re.compile(r"(?a)(?<![\d.])(\d{1,2})秒(\d{2})(?![\d.])")


def en_duration(h: str, m: str, s: str) -> str:
    """2:15:30 -> two hours fifteen minutes thirty seconds (zero parts left out)."""
    parts = [(h, "hour"), (m, "minute"), (s, "second")]
    said = [f"{numerals.en_int(int(v))} {unit}{'s' * (int(v) != 1)}" for v, unit in parts if int(v)]
    return " ".join(said) if said else "zero seconds"


def zh_time(h: str, m: str | None, s: str | None = None) -> str:
    """9:30 -> 九点三十分, 14:05 -> 十四点零五分, 2:00 -> 两点."""
    hh = numerals.zh_int(h, liang=True)
    if m is None or (int(m) == 0 and not s):
        return tpl("zh", "time_h")(h=hh)
    mm = numerals.zh_int(m)
    if 0 < int(m) < 10:
        mm = "零" + mm
    if s:
        return tpl("zh", "time_hms")(h=hh, m=mm, s=numerals.zh_int(s))
    return tpl("zh", "time_hm")(h=hh, m=mm)


def en_time(h: str, m: str | None, ampm: str | None = None, s: str | None = None) -> str:
    """14:30 -> fourteen thirty, 9:05 -> nine oh five, 9:00 -> nine o'clock, 10:30 a.m. -> ten thirty a m."""
    out = numerals.en_int(h)
    if m and int(m):
        out += " " + ("oh " + numerals.en_int(m) if int(m) < 10 else numerals.en_int(m))
    elif not ampm:
        out += " o'clock" if int(h) <= 12 else " hundred"
    if s and int(s):
        out += " and " + numerals.en_int(s) + " seconds"
    if ampm:
        out += " " + ampm.lower()[0] + " m"
    return out


def _zh_day_part(text: str, start: int, ap: str, hour: str) -> str:
    """3pm in Mandarin is 下午三点, 11pm 晚上十一点, 1am 凌晨一点 (numbers.yaml clock_day_words);
    after a day-part word already said (明天下午3pm) only 三点."""
    rules = numbers_rules("zh")
    if tail_has(text, start, rules.get("day_parts", []), window=4):
        return ""
    return clock_day_word(int(hour), ap.lower().startswith("p"), rules.get("clock_day_words") or {0: "上午", 12: "下午"})


def clock_day_word(hour: int, pm: bool, table: dict) -> str:
    """The word for the part of the day of a 12-hour time: the entry of `table` (24-hour clock
    hour the part starts at -> word) for the latest start at or before the time."""
    h24 = hour % 12 + (12 if pm else 0)
    return table[max(int(k) for k in table if int(k) <= h24)]


def ratio(parts: list[str], lang: str) -> str:
    sep = tpl(lang, "ratio_sep")()
    return (f" {sep} " if lang == "en" else sep).join(cardinal(p, lang) for p in parts)


# the cue word, then at most a few names (beat the Red Sox 7-3)
_EN_SCORE = re.compile(r"\b(?i:ratio|odds|score|scored|win|wins|won|lose|loses|lost|beat|beats|defeated|tied|drew|final|victory|defeat|loss|vote|votes|voted|passed|tally|margin)\s*(?:of|was|is|by)?(?:\s+(?:the\s+)?[A-Z][\w.'’-]*){0,3}\s*:?\s*$")


def is_score_context(text: str, start: int, lang: str) -> bool:
    """Is the number at `start` a ratio or a score by the words just before it (比分, won)?"""
    if lang == "en":
        return _EN_SCORE.search(text, max(0, start - 48), start) is not None
    rules = numbers_rules(lang)
    if tail_has(text, start, rules.get("ratio_before", [])):
        return True
    # 比分定格在2-1, 最终比分为3-2: a score word earlier in the same clause; 3-1击败 / 2-1获胜: a result word after
    clause = re.split(r"[，,。；;！!？?：:、\s]", text[max(0, start - 10):start])[-1]
    if any(c in clause for c in rules.get("score_before", [])):
        return True
    after = re.match(r"(?a)[\d.:：\-–—]*\s?", text[start:])
    return head_has(text, start + after.end(), rules.get("score_after", [])) if after else False


def find(text: str, lang: str) -> Iterator[Match]:
    cues = numbers_rules(lang).get("ratio_before", []) if lang != "en" else []
    for m in _RATIO_CHAIN.finditer(text):
        hms = re.fullmatch(r"(\d{1,2})[:：](\d\d)[:：](\d\d)", m.group(0))
        if hms and int(hms.group(1)) <= 24 and int(hms.group(2)) < 60 and int(hms.group(3)) < 60 \
                and not tail_has(text, m.start(), cues):
            continue  # 23:59:59 is a clock time
        yield Match(m.start(), m.end(), ratio(re.split(r"\s?[:：∶]\s?", m.group(0)), lang), "number.ratio")
    if lang == "en":
        for m in _LAP.finditer(text):  # ran the mile in 3:43.13: three forty-three point one three
            yield Match(m.start(), m.end(), f"{numerals.en_int(m.group(1))} {en_time('0', m.group(2)).split(' ', 1)[1]}"
                        f" point {numerals.en_digits(m.group(3))}", RULE + ".lap")
    for m in _COLON.finditer(text):
        h, mi, s, ap = m.groups()
        is_time = (len(mi) == 2 and int(h) <= 24 and int(mi) < 60 and (s is None or (len(s) == 2 and int(s) < 60))
                   and not is_score_context(text, m.start(), lang))
        if lang == "en" and not ap and s is None and re.match(r"\s?(?:ratio|split|mix|scale)\b", text[m.end():]):
            yield Match(m.start(), m.end(), ratio([h, mi], lang), "number.ratio")  # a 1:10 ratio
            continue
        if lang == "en" and not is_time and not ap and s is None and 24 < int(h) < 60 and len(mi) == 2 and int(mi) < 60 \
                and not is_score_context(text, m.start(), lang) and re.search(r"\b(?:in|of|time|clocked|finished|ran)\s$",
                                                                            text[max(0, m.start() - 10):m.start()]):
            yield Match(m.start(), m.end(), en_duration("0", h, mi), RULE + ".duration")  # ran 10 km in 45:30
            continue
        if is_time and lang == "en" and s is not None and not ap and \
                not _EN_CLOCK_CUE.search(text, max(0, m.start() - 20), m.start()):
            yield Match(m.start(), m.end(), en_duration(h, mi, s), RULE + ".duration")
            continue
        if is_time:
            spoken = en_time(h, mi, ap, s) if lang == "en" else zh_time(h, mi, s)
            if lang == "en" and spoken.endswith(" o'clock") and re.match(r"\s*o['’]clock", text[m.end():]):
                spoken = spoken[:-len(" o'clock")]  # 3:00 o'clock: the word is written already
            if ap and lang != "en":
                spoken = _zh_day_part(text, m.start(), ap, h) + spoken
            yield Match(m.start(), _own_stop(text, m) if lang == "en" else m.end(), spoken, RULE)
        elif not ap:
            parts = [p for p in (h, mi, s) if p is not None]
            yield Match(m.start(), m.end(), ratio(parts, lang), "number.ratio")
    for m in _SPACED_RATIO.finditer(text):
        yield Match(m.start(), m.end(), ratio(list(m.groups()), lang), "number.ratio")
    for m in _WIDE_RATIO.finditer(text):
        if any(len(p) > 3 or "." in p for p in m.groups()):
            yield Match(m.start(), m.end(), ratio(list(m.groups()), lang), "number.ratio")
    if lang != "en":
        from .phone import _measure_after  # late: phone imports from common only
        for m in _SPRINT.finditer(text):
            if not _measure_after(lang).match(text, m.end()):
                yield Match(m.start(), m.end(), numerals.zh_int(m.group(1)) + "秒" + numerals.zh_digits(m.group(2)), RULE + ".hundredths")
    for m in _EN_AMPM.finditer(text):
        h, ap = m.group(1), m.group(2)
        if lang == "en":
            yield Match(m.start(), _own_stop(text, m), en_time(h, None, ap), RULE)
        elif int(h) <= 12:
            yield Match(m.start(), m.end(), _zh_day_part(text, m.start(), ap, h) + zh_time(h, None), RULE)


class military:
    """0800 hours (oh eight hundred hours), at 1430 hours (fourteen thirty hours): a four-digit clock
    time before 'hours', claimed before phone reads a leading-zero number digit by digit. Without a
    leading zero it needs at/by/from/until before it (2000 hours to build is a duration)."""

    @staticmethod
    def find(text: str, lang: str) -> Iterator[Match]:
        if lang != "en":
            return
        for m in _AT_ZERO_CLOCK.finditer(text):  # leaves at 0630: a leading-zero clock time after "at"
            if _EN_CLOCK_CUE.search(text, max(0, m.start() - 20), m.start()) and m.group(1) != "00":
                yield Match(m.start(), m.end(), "oh " + numerals.en_int(int(m.group(1))) + (
                    " hundred" if m.group(2) == "00" else " " + en_time("0", m.group(2)).split(" ", 1)[1]), RULE + ".military")
        for m in _MILITARY.finditer(text):
            h, mi = m.group(1), m.group(2)
            if int(h) > 24 or not (h.startswith("0") or _EN_CLOCK_CUE.search(text, max(0, m.start() - 20), m.start())):
                continue
            hour = ("oh " if h.startswith("0") else "") + numerals.en_int(int(h))
            spoken = hour + (" hundred" if mi == "00" else " " + en_time("0", mi).split(" ", 1)[1])
            yield Match(m.start(), m.end(), spoken, RULE + ".military")

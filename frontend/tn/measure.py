"""Measures: a number with a unit symbol (50kg, 60km/h, 20m², 36.5℃, -5℃ 零下五摄氏度, 2.5 kg)."""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import Match
from ..rules import compiled
from . import symbols, units
from .cardinal import read_cardinal
from .common import NUM, alternation, cardinal, sign_allowed, tail_has, tpl, words, words_map

RULE = "number.measure"

TEMPERATURE = ("℃", "°C", "℉", "°F")


@compiled
def unit_pattern(lang: str) -> str:
    """A unit symbol: simple, with a power (m², cm^3), or compound (km/h, m/s², N·m)."""
    simple = "|".join(re.escape(s) for s in units.symbols(lang))
    one = r"(?:" + simple + r")(?:\^[23]|[²³])?"
    return one + r"(?:[/·⋅]" + one + r")?"


@compiled
def _counted_unit_pattern():
    """A unit after a count written with 万/亿 (960万km²), after 多少/几 (面积是多少cm²?) or after a
    measure word and a slash (人/km²)."""
    return re.compile(r"(?:(?<=\d[万亿])|(?<=\d [万亿])|(?<=多少)|(?<=几)|(?<=[\u4e00-\u9fff])(?P<slash>/))(?P<unit>" + unit_pattern("zh")
                      + r")(?![A-Za-z0-9])")


@compiled
def _pattern(lang: str):
    u = unit_pattern(lang)
    # a unit must not run on into a word (5 min ok, "5 mins" no, "3 A级" no)
    return re.compile(r"(?a)(?P<sign>[-−])?(?<![\d.,])(?P<num>" + NUM + r")(?![\d])(?P<sp>\s?)(?P<unit>" + u +
                      r")(?![A-Za-z0-9²³])", re.A)


def read_measure(num: str, unit: str, lang: str, *, negative: bool = False, attributive: bool = False) -> str | None:
    """'36.5', '℃' -> 三十六点五摄氏度; negative temperatures are 零下 in Mandarin.
    attributive: English 'a 5 km run' says the unit in the singular (a five kilometer run)."""
    plain = num.replace(",", "")
    plural = not (plain == "1" or attributive)
    word = units.read_unit(unit, lang, plural=plural)
    if word is None:
        return None
    # the cardinal 两 rule, where the unit takes it: 两公斤, 两百瓦 (as 两百人), but 二百摄氏度
    whole = "." not in plain and plain.isdigit()
    liang = lang != "en" and whole and (plain == "2" or len(plain) >= 3) and units.liang_before(unit)
    spoken = cardinal(num, lang, liang=liang)
    spoken = f"{spoken} {word}" if lang == "en" else spoken + word
    if negative:
        name = "below_zero" if unit in TEMPERATURE else "negative"
        spoken = tpl(lang, name)(num=spoken)
    return spoken


_LABEL_STOP = re.compile(r"[。；！？;!?\n]|[.,](?!\d)")


def _after_label(text: str, start: int, lang: str) -> bool:
    """A seat/gate/room word shortly before, in the same sentence (我坐12A，他坐12B reads both as seats)."""
    before = _LABEL_STOP.split(text[max(0, start - 16):start])[-1].lower()
    if lang == "en":
        return any(re.search(r"\b" + re.escape(w) + r"s?\b", before) for w in words(lang, "label_before"))
    cues = words(lang, "label_before")
    return any(w in before for w in cues if len(w) > 1) or tail_has(text, start, [w for w in cues if len(w) == 1])


def _ambiguous(text: str, m: re.Match, lang: str) -> bool:
    """Single-letter units are easy to mistake: 5A级景区, 4K屏, 'Grade 5 A', 'there were 5 in'."""
    unit = m.group("unit")
    nxt = text[m.end():m.end() + 1]
    if len(unit) == 1 and unit.isascii() and unit.isupper() and _after_label(text, m.start(), lang):
        return True  # 座位12A, seat 12A, gate 5B: a label letter
    if len(unit) == 1 and unit.isascii() and unit.isalpha():
        # 200W快充, 12V电池, 2.5L水: glued before a Han word these capitals are units (3L码 is a size)
        power = (unit in ("W", "V") or unit == "L" and nxt not in "码号型款") and "\u4e00" <= nxt <= "\u9fff"
        if unit.isupper() and nxt and not (nxt.isspace() or nxt in ",.;:!?，。；：！？)）/、" or power):
            return True
        if m.group("sp") and unit in ("A", "a", "I", "t", "l", "B"):
            return True  # "Grade 5 A", "5 t" : too often a word or a label
    if unit == "in" and m.group("sp") and not re.match(r"\.(?: [a-z,]|,|$)", text[m.end():m.end() + 3]):
        return True  # "5 in the box"; "2.5 in. yesterday" keeps the abbreviation's full stop: inches
    if unit == "K" and not m.group("sp") and len(m.group("num")) <= 2 and "." not in m.group("num"):
        return True  # a 4K TV, 8K video, a 5K run: the letter K, not kelvin
    if unit == "B" and not m.group("sp"):
        return True  # 7B, 70B: a model's size in billions of parameters far more often than bytes
    before = text[m.start("num") - 1:m.start("num")]
    if before.isascii() and before.isalpha() and not m.group("sp"):
        return True  # 奥迪A6L, X5M: a number glued after a letter is part of a model name
    return False


@compiled
def _chain_pattern(lang: str):
    """Two or more number+unit pairs of one chain in a row: 3h 15m, 6 ft 2 in, 5'11"."""
    spellings = sorted({s for chain in units.chains(lang) for step in chain for s in step}, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(s) for s in spellings) + ")"
    pair = r"\d+(?:\.\d+)?\s?" + unit
    return re.compile(r"(?<![\w.,'])" + pair + r"(?:\s?" + pair + r")+(?![A-Za-z0-9²³'\"])", re.A)


_PAIR = re.compile(r"(\d+(?:\.\d+)?)\s?(\D+?)\s*(?=\d|$)", re.A)


def _read_chain(span: str, lang: str) -> str | None:
    """'3h 15m' -> three hours fifteen minutes, when the units are steps of one chain, largest first."""
    pairs = [(num, sym.strip()) for num, sym in _PAIR.findall(span)]
    for chain in units.chains(lang):
        steps = [next((i for i, step in enumerate(chain) if sym in step), None) for _, sym in pairs]
        if None in steps or any(b <= a for a, b in zip(steps, steps[1:])):
            continue
        parts = [read_measure(num, chain[i][0], lang) for (num, _), i in zip(pairs, steps)]
        if None in parts:
            return None
        return (" " if lang == "en" else "").join(parts)
    return None


# 5'11 (a height without its inch mark): feet then a bare number below 12 is inches
_FEET_INCHES = re.compile(r"(?<![\w.,'])(\d)\s?['′]\s?(\d|1[01])(?![\d'\"″.]?\w|['\"″])", re.A)

# 6' tall, 6′ high: a lone foot mark after one or two digits, then a word, with no opening single quote
# earlier in the line (so 'Room 6' stays a quotation)
_FEET_ONLY = re.compile(r"(?<![\w.,'])(\d{1,2})\s?(['′])(?=\s+[A-Za-z])", re.A)


_MARK_BY = re.compile(r"(?<![\w.,'\"])(\d{1,3}(?:\.\d)?)\s?(['′\"″])\s?[x×]\s?(\d{1,3}(?:\.\d)?)\s?\2"
                      r"(?:\s?[x×]\s?(\d{1,3}(?:\.\d)?)\s?\2)?", re.A)
_INCH_MARK = re.compile(r"(?<![\w.,'\"])(\d{1,3}(?:\.\d)?)[\"″](?=[\s.,;:!?)]|$)", re.A)


def _opening_quote_before(text: str, start: int) -> bool:
    return re.search(r"(?:^|[\s(\[])'", text[:start]) is not None


# 4x4 grid, 1920x1080: digits joined by a lowercase x are dimensions, read "by"
_BY = re.compile(r"(?a)(?<![\w.])(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(?!\w|\.\d|\.\w)")
# 20 x 15 x 10 inches, 8 x 10 in: spaced dimensions, when there are three of them or a unit follows
# (a spaced "7 x 8" alone stays a product)
_BY_SPACED = re.compile(r"(?a)(?<![\w.])(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?)(?: x (\d+(?:\.\d+)?))?(?![\w.]|\.\d)"
                        r"(?=(?P<next> ?[A-Za-z]+\b\.?)?)")


# 3'25", 1′05″ after 用时/成绩 or with 12 or more after the mark: minutes and seconds, not feet and inches
_MIN_SEC = re.compile(r"(\d{1,3})\s?['′]\s?(\d{1,2}(?:\.\d+)?)\s?(?:\"|″|'')")
_TIME_CUES = ("耗时", "用时", "成绩", "时长", "计时", "跑出", "游出", "历时", "时间", "time", "timed", "clocked", "finished in")


def _as_min_sec(text: str, m: re.Match, lang: str) -> str | None:
    mm = _MIN_SEC.fullmatch(m.group())
    if not mm or not (float(mm.group(2)) >= 12 or any(c in text[max(0, m.start() - 14):m.start()] for c in _TIME_CUES)):
        return None
    mins, secs = mm.group(1), mm.group(2)
    if lang == "en":
        return f"{cardinal(mins, lang)} minute{'s' * (mins != '1')} {cardinal(secs, lang)} second{'s' * (secs != '1')}"
    return cardinal(mins, lang, liang=True) + "分" + cardinal(secs, lang) + "秒"  # 两分三十秒


def find(text: str, lang: str) -> Iterator[Match]:
    for m in _BY.finditer(text):  # 3x4的矩阵 三乘四的矩阵, a 3x4 matrix three by four
        yield Match(m.start(), m.end(), cardinal(m.group(1), lang) + _RELAY_BY["en" if lang == "en" else "zh"]
                    + cardinal(m.group(2), lang), RULE + ".by")
    for m in _BY_SPACED.finditer(text):
        nxt = (m.group("next") or "").strip()
        if m.group(3) is None and not (nxt and units.read_unit(nxt.rstrip("."), lang) is not None):
            continue
        by = _RELAY_BY["en" if lang == "en" else "zh"]
        yield Match(m.start(), m.end(), by.join(cardinal(n, lang) for n in m.groups()[:3] if n), RULE + ".by")
    if lang == "en" and (" x " in text or " × " in text):
        for m in _BY_UNITS(lang).finditer(text):  # a room 12 ft x 14 ft: twelve feet by fourteen feet
            sides = [read_measure(n, u, lang) for n, u in re.findall(r"(?a)(" + NUM + r")\s?(\S+?)(?= [x×] |$)", m.group())]
            if len(sides) >= 2 and None not in sides:
                yield Match(m.start(), m.end(), _RELAY_BY["en"].join(sides), RULE + ".by")
    if lang == "en":
        yield from _context_units_find(text)
        if "/" in text:
            for m in _MEASURE_SLASH(lang).finditer(text):  # 8GB/256GB: two specs, said one after the other
                a, b = read_measure(m.group(1), m.group(2), lang), read_measure(m.group(3), m.group(4), lang)
                if a and b:
                    yield Match(m.start(), m.end(), a + ", " + b, RULE + ".pair")
    for m in _chain_pattern(lang).finditer(text):
        spoken = _as_min_sec(text, m, lang) or _read_chain(m.group(), lang)
        if spoken is not None:
            yield Match(m.start(), m.end(), spoken, RULE + ".compound")
    for m in _FEET_INCHES.finditer(text):
        spoken = _read_chain(f"{m.group(1)}'{m.group(2)}\"", lang)
        if spoken is not None:
            yield Match(m.start(), m.end(), spoken, RULE + ".compound")
    for m in _MARK_BY.finditer(text):  # a room 12' x 15': twelve feet by fifteen feet
        unit = "ft" if m.group(2) in "'′" else "in"
        sides = [read_measure(n, unit, lang) for n in (m.group(1), m.group(3), m.group(4)) if n]
        if None not in sides:
            yield Match(m.start(), m.end(), _RELAY_BY["en" if lang == "en" else "zh"].join(sides), RULE + ".by")
    for m in _INCH_MARK.finditer(text):  # a 65" TV, the TV is 65".: an inch mark closing no quotation
        if text[:m.start()].count('"') % 2 == 0 and "“" not in text[:m.start()]:
            attributive = lang == "en" and _attributive(text, m.start(), m.end())
            spoken = read_measure(m.group(1), "in", lang, attributive=attributive)
            if spoken is not None:
                yield Match(m.start(), m.end(), spoken, RULE)
    for m in _FEET_ONLY.finditer(text):
        if m.group(2) == "'" and _opening_quote_before(text, m.start()):
            continue
        spoken = read_measure(m.group(1), "ft", lang)
        if spoken is not None:
            yield Match(m.start(), m.end(), spoken, RULE)
    if lang == "en":
        for m in _HYPHENED(lang).finditer(text):  # a 10-kg bag: ten-kilogram, always attributive
            if m.group("unit") in ("K", "Q", "B"):
                continue  # a 10-K / 10-Q filing, a B-52-style name: letters, never kelvin
            spoken = read_measure(m.group("num"), m.group("unit"), lang, attributive=True)
            if spoken is not None:
                num, _, word = spoken.partition(" ")
                yield Match(m.start(), m.end(), num + "-" + word, RULE + ".attributive")
    if lang != "en":
        for m in _counted_unit_pattern().finditer(text):
            # 960万km² 九百六十万平方千米, 150人/km² 一百五十人每平方千米, 3元/kg 三元每千克
            if m.group("slash") and text[m.start() - 1] not in symbols._per_before():
                continue  # only after a measure word: 人/km², 元/kg (not 中文/in English)
            spoken = units.read_unit(m.group("unit"), lang)
            if spoken is not None:
                per = units.table(lang)["per"] if m.group("slash") else ""
                yield Match(m.start(), m.end(), per + spoken, RULE + ".after_count")
    for m in _pattern(lang).finditer(text):
        if _ambiguous(text, m, lang):
            continue
        negative = bool(m.group("sign")) and sign_allowed(text, m.start())
        attributive = lang == "en" and _attributive(text, m.start(), m.end())
        spoken = read_measure(m.group("num"), m.group("unit"), lang, negative=negative, attributive=attributive)
        if spoken is None:
            continue
        end = m.end()
        if lang == "en" and re.match(r"\. [a-z]", text[end:end + 3]) and m.group("unit")[-1:].isalpha():
            end += 1  # 2 tbsp. of oil: the abbreviation's full stop, not the sentence's
        yield Match(m.start() if negative else m.start("num"), end, spoken, RULE + ".attributive" * attributive)


@compiled
def _BY_UNITS(lang: str):
    """12 ft x 14 ft, 20 cm × 30 cm: each side with its unit."""
    side = r"(?<![\d.,])" + NUM + r"\s?(?:" + unit_pattern(lang) + r")"
    return re.compile(r"(?a)(?<![\w.])" + side + r"(?: [x×] " + side + r"){1,2}(?![A-Za-z0-9²³])")


@compiled
def _MEASURE_SLASH(lang: str):
    simple = "|".join(re.escape(x) for x in units.symbols(lang))
    return re.compile(r"(?a)(?<![\w.,])(" + NUM + r")\s?(" + simple + r")/(" + NUM + r")\s?(" + simple + r")(?![A-Za-z0-9/])")


@compiled
def _context_units() -> tuple:
    """Unit letters whose reading depends on the words around them (rules/en/numbers.yaml
    `context_units`): 25 bps in a sentence about rates is basis points, 0.5 M HCl is molar,
    70B parameters is billion."""
    out = []
    for entry in words_map("en", "context_units"):
        unit, one, many = entry["unit"], entry["read"][0], entry["read"][1]
        after = entry.get("before_words")
        pat = re.compile(r"(?a)(?<![\d.,])(" + NUM + r")(?![\d])(\s?)" + re.escape(unit) + r"(?![A-Za-z0-9])"
                         + (r"(?= (?:" + alternation(after) + r")\b)" if after else "")
                         + (r"(?= (?=[A-Za-z0-9]*[a-z0-9])[A-Z][a-z]?(?:\d|[A-Z])[A-Za-z0-9]*\b)"
                            if entry.get("before_formula") else ""))  # HCl, NaOH, H2SO4 (not USD)
        out.append((pat, one, many, entry.get("cues") or [], entry.get("glued", True)))
    return tuple(out)


def _context_units_find(text: str) -> Iterator[Match]:
    for pat, one, many, cues, glued in _context_units():
        for m in pat.finditer(text):
            if not glued and not m.group(2):
                continue
            if cues:
                clause = re.split(r"[.;!?]\s", text[max(0, m.start() - 120):m.start()])[-1].lower()
                if not any(re.search(r"\b" + re.escape(c.lower()) + r"\b", clause) for c in cues) \
                        and "%" not in clause:
                    continue
            num = m.group(1)
            word = one if num.replace(",", "") == "1" else many
            yield Match(m.start(), m.end(), f"{cardinal(num, 'en')} {word}", RULE + ".context")


@compiled
def _HYPHENED(lang: str):
    return re.compile(r"(?a)(?<![\d.,-])(?P<num>" + NUM + r")-(?P<unit>" + unit_pattern(lang) + r")(?![A-Za-z0-9²³-])")


_WORD_AFTER = re.compile(r"(?a) ?([a-z][a-z-]*)\b")
_WORD_BEFORE = re.compile(r"(?a)\b([A-Za-z]+) $")
_MEASURE_AFTER = re.compile(r"(?a) \d+(?:\.\d+)?\s?[A-Za-z]{1,3}(?= [a-z])")
_ACRONYM_AFTER = re.compile(r"(?a) [A-Z]{2,6}s?\b")


def _attributive(text: str, start: int, end: int) -> bool:
    """English 'the 100m dash', 'a 5 km run', '10kg bag': a measure before a noun describes it and
    keeps its unit singular. The next word must be a lower-case word that is no function word,
    adverb or adjective of extent from rules/en/numbers.yaml (ran 5km today, 2 m tall, 5 km away)."""
    chained = _MEASURE_AFTER.match(text, end)
    if chained is not None:
        return _attributive(text, start, chained.end())  # a 5V 2A charger: both name the charger
    acronym = _ACRONYM_AFTER.match(text, end)
    if acronym is not None and (b := _WORD_BEFORE.search(text, max(0, start - 16), start)) is not None \
            and b.group(1).lower() in ("a", "an"):
        return True  # a 512GB SSD, a 65W USB charger: the measure names the thing
    after = _WORD_AFTER.match(text, end)
    if after is None or text[end:end + 1] not in (" ", ""):
        return False
    word = after.group(1)
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if before is not None and before.group(1).lower() in ("a", "an") and word not in ("of", "and", "or", "to"):
        return True  # 'a five kilometers run', 'a two meters tall fence' are never right
    if before is not None and before.group(1).lower() in _quantity_before():
        return False  # dropped to 5°F overnight, rose by 3 m last year: a quantity after the preposition
    return word not in _not_nouns() and not word.endswith("ly")


@compiled
def _quantity_before() -> frozenset:
    return frozenset(w.lower() for w in words("en", "quantity_before"))


@compiled
def _not_nouns() -> frozenset:
    return frozenset(words("en", "not_attributive_before"))


# 4×100米接力, 4x200m自由泳接力: a relay's legs times distance is said 乘 (four by one hundred), not the
# product 乘以; claimed by cleanup before math could read × as an operator
_RELAY = re.compile(r"(?a)(?<![\d.])(?P<legs>[2-9])\s?[×xX✕*]\s?(?P<dist>\d{2,5})\s?(?P<unit>米|m|M)(?![A-Za-z])"
                    r"(?=[\u4e00-\u9fff]{0,6}(?:接力|relay)|\s?(?:relay|Relay))")
_RELAY_BY = {"zh": "乘", "en": " by "}


@compiled
def _PACK(lang: str):
    """0.25g×24片, 500ml*12瓶, 10mg×30粒×2板: a pack size (a measure times counts of measure words)."""
    counted = alternation(words(lang, "measure_words"))
    step = r"\s?[×xX✕*]\s?\d+\s?(?:" + counted + ")"
    return re.compile(r"(?a)(?<![\d.,])(?P<num>" + NUM + r")\s?(?P<unit>" + unit_pattern(lang) + r")(?P<steps>(?:"
                      + step + ")+)"), re.compile(r"(?a)\s?[×xX✕*]\s?(\d+)\s?(?=" + counted + ")")


def packs(text: str, lang: str) -> Iterator[Match]:
    """Pack sizes on product and medicine labels, read 乘 like a relay: 零点二五克乘二十四片
    (claimed by cleanup before math reads 0.25g×24 as a product of a letter g)."""
    if lang == "en":
        return
    whole, step = _PACK(lang)
    for m in whole.finditer(text):
        size = read_measure(m.group("num"), m.group("unit"), lang)
        if size is None:
            continue
        said, pos = size, m.start("steps")
        for s in step.finditer(text, pos, m.end()):
            said += text[pos:s.start()] + _RELAY_BY["zh"] + read_cardinal(s.group(1), lang, text, s.end())
            pos = s.end()
        yield Match(m.start(), pos, said, RULE + ".pack")


def relays(text: str, lang: str) -> Iterator[Match]:
    for m in _RELAY.finditer(text):
        # an attributive distance: "four by one hundred meter relay" (singular), 四乘一百米
        dist = cardinal(m.group("dist"), lang) + (" meter" if lang == "en" else "米")
        spoken = cardinal(m.group("legs"), lang) + _RELAY_BY["en" if lang == "en" else "zh"] + dist
        yield Match(m.start(), m.end(), spoken, RULE + ".relay")


# 30°N, 39°54′N, 120° E: a latitude or longitude; the compass letter names the half (北纬 / north)
_COORDINATE = re.compile(r"(?a)(?<![\d.])(\d{1,3}(?:\.\d+)?)°(?:\s?(\d{1,2}(?:\.\d+)?)[′'])?(?:\s?(\d{1,2}(?:\.\d+)?)[″\"])?"
                         r"\s?([NSEW])(?![A-Za-z0-9])")


def coordinates(text: str, lang: str) -> Iterator[Match]:
    """Claimed by clean-up, before the formula reader takes 39°54′ as an angle."""
    if "°" not in text:
        return
    compass = words(lang, "compass")
    names = dict(zip("NSEW", compass)) if len(compass) == 4 else {}
    for m in _COORDINATE.finditer(text):
        deg, mi, sec, half = m.groups()
        if not names:
            return
        if lang == "en":
            parts = [cardinal(deg, lang) + (" degree" if deg == "1" else " degrees")]
            parts += [cardinal(x, lang) + (" " + w if x == "1" else " " + w + "s") for x, w in ((mi, "minute"), (sec, "second")) if x]
            spoken = " ".join(parts) + " " + names[half]
        else:
            spoken = names[half] + cardinal(deg, lang) + "度" + (cardinal(mi, lang) + "分" if mi else "") \
                + (cardinal(sec, lang) + "秒" if sec else "")
        yield Match(m.start(), m.end(), spoken, RULE + ".coordinate")

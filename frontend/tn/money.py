"""Money: ¥35, $1,280.50, HK$10, €5, £3.20, $1.5 million, ¥88元 (read once), 12.50美元, 99.9元 (元角分)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterator

from .. import numerals
from ..pieces import Match
from ..rules import check_keys, compiled, fail, load
from .common import NUM, alternation, en_cardinal, sign_allowed, tpl, zh_cardinal

RULE = "number.money"


@compiled
def currencies(lang: str) -> dict:
    data = load(lang, "currency")
    check_keys(data, ("symbols", "names", "yuan_names", "yuan_units", "zero", "scales", "rate_cues"),
               f"rules/{lang}/currency.yaml")
    syms = data.get("symbols")
    if not isinstance(syms, dict):
        raise fail(data, "'symbols' must be a mapping", "symbols")
    for sym, v in syms.items():
        if lang == "en":
            if not (isinstance(v, list) and len(v) == 4 and all(isinstance(x, str) for x in v)):
                raise fail(syms, f"currency {sym!r}: expected [unit, units, cent, cents]", sym)
        else:
            check_keys(v, ("read", "yuan", "traditional", "before"), f"currency {sym!r}")
            if not isinstance(v.get("read"), str):
                raise fail(v, f"currency {sym!r}: 'read' must be a string")
    return data


@compiled
def _patterns(lang: str):
    cur = currencies(lang)
    syms = alternation(cur["symbols"])
    scales = alternation(cur["scales"])
    names = alternation(cur.get("names", []))
    # the scale needs a word boundary after Latin scales (1.5m is metres elsewhere: only after a symbol)
    prefix = re.compile(r"(?a)(?P<sign>-)?(?P<cur>" + syms + r")\s?(?P<sign2>-)?(?P<num>" + NUM + r")(?![\d])"
                        r"(?:\s?(?P<scale>" + scales + r")(?![A-Za-z]))?"
                        + (r"(?P<dup>\s?(?:" + names + r"))?" if lang != "en" else r"(?:\s?(?P<dup>" + names + r")\b)?"))
    code_after = re.compile(r"(?a)(?<![\d.,])(?P<num>" + NUM + r")\s?(?P<cur>" +
                            alternation(s for s in cur["symbols"] if s.isalpha()) + r")\b")
    suffix = None
    if lang != "en":
        suffix = re.compile(r"(?a)(?<![\d.,])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)(?=\s?(?P<name>" + names + r"))")
    return prefix, code_after, suffix


def _scaled(num: str, scale: str | None, lang: str) -> tuple[str, str]:
    """Return (number to read, scale word) -- Mandarin multiplies Western scales out (1.5 million -> 一百五十万)."""
    num = num.replace(",", "")
    if not scale:
        return num, ""
    word = currencies(lang)["scales"][scale]
    if lang == "en":
        return num, word
    factor = {"千": 10**3, "百万": 10**6, "十亿": 10**9, "万亿": 10**12}.get(word)
    if factor is None:  # 万 / 亿 / 千万: Mandarin scale words, kept as they are
        return num, word
    try:
        value = Decimal(num) * factor
    except InvalidOperation:
        return num, word
    return (str(value.quantize(Decimal(1))) if value == value.to_integral() else format(value.normalize(), "f")), ""


def zh_money(num: str, unit: str, *, yuan: bool, scale: str = "") -> str:
    """¥12.50 -> 十二元五角, $4.99 -> 四点九九美元, ¥2 -> 两元."""
    whole, _, frac = num.replace(",", "").partition(".")
    if yuan and frac and not scale and len(frac) <= 2:
        frac = (frac + "0")[:2]
        jiao, fen = int(frac[0]), int(frac[1])
        out = zh_cardinal(whole, liang=True) + unit if int(whole or 0) or not (jiao or fen) else ""
        if jiao:
            out += numerals.zh_int(jiao, liang=True) + "角"
        if fen:
            out += ("零" if out and not jiao else "") + numerals.zh_int(fen, liang=True) + "分"
        return out
    frac = frac.rstrip("0")
    num = whole + ("." + frac if frac else "")
    return zh_cardinal(num, liang=True) + scale + unit


def en_money(num: str, names: list[str], scale: str = "") -> str:
    """$1,280.50 -> one thousand two hundred eighty dollars and fifty cents; $1.5 million -> one point five million dollars."""
    unit, units, cent, cents = names
    whole, _, frac = num.replace(",", "").partition(".")
    if scale:
        return f"{en_cardinal(num)} {scale} {units}"
    if frac and len(frac) <= 2:
        c = int((frac + "0")[:2])
        w = int(whole or 0)
        parts = []
        if w:
            parts.append(f"{numerals.en_int(w)} {unit if w == 1 else units}")
        if c:
            parts.append(f"{numerals.en_int(c)} {cent if c == 1 else cents}")
        return " and ".join(parts) or f"zero {units}"
    if frac:
        return f"{en_cardinal(num)} {units}"
    return f"{en_cardinal(num)} {unit if int(whole or 0) == 1 else units}"


_TAIL = re.compile(r"(?a)\s?(?P<sep>[-~～–—])\s?(?P<num>" + NUM + r")(?![\d.,]?\d|\s?[%‰]|[A-Za-z])")


@compiled
def _scaled_tail(lang: str):
    """'-5k' after $3k: the upper end of a range of scaled amounts, its scale still to read."""
    scales = alternation(currencies(lang)["scales"])
    return re.compile(r"(?a)\s?[-~～–—]\s?(" + NUM + r")(?=\s?(?:" + scales + r")(?![A-Za-z]))")


def _range_tail(text: str, end: int, first: str) -> tuple[int, str] | None:
    """'-20' after ¥10: the upper end of a price range (the first is smaller, or the dash is a
    tilde or an en dash, which are never a minus); else None ($10-3 stays a subtraction)."""
    t = _TAIL.match(text, end)
    if t is None:
        return None
    try:
        smaller = float(first.replace(",", "")) < float(t.group("num").replace(",", ""))
    except ValueError:
        return None
    return (t.end(), t.group("num")) if smaller or t.group("sep") != "-" else None


def _money_range(a: str, b: str, info, lang: str) -> str:
    """¥10-20 十到二十元, $10-20 ten to twenty dollars; with cents each end is a whole amount."""
    joiner = tpl(lang, "range")(a="", b="")
    cents = "." in a or "." in b
    if lang == "en":
        left = en_money(a.replace(",", ""), info) if cents else en_cardinal(a)
        return left + joiner + en_money(b.replace(",", ""), info)
    yuan = bool(info.get("yuan"))
    left = zh_money(a, info["read"], yuan=yuan) if cents else zh_cardinal(a.replace(",", ""), liang=True)
    return left + joiner + zh_money(b, info["read"], yuan=yuan)


_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")
_BRACKETED = re.compile(r"[（(][^（）()]{0,10}[）)]")


def _per_after(text: str, end: int, name: str) -> bool:
    """12.34元/股, 2.35元/斤: a unit price (the amount per something) is a rate, read as a decimal."""
    rest = text[end:].lstrip()
    return rest.startswith(name + "/") and "\u4e00" <= rest[len(name) + 1:len(name) + 2] <= "\u9fff"


def _after_rate_cue(text: str, start: int, cues: list[str], window: int = 8) -> bool:
    """汇率7.12元, 股价收报12.35元: a rate word shortly before the amount, in the same clause."""
    # 每股收益（EPS）为1.25元: a bracketed gloss between the cue and the amount does not count
    before = _BRACKETED.sub("", text[max(0, start - window - 12):start])[-window:]
    before = _CLAUSE_END.split(before)[-1]
    if any(c in before for c in cues):
        return True
    # 92号汽油每升7.85元, 每斤上涨0.3元: an amount per something is a unit price, a rate
    from .symbols import _per_before
    return any(before[i + 1] in _per_before() for i in range(len(before) - 1) if before[i] == "每")


_DECIMAL_COMMA = re.compile(r"(?a),(\d{2})(?![\d,]|\.\d)")
_YEN_CUES = re.compile(r"\b(?:Japan|Japanese|Tokyo|Osaka|Kyoto|yen|Yen|JPY|Nikkei|Toyota|Sony|Nintendo)\b")
_PENCE = re.compile(r"(?a)(?<![\w.,£$€])(\d{1,2})p(?![\w])")


def _attributive_before_a(text: str, start: int, end: int) -> bool:
    """a $100 bill, a $2 billion deal: after a/an, an amount before a noun names the thing."""
    from .measure import _attributive
    before = re.search(r"(?a)\b([A-Za-z]+) $", text[max(0, start - 8):start])
    return before is not None and before.group(1).lower() in ("a", "an") and _attributive(text, start, end)


def _singular_unit(spoken: str, info) -> str:
    unit, units = info[0], info[1]
    return spoken[:-len(units)] + unit if spoken.endswith(" " + units) else spoken


def pence(text: str, lang: str) -> Iterator[Match]:
    """99p, 50p: British pence (a video resolution has three digits or more: 720p)."""
    if lang != "en" or "p" not in text:
        return
    for m in _PENCE.finditer(text):
        n = m.group(1)
        yield Match(m.start(), m.end(), numerals.en_int(int(n)) + (" penny" if n == "1" else " pence"), RULE + ".pence")


def find(text: str, lang: str, traditional: bool = False) -> Iterator[Match]:
    """traditional: the paragraph is Traditional script (Hong Kong, Taiwan), where a bare $ is the
    local dollar (the symbol's `traditional` reading, 元), not the US dollar."""
    prefix, code_after, suffix = _patterns(lang)
    cur = currencies(lang)
    for m in prefix.finditer(text):
        if m.group("cur").isalpha() and m.start() and text[m.start() - 1].isalpha():
            continue  # XRMB100: a letter run, not a currency code
        negative = (m.group("sign") and sign_allowed(text, m.start())) or m.group("sign2")
        num, scale = _scaled(m.group("num"), m.group("scale"), lang)
        info = cur["symbols"][m.group("cur")]
        if lang != "en" and "traditional" in info and (traditional or (m.group("dup") or "").strip() in cur.get("yuan_names", [])):
            # HK/Taiwan text, or $120元 (the 元 written after it says so): $ is the local dollar
            info = {**info, "read": info["traditional"]}
        if m.group("scale"):  # $3k-5k: a range of scaled amounts needs the scale on both ends
            t = _scaled_tail(lang).match(text, m.end())
            ranged = (t.end(), t.group(1)) if t and not negative and not m.group("dup") else None
        else:
            ranged = None if negative or m.group("dup") else _range_tail(text, m.end(), m.group("num"))
        if ranged is not None:  # ¥10-20, $10–20: one currency for both ends, said once at the end
            end, num2 = ranged
            scale2 = re.match(r"(?a)\s?(" + alternation(cur["scales"]) + r")(?![A-Za-z])", text[end:])
            if scale2:  # $1-2 million: the scale belongs to both ends
                joiner = tpl(lang, "range")(a="", b="")
                a, word = _scaled(m.group("num"), scale2.group(1), lang)
                b, _ = _scaled(num2, scale2.group(1), lang)
                if lang == "en":
                    spoken = f"{en_cardinal(a)}{joiner}{en_cardinal(b)} {word} {info[1]}"
                else:
                    spoken = zh_cardinal(a, liang=True) + word + joiner + zh_cardinal(b, liang=True) + word + info["read"]
                yield Match(m.start("cur"), end + scale2.end(), spoken, RULE + ".range")
                continue
            dup = re.match(r"\s?(?:" + alternation(cur.get("names", [])) + r")", text[end:]) if lang != "en" else None
            if dup and cur.get("names"):
                end += dup.end()  # ¥200-300元: the name is said once
            yield Match(m.start("cur"), end, _money_range(m.group("num"), num2, info, lang), RULE + ".range")
            continue
        end = m.end()
        if lang == "en" and not scale and not m.group("dup") and re.fullmatch(r"\d+", num):
            comma = _DECIMAL_COMMA.match(text, end)
            if comma:  # €15,50: a decimal comma (a thousands group has three digits)
                num, end = num + "." + comma.group(1), comma.end()
        if lang == "en" and m.group("cur") in ("¥", "￥") and _YEN_CUES.search(text):
            info = cur["symbols"].get("JPY", info)  # ¥5,000 in Tokyo: yen
        if lang == "en":
            spoken = en_money(num, info, scale)
            if "." not in num and not m.group("dup") and _attributive_before_a(text, m.start(), end):
                spoken = _singular_unit(spoken, info)  # a $100 bill: a hundred-dollar bill, not "dollars bill"
        else:
            spoken = zh_money(num, info["read"], yuan=bool(info.get("yuan")), scale=scale)
        if lang != "en" and info.get("before"):
            # NT$1,200 新台币一千二百元: the currency name goes first, unless the text already says it
            # (新台幣NT$1,490元); the user's own 元 after the amount is said once
            said = text[:m.start("cur")].rstrip().endswith(info["before"])
            spoken = ("" if said else info["before"]) + spoken
        if negative:
            spoken = tpl(lang, "negative")(num=spoken)
        start = m.start() if m.group("sign") and negative else m.start("cur")
        yield Match(start, end, spoken, RULE)
    for m in code_after.finditer(text):
        num, _ = _scaled(m.group("num"), None, lang)
        info = cur["symbols"][m.group("cur")]
        spoken = en_money(num, info) if lang == "en" else zh_money(num, info["read"], yuan=bool(info.get("yuan")))
        yield Match(m.start(), m.end(), spoken, RULE)
    if suffix is not None:
        yuan_names = cur.get("yuan_names", [])
        for m in suffix.finditer(text):
            name = m.group("name")
            if name in yuan_names and name != "块" and len(m.group("num").partition(".")[2]) <= 2 \
                    and not _after_rate_cue(text, m.start(), cur.get("rate_cues", [])) \
                    and not _per_after(text, m.end(), name):
                # 99.9元 -> 九十九元九角: the amount swallows its 元
                spoken = zh_money(m.group("num"), "元", yuan=True)
                yield Match(m.start(), m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()) + len(name), spoken, RULE)
            else:
                whole, _, frac = m.group("num").partition(".")
                frac = frac.rstrip("0")
                yield Match(m.start(), m.end(), zh_cardinal(whole + ("." + frac if frac else "")), RULE)
    yield from pence(text, lang)

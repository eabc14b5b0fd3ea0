"""The SSML subset users bring from cloud TTS: <speak>, <phoneme>, <sub>, <say-as>, <break>, <lang>.

Only these tag names are recognised; any other `<...>` stays text for the clean-up. A tag that
is recognised but malformed (unclosed, bad attribute, unknown interpret-as) is a MarkupError
pointing at the span. <speak> may open on one line and close on a later one, so a lone
<speak> or </speak> is accepted.
"""
from __future__ import annotations

import html
import re

from . import numerals
from .errors import MarkupError
from .pieces import MARKUP, RAW, SPOKEN, Change, Piece

# SSML elements voxread does not act on (style, voice, bookmarks, vendor extensions): the tags are
# dropped and their text kept, so a document exported for a cloud voice is not read out as "<prosody>".
_TRANSPARENT = r"emphasis|prosody|voice|p|s|mark|audio|w|token|bookmark|(?:mstts|amazon|google):[\w-]+"
TAG = re.compile(r"<(/?)(speak|phoneme|sub|say-as|break|lang|" + _TRANSPARENT + r")(?=[\s/>])([^<>]*)>", re.I)
_TRANSPARENT_NAME = re.compile(_TRANSPARENT, re.I)
_END_PAUSE_MS = {"p": 700, "s": 400}  # </p> and </s> end a sentence like a strong / medium <break>
_ATTR = re.compile(r"""\s*([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT_ELEMENTS = ("phoneme", "sub", "say-as")  # elements whose content is plain text


def markup_error(message: str, piece: Piece, a: int, b: int) -> MarkupError:
    """A MarkupError at piece.text[a:b], reported with absolute input offsets."""
    padded = " " * piece.start + piece.text  # MarkupError slices its text with absolute offsets
    return MarkupError(message, padded, piece.start + a, piece.start + b)


def lang_of(tag: str) -> str | None:
    """xml:lang value -> reading language (en-US -> en, zh-HK / yue -> yue, zh-CN -> zh)."""
    t = tag.lower().replace("_", "-")
    if t.startswith(("yue", "zh-hk", "zh-yue", "zh-mo")):
        return "yue"
    if t.startswith(("zh", "cmn")):
        return "zh"
    if t.startswith("en"):
        return "en"
    return None


def _attrs(body: str, err) -> dict[str, str]:
    out, pos = {}, 0
    body = body.rstrip().removesuffix("/")
    while pos < len(body):
        m = _ATTR.match(body, pos)
        if not m:
            if body[pos:].strip():
                raise err("malformed SSML attributes (expected name=\"value\")")
            break
        out[m.group(1).lower()] = html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
        pos = m.end()
    return out


def _break_ms(attrs: dict, err) -> int:
    if "time" in attrs:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*", attrs["time"])
        if not m:
            raise err("<break time> must look like 500ms or 1.5s")
        value = float(m.group(1)) * (1000 if m.group(2) == "s" else 1)
        return int(round(value))
    strengths = {"none": 0, "x-weak": 100, "weak": 200, "medium": 400, "strong": 700, "x-strong": 1200}
    strength = attrs.get("strength", "medium")
    if strength not in strengths:
        raise err(f"<break strength> must be one of {', '.join(strengths)}")
    return strengths[strength]


def parse(piece: Piece, ctx, resolve_phoneme, changes: list[Change] | None) -> list[Piece]:
    """Split one raw piece at SSML elements.

    resolve_phoneme(text, alphabet, ph, lang) -> brace markup, or raises ValueError saying why.
    """
    text = piece.text
    if "<" not in text or not TAG.search(text):
        return [piece]
    base = piece.start
    out: list[Piece] = []
    stack: list[tuple[str, dict, int, int]] = []  # (name, attrs, tag start, content start)
    pos = 0

    def lang_now() -> str | None:
        for name, attrs, _, _ in reversed(stack):
            if name == "lang":
                return attrs["_lang"]
        return piece.lang

    def emit_text(a: int, b: int) -> None:
        if a < b:
            out.append(Piece(text[a:b], base + a, base + b, RAW, "", lang_now()))

    def err(message: str, a: int, b: int) -> MarkupError:
        return markup_error(message, piece, a, b)

    def record(a: int, b: int, after: str, rule: str) -> None:
        if changes is not None:
            changes.append(Change(base + a, base + b, text[a:b], after, rule))

    for m in TAG.finditer(text):
        closing, name, body = m.group(1) == "/", m.group(2).lower(), m.group(3)
        a, b = m.start(), m.end()
        in_text_element = stack and stack[-1][0] in _TEXT_ELEMENTS
        if in_text_element and not (closing and name == stack[-1][0]):
            raise err(f"<{name}> inside <{stack[-1][0]}>: its content must be plain text", a, b)
        if not in_text_element:
            emit_text(pos, a)
        pos = b
        self_closing = body.rstrip().endswith("/")
        attrs = {} if closing else _attrs(body, lambda msg: err(msg, a, b))
        if name == "speak":
            record(a, b, "", "ssml.speak")
            continue
        if _TRANSPARENT_NAME.fullmatch(name):
            if closing and name in _END_PAUSE_MS:
                ms = _END_PAUSE_MS[name]
                out.append(Piece("", base + a, base + b, MARKUP, f"ssml.{name}", lang_now(), True, ms))
                record(a, b, f"(pause {ms} ms)", f"ssml.{name}")
            else:
                record(a, b, "", "ssml.ignored")
            continue
        if name == "break":
            if closing:
                continue  # <break></break>
            ms = _break_ms(attrs, lambda msg: err(msg, a, b))
            out.append(Piece("", base + a, base + b, MARKUP, "ssml.break", lang_now(), True, ms))
            record(a, b, f"(pause {ms} ms)", "ssml.break")
            continue
        if closing:
            if not stack or stack[-1][0] != name:
                expected = f"</{stack[-1][0]}>" if stack else "no closing tag"
                raise err(f"</{name}> does not close an open <{name}> (expected {expected})", a, b)
            _, oattrs, ta, ca = stack.pop()
            if name == "lang":
                continue
            content = text[ca:a]
            if not content.strip():
                raise err(f"<{name}> has no text", ta, b)
            span = (base + ta, base + b)
            lang = lang_now() or ctx.lang
            if name == "phoneme":
                if "ph" not in oattrs:
                    raise err("<phoneme> needs a ph=\"...\" attribute", ta, b)
                try:
                    spoken = resolve_phoneme(content.strip(), oattrs.get("alphabet"), oattrs["ph"], lang)
                except ValueError as e:
                    raise err(f"<phoneme>: {e}", ta, b) from None
                out.append(Piece(spoken, *span, MARKUP, "ssml.phoneme", lang, True))
                record(ta, b, spoken, "ssml.phoneme")
            elif name == "sub":
                if "alias" not in oattrs:
                    raise err("<sub> needs an alias=\"...\" attribute", ta, b)
                out.append(Piece(oattrs["alias"], *span, RAW, "ssml.sub", lang, True))
                record(ta, b, oattrs["alias"], "ssml.sub")
            else:
                kind = oattrs.get("interpret-as", "")
                spoken = say_as(content.strip(), kind, oattrs.get("format", ""), lang, lambda msg: err(msg, ta, b))
                if kind == "ordinal" and spoken.startswith("第") and text[:ta].rstrip().endswith("第"):
                    spoken = spoken[1:]  # 第<say-as interpret-as="ordinal">3</say-as>名: one 第, not two
                out.append(Piece(spoken, *span, SPOKEN, f"ssml.say-as.{kind}", lang, True))
                record(ta, b, spoken, f"ssml.say-as.{kind}")
            continue
        if self_closing:
            raise err(f"<{name}/> needs the text it applies to: <{name} ...>text</{name}>", a, b)
        if name == "lang":
            value = attrs.get("xml:lang") or attrs.get("lang")
            if not value or lang_of(value) is None:
                raise err("<lang> needs xml:lang=\"en-US\", \"zh-CN\" or \"zh-HK\" (yue)", a, b)
            attrs["_lang"] = lang_of(value)
        stack.append((name, attrs, a, b))
    if stack:
        name, _, ta, tb = stack[-1]
        raise err(f"<{name}> is not closed on this line", ta, tb)
    emit_text(pos, len(text))
    return out


# ---- say-as readings -----------------------------------------------------------------

_YUE_CHARS = str.maketrans({"点": "點", "万": "萬", "亿": "億", "两": "兩", "负": "負"})
_INTERPRET = ("characters", "spell-out", "digits", "cardinal", "number", "ordinal", "date", "time", "telephone")


def _zh(text: str, lang: str) -> str:
    return text.translate(_YUE_CHARS) if lang == "yue" else text


def say_as(content: str, kind: str, fmt: str, lang: str, err) -> str:
    def bad(what: str) -> MarkupError:
        return err(f"<say-as interpret-as=\"{kind}\">: {what}")

    if kind not in _INTERPRET:
        raise bad(f"interpret-as must be one of {', '.join(_INTERPRET)}")
    zh = lang in ("zh", "yue")
    if kind in ("characters", "spell-out"):
        parts = []
        for ch in content:
            if ch.isascii() and ch.isdigit():
                parts.append(numerals.ZH_DIGITS[int(ch)] if zh else numerals.en_digits(ch))
            elif ch.isascii() and ch.isalpha():
                parts.append(ch.upper())
            elif not ch.isspace():
                parts.append(ch)
        sep = " " if not zh or all(p.isascii() for p in parts) else ""
        return sep.join(parts) if not zh else _join_zh(parts)
    if kind in ("digits", "telephone"):
        if not re.fullmatch(r"[\d\s()+\-.]+", content) or not re.search(r"\d", content):
            raise bad("expected digits")
        groups = re.findall(r"\+|\d+", content)
        if zh:
            words = [("加" if g == "+" else numerals.zh_digits(g, yao=kind == "telephone" and lang == "zh"))
                     for g in groups]
            return "".join(words)
        return " ".join("plus" if g == "+" else numerals.en_digits(g) for g in groups)
    if kind in ("cardinal", "number"):
        num = content.replace(",", "").replace(" ", "")
        if not re.fullmatch(r"[-+−]?\d+(\.\d+)?", num):
            raise bad("expected a number")
        return _zh(numerals.zh_number(num), lang) if zh else numerals.en_number(num)
    if kind == "ordinal":
        m = re.fullmatch(r"(第)?\s*(\d+)\s*(st|nd|rd|th|\.)?", content.replace(",", ""), re.I)
        if not m:
            raise bad("expected a whole number (2, 2nd, 第2)")
        return "第" + _zh(numerals.zh_int(m.group(2)), lang) if zh else numerals.en_ordinal(m.group(2))
    if kind == "date":
        return _date(content, fmt, lang, bad)
    return _time(content, lang, bad)


def _join_zh(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if out and out[-1].isascii() and p[:1].isascii():
            out += " "
        out += p
    return out


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _date(content: str, fmt: str, lang: str, bad) -> str:
    nums = re.findall(r"\d+", content)
    fmt = (fmt or "").lower()
    if not nums or len(nums) > 3:
        raise bad("expected a date such as 2024-03-05")
    if not fmt:
        if len(nums) == 3:
            fmt = "ymd" if len(nums[0]) == 4 else ("dmy" if lang == "yue" or int(nums[0]) > 12 else "mdy")
        elif len(nums) == 2:
            fmt = "ym" if len(nums[0]) == 4 else "md"
        else:
            fmt = "y"
    if len(fmt) != len(nums) or set(fmt) - set("ymd"):
        raise bad(f"format {fmt!r} does not fit {content!r} (use letters y m d, e.g. format=\"dmy\")")
    parts = dict(zip(fmt, nums))
    if "m" in parts and not 1 <= int(parts["m"]) <= 12 or "d" in parts and not 1 <= int(parts["d"]) <= 31:
        raise bad(f"{content!r} is not a valid date for format {fmt!r}")
    if lang in ("zh", "yue"):
        out = ""
        if "y" in parts:
            out += numerals.zh_digits(parts["y"]) + "年"
        if "m" in parts:
            out += numerals.zh_int(parts["m"]) + "月"
        if "d" in parts:
            out += numerals.zh_int(parts["d"]) + ("日" if lang == "yue" else "日")
        return out
    words = []
    if "m" in parts:
        words.append(_MONTHS[int(parts["m"]) - 1])
    if "d" in parts:
        words.append(numerals.en_ordinal(parts["d"]))
    text = " ".join(words)
    if "y" in parts:
        text = (text + ", " if text else "") + numerals.en_year(parts["y"])
    return text


def _time(content: str, lang: str, bad) -> str:
    m = re.fullmatch(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*([ap]\.?m\.?)?", content.strip(), re.I)
    if not m or int(m.group(1)) > 24 or int(m.group(2)) > 59 or (m.group(3) and int(m.group(3)) > 59):
        raise bad("expected a time such as 9:05, 14:30:00 or 7:45pm")
    h, mi, s, ampm = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    if lang in ("zh", "yue"):
        prefix = ""
        if ampm:
            prefix = "上午" if ampm.lower().startswith("a") else "下午"
        out = prefix + numerals.zh_int(h, liang=True) + "点"
        if mi:
            out += ("零" if mi < 10 else "") + numerals.zh_int(mi) + "分"
        if s and int(s):
            out += numerals.zh_int(s) + "秒"
        return _zh(out, lang)
    out = numerals.en_int(h)
    if mi == 0:
        out += "" if ampm else " o'clock"
    else:
        out += " " + ("oh " + numerals.en_int(mi) if mi < 10 else numerals.en_int(mi))
    if s and int(s):
        out += " and " + numerals.en_int(s) + " seconds"
    if ampm:
        out += " " + ("A M" if ampm.lower().startswith("a") else "P M")
    return out

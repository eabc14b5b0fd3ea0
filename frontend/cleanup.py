"""Clean-up before anything else: width forms, look-alikes, markdown, emoji, URLs, repeats.

Runs after inline markup protection: MARKUP pieces are never touched. Character fixes are
1:1 (the text keeps its length, so source spans stay exact); anything removed is removed by a
named rule recorded in ctx.changes (markdown.*, cleanup.emoji, url.*). Superscripts and
subscripts survive: this is not NFKC (which would turn x² into x2).
"""
from __future__ import annotations

import regex

from .pieces import RAW, Match, Piece, rewrite
from .rules import check_keys, compiled, fail, load

# ---- 1:1 character mapping ---------------------------------------------------------------

# Full-width Chinese punctuation that carries prosody stays as it is.
_KEEP_FULLWIDTH = set("！（），：；？～")


def _char_map() -> dict[int, str]:
    table = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch not in _KEEP_FULLWIDTH:
            table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    lookalikes = {
        "\u2212": "-",  # − minus sign
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-",  # hyphens, en dash
        "\u2236": ":",  # ∶ ratio
        "\u22c5": "·", "\u2219": "·",  # ⋅ ∙ dot operators
        "\u2715": "×", "\u2716": "×", "\u2a2f": "×", "\u2a09": "×",  # ✕ ✖ ⨯ ⨉
        "\u00b5": "μ",  # micro sign
        "\t": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
    }
    table.update({ord(k): v for k, v in lookalikes.items()})
    return table


_MAP = _char_map()


# An en or em dash between two numbers is typeset as a range or score (pages 10–20, 2022–23, won
# 3–2), never as a minus sign: it is kept, so the number classes read it 到 / to even where a
# hyphen would be a subtraction (15–9). Elsewhere (–5℃, x – 3) it is the hyphen-minus, and so is
# a dash inside a code, date or phone number (2024–03–05, 555–0134, 978–7–111: leading zeros or
# more dashes), which the classes read as before.
_PLAIN = r"(?:0|[1-9]\d*)(?:\.\d+)?"
_NUMBER_DASH = regex.compile(r"(?<![\d.,:/\u2013\u2014-])" + _PLAIN + r"( ?[\u2013\u2014] ?)" + _PLAIN
                             + r"(?![\d.,:/]?\d|\s?[\u2013\u2014-]\s?\d)")


def normalize_chars(text: str) -> str:
    """Full-width ASCII -> ASCII, look-alikes -> their plain symbol; always the same length."""
    out = text.translate(_MAP)
    if "\u2013" in text or "\u2014" in text:
        kept = list(out)
        for m in _NUMBER_DASH.finditer(text):
            for i in range(m.start(1), m.end(1)):
                if text[i] in "\u2013\u2014":
                    kept[i] = "\u2013"
        out = "".join(kept)
    return out


# ---- rules that remove or read spans -----------------------------------------------------

_LATEX = regex.compile(r"\$\$.{0,2000}?\$\$|\$[^$\n]{1,1000}\$|\\\(.{0,1000}?\\\)|\\\[.{0,2000}?\\\]")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]+")
_IMAGE = regex.compile(r"!\[[^\]\n]{0,300}\]\([^()\n]{0,500}\)")
_LINK = regex.compile(r"(\[)([^\]\n]{1,300})(\]\([^()\s]{1,500}(?:\s+\"[^\"\n]{0,200}\")?\))")
_AUTOLINK = regex.compile(r"<((?:https?|ftp)://[^\s<>]{1,500}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>")
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]"  # ASCII only: a URL never swallows the Chinese after it
_URL = regex.compile(r"(?<![A-Za-z0-9_@.])(?:(?:https?|ftp)://|www\.)" + _URL_CHARS + r"{1,500}"
                     r"|(?<![A-Za-z0-9_@./-])[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,6}"
                     r"(?:com|org|net|edu|gov|io|cn|co|uk|de|jp|fr|info|dev|ai|app|me|tv|hk|tw)(?![A-Za-z0-9_-])"
                     r"(?:/" + _URL_CHARS + r"{0,500})?")
_EMAIL = regex.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
                       r"(?![A-Za-z0-9_-])")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f\u20e3"
                       r"\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]+")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}(?=\s)\s*|\s+#{1,6}\s*$")
_QUOTE = regex.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = regex.compile(r"^\s{0,6}[-*+•·](?=\s)\s+")
_RULE_LINE = regex.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_TABLE_SEP = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_TABLE_EDGE = regex.compile(r"^\s*\|\s?|\s?\|\s*$")
# A pipe that touches an operator or sits between two letters/digits is math (|a-b|, |x|+|y|).
_MATH_PIPE = regex.compile(r"[-+×÷=<>≤≥·*/^]\||\|[-+×÷=<>≤≥·*/^]|\|[A-Za-z0-9]{1,3}\|")


def _is_table_row(text: str) -> bool:
    """A markdown table row: | cell | cell |, at least two cells, not an absolute value."""
    stripped = text.strip()
    if _MATH_PIPE.search(stripped):
        return False
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return True
    # 题号 | 1 | 2 | 3: a row written without edge pipes has two or more spaced pipes
    return len(_SPACED_PIPE.findall(stripped)) >= 2 and stripped.count("|") == len(_SPACED_PIPE.findall(stripped))


_SPACED_PIPE = regex.compile(r"\s\|\s")
_EMPHASIS = regex.compile(r"(\*\*|__|~~)(?=[^\s*_~])(.{1,300}?)(?<=[^\s*_~])\1"
                          r"|(?<![\w*\\])(\*)(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])"
                          r"|(?<![\w\\])(_)(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?!\w)")
# 则S₅=____, 比较大小：-3___-5: three or more underscores (or a run of full-width ＿) are a fill-in blank
_BLANK = regex.compile(r"_{3,}")
_CODE = regex.compile(r"(`+)([^`\n]{1,500}?)\1")
# Code identifiers: snake_case (user_id, max_retry_count, __init__) and lowerCamelCase
# (getUserName, setTimeout; not mmHg). Their words are read one by one; x_1, a_n, T_max, log_2 stay math
# subscripts (a one-letter or formula-name base with a single part).
_SNAKE = regex.compile(r"(?<![A-Za-z0-9_\\])_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*(?![A-Za-z0-9_])")
# a camelCase head of three letters, or two humps: units like mmHg and cmHg are not identifiers
_CAMEL = regex.compile(r"(?<![A-Za-z0-9_])(?:[a-z]{3,}(?:[A-Z][a-z]+)+|[a-z]{2}(?:[A-Z][a-z]+){2,})(?![A-Za-z0-9_])")
_CAMEL_HUMP = regex.compile(r"(?<=[a-z])[A-Z]")
_MATH_BASES = frozenset("sin cos tan cot sec csc log ln lg lim max min exp det".split())


def _identifier_gaps(text: str, lang: str):
    """The underscores of snake_case identifiers (-> a space, or nothing at the ends) and the
    word boundaries of camelCase ones (-> a space), as RAW matches: the words stay text."""
    for m in _SNAKE.finditer(text):
        token = m.group(0)
        parts = [p for p in token.split("_") if p]
        # x_1, T_max, a_n, log_2, max_x: a one-letter base, or a formula name with a short index
        subscript = len(parts) == 2 and token[0] != "_" and (
            len(parts[0]) < 2 or parts[0].isdigit() or parts[0] in _MATH_BASES and len(parts[1]) <= 2)
        if len(parts) < 2 or subscript:
            continue
        if lang == "zh" and any(c.isdigit() for c in token) and token[0] != "_" and token[-1] != "_":
            yield from _account_name(token, m.start(), lang)  # 加我微信abc_123: a name to type in
            continue
        for u in regex.finditer(r"_+", token):
            at_edge = u.start() == 0 or u.end() == len(token)
            yield Match(m.start() + u.start(), m.start() + u.end(), "" if at_edge else " ",
                        "cleanup.identifier", kind=RAW)
    for m in _CAMEL.finditer(text):
        for b in _CAMEL_HUMP.finditer(m.group(0)):
            at = m.start() + b.start()
            yield Match(at, at + 1, " " + b.group(0), "cleanup.identifier", kind=RAW)


def _account_name(token: str, at: int, lang: str):
    """An account or user name with digits in Chinese text (微信号abc_123, user_01): the reader
    types it in, so the underscore is said (下划线, the url reading) and its digits one by one,
    as a code (abc123 is already abc幺二三): abc下划线幺二三, not abc一百二十三."""
    from .tn.common import digits
    for u in regex.finditer(r"_+|\d+", token):
        said = readings(lang)["url"]["_"] * len(u.group()) if u.group()[0] == "_" else digits(u.group(), lang, yao=True)
        yield Match(at + u.start(), at + u.end(), said, "cleanup.identifier")


# A Weibo-style topic #话题# : the marks frame the topic and are not read (PR #123 keeps its 井号).
_TOPIC = regex.compile(r"(?<![#\w])#(?=[^#\n]{0,40}\p{Han})([^#\s][^#\n]{0,39}?)(?<=\S)#(?!#)")
_REPEAT = regex.compile(r"([!?！？。，,;；、])\1+")


@compiled
def readings(lang: str) -> dict:
    data = load("en" if lang == "en" else "zh", "cleanup")
    check_keys(data, ("url", "table_cell_separator", "blank", "layout", "chemistry"), "cleanup rules")
    url = data.get("url")
    if not isinstance(url, dict) or not all(isinstance(v, str) for v in url.values()):
        raise fail(data, "'url' must map characters to readings", "url")
    return dict(data)


def read_address(text: str, lang: str) -> str:
    """example.com -> example dot com (en) / example点com (zh); digits one by one; scheme dropped."""
    from .tn.common import digits  # late import: tn imports nothing from here
    body = regex.sub(r"^(?:https?|ftp)://", "", text)
    body = regex.sub(r"[?#].*$", "", body).rstrip("/")  # query strings and fragments are not read
    url = readings(lang)["url"]
    out = []
    for token in regex.findall(r"[A-Za-z]+|\d+|.", body):
        if token.isdigit():
            out.append(" " + digits(token, lang) + " " if lang == "en" else digits(token, lang))
        elif token in url:
            out.append(url[token])
        elif token.isalpha():
            out.append(token)
        else:
            out.append(" ")
    spoken = "".join(out)
    return " ".join(spoken.split()) if lang == "en" else spoken


# rock n' roll, fish 'n' chips: an elided "and" between two words, not the letter n with a prime
_ELIDED_AND = regex.compile(r"(?<=[A-Za-z] )['’]?n['’](?= [A-Za-z])")


def _finds(text: str, lang: str, at_line_start: bool, typed: str | None = None):
    """Candidate matches in priority order; LaTeX regions are left for the math stage.
    typed: the text as typed, before width normalisation (1:1, so offsets agree)."""
    if at_line_start and _RULE_LINE.match(text):
        yield Match(0, len(text), "", "markdown.rule", kind=RAW)
        return
    if at_line_start and _TABLE_SEP.match(text):
        yield Match(0, len(text), "", "markdown.table", kind=RAW)
        return
    for m in _INVISIBLE.finditer(text):
        yield Match(m.start(), m.end(), "", "cleanup.invisible", kind=RAW)
    for m in _CODE.finditer(text):
        yield Match(m.start(), m.start(2), "", "markdown.code", kind=RAW)
        yield Match(m.end(2), m.end(), "", "markdown.code", kind=RAW)
    for m in _IMAGE.finditer(text):
        yield Match(m.start(), m.end(), "", "markdown.image", kind=RAW)
    for m in _AUTOLINK.finditer(text):
        yield Match(m.start(), m.end(), read_address(m.group(1), lang), "url")
    for m in _LINK.finditer(text):
        yield Match(m.start(1), m.end(1), "", "markdown.link", kind=RAW)
        yield Match(m.start(3), m.end(3), "", "markdown.link", kind=RAW)
    for m in _EMAIL.finditer(text):
        yield Match(m.start(), m.end(), read_address(m.group(0), lang), "url.email")
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        yield Match(m.start(), m.start() + len(url), read_address(url, lang), "url")
    from .tn.phone import plates  # 京A·12345: a plate, claimed before math reads · as a product
    yield from plates(text, lang)
    from .tn.measure import packs, relays  # 4×100米接力: 四乘一百米, claimed before math reads × as 乘以
    yield from relays(text, lang)
    yield from packs(text, lang)  # 0.25g×24片: 零点二五克乘二十四片
    from .tn.measure import coordinates  # 39°54′N 北纬三十九度五十四分, before math reads an angle
    yield from coordinates(text, lang)
    from .math.chem import text_marks  # 2H₂+O₂=点燃=2H₂O, ⇌, CuSO₄·5H₂O, ¹⁴C: before the formula reader
    yield from text_marks(text, lang, readings(lang).get("chemistry", {}))
    from .tn.scientific import find as e_notation  # 1e-5: a number, before math reads e as a letter
    yield from e_notation(text, lang)
    from .tn.tech import find as tech  # Ctrl+C, 0xFF, /v1/users, GPT-4o, $2,400/oz: before math
    yield from tech(text, lang)
    if lang == "en":
        for m in _ELIDED_AND.finditer(text):
            yield Match(m.start(), m.end(), "n", "cleanup.elided_and", kind=RAW)  # rock n' roll: no prime
    for m in _EMOJI.finditer(text):
        if any(ord(c) >= 0x2300 or c in "\u200d\ufe0f\u20e3" for c in m.group(0)):
            yield Match(m.start(), m.end(), "", "cleanup.emoji", kind=RAW)
    if at_line_start:
        for pat, rule in ((_HEADING, "markdown.heading"), (_QUOTE, "markdown.quote"), (_BULLET, "markdown.list")):
            for m in pat.finditer(text):
                yield Match(m.start(), m.end(), "", rule, kind=RAW)
        if _is_table_row(text):
            sep = readings(lang)["table_cell_separator"]
            for m in _TABLE_EDGE.finditer(text):
                yield Match(m.start(), m.end(), "", "markdown.table", kind=RAW)
            for m in regex.finditer(r"\s?\|\s?", text):
                yield Match(m.start(), m.end(), sep, "markdown.table", kind=RAW)
    from . import layout  # list labels, answer options, ticks, decorations (exercise sheets)
    yield from layout.find(text, lang, at_line_start, readings(lang), typed or text)
    for m in _BLANK.finditer(text):  # before emphasis: two blanks are no __bold__ pair
        yield Match(m.start(), m.end(), readings(lang)["blank"], "cleanup.blank")
    yield from _identifier_gaps(text, lang)  # before emphasis: __init__ is a name, not bold
    for m in _EMPHASIS.finditer(text):
        inner = 2 if m.group(1) else 4 if m.group(3) else 6
        yield Match(m.start(), m.start(inner), "", "markdown.emphasis", kind=RAW)
        yield Match(m.end(inner), m.end(), "", "markdown.emphasis", kind=RAW)
    for m in _TOPIC.finditer(text):
        yield Match(m.start(), m.start(1), "", "cleanup.topic_tag", kind=RAW)
        yield Match(m.end(1), m.end(), "", "cleanup.topic_tag", kind=RAW)
    for m in _REPEAT.finditer(text):
        yield Match(m.start() + 1, m.end(), "", "cleanup.repeated_punctuation", kind=RAW)


def find(piece: Piece, lang: str, at_line_start: bool = True, typed: str | None = None) -> list[Match]:
    from .tn import resolve
    text = piece.text
    latex = [(m.start(), m.end()) for m in _LATEX.finditer(text)] if "$" in text or "\\" in text else []

    def outside(m: Match) -> bool:
        return not any(m.start < b and a < m.end for a, b in latex)

    return resolve(m for m in _finds(text, lang, at_line_start, typed) if outside(m))


def apply(pieces: list[Piece], ctx) -> list[Piece]:
    lang = "en" if ctx.lang == "en" else "zh"
    fixed, typed = [], {}
    for p in pieces:
        if p.kind == RAW:
            before = p.text
            p = Piece(normalize_chars(p.text), p.start, p.end, p.kind, p.rule, p.lang, p.atomic, p.pause_ms)
        if p.kind == RAW:
            typed[id(p)] = before  # 11．5　12．5: layout tells a full-width answer-key dot from a decimal point
        fixed.append(p)
    first_raw = next((i for i, p in enumerate(fixed) if p.kind == RAW), None)
    out = []
    for i, p in enumerate(fixed):
        out.extend(rewrite([p], lambda q: find(q, "en" if (q.lang or lang) == "en" else "zh", i == first_raw, typed.get(id(q))), ctx.changes))
    return out

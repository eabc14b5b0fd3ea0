"""Formula text -> tokens: one left-to-right pass, no regular expressions (linear time).

Unicode math and LaTeX commands become the same tokens (\\le and ≤ are one REL '≤'), so the
parser sees a single vocabulary. LaTeX command names are syntax, listed in latex.py; how
each token is *read* lives in rules/<lang>/math*.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import latex

# ---- token kinds ----------------------------------------------------------------------
NUM, LET, GREEK, CONST, FUNC, LIM, BIG = "num", "let", "greek", "const", "func", "lim", "big"
OP, REL, LOGIC, IMPL, RATIO = "op", "rel", "logic", "impl", "ratio"
PREFIX, ROOT, CARET, UNDER, SUP, SUB, PRIME = "prefix", "root", "caret", "under", "sup", "sub", "prime"
DEG, PCT, FACT, OPEN, CLOSE, LBRACE, RBRACE = "deg", "pct", "fact", "open", "close", "lbrace", "rbrace"
BAR, COMMA, CMD, TEXT, UNIT, MIXED, ELLIPSIS, STAR = "bar", "comma", "cmd", "text", "unit", "mixed", "ellipsis", "star"
UNKNOWN = "unknown"
# LaTeX environments: \begin{cases} ... \\ ... & ... \end{cases}
ENV, ENVEND, ROWSEP, CELLSEP = "env", "envend", "rowsep", "cellsep"
STATE = "state"  # ↑ ↓ after a chemical formula: a gas given off, a precipitate formed

GREEK_CHARS = "αβγδεζηθικλμνξοπρστυφχψωΓΔΘΛΞΠΣΦΨΩϵϑϕς"
CONST_CHARS = {"∞": "∞", "∅": "∅", "ℝ": "ℝ", "ℕ": "ℕ", "ℤ": "ℤ", "ℚ": "ℚ", "ℂ": "ℂ", "∂": "∂", "∇": "∇",
               "ø": "∅", "Ø": "∅"}
OPS = {"+": "+", "-": "-", "−": "-", "–": "-", "×": "×", "÷": "÷", "·": "·", "⋅": "·", "•": "·", "*": "*",
       "/": "/", "±": "±", "∓": "∓", "∪": "∪", "∩": "∩", "∖": "∖"}
RELS = {"=": "=", "≠": "≠", "≈": "≈", "≡": "≡", "<": "<", ">": ">", "≤": "≤", "≥": "≥", "⩽": "≤", "⩾": "≥",
        "≦": "≤", "≧": "≥", "≪": "≪", "≫": "≫", "∝": "∝", "∽": "∽", "∼": "∽", "≌": "≌", "≅": "≌", "⊥": "⊥",
        "∥": "∥", "//": "∥", "∈": "∈", "∉": "∉", "⊂": "⊂", "⊆": "⊆", "⊊": "⊊", "⫋": "⊊", "⊃": "⊃", "⊇": "⊇",
        "⊋": "⊋", "→": "→", "≜": "≜", "≐": "≈", "∋": "∋", "~": "∽"}
IMPLS = {"⇒": "⇒", "⇔": "⇔", "⟹": "⇒", "⟺": "⇔", "⇐": "⇐", "⟸": "⇐"}
LOGICS = {"∧": "∧", "∨": "∨"}
PREFIXES = {"△": "△", "∆": "△", "⊿": "Rt△", "∠": "∠", "⊙": "⊙", "⌒": "⌒", "▱": "▱", "∵": "∵", "∴": "∴",
            "∀": "∀", "∃": "∃", "¬": "¬", "□": "□", "∁": "∁"}
ROOTS = {"√": 2, "∛": 3, "∜": 4}
BIGS = {"∑": "∑", "Σ": None, "∏": "∏", "∫": "∫", "∬": "∬", "∮": "∮"}
OPENS = {"(": "(", "[": "[", "（": "(", "【": "["}
CLOSES = {")": ")", "]": "]", "）": ")", "】": "]"}
SUPERS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱˣʸᵏᵃᵇᶜᵈᵉᵐᵗʳˢʲˡᵖʷᵘᵛᶠᵍʰᵒᶻ", "0123456789+-=()nixykabcdemtrsjlpwuvfghoz"))
SUBS = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₙᵢⱼₖₘₜₚₛₗₕᵤᵥᵣ", "0123456789+-=()aeoxnijkmtpslhuvr"))
PRIMES = {"′": 1, "″": 2, "‴": 3, "'": 1, "’": 1}
# ½ ⅓ ¾ ...: one character that is a whole numeric fraction (read like 1/2)
VULGAR = {"½": ("1", "2"), "⅓": ("1", "3"), "⅔": ("2", "3"), "¼": ("1", "4"), "¾": ("3", "4"),
          "⅕": ("1", "5"), "⅖": ("2", "5"), "⅗": ("3", "5"), "⅘": ("4", "5"), "⅙": ("1", "6"),
          "⅚": ("5", "6"), "⅛": ("1", "8"), "⅜": ("3", "8"), "⅝": ("5", "8"), "⅞": ("7", "8")}

OVERBARS = "\u0304\u0305"  # combining macron / overline: x̄ is the mean x-bar
HATS = "\u0302"  # combining circumflex: b̂ is the estimate b-hat (\hat{b})
HATTED = {"ŷ": "y", "Ŷ": "Y"}  # ŷ=0.5x+1.2 (not â: pâté, Château are words)
# a combining accent written after a letter -> the command it stands for (x̄ x拔 / x bar, b̂ b帽)
_ACCENT_AFTER = {**{c: "overline" for c in OVERBARS}, **{c: "hat" for c in HATS}}

# plain-text spellings of roots (sqrt(16), cbrt(27)): the same ROOT token as √ and ∛
ROOT_WORDS = {"sqrt": "2", "cbrt": "3"}
FUNCTIONS = ("arcsin", "arccos", "arctan", "arccot", "sinh", "cosh", "tanh", "sin", "cos", "tan", "cot",
             "sec", "csc", "log", "ln", "lg", "exp", "max", "min", "sup", "inf", "det", "gcd", "lcm",
             "sgn", "arg", "dim", "ker", "deg", "mod", "Re", "Im")

# characters a formula in running text may consist of (besides ASCII letters and digits)
SYMBOL_CHARS = (set(GREEK_CHARS) | set(CONST_CHARS) | set(OPS) | set(RELS) | set(IMPLS) | set(LOGICS)
                | set(PREFIXES) | set(ROOTS) | {"∑", "∏", "∫", "∬", "∮"} | set(SUPERS) | set(SUBS)
                | set(PRIMES) | set(VULGAR) | set("()[]{}^_.,:|!%‰°\\…") | {"‖", "⃗", "↑", "↓"} | set(OVERBARS) | set(HATS) | set(HATTED))


@dataclass(slots=True)
class Token:
    kind: str
    val: str
    start: int
    end: int


def _table_run_end(text: str, i: int, table) -> int:
    """End of the run of characters from `table` (SUPERS, SUBS) that starts at i."""
    while i < len(text) and text[i] in table:
        i += 1
    return i


def tokenize(text: str, latex_mode: bool = False, unknown: list | None = None, base: int = 0) -> list[Token]:
    """Cut `text` into tokens. `unknown` collects LaTeX commands that have no known meaning."""
    out: list[Token] = []
    braces: list[str] = []  # text mode: which '{' opened a LaTeX group (x^{n+1}) vs a set {1,2}
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        start = i
        if not latex_mode and ch in "{}":
            if ch == "{":
                prev = out[-1] if out else None
                group = prev is not None and prev.end == base + i and prev.kind in _GROUP_BEFORE
                braces.append(LBRACE if group else OPEN)
                out.append(Token(braces[-1], "{", base + i, base + i + 1))
            else:
                kind = braces.pop() if braces else CLOSE
                out.append(Token(RBRACE if kind == LBRACE else CLOSE, "}", base + i, base + i + 1))
            i += 1
            continue
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit() and ch.isascii():
            if latex_mode and out and out[-1].kind in (CARET, UNDER) and out[-1].end == base + i:
                i += 1  # LaTeX x^23 is x^{2}3: a script takes one character
            else:
                i = _scan_number(text, i, latex_mode)
                if not out or out[-1].kind not in (OPEN, LBRACE, COMMA):
                    i = _thousands(text, start, i)
            recurring = _latex_recurring(text, start) if latex_mode and text.startswith((".", "\\"), i) else None
            if recurring is not None:
                val, i = recurring
                out.append(Token(NUM, val, base + start, base + i))
                continue
            out.append(Token(NUM, text[start:i].replace(",", ""), base + start, base + i))
            if not latex_mode:
                i = _maybe_unit(text, i, out, base)
            continue
        if ch.isascii() and ch.isalpha():
            j = i
            while j < n and text[j].isascii() and text[j].isalpha():
                j += 1
            _letters(text[i:j], out, base + i)
            i = j
            continue
        if ch == "\\":
            i = _command(text, i, out, latex_mode, unknown, base)
            continue
        if ch in SUPERS:
            j = _table_run_end(text, i, SUPERS)
            raised = "".join(SUPERS[c] for c in text[i:j])
            if j < n and text[j] == "√" and raised.isdigit():
                # ³√27: a raised index written before the radical sign is the root's index
                out.append(Token(ROOT, raised, base + i, base + j + 1))
                i = j + 1
                continue
            out.append(Token(SUP, raised, base + i, base + j))
            i = j
            if not latex_mode and len(out) >= 2 and out[-2].kind == NUM:
                i = _maybe_unit(text, i, out, base)  # 3×10⁸m/s
            continue
        if ch in SUBS:
            j = _table_run_end(text, i, SUBS)
            out.append(Token(SUB, "".join(SUBS[c] for c in text[i:j]), base + i, base + j))
            i = j
            continue
        if ch in PRIMES:
            j, count = i, 0
            while j < n and text[j] in PRIMES:
                count += PRIMES[text[j]]
                j += 1
            out.append(Token(PRIME, str(count), base + i, base + j))
            i = j
            continue
        if ch == "-" and text.startswith("->", i) and not latex_mode:
            out.append(Token(REL, "→", base + i, base + i + 2))  # ASCII arrow: x -> 0, 2H2 + O2 -> 2H2O
            i += 2
            continue
        if ch == "/" and text.startswith("//", i):
            out.append(Token(REL, "∥", base + i, base + i + 2))
            i += 2
            continue
        if ch in VULGAR:  # ½ is the tokens 1 / 2 on the one character's span
            num, den = VULGAR[ch]
            out += [Token(NUM, num, base + i, base + i), Token(OP, "/", base + i, base + i),
                    Token(NUM, den, base + i, base + i + 1)]
            i += 1
            continue
        if ch == "." and text.startswith("...", i):
            out.append(Token(ELLIPSIS, "…", base + i, base + i + 3))
            i += 3
            continue
        if ch == "Δ" and not latex_mode and re.match(r"[A-Z]{3}(?![A-Za-z])", text[i + 1:i + 5]):
            ch = "△"  # ΔABC: the Greek capital typed for the triangle sign (Δ=b²-4ac stays delta)
        if ch in HATTED:
            out += [Token(CMD, "hat", base + i, base + i), Token(LET, HATTED[ch], base + i, base + i + 1)]
            i += 1
            continue
        if ch in _ACCENT_AFTER:  # b̂ / x̄: a combining accent after a letter is \hat{b} / \bar{x}
            prev = out[-1] if out else None
            if prev is not None and prev.kind == LET and len(prev.val) == 1 and prev.end == base + i:
                out.insert(len(out) - 1, Token(CMD, _ACCENT_AFTER[ch], prev.start, prev.start))
                out[-1] = Token(LET, prev.val, prev.start, base + i + 1)
                i += 1
                continue
        kind_val = _single(ch, latex_mode)
        if ch in "ΣΠ" and text.startswith("_", i + 1):  # Σ_{i=1}^n: the letter with limits is the sum sign
            kind_val = (BIG, "∑" if ch == "Σ" else "∏")
        if kind_val is None:
            out.append(Token(UNKNOWN, ch, base + i, base + i + 1))
        else:
            out.append(Token(kind_val[0], kind_val[1], base + i, base + i + 1))
        i += 1
        if ch == "π" and not latex_mode:
            m = _RADIANS.match(text, i)
            if m:  # 180°=π rad, ω=2πrad/s: an angle in radians, not the letters r a d
                out.append(Token(UNIT, m.group(1), base + m.start(1), base + m.end(1)))
                i = m.end()
    return _raised_degree(_lone_units(text, out, base))


_RADIANS = re.compile(r" ?(rad(?:/s)?)(?![A-Za-z])")
LONE_UNIT_LETTERS = set("mgsLtAVWNJ")  # 1km=1000m, 220V×5A: single letters that are units beside another unit


def _lone_units(text: str, toks: list[Token], base: int) -> list[Token]:
    """1km=1000m: once a formula has a unit, a lone unit letter glued after a number that ends an
    operand is that unit too (not the variable m)."""
    if not any(t.kind == UNIT for t in toks):
        return toks
    if any(a.kind == NUM and b.kind == LET and a.end == b.start and b.val not in LONE_UNIT_LETTERS
           for a, b in zip(toks, toks[1:])):
        return toks  # 2A+3B=5C: terms with letters, an algebra formula
    out: list[Token] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        after = toks[k + 2] if k + 2 < len(toks) else None
        if t.kind == NUM and nxt is not None and nxt.kind == LET and nxt.val in LONE_UNIT_LETTERS \
                and nxt.start == t.end and (after is None or after.kind in (REL, OP, CLOSE, COMMA)):
            out += [t, Token(UNIT, nxt.val, nxt.start, nxt.end)]
            k += 2
            continue
        out.append(t)
        k += 1
    return out


def _raised_degree(toks: list[Token]) -> list[Token]:
    """90^\\circ and 90^{\\circ}: LaTeX writes the degree sign as a raised circle; it is °, not a power."""
    out: list[Token] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.kind == CARET and k + 1 < len(toks):
            nxt = toks[k + 1]
            if nxt.kind == DEG:
                out.append(Token(DEG, "°", t.start, nxt.end))
                k += 2
                continue
            if nxt.kind == "circ":
                out.append(Token(DEG, "°", t.start, nxt.end))
                k += 2
                continue
            if (nxt.kind == LBRACE and k + 3 < len(toks) and toks[k + 2].kind in (DEG, "circ")
                    and toks[k + 3].kind == RBRACE):
                out.append(Token(DEG, "°", t.start, toks[k + 3].end))
                k += 4
                continue
        if t.kind == "circ":  # f \circ g: a circle not raised is composition; 30\circ is still degrees
            t = Token(DEG, "°", t.start, t.end) if out and out[-1].kind == NUM else Token(OP, "∘", t.start, t.end)
        out.append(t)
        k += 1
    return out


_GROUP_BEFORE = {CARET, UNDER, CMD, ROOT, RBRACE, CLOSE, TEXT}


def _single_table() -> dict:
    table = {}
    for chars, kind in ((GREEK_CHARS, GREEK),):
        for ch in chars:
            table[ch] = (kind, ch)
    for mapping, kind in ((CONST_CHARS, CONST), (OPS, OP), (IMPLS, IMPL), (LOGICS, LOGIC), (PREFIXES, PREFIX),
                          (OPENS, OPEN), (CLOSES, CLOSE)):
        for ch, val in mapping.items():
            if len(ch) == 1:
                table[ch] = (kind, val)
    for ch, val in RELS.items():  # after OPS: none overlap, but relations win if they did
        if len(ch) == 1:
            table[ch] = (REL, val)
    for ch, val in ROOTS.items():
        table[ch] = (ROOT, str(val))
    for ch, val in BIGS.items():
        if ch not in GREEK_CHARS:  # Σ alone is the letter sigma; ∑ is the sum
            table[ch] = (BIG, val or ch)
    simple = {"^": CARET, "_": UNDER, "°": DEG, "%": PCT, "‰": PCT, "!": FACT, "|": BAR, "‖": BAR,
              ",": COMMA, ";": COMMA, "，": COMMA, ":": RATIO, "∶": RATIO, "…": ELLIPSIS, "⋯": ELLIPSIS,
              "又": MIXED, "⃗": UNKNOWN, "↑": STATE, "↓": STATE}
    for ch, kind in simple.items():
        table[ch] = (kind, ch)
    table["∘"] = (DEG, "°")
    table["："] = (RATIO, "：")  # 映射f：A→B, AB：DE=1：2: a full-width colon the span finder let in
    return table


_SINGLE = _single_table()
_LATEX_BRACES = {"{": (LBRACE, "{"), "}": (RBRACE, "}")}


def _single(ch: str, latex_mode: bool):
    if latex_mode and ch in _LATEX_BRACES:
        return _LATEX_BRACES[ch]
    if latex_mode and ch == "&":
        return CELLSEP, "&"  # a column break inside an environment
    if ch == "{":
        return OPEN, "{"
    if ch == "}":
        return CLOSE, "}"
    return _SINGLE.get(ch)


def _scan_number(text: str, i: int, latex_mode: bool) -> int:
    n = len(text)
    j = i
    while j < n and text[j].isascii() and text[j].isdigit():
        j += 1
    if j + 1 < n and text[j] == "." and text[j + 1].isascii() and text[j + 1].isdigit():
        j += 1
        while j < n and text[j].isascii() and text[j].isdigit():
            j += 1
    return j


def _thousands(text: str, start: int, j: int) -> int:
    """10! = 3,628,800: comma groups of three digits after a 1-3 digit head are one number.
    Only outside a bracket's item list ({1,234} and (1,000) stay lists; the caller checks)."""
    n = len(text)
    if not 1 <= j - start <= 3 or not text[start:j].isdigit():
        return j
    end = j
    while end + 3 < n and text[end] == "," and _digits(text[end + 1:end + 4]) \
            and not (end + 4 < n and text[end + 4].isdigit()):
        end += 4
    if end > j and end + 1 < n and text[end] == "." and _digits(text[end + 1]):
        end += 1
        while end < n and _digits(text[end]):
            end += 1
    return end


def _digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


# 0.\dot{3}, 0.\dot{1}\dot{2}, 2.3\dot 4, 0.\overline{12}: a recurring decimal in LaTeX
_DOTTED = re.compile(r"(\d+)\.((?:\d|\\dot\s*\{\s*\d\s*\}|\\dot\s*\d)+)")
_OVERLINED = re.compile(r"(\d+)\.(\d*)\\(?:overline|bar)\s*\{\s*(\d+)\s*\}")
_DOT_MARK = "\u0307"


def _latex_recurring(text: str, start: int) -> tuple[str, int] | None:
    """The number at `start` written with \\dot or \\overline over its repetend: (the digits with
    U+0307 over the repetend's first and last digit, as tn's recurring class reads them, end)."""
    m = _OVERLINED.match(text, start)
    if m is not None:
        rep = m.group(3)
        marked = rep[0] + _DOT_MARK + (rep[1:-1] + rep[-1] + _DOT_MARK if len(rep) > 1 else "")
        return f"{m.group(1)}.{m.group(2)}{marked}", m.end()
    m = _DOTTED.match(text, start)
    if m is None or "dot" not in m.group(2):
        return None
    tail = re.sub(r"\\dot\s*\{?\s*(\d)\s*\}?", "\\1" + _DOT_MARK, m.group(2))
    return f"{m.group(1)}.{tail}", m.end()


def _letters(word: str, out: list[Token], pos: int) -> None:
    """A run of Latin letters: function names (sin, log, lim), Rt before △, else single letters."""
    k = 0
    while k < len(word):
        rest = word[k:]
        if rest.startswith("lim"):
            out.append(Token(LIM, "lim", pos + k, pos + k + 3))
            k += 3
            continue
        root = next((w for w in ROOT_WORDS if rest.startswith(w)), None)
        if root:
            out.append(Token(ROOT, ROOT_WORDS[root], pos + k, pos + k + len(root)))
            k += len(root)
            continue
        name = next((f for f in FUNCTIONS if rest.startswith(f)), None)
        # 'deg', 'arg', 'Re' ... only as a whole word, so 'degree'-like letter runs stay letters
        if name and (len(name) >= 3 and name not in ("deg", "arg", "dim", "ker", "mod", "sup", "inf")
                     or rest == name):
            out.append(Token(FUNC, name, pos + k, pos + k + len(name)))
            k += len(name)
            continue
        if rest.startswith("Rt") and len(rest) == 2:
            out.append(Token(LET, "Rt", pos + k, pos + k + 2))  # parser joins it with a following △
            k += 2
            continue
        out.append(Token(LET, word[k], pos + k, pos + k + 1))
        k += 1


# a unit after a space is taken only as a rate per time (3×10⁸ m/s, 9.8 m/s^2, 60 km/h)
SPACED_UNIT_DENOMINATORS = {"s", "h", "min", "hr", "ms"}


UNIT_LETTERS = "Ωμ℃"  # 10Ω, 5μA, J/(kg·℃): unit symbols that are not ASCII letters
# a single capital after a number is a unit only as the whole value of a quantity: I=0.5A, q=1.6×10⁻¹⁹C
ONE_LETTER_UNITS = set("AVWNJCT")
SPACED_WORDS = {"in", "at", "am", "pm"}  # English words that are also unit symbols


def _unit_word(text: str, i: int) -> int:
    """End of a unit word at i: kg, kΩ, Ω, μA, ℃."""
    j = i
    while j < len(text) and (text[j].isascii() and text[j].isalpha() or text[j] in UNIT_LETTERS):
        j += 1
    return j


def _unit_product(text: str, i: int) -> int:
    """End of kW·h, kg·℃ (words joined by a centre dot), or of one word."""
    j = _unit_word(text, i)
    while j > i and j + 1 < len(text) and text[j] in "·⋅" and _unit_word(text, j + 1) > j + 1:
        j = _unit_word(text, j + 1)
    return j


def _maybe_unit(text: str, i: int, out: list[Token], base: int) -> int:
    """After a number: a unit like km/h, m/s², kg, J/(kg·℃) becomes one UNIT token (read via read_unit)."""
    n = len(text)
    spaced = i < n and text[i] == " "
    if spaced:  # 3×10⁸ m/s, 9.8 m/s^2: a spaced unit only in an unmistakable form
        i += 1
    j = _unit_product(text, i)
    if j == i:
        return i - spaced
    from .units import is_unit
    sym_end = j
    has_slash = False
    while j < n and text[j] in "²³" and j + 2 < n and text[j + 1] == "/" and text[j + 2].isalpha():
        j += 1  # N·m²/kg²: a power inside the numerator unit
    k = den_start = j
    if j + 1 < n and text[j] == "/":
        den_start = j + 2 if text[j + 1] == "(" else j + 1
        if text[j + 1] == "(":  # J/(kg·℃)
            k = _unit_product(text, j + 2)
            if k > j + 2 and k < n and text[k] == ")":
                has_slash, sym_end = True, k + 1
        else:
            k = _unit_product(text, j + 1)
            if k > j + 1:
                has_slash, sym_end = True, k
    while sym_end < n and text[sym_end] in "²³":
        sym_end += 1
    if has_slash and sym_end == k and text.startswith(("^2", "^3"), sym_end) \
            and not text[sym_end + 2:sym_end + 3].isalnum():
        sym_end += 2  # m/s^2
    if not has_slash and text.startswith("⁻¹", sym_end):
        sym_end += 2  # mol⁻¹: per mole
    symbol = text[i:sym_end]
    letters = text[i:j]
    after = text[sym_end:sym_end + 1]
    ends = not (after.isascii() and after.isalnum() or after != "" and after in "(^_")
    squared = sym_end > j and not has_slash  # 20m², 5cm³: a unit, not a power of m
    if spaced:
        rate = has_slash and text[den_start:k] in SPACED_UNIT_DENOMINATORS
        worded = len(letters) >= 2 and letters not in SPACED_WORDS and ends \
            and not text[sym_end:sym_end + 2].lstrip()[:1].isalpha()
        if not (rate or has_slash and len(text[i:sym_end].replace("/", "")) > 2 or worded):
            return i - 1  # 'x = 3 s/t' stays a fraction of variables
    if (has_slash or len(letters) >= 2 or squared or "Ω" in letters or _whole_value(out, letters, ends)) \
            and is_unit(symbol):
        out.append(Token(UNIT, symbol, base + i, base + sym_end))
        return sym_end
    return i - spaced


def _whole_value(out: list[Token], letters: str, ends: bool) -> bool:
    """I=0.5A, U=220V, q=1.6×10⁻¹⁹C: a lone capital unit ends the value that a letter equals."""
    if not (ends and letters in ONE_LETTER_UNITS):
        return False
    if any(a.kind == NUM and b.kind == LET and a.end == b.start for a, b in zip(out, out[1:])):
        return False  # 2A+3B=5C, 2x=10A: terms with letters, an algebra formula
    k = len(out) - 1  # the number just read, or 10 and its power
    if k >= 1 and out[k].kind == SUP and out[k - 1].kind == NUM:
        k -= 1
        if k >= 2 and out[k - 1].kind == OP and out[k - 1].val in ("×", "*", "·") and out[k - 2].kind == NUM:
            k -= 2
    if k >= 1 and out[k - 1].kind == OP and out[k - 1].val == "-":
        k -= 1
    if not (k >= 2 and out[k - 1].kind == REL and out[k - 1].val == "="):
        return False
    left = out[k - 2]
    # P₁=10W, P1=10W (a name with its index), 1kW·h=3.6×10⁶J (a quantity: the same thing in another unit)
    return left.kind in (LET, GREEK, SUB, UNIT) or left.kind == NUM and k >= 3 and out[k - 3].kind == LET \
        and out[k - 3].end == left.start and len(out[k - 3].val) == 1


def _braced(text: str, i: int) -> tuple[str, int, int]:
    """text[i] == '{': return (inner text, inner start, index after the matching '}')."""
    depth, j, n = 0, i, len(text)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1:j], i + 1, j + 1
        j += 1
    return text[i + 1:], i + 1, n  # unbalanced: take the rest (degrade, don't crash)


_SCRIPT_POWER = re.compile(r"\^\s*\{?\s*([23])\s*\}?")  # m/s^2, m^{3} inside \mathrm{...}


def _text_is_unit(word: str, out: list[Token]) -> bool:
    """\\text{km/h} after a number (3\\,\\text{m/s}, 10^{-3}\\text{m}) is a unit. A bare word like
    'in' or 'min' counts only there: \\text{ in } between letters is English, not inches."""
    from .units import is_unit
    if not word or not is_unit(word) or not out:
        return False
    if out[-1].kind == NUM:
        return True
    if out[-1].kind == SUP:  # 10⁸\\text{m}
        return len(out) >= 2 and out[-2].kind == NUM
    if out[-1].kind == RBRACE:  # the closing brace of a power of a number: 10^{8}
        depth, k = 0, len(out) - 1
        while k >= 0:
            depth += {RBRACE: 1, LBRACE: -1}.get(out[k].kind, 0)
            if depth == 0:
                break
            k -= 1
        return k >= 2 and out[k - 1].kind == CARET and out[k - 2].kind == NUM
    return False


def _environment(text: str, i: int, j: int, name: str, out: list[Token], base: int) -> int:
    """\\begin{pmatrix} / \\end{pmatrix}: one token naming the environment (an array's column
    spec {cc} is layout and skipped)."""
    k = j
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text) or text[k] != "{":
        out.append(Token(TEXT, name, base + i, base + j))  # a bare \begin: read by name
        return j
    env, _, after = _braced(text, k)
    env = env.strip().rstrip("*")
    if name == "begin" and env == "array":
        m = k = after
        while k < len(text) and text[k] == " ":
            k += 1
        if k < len(text) and text[k] == "{":
            after = _braced(text, k)[2]
        else:
            after = m
    out.append(Token(ENV if name == "begin" else ENVEND, env, base + i, base + after))
    return after


def _command(text: str, i: int, out: list[Token], latex_mode: bool, unknown, base: int) -> int:
    n = len(text)
    j = i + 1
    while j < n and text[j].isascii() and text[j].isalpha():
        j += 1
    if j == i + 1:  # \{ \} \, \; \! \| \\ \% ...
        if j >= n:
            return n
        c = text[j]
        special = {"{": (OPEN, "{"), "}": (CLOSE, "}"), "|": (BAR, "‖"), "%": (PCT, "%"), "\\": (ROWSEP, "\\")}
        if c in special:
            out.append(Token(special[c][0], special[c][1], base + i, base + j + 1))
        return j + 1  # spacing commands and \\ are dropped: they are layout, not speech
    name = text[i + 1:j]
    if name in ("overset", "stackrel"):
        deco = re.match(r"\s*(?:\{\s*\\frown\s*\}|\\frown(?![A-Za-z]))", text[j:])
        if deco is not None:  # \overset{\frown}{AB}: the arc over AB, as \overarc{AB}
            out.append(Token(CMD, "arc", base + i, base + j + deco.end()))
            return j + deco.end()
    if name in ("begin", "end"):
        return _environment(text, i, j, name, out, base)
    spec = latex.COMMANDS.get(name)
    if spec is None:
        if unknown is not None:
            unknown.append(name)
        out.append(Token(TEXT, name, base + i, base + j))  # read the name: rule math.latex.unknown
        return j
    kind, val = spec
    if kind == "drop":
        return j
    if kind in ("font", "text", "mathbb", "operatorname"):
        k = j
        while k < n and text[k] == " ":
            k += 1
        if k < n and text[k] == "{":
            inner, inner_start, after = _braced(text, k)
        elif k < n:
            inner, inner_start, after = text[k], k, k + 1
        else:
            return n
        if kind == "text":
            kind_text = UNIT if _text_is_unit(inner.strip(), out) else TEXT
            symbol = inner.strip()
            if kind_text == UNIT:  # \text{kg/m}^3: the power belongs to the unit's last symbol (kg/m³)
                power = re.match(r"\^\s*\{?\s*([23])\s*\}?", text[after:])
                if power is not None and symbol[-1:].isalpha():
                    symbol += "²³"[int(power.group(1)) - 2]
                    after += power.end()
            out.append(Token(kind_text, symbol if kind_text == UNIT else inner, base + i, base + after))
        elif kind == "mathbb":
            c = inner.strip()
            out.append(Token(CONST, latex.BLACKBOARD.get(c, c), base + i, base + after))
        elif kind == "operatorname":
            out.append(Token(FUNC, inner.strip(), base + i, base + after))
        else:  # \mathrm{d}, \mathbf{a}: fonts are invisible to the ear
            unit = _SCRIPT_POWER.sub(lambda p: "²³"[int(p.group(1)) - 2], inner.replace("\\,", "").strip())
            if kind == "font" and _text_is_unit(unit, out):  # 9.8\,\mathrm{m/s^2}: a unit, as \text{m/s²}
                out.append(Token(UNIT, unit, base + i, base + after))
                return after
            word = inner.strip()
            if name in ("mathbf", "boldsymbol", "bm") and len(word) == 1 and word.isascii() and word.isalpha():
                # \mathbf{v}: a bold letter is a vector (v · w is a dot product), said as the plain letter
                out.append(Token(CMD, "bold", base + i, base + inner_start))
                out.append(Token(LBRACE, "{", base + i, base + inner_start))
                out.extend(tokenize(inner, latex_mode, unknown, base + inner_start))
                out.append(Token(RBRACE, "}", base + after - 1, base + after))
                return after
            if name in ("mathrm", "operatorname") and len(word) >= 2 and word.isascii() and word.isalpha():
                # \mathrm{Var}(X), \mathrm{rank}: an upright word is an operator's name, not letters
                out.append(Token(FUNC, word, base + i, base + after))
                return after
            out.extend(tokenize(inner, latex_mode, unknown, base + inner_start))
        return after
    if kind == "letters":  # \sin, \log, \lim ...
        tok = LIM if val == "lim" else FUNC
        out.append(Token(tok, val, base + i, base + j))
        return j
    if kind == "left":  # \left( \right. \bigl[
        k = j
        if k < n and text[k] == "\\":
            k2 = k + 1
            while k2 < n and text[k2].isascii() and text[k2].isalpha():
                k2 += 1
            if k2 == k + 1 and k2 < n:
                k2 += 1
            sub = tokenize(text[k:k2], latex_mode, unknown, base + k)
            out.extend(t for t in sub if t.kind in (OPEN, CLOSE, BAR, LBRACE, RBRACE)
                       or t.kind == CMD and t.val in ("floor", "ceil"))  # \left\lfloor
            return k2
        if k < n:
            c = text[k]
            if c in "([":
                out.append(Token(OPEN, c, base + i, base + k + 1))
            elif c in ")]":
                out.append(Token(CLOSE, c, base + i, base + k + 1))
            elif c == "|":
                out.append(Token(BAR, "|", base + i, base + k + 1))
            return k + 1
        return n
    if kind == "bracketfn":  # \lfloor x \rfloor: a command on the bracketed part, as \hat{x}
        out.append(Token(CMD, val, base + i, base + j))
        out.append(Token(LBRACE, "{", base + i, base + j))
        return j
    if kind == "bracketfn_end":
        out.append(Token(RBRACE, "}", base + i, base + j))
        return j
    out.append(Token(kind, val, base + i, base + j))
    return j

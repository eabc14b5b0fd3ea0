"""Expression tree -> spoken words, with every word taken from rules/<lang>/math*.yaml.

rules/<lang>/math.yaml holds `templates` (how each node is read; slots are checked when the
file is loaded) and `join` (how neighbours are glued); rules/<lang>/math_symbols.yaml holds
the words for operators, relations, geometry prefixes, constants, Greek letters, functions.
"""
from __future__ import annotations

import unicodedata

from dataclasses import dataclass

from .. import numerals
from ..rules import LineStr, RuleError, Template, check_keys, compiled, fail, line_of, load, template
from .parser import FUNCTION_LETTERS, Node
from . import chem
from .units import read_unit

# every template a language must define, with the slots it may use
SLOTS: dict[str, tuple[str, ...]] = {
    "frac": ("num", "den"), "frac_numeric": ("num", "den"), "mixed": ("whole", "frac"),
    "neg": ("x",), "pos": ("x",), "pm": ("x",), "mp": ("x",), "group": ("x",),
    "pow_2": ("base",), "pow_3": ("base",), "pow_int": ("base", "exp", "ord"), "pow": ("base", "exp"),
    "func": ("name", "arg"), "func_paren": ("name", "arg"), "func_list": ("name", "args"), "func_pow_2": ("name", "arg"),
    "func_pow_3": ("name", "arg"), "func_pow": ("name", "exp", "arg"), "func_inverse": ("name", "arg"),
    "log_base": ("name", "base", "arg"),
    "sub_simple": ("base", "sub"), "sub": ("base", "sub"), "sub_chem": ("base", "sub"),
    "prime_1": ("base",), "prime_2": ("base",), "prime_3": ("base",),
    "call": ("name", "args"), "call_compound": ("name", "args"), "inverse": ("name",),
    "root_2": ("x",), "root_2_compound": ("x",), "root_3": ("x",), "root_n": ("x", "n", "ord"),
    "abs": ("x",), "norm": ("x",), "fact": ("x",), "percent": ("x",), "permille": ("x",),
    "deg": ("x",), "arcmin": ("x",), "arcsec": ("x",), "geo": ("name", "x"),
    "vec": ("x",), "overline": ("x",), "segment": ("x",), "hat": ("x",),
    "interval_closed": ("lo", "hi"), "interval_open": ("lo", "hi"),
    "interval_left_closed": ("lo", "hi"), "interval_right_closed": ("lo", "hi"),
    "set": ("items",), "system": ("items",), "label": ("name", "x"), "set_builder": ("var", "cond"), "tuple": ("items",),
    "point": ("name", "coords"), "point_bare": ("coords",),
    "lim": ("sub", "body"), "lim_plain": ("body",), "lim_bare": (),
    "sum_bare": (), "prod_bare": (), "int_bare": (),
    "sum_both": ("lower", "upper", "body"), "sum_lower": ("lower", "body"), "sum_plain": ("body",),
    "prod_both": ("lower", "upper", "body"), "prod_lower": ("lower", "body"), "prod_plain": ("body",),
    "int_both": ("lower", "upper", "body"), "int_lower": ("lower", "body"), "int_plain": ("body",),
    "comb": ("name", "n", "k"), "binom": ("n", "k"), "quantity": ("x", "unit"),
    "ellipsis_run": ("op",), "given": ("a", "b"), "probability_given": ("name", "a", "b"),
    "complement": ("x", "u"), "complement_plain": ("x",), "distributed": (),
    "yields": (), "chem_group": ("x", "n"), "side_pos": ("x",), "side_neg": ("x",), "charge_pos": ("base", "n"), "charge_neg": ("base", "n"),
    "forall": ("x",), "exists": ("x",), "such_that": ("a", "b"), "not": ("x",), "because": ("x",),
    "therefore": ("x",), "derivative": ("var", "x"),
    "between": ("lo", "op1", "mid", "op2", "hi", "op1_converse"),
    "env_matrix": ("rows",), "env_det": ("rows",), "env_matrix_row": ("n", "cells"), "env_rows": ("rows",),
}
JOIN_KEYS = ("words", "list", "items", "coords", "cells", "rows")
# environments read row by row with each row named (第一行 / row one); the others (cases, aligned,
# array ...) read their rows as clauses
MATRIX_ENVS = {"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix"}
# aligned equations: a cell break is alignment only (a &= b reads a 等于 b, no pause)
ALIGN_ENVS = {"align", "aligned", "alignat", "alignedat", "eqnarray", "split", "gather", "gathered", "multline"}
SYMBOL_SECTIONS = ("operators", "relations", "geometry", "constants", "greek", "functions", "misc",
                   "function_phrases")
BIG_NAMES = {"∑": "sum", "∏": "prod", "∫": "int", "∬": "int", "∮": "int"}
BIG_PREFIX = {"∬": "∬", "∮": "∮", "∭": "∭"}  # double / contour integral: misc words put before "integral"
PREFIX_TEMPLATES = {"∀": "forall", "∃": "exists", "¬": "not", "∵": "because", "∴": "therefore"}
LOOSE = {"sum", "chain", "pm", "mp", "list"}
POW_LOOSE = LOOSE | {"neg", "frac", "seq", "prod", "func", "call", "root", "pow", "fact"}


@dataclass
class Rules:
    lang: str
    t: dict[str, Template]
    join: dict[str, str]
    words: dict[str, dict[str, str]]
    denominators: dict[str, list]
    function_words: set | None = None
    leading_words: tuple = ()  # 线段, vector ...: not said twice when the sentence just said them
    absorbed_words: tuple = ()  # 区间: said inside the reading (闭区间...), so the formula takes it over
    point_words: tuple = ()  # 点, 坐标为, the point: a bracketed pair after them is a point, not a group
    factorial_before: tuple = ()  # 计算, compute: a lone 5! after them is a factorial
    factorial_after: tuple = ()  # 的, is: a lone 5! before them is a factorial
    interval_words: tuple = ()  # 区间, 解集为, the domain is: a bracketed pair of bounds after them is an interval
    copulas: tuple = ()  # 为, 是, is: may stand between a point/interval word and its bracket (圆心为(2,-1))
    relation_noun_before: tuple = ()  # for, with, every: 'for every n ≥ 2' says the relation without 'is'
    relation_noun_after: tuple = ()  # be: 'Let n ≥ 1 be an integer'
    relation_be_before: tuple = ()  # let: 'Let ε > 0 and ...' -> 'epsilon be greater than zero'
    relation_stop: tuple = ()  # which, that, if: a clause of its own starts, the relation keeps 'is'
    unit_words: tuple = ()  # 单位是, the unit is: a unit symbol right after them is named (N·m 牛米, N/C 牛每库仑)


@compiled
def rules_for(lang: str) -> Rules:
    lang = "en" if lang == "en" else "zh"
    data = load(lang, "math")
    where = f"rules/{lang}/math.yaml"
    check_keys(data, ("templates", "join", "fraction_denominators", "leading_words", "absorbed_words",
                      "point_words", "factorial_before", "factorial_after", "interval_words", "copulas",
                      "relation_noun_before", "relation_noun_after", "relation_be_before", "relation_stop", "unit_words"), where)
    raw = data.get("templates")
    if not isinstance(raw, dict):
        raise fail(data, "'templates' must be a mapping of node -> template", "templates")
    for key, value in raw.items():
        if key not in SLOTS:  # name the line of the typo itself (it may be in an override file)
            at = line_of(value) if isinstance(value, LineStr) else line_of(raw, key)
            raise RuleError(f"{at}: unknown template {key!r} in {where}; expected one of {sorted(SLOTS)}")
    missing = [k for k in SLOTS if k not in raw]
    if missing:
        raise fail(raw, f"templates missing: {missing}")
    templates = {key: template(raw[key], SLOTS[key]) for key in SLOTS}
    join = data.get("join") or {}
    check_keys(join, JOIN_KEYS, f"{where} join")
    symbols = load(lang, "math_symbols")
    check_keys(symbols, SYMBOL_SECTIONS, f"rules/{lang}/math_symbols.yaml")
    words = {}
    for section in SYMBOL_SECTIONS:
        table = symbols.get(section) or {}
        if not isinstance(table, dict):
            raise fail(symbols, f"{section} must be a mapping", section)
        for key, value in table.items():
            if not isinstance(value, str):
                raise fail(table, f"{section}[{key!r}] must be a string", key)
        words[section] = {str(k): v for k, v in table.items()}
    denominators = data.get("fraction_denominators") or {}
    leading = data.get("leading_words") or []
    if not isinstance(leading, list) or not all(isinstance(w, str) and w for w in leading):
        raise fail(data, "'leading_words' must be a list of words", "leading_words")
    absorbed = data.get("absorbed_words") or []
    if not isinstance(absorbed, list) or not all(isinstance(w, str) and w for w in absorbed):
        raise fail(data, "'absorbed_words' must be a list of words", "absorbed_words")
    lists = {}
    for key in ("point_words", "factorial_before", "factorial_after", "interval_words", "copulas",
                "relation_noun_before", "relation_noun_after", "relation_be_before", "relation_stop", "unit_words"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise fail(data, f"'{key}' must be a list of words", key)
        lists[key] = tuple(value)
    return Rules(lang, templates, {k: str(join.get(k, "")) for k in JOIN_KEYS}, words,
                 {str(k): v for k, v in denominators.items()},
                 leading_words=tuple(sorted(leading, key=len, reverse=True)),
                 absorbed_words=tuple(sorted(absorbed, key=len, reverse=True)),
                 **lists)


class Reader:
    def __init__(self, lang: str):
        self.r = rules_for(lang)
        self.en = self.r.lang == "en"

    # ---- helpers ---------------------------------------------------------------------
    def T(self, key: str, **slots) -> str:
        return self.r.t[key](**slots)

    def cat(self, parts: list[str]) -> str:
        sep = self.r.join["words"]
        parts = [p for p in parts if p]
        if sep or len(parts) < 2:
            return sep.join(parts)
        names = self.function_words()
        pieces = [parts[0]]
        last = parts[0][-1]
        for p in parts[1:]:  # 'sin x' + 'cos x': keep a function name apart from a letter
            if last.isascii() and last.isalpha() and p[0].isascii() and p[0].isalpha():
                prev = pieces[-1]
                left, right = _edge(prev, -1), _edge(p, 0)
                if prev[len(prev) - left:] in names or p[:right] in names:
                    pieces.append(" ")
            pieces.append(p)
            last = p[-1]
        return "".join(pieces)

    def function_words(self) -> set:
        cached = getattr(self.r, "function_words", None)
        if cached is None:
            cached = set(self.r.words["functions"].values()) | set(self.r.words["functions"])
            self.r.function_words = cached
        return cached

    def r_seq(self, n: Node) -> str:
        if not getattr(self, "no_point", False) and not (getattr(self, "equation", False) and _choose(n)):
            kids = _merge_points(n.kids)
            if len(kids) != len(n.kids):  # A(2,3): a named point, its coordinates said without brackets
                return self.read(kids[0]) if len(kids) == 1 else self.r_seq(Node("seq", kids))
        if chem.is_formula_side(n):
            kids = _merge_chem_groups(n.kids)
            if len(kids) != len(n.kids):  # Ca(OH)2, Al2(SO4)3: the group's count follows its bracket
                n = Node("seq", kids)
        last = n.kids[-1] if n.kids else None
        if last is not None and last.kind == "geo" and last.val == "⌒" and not (last.kids and last.kids[0]) \
                and len(n.kids) > 1 and all(k is not None and k.kind == "var" and k.val.isupper() for k in n.kids[:-1]):
            # AB⌒: the arc mark written after its end points is still the arc AB (弧AB)
            return self.read(Node("geo", [Node("seq", n.kids[:-1])], val="⌒"))
        if not self.en:
            if len(n.kids) >= 2 and _derivative_var(n.kids[0]) is not None:
                # \frac{d}{dx}\sin x: the operator applies to what follows (sin x对x求导), no dx分之d
                rest = n.kids[1:]
                body = rest[0] if len(rest) == 1 else Node("seq", rest)
                if body is not None and body.kind == "group" and body.val == "(" and body.kids \
                        and body.kids[0] is not None and body.kids[0].kind not in ("sum", "chain"):
                    body = body.kids[0]  # (x²): brackets only delimit; (t³+2t) keeps them audible
                return self.T("derivative", var=self.read(_derivative_var(n.kids[0])), x=self.read(body, tight=True))
            parts = []
            for prev, k in zip([None] + n.kids, n.kids):
                if prev is not None and prev.kind == "num" and (_signed_atom_group(k) or k is not None
                                                                and k.kind == "pow" and _signed_atom_group(k.kids[0])):
                    # 2(-3), 2(-3)²: a number beside a bracketed signed number is a product (二乘以负三)
                    parts += [self.word("operators", "×"), self.operand(k, tight=True)]
                elif prev is not None and k is n.kids[-1] and _condition_group(k):
                    # y=kx+b(k≠0): a bracketed relation at the end is a side condition, said after a pause
                    parts.append(self.r.join["list"] + self.read(k.kids[0]))
                else:
                    parts.append(self.read(k, tight=True))
            return self.cat(parts)
        special = self.en_seq(n)
        if special is not None:
            return special
        parts, points = [], ""
        lead = self.group_lead()
        quantity = False  # the last part is a bracketed group said as 'the quantity ...'
        for k in n.kids:  # English: ABC is one name of points, not 'A B C'
            if k is not None and k.kind == "var" and k.val.isupper():
                if not points and quantity:
                    parts.append(self.word("operators", "×"))  # (a+b)C: 'the quantity a plus b times C'
                points += k.val
                continue
            if points:
                parts.append(points)
                points = ""
            text = self.read(k, tight=True)
            if parts and (text.startswith(lead) or quantity):
                # n(n-1)!, (x-2)(x+3): 'times the quantity'; (n-1)d: 'the quantity n minus one times d'
                # (without the 'times' the letter would be heard inside the quantity)
                parts.append(self.word("operators", "×"))
            parts.append(text)
            quantity = k is not None and k.kind == "group" and text.startswith(lead)
        if points:
            parts.append(points)
        return self.cat(parts)

    def en_seq(self, n: Node) -> str | None:
        """English readings of a juxtaposition that are no product: d/dx (sin x), C(5, 2) in an
        equation (five choose two), Na⁺ and 2NaCl (element symbols, not letters)."""
        kids = n.kids
        if len(kids) >= 2 and _derivative_var(kids[0]) is not None:
            # d/dx (sin x): the operator applies to what follows, it is no fraction times it
            return self.T("derivative", var=self.read(_derivative_var(kids[0])),
                          x=self.cat([self.read(k) for k in kids[1:]]))
        if getattr(self, "equation", False) and _choose(n):
            # C(5, 2) = 10: in an equation the counting function, not the point C
            return self.T("binom", n=self.read(kids[1].kids[0]), k=self.read(kids[1].kids[1]))
        grouped = any(k is not None and k.kind == "chemgroup" for k in kids)
        if grouped or chem.is_formula_side(n) and (getattr(self, "reaction", False) or _chem_marks(n)) \
                and _two_letter_element(kids):
            return self.chem_seq(kids)
        return None

    def chem_seq(self, kids: list) -> str:
        """Na⁺, 2NaCl, Cl₂: a lower-case letter after a capital completes the element symbol."""
        parts: list[str] = []
        glue = False  # the last part ends in a capital a lower-case letter may complete
        for k in kids:
            low = k
            while low is not None and low.kind in ("pow", "sub") and low.kids:
                low = low.kids[0]
            if glue and low is not None and low.kind == "var" and low.val.islower() \
                    and parts[-1][-1:] + low.val in chem.ELEMENTS:
                symbol, glue = parts[-1] + low.val, False
                found = chem.charge(k.kids[1]) if k.kind == "pow" else None
                if found is not None:  # Na⁺, Ca²⁺: the charge of the whole symbol (no one-sided limit)
                    parts[-1] = self.T("charge_pos" if found[1] == "+" else "charge_neg", base=symbol,
                                       n=self.number(found[0]) if found[0] else "")
                elif k.kind == "sub":  # Cl₂: 'Cl two'
                    parts[-1] = self.T("sub_chem", base=symbol, sub=self.read(k.kids[1]))
                elif k.kind == "var":
                    parts[-1] = symbol
                else:
                    parts[-1] = self.cat([symbol, self.read(k, tight=True)[1:]])
                continue
            text = self.read(k, tight=True)
            glue = k is not None and k.kind == "var" and k.val.isupper()
            if glue and parts and parts[-1][-1:].isupper():
                parts[-1] += " " + text  # NaCl: 'Na Cl', each symbol said as one name
            else:
                parts.append(text)
        return self.cat(parts)

    def group_lead(self) -> str:
        """The words a bracketed group starts with ('the quantity ')."""
        return self.T("group", x="\0").split("\0")[0] or "\0"

    def word(self, section: str, key: str, default: str | None = None) -> str:
        table = self.r.words[section]
        if key in table:
            return table[key]
        return key if default is None else default

    def number(self, digits: str) -> str:
        if "\u0307" in digits:  # 0.\dot{3}: a recurring decimal, read as tn reads 0.3̇
            from ..tn.recurring import read_recurring
            spoken = read_recurring(digits, self.r.lang)
            if spoken is not None:
                return spoken
            digits = digits.replace("\u0307", "")
        if len(digits.split(".")[0]) > 16:  # not a quantity anyone says as one: digit by digit
            return (numerals.en_digits if self.en else numerals.zh_digits)(digits.replace(".", ""))
        return numerals.en_number(digits) if self.en else numerals.zh_number(digits)

    # ---- the reading -----------------------------------------------------------------
    def read(self, node: Node | None, tight: bool = False) -> str:
        if node is None:
            return ""
        method = getattr(self, "r_" + node.kind, None)
        if method is None:
            return self.cat([self.read(k) for k in node.kids])
        return method(node, tight) if node.kind == "group" else method(node)

    def r_num(self, n: Node) -> str:
        return self.number(n.val)

    def r_var(self, n: Node) -> str:
        return n.val

    def r_greek(self, n: Node) -> str:
        return self.word("greek", n.val)

    def r_const(self, n: Node) -> str:
        return self.word("constants", n.val)

    def r_text(self, n: Node) -> str:
        if "/" in n.val:  # \\text{km/h} on its own: a compound unit is unmistakable (a lone 'in' is not)
            unit = read_unit(n.val.strip(), self.r.lang)
            if unit is not None:
                return unit
        out = []
        for ch in n.val:
            if ch.isascii() and ch.isdigit():
                out.append(self.number(ch))
            else:
                out.append(self.word("misc", ch, ch) if not ch.isalnum() else ch)
        return "".join(out) if not self.en else "".join(out).strip()

    def r_sym(self, n: Node) -> str:
        for section in ("operators", "relations", "geometry", "constants", "greek", "misc"):
            if n.val in self.r.words[section]:
                return self.r.words[section][n.val]
        digits = unicodedata.normalize("NFKC", n.val)
        if digits.isdigit() and digits.isascii():
            return self.number(digits)  # a stray ² or ₃ with nothing to attach to: read its number
        return n.val if n.val.isalnum() else ""

    def r_ellipsis(self, n: Node) -> str:
        return self.word("misc", "…")

    def r_list(self, n: Node) -> str:
        return self.r.join["list"].join(self.read(k) for k in n.kids if k is not None)

    def r_group(self, n: Node, tight: bool) -> str:
        inner = n.kids[0] if n.kids else None
        text = self.read(inner)
        if tight and n.val != "{" and inner is not None and (inner.kind in LOOSE or inner.kind == "neg"):
            return self.T("group", x=text)
        if tight and n.val == "{" and inner is not None and inner.kind in LOOSE:
            return self.T("group", x=text)
        return text

    def r_sum(self, n: Node) -> str:
        parts = [self.read(n.kids[0])]
        ops, kids = list(n.ops), n.kids[1:]
        skip = False
        for i, (op, kid) in enumerate(zip(ops, kids)):
            if skip:
                skip = False
                parts.append(self.read(kid, tight=op in "-∓∖"))
                continue
            if kid is not None and kid.kind == "ellipsis" and i + 1 < len(ops) and ops[i + 1] == op:
                # 1+2+…+100: 一直加到一百 / plus dot dot dot plus, not 加省略号加
                parts.append(self.T("ellipsis_run", op=self.word("operators", op)))
                skip = True
                continue
            parts.append(self.word("operators", op))
            parts.append(self.operand(kid, tight=op in "-∓∖"))
        return self.cat(parts)

    def r_prod(self, n: Node) -> str:
        parts = [self.operand(n.kids[0], tight=True)]
        for prev, op, kid in zip(n.kids, n.ops, n.kids[1:]):
            if self.en and op in "·×" and prev is not None and prev.kind == "const" and prev.val == "∇":
                parts.append(self.word("misc", "∇" + op, self.word("operators", op)))  # ∇·F: del dot F
            elif op in "·×" and _is_vector(prev) and _is_vector(kid):
                parts.append(self.word("misc", "vec" + op, self.word("operators", op)))  # →AB·→AC: 点乘; u × v: cross
            else:
                parts.append(self.word("operators", op))
            parts.append(self.operand(kid, tight=True))
        return self.cat(parts)

    def operand(self, node: Node | None, tight: bool) -> str:
        """An operand of + - × ÷. Chinese textbooks read (-3)×(-4), 5-(-3) as 负三乘以负四, 五减负三:
        brackets around a lone signed number only say what 负 already says."""
        if not self.en and _signed_atom_group(node):
            return self.read(node.kids[0])
        return self.read(node, tight=tight)

    def r_chain(self, n: Node) -> str:
        saved = getattr(self, "equation", False), getattr(self, "reaction", False)
        self.equation = saved[0] or "=" in n.ops
        self.reaction = saved[1] or any(chem.is_reaction(a, op, b) for a, op, b in zip(n.kids, n.ops, n.kids[1:]))
        try:
            return self.chain_words(n)
        finally:
            self.equation, self.reaction = saved

    def chain_words(self, n: Node) -> str:
        if len(n.ops) == 2 and (set(n.ops) <= {"<", "≤"} or set(n.ops) <= {">", "≥"}) and None not in n.kids \
                and n.kids[1].kind != "num":  # x < 3 < y is said as written
            return self.between(n)
        parts = [self.read(n.kids[0])]
        for left, op, kid in zip(n.kids, n.ops, n.kids[1:]):
            if op == "∽" and _is_distribution(kid):
                parts.append(self.T("distributed"))  # X~N(μ,σ²): follows, not 'is similar to'
                if self.en and kid.kind == "seq":  # N(0, 1): 'N of zero, one', as a call is said
                    params = kid.kids[1].kids if kid.kids[1].kind == "tuple" else [kid.kids[1]]
                    parts.append(self.T("call", name=self.read(kid.kids[0]),
                                        args=self.r.join["items"].join(self.read(p) for p in params if p is not None)))
                    continue
                self.no_point = True  # B(10, 0.3) after ~ is a distribution's parameters, no point
                try:
                    parts.append(self.read(kid))
                finally:
                    self.no_point = False
                continue
            elif op == "≡" and self.en and _has_mod(kid) and "≡mod" in self.r.words["misc"]:
                parts.append(self.word("misc", "≡mod"))  # a ≡ b (mod n): congruent, not identical
            elif op == "→" and _genotypes(left):
                parts.append(self.word("misc", "→cross", "→"))  # Dd×Dd→DD:Dd:dd: a cross gives its offspring
            elif op == "→" and _set_name(left) and _set_name(kid):
                parts.append(self.word("misc", "→logic", "→"))  # A→B between capital names: implies, no limit
            elif chem.is_reaction(left, op, kid):
                parts.append(self.T("yields"))  # 2H₂+O₂=2H₂O: the sign of a reaction, not 'equals'
            elif op == "=" and _coordinates_of_vector(left, kid):
                # a=(1,2), \vec{AB}=(3,-4): a vector's coordinates, said like a point's (一逗号二)
                parts.append(self.word("relations", op))
                parts.append(self.T("point_bare", coords=self.coords(kid)))
                continue
            else:
                parts.append(self.word("relations", op))
            parts.append(self.read(kid))
        return self.cat(parts)

    def between(self, n: Node) -> str:
        """2 < x ≤ 7: one template, so English can say 'x is greater than two and less than or
        equal to seven' (the middle term first) where Mandarin reads left to right."""
        lo, mid, hi = (self.read(k) for k in n.kids)
        op1, op2 = (self.word("relations", op) for op in n.ops)
        converse = self.word("misc", "converse" + n.ops[0], op1)
        if self.en:  # 'is less than' -> 'less than': the template says the verb once
            op1, op2, converse = (w[3:] if w.startswith("is ") else w for w in (op1, op2, converse))
        return self.T("between", lo=lo, op1=op1, mid=mid, op2=op2, hi=hi, op1_converse=converse)

    def r_neg(self, n: Node) -> str:
        return self.T("neg", x=self.operand(n.kids[0], tight=True))  # -(-3): 负负三

    def r_pos(self, n: Node) -> str:
        return self.T("pos", x=self.operand(n.kids[0], tight=True))

    def r_pm(self, n: Node) -> str:
        return self.T("pm", x=self.read(n.kids[0], tight=True))

    def r_mp(self, n: Node) -> str:
        return self.T("mp", x=self.read(n.kids[0], tight=True))

    def r_frac(self, n: Node) -> str:
        num, den = n.kids
        if self.en and num is not None and den is not None and num.kind == "num" and den.kind == "num" \
                and num.val.isdigit() and den.val.isdigit() and 1 < int(den.val) <= 100:
            forms = self.r.denominators.get(den.val) or [numerals.en_ordinal(den.val),
                                                        numerals.en_ordinal(den.val) + "s"]
            return self.T("frac_numeric", num=self.number(num.val), den=forms[0 if num.val == "1" else 1])
        if self.en:  # (x-3)/2: 'the quantity x minus three over two'; bare 'x minus three over two' is x-3/2
            return self.T("frac", num=self.frac_part(num), den=self.frac_part(den))
        if den is not None and den.kind == "quantity" and den.val.startswith("rad") and (num is None or num.kind != "quantity"):
            # π/2 rad: the angle (π/2) is in radians, 二分之派弧度, never 二弧度分之派
            return self.read(Node("quantity", [Node("frac", [num, den.kids[0]], val=n.val)], val=den.val))
        return self.T("frac", num=self.read(num), den=self.read(den))

    def frac_part(self, node: Node | None) -> str:
        """An English numerator or denominator that is itself a sum is said as 'the quantity ...':
        the parser drops the brackets that only delimit, but 'over' alone would bind to the last term."""
        if node is not None and node.kind in LOOSE:
            return self.T("group", x=self.read(node))
        return self.read(node)

    def r_mixed(self, n: Node) -> str:
        return self.T("mixed", whole=self.read(n.kids[0]), frac=self.read(n.kids[1]))

    def power(self, exp: Node | None) -> tuple[str, dict]:
        """Which pow template an exponent calls for: 2 -> pow_2, 3 -> pow_3, 5 -> pow_int."""
        if exp is not None and exp.kind == "num" and exp.val in ("2", "3"):
            return "pow_" + exp.val, {}
        if exp is not None and exp.kind == "num" and exp.val.isdigit() and len(exp.val) < 7:
            return "pow_int", {"exp": self.read(exp), "ord": numerals.en_ordinal(exp.val)}
        return "pow", {"exp": self.read(exp)}

    def r_pow(self, n: Node) -> str:
        base, exp = n.kids
        if exp is not None and exp.kind == "primemark":
            return self.r_prime(Node("prime", [base], val=exp.val))
        if exp is not None and exp.kind == "sym" and exp.val == "*":
            return self.cat([self.read(base), self.word("misc", "*", "")])
        ion = self.ion(base, exp)
        if ion is not None:
            return ion
        side = chem.charge(exp)
        if side is not None and not side[0] and base is not None and (
                base.kind in ("num", "const", "greek") or base.kind == "var" and base.val.islower() and len(base.val) == 1):
            # 0⁺, a⁻: a bare sign on a number or letter is a one-sided limit point (零正), not a power
            return self.T("side_pos" if side[1] == "+" else "side_neg", x=self.read(base))
        if self.en and exp is not None and exp.kind == "var" and exp.val == "T" and base is not None \
                and base.kind in ("var", "group", "vec") and "transpose" in self.r.words["misc"]:
            # A^T, (AB)^T, x^T: a raised capital T is the transpose, never a power
            return self.cat([self.read(base, tight=True), self.word("misc", "transpose")])
        key, slots = self.power(exp)
        inner = base.kids[0] if base is not None and base.kind == "group" and base.kids else None
        if inner is not None and inner.kind == "neg" and inner.kids and inner.kids[0] is not None \
                and inner.kids[0].kind in ("num", "var", "greek", "const"):
            # (-2)³ is 负二的立方 (textbook reading); the brackets are what the words already say
            base_text = self.read(inner)
        elif not self.en and _digit_fraction(inner):
            # (1/2)², (-2/3)²: textbooks read 二分之一的平方 / 负三分之二的平方, brackets unspoken
            base_text = self.read(inner)
        elif base is not None and base.kind == "neg" or inner is not None and inner.kind in POW_LOOSE:
            # (-2)², (a/b)², (2x)²: without audible brackets the power would bind to the last word
            base_text = self.T("group", x=self.read(inner if inner is not None else base))
        else:
            base_text = self.read(base, tight=True)
        return self.T(key, base=base_text, **slots)

    def ion(self, base: Node | None, exp: Node | None) -> str | None:
        """Fe³⁺, SO₄²⁻, OH⁻: a charge is no power. A bare sign needs a chemical base (OH⁻, not x⁻:
        0⁺ and x⁻ stay one-sided limits); '3+' with nothing after the plus is never a power."""
        found = chem.charge(exp)
        if found is None or base is None:
            return None
        n, sign = found
        if not n and not chem.is_formula_side(base):
            return None
        return self.T("charge_pos" if sign == "+" else "charge_neg", base=self.read(base, tight=True),
                      n=self.number(n) if n else "")

    def r_sub(self, n: Node) -> str:
        base, sub = n.kids
        if _chem_group(base) and sub is not None and sub.kind == "num":
            return self.r_chemgroup(Node("chemgroup", [base.kids[0], sub]))  # Cu(OH)₂
        simple = sub is not None and sub.kind in ("num", "var", "greek")
        chem = simple and sub.kind == "num" and base is not None and base.kind == "var" and base.val.isupper()
        key = "sub_chem" if chem else "sub_simple" if simple else "sub"
        return self.T(key, base=self.read(base, tight=True), sub=self.read(sub))

    def r_prime(self, n: Node) -> str:
        count = max(1, min(3, int(n.val or "1")))
        return self.T(f"prime_{count}", base=self.read(n.kids[0], tight=True))

    def r_given(self, n: Node) -> str:
        return self.T("given", a=self.read(n.kids[0]), b=self.read(n.kids[1]))

    def r_call(self, n: Node) -> str:
        fn, args = n.kids[0], n.kids[1:]
        if len(args) == 1 and args[0] is not None and _unwrap_group(args[0]).kind == "given":
            given = _unwrap_group(args[0])  # P(A|B): the probability of A given B
            return self.T("probability_given", name=self.read(fn),
                          a=self.read(given.kids[0]), b=self.read(given.kids[1]))
        if fn.kind == "pow":  # f⁻¹(x)
            name = self.T("inverse", name=self.read(fn.kids[0]))
        elif self.en and fn.kind in ("var", "greek") and fn.val + "(" in self.r.words["misc"]:
            name = self.word("misc", fn.val + "(")  # O(n log n): big O of n log n
        else:
            name = self.read(fn)
        args_text = self.r.join["items"].join(self.read(a) for a in args if a is not None)
        compound = len(args) == 1 and args[0] is not None and args[0].kind in LOOSE
        return self.T("call_compound" if compound else "call", name=name, args=args_text)

    def r_func(self, n: Node) -> str:
        arg, power, sub = n.kids
        name = self.word("functions", n.val)
        arg_text = self.read(arg)
        if n.val == "log" and sub is not None or n.val in ("log", "lg", "ln") and sub is not None:
            return self.T("log_base", name=name, base=self.read(sub), arg=arg_text)
        if sub is not None:
            name = self.T("sub_simple", base=name, sub=self.read(sub))
        if power is not None:
            if power.kind == "neg" and power.kids and power.kids[0] is not None and power.kids[0].val == "1":
                return self.T("func_inverse", name=name, arg=arg_text)
            key, slots = self.power(power)
            if key in ("pow_2", "pow_3"):
                return self.T("func_" + key, name=name, arg=arg_text)
            return self.T("func_pow", name=name, exp=self.read(power), arg=arg_text)
        phrase = self.r.words["function_phrases"].get(n.val)
        if phrase is not None and arg is not None:  # det(A), Var(X): 'the determinant of A'
            return self.cat([phrase, arg_text])
        items = _list_items(arg)
        if n.val in LIST_FUNCTIONS and len(items) >= 2:
            # max{a,b}, gcd(12,18): a function of a list of values (a，b中的最大值), never a set or a bracket
            return self.T("func_list", name=name, args=self.r.join["items"].join(self.read(k) for k in items))
        compound = n.ops == ["("] and arg is not None and arg.kind in LOOSE
        return self.T("func_paren" if compound else "func", name=name, arg=arg_text)

    def r_root(self, n: Node) -> str:
        x, index = n.kids
        text = self.read(x)
        compound = x is not None and x.kind not in ("num", "var", "greek", "const")
        if index is None or index.kind == "num" and index.val == "2":
            return self.T("root_2_compound" if compound else "root_2", x=text)
        if index.kind == "num" and index.val == "3":
            return self.T("root_3", x=text)
        ordinal = numerals.en_ordinal(index.val) if index.kind == "num" and index.val.isdigit() \
            and len(index.val) < 7 else self.read(index) + "th"
        return self.T("root_n", x=text, n=self.read(index), ord=ordinal)

    def r_abs(self, n: Node) -> str:
        inner = n.kids[0] if n.kids else None
        if inner is not None and inner.kind == "env" and inner.val in MATRIX_ENVS | {"array"}:
            return self.r_env(inner, det=True)  # |\begin{array}…\end{array}|: a determinant, no 绝对值
        if _is_vector(n.kids[0] if n.kids else None) and n.kids[0].kind == "vec":
            return self.T("norm", x=self.read(n.kids[0]))  # |→a|: a vector's length is its 模
        return self.T("abs", x=self.read(n.kids[0]))

    def r_norm(self, n: Node) -> str:
        return self.T("norm", x=self.read(n.kids[0]))

    def r_fact(self, n: Node) -> str:
        return self.T("fact", x=self.read(n.kids[0], tight=True))

    def r_pct(self, n: Node) -> str:
        return self.T("permille" if n.val == "‰" else "percent", x=self.read(n.kids[0], tight=True))

    def r_deg(self, n: Node) -> str:
        return self.T("deg", x=self.read(n.kids[0]))

    def r_arcmin(self, n: Node) -> str:
        return self.T("arcmin", x=self.read(n.kids[0]))

    def r_arcsec(self, n: Node) -> str:
        return self.T("arcsec", x=self.read(n.kids[0]))

    def r_dms(self, n: Node) -> str:
        return self.cat([self.read(k) for k in n.kids])

    def r_geo(self, n: Node) -> str:
        x = self.read(n.kids[0])
        if not x.strip() and n.val + " blank" in self.r.words["geometry"]:
            return self.word("geometry", n.val + " blank")  # □+5=12: the box to fill in, not a square
        return self.T("geo", name=self.word("geometry", n.val), x=x)

    def r_prefix(self, n: Node) -> str:
        key = PREFIX_TEMPLATES.get(n.val)
        kid = n.kids[0] if n.kids else None
        x = self.binding(kid) if key in ("forall", "exists") else self.read(kid)
        if key is None:
            return self.T("geo", name=self.word("geometry", n.val), x=x)
        return self.T(key, x=x)

    def binding(self, node: Node | None) -> str:
        """What a quantifier binds: ∀x∈ℝ 'for all x in the real numbers', ∀ε>0 'for all epsilon
        greater than zero' -- a noun phrase, so the relation is said without its verb."""
        if node is not None and node.kind == "such_that":
            return self.T("such_that", a=self.binding(node.kids[0]), b=self.read(node.kids[1]))
        if node is None or node.kind != "chain":
            return self.read(node)
        parts = [self.read(node.kids[0])]
        for op, kid in zip(node.ops, node.kids[1:]):
            word = self.word("relations", op)
            if self.en and word.startswith("is "):
                word = word[3:]  # ∀ε>0: 'for all epsilon greater than zero'
            parts.append(self.word("misc", "bound" + op, word))
            parts.append(self.read(kid))
        return self.cat(parts)

    def relation_phrase(self, node: Node | None, mode: str) -> str:
        """A relation the prose uses as a noun phrase ("noun": like a quantifier's binding) or
        after 'Let' ("be": 'is greater than' -> 'be greater than'); anything else is read as usual."""
        if node is None or node.kind != "chain" or len(node.ops) != 1 or node.ops[0] in ("→", "="):
            return self.read(node)
        if mode == "noun":
            return self.binding(node)
        word = self.word("relations", node.ops[0])
        if not word.startswith("is "):
            return self.read(node)
        return self.cat([self.read(node.kids[0]), "be " + word[3:], self.read(node.kids[1])])

    def r_such_that(self, n: Node) -> str:  # met only outside a quantifier if a caller rebuilt one
        return self.T("such_that", a=self.read(n.kids[0]), b=self.read(n.kids[1]))

    def r_compl(self, n: Node) -> str:
        x, universe = n.kids
        if universe is None:
            return self.T("complement_plain", x=self.read(x))
        return self.T("complement", x=self.read(x), u=self.read(universe))

    def r_vec(self, n: Node) -> str:
        if n.val == "bold":  # \mathbf{v}: the typeface says vector; the voice says the letter
            return self.read(n.kids[0])
        return self.T("vec", x=self.read(n.kids[0]))

    def r_overline(self, n: Node) -> str:
        base = n.kids[0]
        if base is not None and base.kind == "seq" and len(base.kids) == 2 and all(
                k.kind == "var" and len(k.val) == 1 and "A" <= k.val <= "Z" for k in base.kids):
            return self.T("segment", x=self.read(base))  # \\overline{AB}: the segment AB, not 'AB bar'
        return self.T("overline", x=self.read(base))

    def r_bracketfn(self, n: Node) -> str:
        phrase = self.r.words["function_phrases"].get(n.val)  # ⌊x⌋: the floor of x
        if phrase is None:
            return self.read(n.kids[0])
        return self.cat([phrase, self.read(n.kids[0])])

    def r_hat(self, n: Node) -> str:
        return self.T("hat", x=self.read(n.kids[0]))

    def r_interval(self, n: Node) -> str:
        lo, hi = (self.read(k) for k in n.kids)
        key = {"[]": "interval_closed", "()": "interval_open", "[)": "interval_left_closed",
               "(]": "interval_right_closed"}.get(n.val, "interval_open")
        return self.T(key, lo=lo, hi=hi)

    def r_state(self, n: Node) -> str:
        """O₂↑ 'O二气体', CaCO₃↓ 'CaCO三沉淀': the arrow marks a gas or a precipitate; after
        anything else it says up or down (y↑)."""
        base = n.kids[0]
        if not chem.is_formula_side(base):
            return self.cat([self.read(base, tight=True), self.word("misc", n.val + "plain", "")])
        saved, self.reaction = getattr(self, "reaction", False), True  # AgCl: element symbols, not letters
        try:
            return self.cat([self.read(base, tight=True), self.word("misc", n.val, "")])
        finally:
            self.reaction = saved

    def r_chemgroup(self, n: Node) -> str:
        """(OH)₂, (SO4)3: a bracketed group of a chemical formula taken a number of times; the
        brackets are said, or Cu(OH)₂ would sound like CuOH₂."""
        return self.T("chem_group", x=self.read(n.kids[0]), n=self.read(n.kids[1]))

    def r_point(self, n: Node) -> str:
        name, coords = n.kids
        return self.T("point", name=self.read(name), coords=self.coords(coords))

    def coords(self, n: Node) -> str:
        return self.r.join["coords"].join(self.read(k) for k in n.kids if k is not None)

    def r_tuple(self, n: Node) -> str:
        if n.val == "point":  # the point (-2, 5): named a point by the words before it
            return self.T("point_bare", coords=self.coords(n))
        return self.T("tuple", items=self.r.join["items"].join(self.read(k) for k in n.kids if k is not None))

    def r_set(self, n: Node) -> str:
        if len(n.kids) == 1 and n.kids[0] is not None and n.kids[0].kind == "sub":
            return self.read(n.kids[0])  # {aₙ}: the sequence a_n, not a one-element set
        if len(n.kids) == 1 and _sequence_name(n.kids[0]):
            return self.read(n.kids[0])  # 等比数列{an}: the index typed on the line
        return self.T("set", items=self.r.join["items"].join(self.read(k) for k in n.kids if k is not None))

    def r_env(self, n: Node, det: bool = False) -> str:
        matrix = n.val in MATRIX_ENVS or n.val == "array" and _plain_cells(n)
        cells_join = self.r.join["words"] if n.val in ALIGN_ENVS else self.r.join["cells"]
        rows = []
        for number, row in enumerate(n.kids, 1):
            cells = [self.cat([self.read(k) for k in cell.kids]) for cell in row.kids]
            cells = [c for c in cells if c]
            said = (self.cat(cells) if cells_join == self.r.join["words"] else cells_join.join(cells))
            if matrix:
                said = self.T("env_matrix_row", n=self.number(str(number)), cells=said)
            rows.append(said)
        rows_join = self.r.join["rows"] if matrix or n.val == "cases" else self.r.join["list"]
        key = "env_det" if matrix and (det or n.val in ("vmatrix", "Vmatrix")) else "env_matrix" if matrix else "env_rows"
        return self.T(key, rows=rows_join.join(r for r in rows if r))

    def r_system(self, n: Node) -> str:
        return self.T("system", items=self.r.join["list"].join(self.read(k) for k in n.kids if k is not None))

    def r_label(self, n: Node) -> str:
        body = n.kids[1]
        name = n.kids[0]
        if body is not None and body.kind == "chain" and body.ops == ["→"] and (all(map(_set_name, body.kids)) or (
                name is not None and name.kind in ("var", "greek") and name.val in FUNCTION_LETTERS)):
            # f:A→B: a mapping from the set A to the set B (映射到), said after the map's name;
            # f:x→2x+1 names where the map sends x (maps to), it is no limit
            if self.en and all(_set_name(k) or k is not None and k.kind == "const" and k.val[:1] in "ℝℕℤℚℂ"
                               for k in body.kids) and "map_from" in self.r.words["misc"]:
                # f: ℝ → ℝ: 'f from the real numbers to the real numbers'
                return self.cat([self.read(name), self.word("misc", "map_from"), self.read(body.kids[0]),
                                 self.word("misc", "map_to"), self.read(body.kids[1])])
            return self.T("label", name=self.read(n.kids[0]), x=self.cat(
                [self.read(body.kids[0]), self.word("misc", "→map", "→"), self.read(body.kids[1])]))
        return self.T("label", name=self.read(n.kids[0]), x=self.read(body))

    def r_setb(self, n: Node) -> str:
        return self.T("set_builder", var=self.read(n.kids[0]), cond=self.read(n.kids[1]))

    def r_lim(self, n: Node) -> str:
        sub, body = n.kids
        if sub is None and body is None:  # 'lim as x → ∞ of 1/x': the words go on with the rest
            return self.T("lim_bare")
        if sub is None:
            return self.T("lim_plain", body=self.read(body))
        return self.T("lim", sub=self.read(sub), body=self.read(body))

    def r_big(self, n: Node) -> str:
        lower, upper, body = n.kids
        name = BIG_NAMES.get(n.val, "sum")
        if lower is None and upper is None and body is None:  # '∫ from 0 to 1 of x² dx' in words
            return self.T(name + "_bare")
        b = self.read(body)
        if lower is not None and upper is not None:
            text = self.T(name + "_both", lower=self.read(lower), upper=self.read(upper), body=b)
        elif lower is not None:
            text = self.T(name + "_lower", lower=self.read(lower), body=b)
        else:
            text = self.T(name + "_plain", body=b)
        kind = self.word("misc", BIG_PREFIX[n.val], "") if n.val in BIG_PREFIX and self.en else ""
        if kind:  # ∬, ∮: the double / contour integral (the reading of ∫ with one word more)
            text = text.replace(" integral ", f" {kind} integral ", 1)
        return text

    def r_comb(self, n: Node) -> str:
        return self.T("comb", name=n.val, n=self.read(n.kids[0]), k=self.read(n.kids[1]))

    def r_binom(self, n: Node) -> str:
        return self.T("binom", n=self.read(n.kids[0]), k=self.read(n.kids[1]))

    def r_quantity(self, n: Node) -> str:
        one = n.kids[0].kind == "num" and n.kids[0].val == "1"  # one meter, two meters
        unit = read_unit(n.val, self.r.lang, plural=not one) or n.val
        return self.T("quantity", x=self.read(n.kids[0]), unit=unit)

    def r_primemark(self, n: Node) -> str:
        return ""


def _chem_group(node: Node | None) -> bool:
    """(OH), (SO4), (NH₄): round brackets around element symbols (and counts) only."""
    return node is not None and node.kind == "group" and node.val == "(" and bool(node.kids) \
        and node.kids[0] is not None and chem.is_formula_side(node.kids[0])


def _merge_chem_groups(kids: list) -> list:
    """[Ca, (OH), 2] -> [Ca, chemgroup(OH, 2)]: a bracketed group and the count written after it."""
    out: list = []
    for k in kids:
        if out and k is not None and k.kind == "num" and k.val.isdigit() and _chem_group(out[-1]):
            out[-1] = Node("chemgroup", [out[-1].kids[0], k])
            continue
        out.append(k)
    return out


def _point_name(node: Node | None) -> bool:
    """A, P₁, A′: one capital letter, maybe with a subscript or primes, names a point."""
    while node is not None and node.kind in ("sub", "prime") and node.kids:
        node = node.kids[0]
    return node is not None and node.kind == "var" and len(node.val) == 1 and node.val.isupper()


def _merge_points(kids: list) -> list:
    """[A, (2, 3)] -> [point(A, (2, 3))]: a point's name followed by its two or three coordinates."""
    out: list = []
    for k in kids:
        if out and k is not None and k.kind == "tuple" and k.val == "(" and 2 <= len(k.kids) <= 3 \
                and all(x is not None for x in k.kids) and _point_name(out[-1]) \
                and not (len(out) >= 2 and _point_name(out[-2])):  # AB(1,2) is no point name
            out[-1] = Node("point", [out[-1], k])
            continue
        out.append(k)
    return out


def _derivative_var(node: Node | None) -> Node | None:
    """d/dx: a fraction of the letter d over d and one letter; the letter it differentiates by."""
    if node is None or node.kind != "frac" or len(node.kids) != 2:
        return None
    num, den = node.kids
    if num is None or num.kind != "var" or num.val != "d" or den is None or den.kind != "seq" \
            or len(den.kids) != 2 or any(k is None or k.kind not in ("var", "greek") for k in den.kids) \
            or den.kids[0].val != "d":
        return None
    return den.kids[1]


def _choose(node: Node) -> bool:
    """C(5, 2), C(n, k): the letter C on two counts (numbers or lower-case letters)."""
    if len(node.kids) != 2 or node.kids[0] is None or node.kids[0].kind != "var" or node.kids[0].val != "C":
        return False
    args = node.kids[1]
    return args is not None and args.kind == "tuple" and len(args.kids) == 2 and all(map(_count, args.kids))


def _count(node: Node | None) -> bool:
    """5, n, n - k: a whole number, a lower-case letter, or their sums and differences."""
    if node is not None and node.kind == "sum":
        return all(map(_count, node.kids))
    return node is not None and (node.kind == "num" and node.val.isdigit() or node.kind == "var" and node.val.islower())


def _chem_marks(node: Node | None) -> bool:
    """A charge or a numeric subscript somewhere: what makes letters a chemical formula."""
    if node is None:
        return False
    if node.kind == "pow" and chem.charge(node.kids[1]) is not None:
        return True
    if node.kind == "sub" and node.kids[1] is not None and node.kids[1].kind == "num":
        return True
    return any(_chem_marks(k) for k in node.kids)


def _two_letter_element(kids: list) -> bool:
    """A capital followed by a lower-case letter (maybe carrying a charge or count): Na⁺, Cl₂."""
    for a, b in zip(kids, kids[1:]):
        while b is not None and b.kind in ("pow", "sub") and b.kids:
            b = b.kids[0]
        if a is not None and a.kind == "var" and a.val.isupper() and b is not None and b.kind == "var" \
                and b.val.islower() and a.val + b.val in chem.ELEMENTS:
            return True
    return False


def _sequence_name(node: Node | None) -> bool:
    """an, bn, Sn typed without a subscript: one letter and the index n (a sequence's name)."""
    return node is not None and node.kind == "seq" and len(node.kids) == 2 \
        and all(k.kind == "var" and len(k.val) == 1 for k in node.kids) and node.kids[1].val == "n"


def _genotypes(node: Node | None) -> bool:
    """Dd×Dd, AaBb×aabb: a cross of genotypes (letters in pairs of one letter, either case)."""
    if node is None or node.kind != "prod" or any(op != "×" for op in getattr(node, "ops", [])):
        return False
    for kid in node.kids:
        letters = [k.val for k in kid.kids] if kid is not None and kid.kind == "seq" and all(
            k.kind == "var" for k in kid.kids) else None
        if not letters or len(letters) % 2 or not all(len(v) == 1 and v.isalpha() for v in letters):
            return False
        if any(a.lower() != b.lower() for a, b in zip(letters[::2], letters[1::2])):
            return False
    return True


def _set_name(node: Node | None) -> bool:
    """A, B, AB: capital letters name sets, statements or points, never a limit point."""
    if node is not None and node.kind == "seq":
        return bool(node.kids) and all(map(_set_name, node.kids))
    if node is not None and node.kind == "prefix" and node.val == "¬" and node.kids:
        return _set_name(node.kids[0])  # ¬B→¬A
    return node is not None and node.kind == "var" and node.val.isupper()


def _condition_group(node: Node | None) -> bool:
    """(k≠0), (a>0): round brackets around a relation, which no product or call takes as an operand."""
    return node is not None and node.kind == "group" and node.val == "(" and bool(node.kids) \
        and node.kids[0] is not None and node.kids[0].kind == "chain"


def _signed_atom_group(node: Node | None) -> bool:
    """(-3), (-x), (+2): round brackets around a signed plain number or letter."""
    if node is None or node.kind != "group" or node.val != "(" or not node.kids:
        return False
    inner = node.kids[0]
    return inner is not None and inner.kind in ("neg", "pos") and bool(inner.kids) \
        and inner.kids[0] is not None and inner.kids[0].kind in ("num", "var", "greek", "const")


LIST_FUNCTIONS = {"max", "min", "gcd", "lcm"}  # functions of a list of values: max{a,b}, gcd(12,18)


def _list_items(node: Node | None) -> list:
    """The values of max{a,b} / max(a,b): a set's or a list's items (inside a brace group too)."""
    if node is not None and node.kind == "group" and len(node.kids) == 1:
        node = node.kids[0]
    if node is not None and node.kind in ("set", "list", "tuple"):
        return [k for k in node.kids if k is not None]
    return []


def _coordinates_of_vector(left: Node | None, right: Node | None) -> bool:
    """a=(1,2), \\vec{a}=(x,-1), AB=(3,4): a pair or triple equal to a vector (a lower-case letter,
    a \\vec / \\overrightarrow, two capital points) is its coordinates, no bracketed group."""
    if left is None or right is None or right.kind != "tuple" or right.val != "(" or len(right.kids) not in (2, 3):
        return False
    if left.kind == "vec":
        return True
    if left.kind == "var":
        return len(left.val) == 1 and left.val.islower()
    return left.kind == "seq" and len(left.kids) == 2 and all(
        k is not None and k.kind == "var" and len(k.val) == 1 and k.val.isupper() for k in left.kids)


def _digit_fraction(node: Node | None) -> bool:
    """1/2 or -2/3: a fraction of two plain numbers, maybe negated."""
    if node is not None and node.kind == "neg" and node.kids:
        node = node.kids[0]
    return node is not None and node.kind == "frac" and len(node.kids) == 2 \
        and all(k is not None and k.kind == "num" for k in node.kids)


def _unwrap_group(node: Node) -> Node:
    while node.kind == "group" and node.kids and node.kids[0] is not None:
        node = node.kids[0]
    return node


def _is_distribution(node: Node | None) -> bool:
    """N(μ,σ²), B(n,p), P(λ), U(a,b): one capital letter called on its parameters."""
    if node is not None and node.kind == "func" and node.val[:1].isupper() and node.kids[0] is not None:
        return True  # \mathrm{Bin}(n, p), \operatorname{Poisson}(λ): a named distribution
    if node is None or node.kind not in ("call", "seq") or len(node.kids) != 2:
        return False
    name, params = node.kids  # a capital before a bracket parses as a point: N (0, 1)
    return (name is not None and name.kind == "var" and len(name.val) == 1 and name.val.isupper()
            and (node.kind == "call" or params is not None and params.kind in ("tuple", "group")))


def _edge(text: str, where: int) -> int:
    """Length of the run of ASCII letters at the start (0) or end (-1) of text."""
    n = 0
    seq = text[:13] if where == 0 else reversed(text[-13:])  # function names are short: stay O(1)
    for ch in seq:
        if not (ch.isascii() and ch.isalpha()):
            break
        n += 1
    return n


def _is_vector(node: Node | None) -> bool:
    """→AB, \\vec{a}, and their scalar multiples 2→a: the operands of a dot product."""
    while node is not None and node.kind in ("neg", "seq") and node.kids:
        node = node.kids[-1]
    return node is not None and node.kind == "vec"


def read(node: Node | None, lang: str) -> str:
    return Reader(lang).read(node)


__all__ = ["read", "rules_for", "Reader", "RuleError"]


def _plain_cells(env: Node) -> bool:
    """An array of entries (numbers, letters, sums) is a matrix; one with relations in its cells
    (x+1>0 & x∈ℝ) lays out a system or cases."""
    def has_relation(node) -> bool:
        if node is None or not isinstance(node, Node):
            return False
        if node.kind == "chain" and node.ops and any(op not in "+-±∓∪∩∖×÷·*" for op in node.ops):
            return True
        return any(has_relation(k) for k in node.kids)
    cells = [c for row in env.kids for c in row.kids]
    return len(cells) > 1 and max(len(row.kids) for row in env.kids) > 1 and not any(has_relation(c) for c in cells)


def _has_mod(node: Node | None) -> bool:
    """b (mod n), b \\pmod{n}: the right side of a congruence names its modulus."""
    if node is None:
        return False
    if node.kind == "func" and node.val == "mod":
        return True
    return any(_has_mod(k) for k in node.kids if isinstance(k, Node))

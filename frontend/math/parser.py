"""Tokens -> a small expression tree (recursive descent, one token of look-ahead).

Precedence, loosest first: ⇒ ⇔ | ∧ ∨ | relations (chains: 0<x≤3) | ratio a:b | + − ± ∪ ∩ |
× ÷ · * | juxtaposition (2x, 3ab) with '/' fractions inside it | unary − + ± ¬ | postfix
(^ _ ² ₁ ′ ! ° %) | atoms. The parser never raises: a token it cannot place is kept as a
leaf and counted in `errors`, so malformed input is read as far as it can be.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .tokens import (BAR, BIG, CARET, CELLSEP, CLOSE, CMD, COMMA, CONST, DEG, ELLIPSIS, ENV, ENVEND, FACT, FUNC,
                     GREEK, IMPL, LBRACE, ROWSEP,
                     LET, LIM, LOGIC, MIXED, NUM, OP, OPEN, PCT, PREFIX, PRIME, RATIO, RBRACE, REL, ROOT, STATE, SUB,
                     SUP, TEXT, UNDER, UNIT, UNKNOWN, Token, tokenize)

LAYOUT = {CELLSEP, ENVEND, ROWSEP}  # environment separators: they end an expression, never start one

MAX_DEPTH = 40  # brackets nested deeper than this are read flat (no recursion blow-up)
FUNCTION_LETTERS = set("fghFGHφψ")
ADD_OPS = set("+-±∓∪∩∖")
MUL_OPS = set("×÷·*∘")
GEOMETRY_PREFIX = {"△", "∠", "⊙", "▱", "□", "Rt△", "⌒"}


@dataclass
class Node:
    kind: str
    kids: list = field(default_factory=list)
    val: str = ""
    ops: list = field(default_factory=list)

    def __repr__(self) -> str:
        inner = ", ".join(repr(k) for k in self.kids)
        return f"{self.kind}({self.val!r}{', ' if self.kids else ''}{inner}{', ops=' + repr(self.ops) if self.ops else ''})"


def parse(tokens: list[Token]) -> tuple[Node | None, int]:
    p = Parser(tokens)
    return p.parse(), p.errors


def parse_text(text: str, latex_mode: bool = False, unknown: list | None = None) -> tuple[Node | None, int]:
    return parse(tokenize(text, latex_mode, unknown))


class Parser:
    def __init__(self, tokens: list[Token]):
        self.t = tokens
        self.n = len(tokens)
        self.i = 0
        self.errors = 0
        self.depth = 0
        self.bar_close = 0  # >0: a '|' after an operand closes (|x|, {x | x>0})
        self.stop_func = 0  # >0: a function argument run stops before the next function
        self.in_binding = 0  # >0: inside a quantifier's binding (∃x∈ℝ: ...), where ':' ends it

    # ---- helpers ---------------------------------------------------------------------
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.t[j] if j < self.n else None

    def at(self, kind: str, vals=None) -> bool:
        if self.i >= self.n:
            return False
        tok = self.t[self.i]
        return tok.kind == kind and (vals is None or tok.val in vals)

    def take(self) -> Token:
        tok = self.t[self.i]
        self.i += 1
        return tok

    # ---- top level -------------------------------------------------------------------
    def parse(self) -> Node | None:
        items: list[Node] = []
        while self.i < len(self.t):
            before = self.i
            node = self.impl()
            if node is not None:
                items.append(node)
            if self.at(COMMA) or self.at(ROWSEP):  # a \\ outside an environment: a line break, a pause
                self.take()
                continue
            if self.i == before:  # a token nothing could start with: ')' '}' '^' ...
                tok = self.take()
                self.errors += tok.kind not in LAYOUT
                if tok.kind not in (CLOSE, RBRACE, COMMA, BAR) and tok.kind not in LAYOUT:
                    items.append(Node("sym", val=tok.val))
        if not items:
            return None
        return items[0] if len(items) == 1 else Node("list", items)

    def chain(self, sub, kinds, vals=None, node: str = "chain") -> Node | None:
        """`sub (op sub)*` left to right, an op being a token of `kinds` (and of `vals` if given):
        one Node(`node`) holding the operands and ops, or the lone operand."""
        first = sub()
        kids, ops = [first], []
        while (tok := self.peek()) is not None and tok.kind in kinds and (vals is None or tok.val in vals):
            ops.append(self.take().val)
            kids.append(sub())
        return first if not ops else Node(node, kids, ops=ops)

    def impl(self) -> Node | None:
        if self.at(PREFIX, ("∵", "∴")):
            word = self.take().val
            return Node("prefix", [self.impl()], val=word)
        return self.chain(self.logic, (IMPL,))

    def logic(self) -> Node | None:
        return self.chain(self.rel, (LOGIC,))

    def rel(self) -> Node | None:
        if self.at(PREFIX, ("∀", "∃")):
            word = self.take().val
            # ∃x∈ℝ: x²=2: the colon after a quantifier's binding is 'such that', not a ratio ℝ:x²
            self.in_binding += 1
            try:
                binding = self.rel()
            finally:
                self.in_binding -= 1
            if self.at(RATIO, (":",)) and self.peek(1) is not None:
                self.take()
                binding = Node("such_that", [binding, self.rel()])
            return Node("prefix", [binding], val=word)
        if self._label_ahead():
            if self.at(PREFIX, ("¬",)):
                self.take()
                name = Node("prefix", [self.postfix()], val="¬")
            else:
                name = self.postfix()
            self.take()  # the colon
            return Node("label", [name, self.rel()])
        return self.chain(self.ratio, (REL,))

    def _label_ahead(self) -> bool:
        """l: y=kx+b, C₁:x²+y²=4: a curve's name before its equation, not a ratio l:y.

        The name is one letter (maybe subscripted); what follows holds a relation and no second
        colon (a:b=2:3 is a ratio); and either a space follows the colon or the equation has
        two letters or more (x:y=3 stays a ratio)."""
        j = self.i
        negated = self.at(PREFIX, ("¬",))
        if negated:
            j += 1  # ¬p：∀x∈R，x²≥0: the negated proposition is the name
        if not (j < self.n and self.t[j].kind == LET and len(self.t[j].val) == 1):
            return False
        j += 1
        if j < self.n and self.t[j].kind == SUB:
            j += 1
        if j >= self.n or self.t[j].kind != RATIO:
            return False
        colon, rest = self.t[j], self.t[j + 1:]
        if not rest or any(t.kind == RATIO for t in rest) or not any(t.kind == REL for t in rest):
            return False
        spaced = rest[0].start > colon.end or colon.val == "：" or negated  # 命题p：x>1, ¬p:x≤1
        return spaced or sum(t.kind == LET for t in rest) >= 2

    def ratio(self) -> Node | None:
        if self.in_binding:  # see rel(): the colon ends a quantifier's binding
            return self.add()
        return self.chain(self.add, (RATIO,))

    def add(self) -> Node | None:
        return self.chain(self.mul, (OP,), ADD_OPS, "sum")

    def mul(self) -> Node | None:
        return self.chain(self.juxt, (OP,), MUL_OPS, "prod")

    # ---- juxtaposition: 2x, 3ab, 1/2x, dy/dx ---------------------------------------
    def juxt(self) -> Node | None:
        tok = self.peek()
        if tok is not None and tok.kind == OP and tok.val in "-+±∓":
            self.take()
            operand = self.juxt()
            return Node({"-": "neg", "+": "pos", "±": "pm", "∓": "mp"}[tok.val], [operand])
        if tok is not None and tok.kind == PREFIX and tok.val == "¬":
            self.take()
            return Node("prefix", [self.juxt()], val="¬")
        atoms: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None:
                break
            if tok.kind == OP and tok.val == "/" and atoms and not self.stop_func:
                self.take()
                num = atoms[0] if len(atoms) == 1 else Node("seq", atoms)
                # (-b±√Δ)/2a, -b/2a: after a bracketed numerator or a single letter, 2a is the denominator
                grouped = len(atoms) == 1 and (num.kind == "group" and num.val == "("
                                               or num.kind == "var" and len(num.val or "") == 1)
                atoms = [Node("frac", [_unwrap(num), _unwrap(self.slash_operand(grouped))], val="/")]
                continue
            if atoms and not self.continues(tok):
                break
            if not atoms and tok.kind == REL and tok.val == "→":  # →AB: a vector
                self.take()
                atoms.append(Node("vec", [self.letters_operand()]))
                continue
            a = self.postfix()
            if a is None:
                break
            if atoms and atoms[-1].kind == "num" and a.kind == "frac" and a.val == "latex" and _numeric_frac(a):
                atoms[-1] = Node("mixed", [atoms[-1], a])  # 2\frac{1}{2}
                continue
            atoms.append(a)
        if not atoms:
            return None
        if len(atoms) > 1 and atoms[-1].kind == "state":
            # CO2↑, AgCl↓: the mark is on the whole formula, not on its last symbol or count
            last = atoms[-1]
            return Node("state", [Node("seq", atoms[:-1] + last.kids)], val=last.val)
        return atoms[0] if len(atoms) == 1 else Node("seq", atoms)

    def continues(self, tok: Token) -> bool:
        """May `tok` start another factor of a product already begun?"""
        if tok.kind == BAR:
            return self.bar_close == 0
        if tok.kind in (FUNC, LIM, BIG) and self.stop_func:
            return False
        if self.stop_func and tok.kind == OPEN and self.i > 0 and tok.start > self.t[self.i - 1].end:
            return False  # log_a x (a>0): a spaced bracket after a function's argument is no part of it
        if tok.kind == PREFIX and tok.val in ("∀", "∃", "∵", "∴", "¬"):
            return False
        return tok.kind in ATOM_START

    def slash_operand(self, grouped: bool = False) -> Node | None:
        """Right of '/': a number (1/2x is ½·x), or a run of letters (dy/dx), or a group.
        grouped: the numerator was bracketed, as in (-b±√Δ)/2a: then a number glued to letters
        is the whole denominator (2a), since the writer delimited what is divided."""
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == OP and tok.val in "-+":
            self.take()
            return Node("neg" if tok.val == "-" else "pos", [self.slash_operand()])
        if tok.kind == NUM:
            first = self.postfix()
            atoms = [first]
            while grouped and self.at(LET) and self.peek().start == self.t[self.i - 1].end \
                    and self.peek().val.islower() and len(self.peek().val) == 1:
                atoms.append(self.postfix())
            return first if len(atoms) == 1 else Node("seq", atoms)
        atoms = []
        while self.peek() is not None and self.peek().kind != NUM and (not atoms and self.peek().kind in ATOM_START
                                                                       or atoms and self.continues(self.peek())):
            if atoms and self.peek().kind in (FUNC, LIM, BIG, ROOT, OPEN, LBRACE, BAR):
                break
            if atoms and self.peek().start > self.t[self.i - 1].end:
                break  # y=±b/a x: a space ends the denominator (dy/dx is glued)
            a = self.postfix()
            if a is None:
                break
            atoms.append(a)
        if not atoms:
            return None
        return atoms[0] if len(atoms) == 1 else Node("seq", atoms)

    # ---- postfix: scripts, primes, factorial, degrees, percent -----------------------
    def postfix(self) -> Node | None:
        a = self.atom()
        return None if a is None else self.postfix_loop(a)

    def postfix_loop(self, a: Node) -> Node:
        while True:
            tok = self.peek()
            if tok is None:
                break
            k = tok.kind
            if k == CARET:
                self.take()
                e = self.script()
                if a.kind == "const" and e is not None and e.kind in ("sym", "pos") and a.val in "ℕℤℚℝ":
                    a = Node("const", val=a.val + "*")  # \mathbb{N}^*, ℕ^+
                    continue
                a = Node("pow", [a, e])
            elif k == SUP:
                self.take()
                if tok.val in ("*", "+") and a.kind == "const":
                    a = Node("const", val=a.val + "*")
                    continue
                a = Node("pow", [a, _sub_parse(tok.val)])
            elif k == UNDER:
                self.take()
                a = Node("sub", [a, self.script()])
            elif k == SUB:
                self.take()
                if tok.val == "+" and a.kind == "const":
                    a = Node("const", val=a.val + "*")
                    continue
                a = Node("sub", [a, _sub_parse(tok.val)])
            elif k == PRIME:
                self.take()
                if a.kind in ("num", "deg") or a.kind == "dms":
                    a = self.minutes(a, tok)
                else:
                    a = Node("prime", [a], val=tok.val)
            elif k == DEG:
                self.take()
                a = Node("deg", [a])
                if self.at(NUM) and self.peek(1) is not None and self.peek(1).kind == PRIME:
                    minutes = self.atom()
                    a = self.minutes(a, self.take(), minutes)
            elif k == UNIT:
                self.take()
                a = Node("quantity", [a], val=tok.val)
            elif k == FACT:
                self.take()
                a = Node("fact", [a])
            elif k == PCT:
                self.take()
                a = Node("pct", [a], val=tok.val)
            elif k == STATE:
                self.take()
                a = Node("state", [a], val=tok.val)  # O₂↑, CaCO₃↓
            elif k == OP and tok.val == "*" and a.kind == "const" and a.val in "ℕℤℚℝ":
                self.take()
                a = Node("const", val=a.val + "*")
            elif k in (OP, SUP) and tok.val == "*" and a.kind == "var" and a.val in PLAIN_NUMBER_SETS \
                    and self._ends_operand(1):
                # n∈N*, x∈Z*: the plain capital is the number set (N* 正整数集), not N times ...
                self.take()
                a = Node("const", val=PLAIN_NUMBER_SETS[a.val] + "*")
            elif k == OPEN and tok.val == "(" and (_function_like(a) and not self._element_letter(a)
                                                   and not self._numeric_point(a) or self._event_call(a)
                                                   or self._order_call(a)) \
                    or k == OPEN and tok.val == "[" and self._event_call(a, "]"):
                if self._single_bar_inside(self.i + 1):
                    a = Node("call", [a, self.given_bracket()])
                    continue
                self.take()
                items, _ = self.bracket_items(")")
                a = Node("call", [a] + items)
            else:
                break
        return _combination(a)

    def minutes(self, a: Node, prime: Token, value: Node | None = None) -> Node:
        """30°15′20″: a prime after a number is arc minutes (″ seconds), not f′."""
        if value is None:  # 15′ directly after a number
            value, a = a, None
        parts = (a.kids if a is not None and a.kind == "dms" else [a] if a is not None else [])
        unit = "′" if prime.val == "1" else "″"
        parts = parts + [Node("arcmin" if unit == "′" else "arcsec", [value])]
        if unit == "′" and self.at(NUM) and self.peek(1) is not None and self.peek(1).kind == PRIME \
                and self.peek(1).val == "2":
            sec = self.atom()
            self.take()
            parts.append(Node("arcsec", [sec]))
        return Node("dms", parts)

    def script(self) -> Node | None:
        """The operand of ^ or _: {group}, (group), a signed atom, or one atom."""
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == OP and tok.val in "-+−":
            self.take()
            return Node("neg" if tok.val != "+" else "pos", [self.script()])
        if tok.kind in (LBRACE, OPEN) and tok.val in "{(":
            return _unwrap(self.atom())
        if tok.kind == NUM:  # 10^8 m/s: the unit belongs to the power, not to the exponent 8
            self.take()
            return Node("num", val=tok.val)
        if tok.kind in (NUM, LET, GREEK, CONST, TEXT):
            a = self.atom()
            if a is not None and self.at(PRIME):  # y^{\prime}, f^*
                a = Node("prime", [a], val=self.take().val)
            return a
        if tok.kind == PRIME:
            self.take()
            return Node("primemark", val=tok.val)
        if tok.kind == OP and tok.val == "*":
            self.take()
            return Node("sym", val="*")
        return self.atom()

    # ---- atoms -----------------------------------------------------------------------
    def atom(self) -> Node | None:
        tok = self.peek()
        if tok is None or tok.kind not in ATOM_START and not (tok.kind == REL and tok.val == "→"):
            return None
        if self.depth > MAX_DEPTH:
            self.take()
            self.errors += 1
            return Node("sym", val=tok.val) if tok.kind not in (OPEN, LBRACE, BAR) else Node("sym", val="")
        self.depth += 1
        try:
            return self._atom(tok)
        finally:
            self.depth -= 1

    def _atom(self, tok: Token) -> Node | None:
        k = tok.kind
        if k == NUM:
            self.take()
            node = Node("num", val=tok.val)
            if self.at(UNIT):
                return Node("quantity", [node], val=self.take().val)
            if self.at(MIXED) and self.peek(1) is not None and self.peek(1).kind == NUM:
                self.take()
                frac = self.juxt()
                return Node("mixed", [node, frac])
            return node
        if k == LET:
            self.take()
            if tok.val == "Rt" and self.at(PREFIX, ("△",)):
                self.take()
                return Node("geo", [self.letters_operand()], val="Rt△")
            return Node("var", val=tok.val)
        if k == GREEK:
            self.take()
            return Node("greek", val=tok.val)
        if k == CONST:
            self.take()
            return Node("const", val=tok.val)
        if k in (TEXT, UNKNOWN):
            self.take()
            return Node("text", val=tok.val)
        if k == ELLIPSIS:
            self.take()
            return Node("ellipsis")
        if k == FUNC:
            return self.func()
        if k == LIM:
            return self.lim()
        if k == BIG:
            return self.bigop()
        if k == ROOT:
            return self.root()
        if k == PREFIX:
            self.take()
            if tok.val == "∁":
                return self.complement()
            if tok.val in GEOMETRY_PREFIX:
                return Node("geo", [self.letters_operand()], val=tok.val)
            return Node("prefix", [self.juxt()], val=tok.val)
        if k == REL:  # → in operand position: a vector arrow
            self.take()
            return Node("vec", [self.letters_operand()])
        if k == OPEN:
            return self.bracket()
        if k == LBRACE:
            self.take()
            items, closed = self.items_until(RBRACE)
            if closed:
                self.take()
            inner = items[0] if len(items) == 1 else Node("list", items) if items else None
            return Node("group", [inner], val="{")
        if k == BAR:
            return self.absolute()
        if k == CMD:
            return self.command()
        if k == ENV:
            return self.environment()
        return None

    def environment(self) -> Node:
        """\\begin{X} rows of cells \\end{X}: Node('env', [Node('row', cells)...], val=X)."""
        name = self.take().val
        rows: list[Node] = [Node("row", [Node("cell")])]
        while self.peek() is not None:
            if self.at(ENVEND):
                self.take()
                break
            if self.at(ROWSEP):
                self.take()
                rows.append(Node("row", [Node("cell")]))
                continue
            if self.at(CELLSEP):
                self.take()
                rows[-1].kids.append(Node("cell"))
                continue
            before = self.i
            node = self.impl()
            if node is not None:
                rows[-1].kids[-1].kids.append(node)
            if self.at(COMMA):
                self.take()
                continue
            if self.i == before:
                tok = self.take()
                self.errors += 1
                if tok.kind not in (CLOSE, RBRACE, BAR):
                    rows[-1].kids[-1].kids.append(Node("sym", val=tok.val))
        rows = [r for r in rows if any(c.kids for c in r.kids)]  # a trailing \\ leaves an empty row
        return Node("env", rows, val=name)

    def complement(self) -> Node:
        """After ∁: ∁ᵤA, ∁_U A, ∁_{U}A, or plain-text ∁UA (the universe is the first letter U)."""
        universe = None
        if self.at(SUB):
            universe = Node("var", val=self.take().val.upper())  # ᵤ stands in for a subscript U
        elif self.at(UNDER):
            self.take()
            universe = _unwrap(self.atom())
        operand = self.postfix() if self.at(OPEN) else self.letters_operand()
        if (universe is None and operand is not None and operand.kind == "seq" and len(operand.kids) == 2
                and operand.kids[0].kind == "var" and operand.kids[0].val == "U"):
            universe, operand = operand.kids  # ∁UA typed flat
        return Node("compl", [operand, universe])

    def letters_operand(self) -> Node | None:
        """Operand of △ ∠ ⊙ →: ABC, A′B′, O₁, 1 (∠1); no operators."""
        atoms = []
        while self.peek() is not None and self.peek().kind in (LET, NUM, GREEK, LBRACE):
            a = self.postfix()
            if a is None:
                break
            atoms.append(_unwrap(a) if a.kind == "group" else a)
        if not atoms:
            return None
        return atoms[0] if len(atoms) == 1 else Node("seq", atoms)

    def func(self) -> Node:
        name = self.take().val
        power = sub = None
        while True:
            if self.at(CARET):
                self.take()
                power = self.script()
            elif self.at(SUP):
                power = _sub_parse(self.take().val)
            elif self.at(UNDER):
                self.take()
                sub = self.script()
            elif self.at(SUB):
                sub = _sub_parse(self.take().val)
            else:
                break
        if self.at(OPEN, ("(",)):
            self.take()
            items, _ = self.bracket_items(")")
            arg = items[0] if len(items) == 1 else Node("list", items) if items else None
            paren = True
        else:
            self.stop_func += 1
            try:
                arg = self.juxt()
            finally:
                self.stop_func -= 1
            paren = False
        node = Node("func", [arg, power, sub], val=name)
        node.ops = ["("] if paren else []
        return node

    def lim(self) -> Node:
        self.take()
        sub = None
        if self.at(UNDER):
            self.take()
            sub = _unwrap(self.script())
        elif self.at(SUB):
            sub = _sub_parse(self.take().val)
        elif self.at(OPEN, ("(",)) and self._paren_has_arrow():
            self.take()
            items, _ = self.bracket_items(")")
            sub = items[0] if items else None
        body = self.mul()
        return Node("lim", [sub, body])

    def _paren_has_arrow(self) -> bool:
        depth = 0
        for j in range(self.i, len(self.t)):
            tok = self.t[j]
            if tok.kind == OPEN:
                depth += 1
            elif tok.kind == CLOSE:
                depth -= 1
                if depth == 0:
                    return False
            elif tok.kind == REL and tok.val == "→":
                return True
        return False

    def bigop(self) -> Node:
        op = self.take().val
        lower = upper = None
        while True:
            if self.at(UNDER):
                self.take()
                lower = _unwrap(self.script())
            elif self.at(SUB):
                lower = _sub_parse(self.take().val)
            elif self.at(CARET):
                self.take()
                upper = _unwrap(self.script())
            elif self.at(SUP):
                upper = _sub_parse(self.take().val)
            else:
                break
        body = self.mul()
        return Node("big", [lower, upper, body], val=op)

    def _ends_operand(self, ahead: int) -> bool:
        """True when the token `ahead` positions on cannot continue a product (end, relation, comma...)."""
        tok = self.peek(ahead)
        return tok is None or tok.kind not in ATOM_START and not (tok.kind == OP and tok.val in "-+")

    def root(self) -> Node:
        tok = self.take()
        index = None if tok.val == "2" else Node("num", val=tok.val)
        if self.at(OPEN, ("[",)) and self.peek().start == tok.end:  # \sqrt[n]{x}
            self.take()
            items, _ = self.bracket_items("]")
            index = items[0] if items else index
        if self.at(OP, ("-", "−")) and self.peek(1) is not None and self.peek(1).kind in (NUM, LET, GREEK):
            self.take()  # ∛-27: the sign right after the root sign belongs to the radicand (负, never 减)
            a = self.atom()
            return Node("root", [Node("neg", [self.postfix_loop(a)]), index])
        a = self.atom()
        if a is None:
            return Node("root", [None, index])
        if a.kind == "group":
            return Node("root", [_unwrap(a), index])
        return Node("root", [self.postfix_loop(a), index])

    def absolute(self) -> Node:
        opener = self.take()
        self.bar_close += 1
        try:
            inner = self.impl()
        finally:
            self.bar_close -= 1
        if self.at(BAR):
            self.take()
        else:
            self.errors += 1
        return Node("norm" if opener.val == "‖" else "abs", [inner])

    def command(self) -> Node | None:
        name = self.take().val
        if name == "frac":
            num, den = self.arg(), self.arg()
            return Node("frac", [num, den], val="latex")
        if name == "binom":
            n, k = self.arg(), self.arg()
            return Node("binom", [n, k])
        if name == "overset":
            self.arg()  # the decoration (\frown, \rightarrow) is usually above letters: read the base
            return self.arg()
        base = self.arg()
        kinds = {"vec": "vec", "overline": "overline", "hat": "hat", "arc": "geo"}
        node = Node(kinds.get(name, "group"), [base])
        if name == "arc":
            node.val = "⌒"
        if name == "bold":  # \mathbf{v}: a vector, said as its letter
            node = Node("vec", [base], val="bold")
        if name in ("floor", "ceil"):  # ⌊x⌋, ⌈x⌉: read by their phrase (the floor of x)
            node = Node("bracketfn", [base], val=name)
        return node

    def arg(self) -> Node | None:
        """A LaTeX argument: {group} or a single token."""
        if self.at(LBRACE):
            return _unwrap(self.atom())
        tok = self.peek()
        if tok is not None and tok.kind == NUM and len(tok.val) > 1 and tok.val.isdigit():
            # \frac12: TeX takes one character as an unbraced argument (1 over 2, never 12)
            self.t[self.i:self.i + 1] = [Token(NUM, tok.val[0], tok.start, tok.start + 1),
                                         Token(NUM, tok.val[1:], tok.start + 1, tok.end)]
            self.n += 1
        return self.atom()

    # ---- brackets --------------------------------------------------------------------
    def items_until(self, close_kind: str, close_vals=None) -> tuple[list, bool]:
        items = []
        saved_bar, self.bar_close = self.bar_close, 0
        try:
            while self.peek() is not None:
                if self.at(close_kind, close_vals):
                    return items, True
                before = self.i
                node = self.impl()
                if node is not None:
                    items.append(node)
                if self.at(COMMA):
                    self.take()
                    continue
                if self.i == before:
                    tok = self.peek()
                    if tok.kind in (CLOSE, RBRACE) or tok.kind in LAYOUT:
                        return items, False  # another bracket's closer, or a cell's end: stop here
                    self.take()
                    self.errors += 1
                    items.append(Node("sym", val=tok.val))
            return items, False
        finally:
            self.bar_close = saved_bar

    def bracket_items(self, closer: str) -> tuple[list, str | None]:
        items, closed = self.items_until(CLOSE)
        if closed:
            return items, self.take().val
        self.errors += 1
        return items, None

    def bracket(self) -> Node:
        open_index = self.i
        opener = self.take().val
        if opener == "{":
            return self.set_brace()
        items, closer = self.bracket_items(")" if opener == "(" else "]")
        prev = self.t[open_index - 1] if open_index else None
        after_in = prev is not None and (prev.kind == REL and prev.val in "∈∉⊆⊂" or prev.kind == OP and prev.val in "∪∩")
        if opener == "[" and closer == "]" and _nested_rows(items):
            # [[1,2],[3,4]]: a matrix written as a list of rows (NumPy style), read row by row
            return Node("env", [Node("row", [Node("cell", [c]) for c in row.kids]) for row in items], val="bmatrix")
        if len(items) == 2 and closer is not None:
            mixed = opener != closer.replace(")", "(").replace("]", "[")
            has_inf = any(_has_inf(x) for x in items)
            if mixed or opener == "[" or has_inf or after_in:
                return Node("interval", items, val=opener + (closer or ")"))
        if len(items) == 1 and closer is not None:
            return Node("group", items, val=opener)
        if not items:
            return Node("group", [None], val=opener)
        if len(items) == 1:
            return Node("group", items, val=opener)
        return Node("tuple", items, val=opener)

    def _event_bracket(self, j: int):
        """(tokens, closer) of the bracket opened just before j: its tokens with their nesting
        depth (0: directly inside) and its closing token; None when it is unclosed or holds a
        top-level comma (a point or an argument list, never an event).  Stops at that comma,
        so a long run of unclosed brackets stays linear."""
        depth, inside = 0, []
        for tok in self.t[j:]:
            if tok.kind in (OPEN, LBRACE):
                depth += 1
            elif tok.kind in (CLOSE, RBRACE):
                if depth == 0:
                    return inside, tok
                depth -= 1
            elif tok.kind == COMMA and depth == 0:
                return None
            else:
                inside.append((tok, depth))
        return None

    def _single_bar_inside(self, j: int) -> bool:
        """Does this '(' hold exactly one '|' of its own before its ')'? P(A|B) is conditional."""
        found = self._event_bracket(j)
        return (found is not None and found[1].val == ")"
                and sum(tok.kind == BAR and depth == 0 for tok, depth in found[0]) == 1)

    def _element_letter(self, a: Node) -> bool:
        """Mg(NO₃)₂, Hg(NO3)2: the g ends an element symbol begun by the capital before it, and
        the bracket is a group of the formula, not g called on its argument."""
        j = self.i - 1  # the letter's own token
        if a.kind != "var" or j < 1 or self.t[j].kind != LET or self.t[j - 1].kind != LET \
                or self.t[j - 1].end != self.t[j].start:
            return False
        from .chem import ELEMENTS
        return self.t[j - 1].val + a.val in ELEMENTS

    def _numeric_point(self, a: Node) -> bool:
        """焦点F(1,0), G(2,-3): a capital letter before two or three numbers is a point, no call."""
        if a.kind != "var" or not a.val.isupper() or len(a.val) != 1:
            return False
        j, commas = self.i + 1, 0
        while j < self.n and self.t[j].kind != CLOSE:
            tok = self.t[j]
            if tok.kind == COMMA:
                commas += 1
            elif not (tok.kind == NUM or tok.kind == OP and tok.val in "-−+"):
                return False
            j += 1
        return j < self.n and 1 <= commas <= 2

    def _event_call(self, a: Node, closer: str = ")") -> bool:
        """P(A), P(AB), E(X), D(X), E[X]: probability, expectation, variance of events or variables,
        a call (P(A)/P(B) divides two calls); P(1,2) with a comma stays the point P."""
        if a.kind != "var" or a.val not in ("P", "E", "D"):
            return False
        found = self._event_bracket(self.i + 1)
        return found is not None and found[1].val == closer and any(tok.kind in (LET, GREEK) for tok, _ in found[0])

    def _order_call(self, a: Node) -> bool:
        """O(n log n), Θ(n²), Ω(n): an order of growth on an expression in letters (big O of ...);
        O(0, 0) with a comma stays the point O."""
        if not (a.kind == "var" and a.val == "O" or a.kind == "greek" and a.val in ("Θ", "Ω")):
            return False
        found = self._event_bracket(self.i + 1)
        return found is not None and found[1].val == ")" and any(tok.kind in (LET, NUM) for tok, _ in found[0])

    def given_bracket(self) -> Node:
        """(A|B) inside a call: A given B (conditional probability)."""
        self.take()  # the '('
        saved_bar, self.bar_close = self.bar_close, 1
        try:
            event = self.add()
            self.take()  # the bar
            self.bar_close = 0
            condition = self.add()
        finally:
            self.bar_close = saved_bar
        if self.at(CLOSE):
            self.take()
        else:
            self.errors += 1
        return Node("group", [Node("given", [event, condition])], val="(")

    def set_brace(self) -> Node:
        if self.at(ENV):  # \left\{\begin{array}…\end{array}\right.: the brace of a system, no set
            env = self.environment()
            if self.at(CLOSE, ("}",)):
                self.take()
            if env.val == "array":
                env.val = "cases"
            return env
        saved_bar, self.bar_close = self.bar_close, 1
        start = self.i
        try:
            first = self.add()
            if self.at(REL):
                self.i = start
                first = self.rel()
                if not (self.at(BAR) or self.at(RATIO)):
                    # {x+y=5, x-y=1}: a system of equations, read item by item
                    self.bar_close = 0
                    items = [first]
                    if self.at(COMMA):
                        self.take()
                        items += self.items_until(CLOSE, ("}",))[0]
                    if self.at(CLOSE):
                        self.take()
                    return Node("system", items)
                if first is not None and first.kind == "chain" and first.kids[0] is not None:
                    # {x∈R | x>0}: the membership joins the condition; the variable is x
                    self.take()
                    self.bar_close = 0
                    items, closed = self.items_until(CLOSE, ("}",))
                    if closed:
                        self.take()
                    return Node("setb", [first.kids[0], Node("list", [first] + items)])
            if self.at(BAR) or self.at(RATIO):
                self.take()
                self.bar_close = 0
                items, closed = self.items_until(CLOSE, ("}",))
                if closed:
                    self.take()
                cond = items[0] if len(items) == 1 else Node("list", items) if items else None
                return Node("setb", [first, cond])
        finally:
            self.bar_close = saved_bar
        items = [first] if first is not None else []
        if self.at(COMMA):
            self.take()
            more, closed = self.items_until(CLOSE, ("}",))
            items += more
        if self.at(CLOSE):
            self.take()
            if not items:
                return Node("const", val="∅")  # {} is the empty set
        elif not items:
            self.errors += 1
            return Node("group", [None], val="{")  # a stray '{': nothing to read
        return Node("set", items)


PLAIN_NUMBER_SETS = {"N": "ℕ", "Z": "ℤ", "Q": "ℚ", "R": "ℝ"}

ATOM_START = {NUM, LET, GREEK, CONST, FUNC, LIM, BIG, ROOT, PREFIX, OPEN, LBRACE, BAR, CMD, TEXT, ELLIPSIS,
              UNKNOWN, ENV}


def _unwrap(node: Node | None) -> Node | None:
    """Brackets that only delimit (a fraction's numerator, an exponent) are not read."""
    while node is not None and node.kind == "group" and len(node.kids) == 1:
        node = node.kids[0]
    return node


def _nested_rows(items: list) -> bool:
    """[[1,2],[3,4]]: two or more bracketed rows of the same length (2 or more entries)."""
    if len(items) < 2 or any(it is None or it.kind not in ("interval", "tuple") or it.val[:1] != "[" for it in items):
        return False
    sizes = {len(it.kids) for it in items}
    return len(sizes) == 1 and sizes.pop() >= 2 and all(k is not None for it in items for k in it.kids)


def _numeric_frac(node: Node) -> bool:
    return all(k is not None and k.kind == "num" for k in node.kids)


def _has_inf(node: Node | None) -> bool:
    while node is not None and node.kind in ("neg", "pos") and node.kids:
        node = node.kids[0]
    return node is not None and node.kind == "const" and node.val == "∞"


def _function_like(node: Node) -> bool:
    """f(x), g(x), f′(x), f⁻¹(x), f₁(x): a call, not a product."""
    while node.kind in ("prime", "sub") or node.kind == "pow" and _is_minus_one(node.kids[1]):
        node = node.kids[0]
    return node.kind in ("var", "greek") and node.val in FUNCTION_LETTERS


def _is_minus_one(node: Node | None) -> bool:
    return node is not None and node.kind == "neg" and node.kids and node.kids[0] is not None \
        and node.kids[0].kind == "num" and node.kids[0].val == "1"


def _combination(node: Node) -> Node:
    """C_n^k, A_n^k, P_n^k (either script order) are counting symbols, not powers."""
    if node.kind == "pow" and node.kids[0] is not None and node.kids[0].kind == "sub":
        base, sub, sup = node.kids[0].kids[0], node.kids[0].kids[1], node.kids[1]
    elif node.kind == "sub" and node.kids[0] is not None and node.kids[0].kind == "pow":
        base, sup, sub = node.kids[0].kids[0], node.kids[0].kids[1], node.kids[1]
    else:
        return node
    if base is not None and base.kind == "var" and base.val in "CAP":
        return Node("comb", [_unwrap(sub), _unwrap(sup)], val=base.val)
    return node


def _sub_parse(text: str) -> Node | None:
    node, _ = parse_text(text)
    return node

"""Chemistry inside formulas: ion charges (Fe³⁺, SO₄²⁻) and reaction equations (2H₂+O₂=2H₂O).

The element symbols are facts of nature, not language rules, so they live here rather than in YAML.
A side of an equation is chemical only when every capital letter starts a real element symbol:
that keeps geometry (A₁B₁=A₂B₂) and physics (P=UI) away from the 'yields' reading.
"""
from __future__ import annotations

ELEMENTS = frozenset("""H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn
Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd
Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am""".split())


def charge(exp) -> tuple[str, str] | None:
    """An exponent that is an ion charge: '3+' -> ('3', '+'), '⁻' -> ('', '-'); else None."""
    if exp is None:
        return None
    if exp.kind in ("pos", "neg") and not exp.kids or exp.kind in ("pos", "neg") and exp.kids[0] is None:
        return "", "+" if exp.kind == "pos" else "-"
    if exp.kind == "sum" and len(exp.kids) == 2 and exp.kids[1] is None and exp.ops in (["+"], ["-"]) \
            and exp.kids[0] is not None and exp.kids[0].kind == "num" and exp.kids[0].val.isdigit():
        return exp.kids[0].val, exp.ops[0]
    return None


def _letters(node, out: list) -> bool:
    """Collect the letters of a formula side in order; False if the side holds anything else."""
    if node is None:
        return True
    k = node.kind
    if k == "var":
        out.append(node.val)
        return True
    if k == "num":
        out.append("#")
        return True
    if k in ("seq", "sum", "group", "sub", "chemgroup", "state"):
        if k == "sum" and any(op != "+" for op in node.ops):
            return False
        return all(_letters(kid, out) for kid in node.kids)
    if k == "pow":  # an ion inside an equation: Fe³⁺ + 3OH⁻
        return charge(node.kids[1]) is not None and _letters(node.kids[0], out)
    return False


def is_formula_side(node) -> bool:
    """2H₂ + O₂, CaCO₃, Cu(OH)₂, 2H2O: element symbols, counts and brackets only."""
    letters: list = []
    if not _letters(node, letters):
        return False
    i, seen = 0, 0
    while i < len(letters):
        ch = letters[i]
        if ch == "#":
            i += 1
            continue
        if not ch.isupper():
            return False
        symbol = ch
        if i + 1 < len(letters) and letters[i + 1].islower() and ch + letters[i + 1] in ELEMENTS:
            symbol, i = ch + letters[i + 1], i + 1
        if symbol not in ELEMENTS:
            return False
        seen += 1
        i += 1
    return seen > 0


def _has_count(node) -> bool:
    """A subscript or a digit after a letter (H₂, O2) or a two-letter element: more than A=B."""
    letters: list = []
    _letters(node, letters)
    return any(a != "#" and b == "#" or a.isupper() and b.islower() for a, b in zip(letters, letters[1:])) \
        or node is not None and node.kind == "sub"


def is_reaction(left, op: str, right) -> bool:
    """left op right is a chemical equation: both sides formulas, some count or two-letter element,
    and for '=' a '+' somewhere (reactants or products), since 'H₂=H₂' style identities are not reactions."""
    if op not in ("=", "→") or not (is_formula_side(left) and is_formula_side(right)):
        return False
    if not (_has_count(left) or _has_count(right) or _has_sub(left) or _has_sub(right)):
        return False
    return op == "→" or any(n is not None and n.kind == "sum" for n in (left, right))


def _has_sub(node) -> bool:
    if node is None:
        return False
    return node.kind == "sub" or any(_has_sub(k) for k in node.kids if k is not None)


# ---- marks around formulas in running text, claimed by clean-up before the formula reader -------

import regex as _regex  # noqa: E402  (kept with the text rules below)

from ..pieces import Match  # noqa: E402

_FORMULA_END = r"[A-Za-z0-9₀-₉⁺⁻)\]↑↓]"
_FORMULA_START = r"[0-9A-Z(\[]"
# 2H₂+O₂=点燃=2H₂O, 2KClO₃==△==2KCl+3O₂↑, CaCO₃═高温═CaO+CO₂↑: a condition written over the sign
_CONDITION = _regex.compile(r"(?<=" + _FORMULA_END + r")\s?(?:={1,2}|═{1,2})\s?([\p{Han}△]{1,10}|△)\s?(?:={1,2}|═{1,2})\s?"
                            r"(?=" + _FORMULA_START + r")")
# 2H₂O₂=MnO₂=2H₂O+O₂↑: a chemical formula over the sign is the catalyst
_CATALYST = _regex.compile(r"(?<=[A-Z][a-z]?[₀-₉0-9]{0,3}\)?)\s?(?:={1,2}|═{1,2})\s?((?:[A-Z][a-z]?[₀-₉0-9]{0,2}){1,4})"
                           r"\s?(?:={1,2}|═{1,2})\s?(?=" + _FORMULA_START + r")")
_REVERSIBLE = _regex.compile(r"(?<=" + _FORMULA_END + r")\s?[⇌⇋]\s?(?=" + _FORMULA_START + r")")
# CuSO₄·5H₂O: the dot of a hydrate joins water of crystallisation, it is no product
_HYDRATE = _regex.compile(r"(?<=[A-Z][a-z]?[₀-₉0-9)]{0,3})[·•]\s?(?=\d{0,2}H[₂2]O)")
# ¹⁴C, ²³⁸U: a mass number written before the element symbol
_SUPERSCRIPT = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}
_ISOTOPE = _regex.compile(r"(?<![A-Za-z0-9⁰-⁹¹²³⁺⁻)\]])([⁰¹²³⁴-⁹]{1,3})([A-Z][a-z]?)(?![a-z])")


# Xᵇ, Xᴮ, Xʰ: an allele written as a superscript on a sex chromosome (XᵇY, XᴮXᵇ), not a power
_SUPER_LETTERS = dict(zip("ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
                          "ABDEGHIJKLMNOPRTUWabcdefghijklmnoprstuvwxyz"))
_ALLELE = _regex.compile(r"(?<![A-Za-z])([XYZW])([" + "".join(c for c in _SUPER_LETTERS if c not in "ⁿⁱˣʸᶻ")
                         + r"]{1,2})(?![a-z])")


# Every mark above needs one of these: an equals sign (conditions, catalysts), a reversible
# arrow, a hydrate dot, a superscript digit (isotopes) or a superscript letter (alleles).
_TRIGGER = _regex.compile("[=═⇌⇋·•⁰¹²³⁴-⁹" + "".join(_SUPER_LETTERS) + "]")


def text_marks(text: str, lang: str, said: dict) -> "list[Match]":
    """Reaction conditions, reversible arrows, hydrate dots and isotopes (readings from `said`)."""
    from ..tn.common import cardinal
    out = []
    if not _TRIGGER.search(text):  # most text has none of the characters any mark needs
        return out
    for m in _CONDITION.finditer(text):
        cond = m.group(1).replace("△", said.get("heat", "加热"))
        out.append(Match(m.start(), m.end(), said.get("condition", "{cond}条件下生成").format(cond=cond),
                         "math.chem.condition"))
    for m in _CATALYST.finditer(text):
        symbols = _regex.findall(r"[A-Z][a-z]?", m.group(1))
        # MnO₂, V₂O₅, Pt, Fe (never S₂ of S₁=S₂=S₃), in a line that reads as a reaction (+ ↑ ↓)
        catalyst = len(symbols) >= 2 or len(symbols) == 1 and len(symbols[0]) == 2
        if catalyst and all(sym in ELEMENTS for sym in symbols) and _regex.search(r"[₀-₉]", text) \
                and any(c in text for c in "+↑↓"):
            from . import read_formula
            cond = read_formula(m.group(1), "en" if lang == "en" else "zh")
            out.append(Match(m.start(), m.end(), said.get("catalyst", "{cond}条件下生成").format(cond=cond),
                             "math.chem.catalyst"))
    for m in _REVERSIBLE.finditer(text):
        out.append(Match(m.start(), m.end(), said.get("reversible", "可逆生成"), "math.chem.reversible"))
    for m in _HYDRATE.finditer(text):
        out.append(Match(m.start(), m.end(), said.get("hydrate", "，"), "math.chem.hydrate"))
    for m in _ALLELE.finditer(text):
        letters = "".join(_SUPER_LETTERS[c] for c in m.group(2))
        out.append(Match(m.start(), m.end(), m.group(1) + letters, "math.genetics.allele"))
    for m in _ISOTOPE.finditer(text):
        if m.group(2) in ELEMENTS:
            mass = cardinal("".join(_SUPERSCRIPT[c] for c in m.group(1)), lang)
            out.append(Match(m.start(), m.end(), said.get("isotope", "{element}{mass}").format(element=m.group(2), mass=mass),
                             "math.chem.isotope"))
    return out

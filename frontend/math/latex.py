"""LaTeX command names -> token kinds (syntax only; readings live in rules/<lang>/math*.yaml).

A command maps to (kind, value): a Unicode symbol's token (so \\le and ≤ parse alike), a
structural command (frac, sqrt, vec ...), 'drop' for pure layout (\\quad, \\displaystyle),
'font' for invisible font switches, 'text' for \\text{...}. A command missing here is read
by its name and recorded as rule math.latex.unknown (see frontend/math/__init__.py).
"""
from __future__ import annotations

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "π", "rho": "ρ", "varrho": "ρ", "sigma": "σ", "varsigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "Upsilon": "υ",
}

SYMBOLS = {
    # operators
    "cdot": ("op", "·"), "times": ("op", "×"), "div": ("op", "÷"), "pm": ("op", "±"), "mp": ("op", "∓"),
    "ast": ("op", "*"), "cup": ("op", "∪"), "cap": ("op", "∩"), "setminus": ("op", "∖"), "bullet": ("op", "·"),
    # relations
    "le": ("rel", "≤"), "leq": ("rel", "≤"), "leqslant": ("rel", "≤"), "ge": ("rel", "≥"), "geq": ("rel", "≥"),
    "geqslant": ("rel", "≥"), "ne": ("rel", "≠"), "neq": ("rel", "≠"), "approx": ("rel", "≈"),
    "equiv": ("rel", "≡"), "sim": ("rel", "∽"), "backsim": ("rel", "∽"), "cong": ("rel", "≌"),
    "parallel": ("rel", "∥"), "perp": ("rel", "⊥"), "in": ("rel", "∈"), "notin": ("rel", "∉"),
    "ni": ("rel", "∋"), "subset": ("rel", "⊂"), "subseteq": ("rel", "⊆"), "subsetneq": ("rel", "⊊"),
    "supset": ("rel", "⊃"), "supseteq": ("rel", "⊇"), "supsetneq": ("rel", "⊋"), "ll": ("rel", "≪"),
    "gg": ("rel", "≫"), "propto": ("rel", "∝"), "to": ("rel", "→"), "rightarrow": ("rel", "→"),
    "longrightarrow": ("rel", "→"), "mapsto": ("rel", "→"), "lt": ("rel", "<"), "gt": ("rel", ">"), "triangleq": ("rel", "≜"),
    "Rightarrow": ("impl", "⇒"), "implies": ("impl", "⇒"), "Longrightarrow": ("impl", "⇒"),
    "Leftrightarrow": ("impl", "⇔"), "iff": ("impl", "⇔"), "Longleftrightarrow": ("impl", "⇔"),
    "Leftarrow": ("impl", "⇐"), "land": ("logic", "∧"), "wedge": ("logic", "∧"), "lor": ("logic", "∨"),
    "vee": ("logic", "∨"),
    # prefixes
    "triangle": ("prefix", "△"), "angle": ("prefix", "∠"), "odot": ("prefix", "⊙"), "because": ("prefix", "∵"),
    "therefore": ("prefix", "∴"), "forall": ("prefix", "∀"), "exists": ("prefix", "∃"), "neg": ("prefix", "¬"),
    "lnot": ("prefix", "¬"), "square": ("prefix", "□"), "complement": ("prefix", "∁"), "overarc": ("cmd", "arc"), "wideparen": ("cmd", "arc"),
    # constants and symbols
    "infty": ("const", "∞"), "emptyset": ("const", "∅"), "varnothing": ("const", "∅"), "partial": ("const", "∂"),
    "nabla": ("const", "∇"), "cdots": ("ellipsis", "…"), "ldots": ("ellipsis", "…"), "dots": ("ellipsis", "…"),
    "vdots": ("ellipsis", "…"), "circ": ("circ", "∘"), "degree": ("deg", "°"), "prime": ("prime", "1"),
    "percent": ("pct", "%"),
    # big operators
    "sum": ("big", "∑"), "prod": ("big", "∏"), "int": ("big", "∫"), "iint": ("big", "∬"), "oint": ("big", "∮"),
    "sqrt": ("root", "2"),
    # structure
    "frac": ("cmd", "frac"), "dfrac": ("cmd", "frac"), "tfrac": ("cmd", "frac"), "cfrac": ("cmd", "frac"),
    "binom": ("cmd", "binom"), "dbinom": ("cmd", "binom"), "tbinom": ("cmd", "binom"),
    "vec": ("cmd", "vec"), "overrightarrow": ("cmd", "vec"), "boldsymbol": ("font", ""),
    "overline": ("cmd", "overline"), "bar": ("cmd", "overline"), "hat": ("cmd", "hat"),
    "widehat": ("cmd", "hat"), "overset": ("cmd", "overset"), "underset": ("cmd", "overset"),
    "mathrm": ("font", ""), "mathbf": ("font", ""), "mathit": ("font", ""), "mathsf": ("font", ""),
    "mathcal": ("font", ""), "textbf": ("font", ""), "textit": ("font", ""), "bm": ("font", ""),
    "text": ("text", ""), "textrm": ("text", ""), "mbox": ("text", ""), "mathbb": ("mathbb", ""),
    "operatorname": ("operatorname", ""),
    # layout: dropped (rule math.latex.layout)
    "quad": ("drop", ""), "qquad": ("drop", ""), "displaystyle": ("drop", ""), "textstyle": ("drop", ""),
    "limits": ("drop", ""), "nolimits": ("drop", ""), "left": ("left", ""), "right": ("left", ""),
    "big": ("left", ""), "Big": ("left", ""), "bigg": ("left", ""), "Bigg": ("left", ""), "bigl": ("left", ""),
    "bigr": ("left", ""), "Bigl": ("left", ""), "Bigr": ("left", ""), "middle": ("left", ""),
    "space": ("drop", ""), "enspace": ("drop", ""), "thinspace": ("drop", ""), "hspace": ("drop", ""),
    "lbrace": ("open", "{"), "rbrace": ("close", "}"), "langle": ("open", "("), "rangle": ("close", ")"),
    "lvert": ("bar", "|"), "rvert": ("bar", "|"), "vert": ("bar", "|"), "mid": ("bar", "|"),
    "lfloor": ("bracketfn", "floor"), "rfloor": ("bracketfn_end", ""), "lceil": ("bracketfn", "ceil"),
    "rceil": ("bracketfn_end", ""),
}

FUNCTION_NAMES = ("sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
                  "tanh", "log", "ln", "lg", "exp", "max", "min", "sup", "inf", "det", "gcd", "lim", "arg",
                  "deg", "dim", "ker", "mod", "bmod", "sgn", "lcm", "Pr", "pmod")

BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}

COMMANDS: dict[str, tuple[str, str]] = {}
COMMANDS.update({name: ("greek", ch) for name, ch in GREEK.items()})
COMMANDS.update(SYMBOLS)
COMMANDS.update({name: ("letters", name) for name in FUNCTION_NAMES})
COMMANDS["bmod"] = ("letters", "mod")
COMMANDS["pmod"] = ("letters", "mod")  # a ≡ b \pmod{n}: 'mod n' (the brackets are only print)
COMMANDS["colon"] = ("ratio", ":")  # f\colon A \to B: the colon of a map's name, as f: A → B
COMMANDS["top"] = ("let", "T")  # A^\top: the transpose mark
COMMANDS["intercal"] = ("let", "T")

"""Which language a text is in: "zh", "yue" or "en"; control prefixes like (粤语) / (四川话).

Precedence (pronunciation.md section 3): an explicit setting (the caller's lang=) beats a
control prefix at the very start of the document, which beats the written-Cantonese markers
of rules/yue/markers.yaml. Mandarin dialects cannot be told apart from text: only a prefix
such as (四川话) selects them (rules/yue/control.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .script import script_score

_HAN = regex.compile(r"\p{Han}")
# "(粤语)" / "（四川话，年轻女声）" at offset 0; spaces or a BOM before it are part of the prefix.
# (粤语) as VoxCPM documents it; 【粤语】 and [粤语] too ([text](pron) inline markup is not a prefix)
_PREFIX = regex.compile(r"[\ufeff \t]*(?:[(（](?P<name>[^()（）\n]{1,40})[)）]"
                        r"|[【［\[](?P<name2>[^\[\]【】［］\n]{1,40})[】］\]](?![(（]))")
_NAME_SPLIT = regex.compile(r"[,，、;；/|\s]+")
LANGS = ("zh", "yue", "en")


@dataclass(frozen=True)
class Prefix:
    end: int  # the prefix is text[:end]
    lang: str | None
    dialect: str | None


@dataclass(frozen=True)
class _Markers:
    threshold: int
    strong_weight: int
    weak_weight: int
    neutral_traditional: str
    strong: regex.Pattern
    weak: regex.Pattern
    traps: regex.Pattern | None
    context: tuple
    formula_only: str = "zh"  # the language of a document that is only formulas (7 × 8 = 56)


def _alternation(words) -> regex.Pattern | None:
    words = sorted({str(w) for w in words}, key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, words))) if words else None


def _string_list(data, key) -> list:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise rules.fail(data, f"{key!r} must be a list of non-empty strings", key)
    return value


@rules.compiled
def _markers() -> _Markers:
    data = rules.load("yue", "markers")
    rules.check_keys(data, ["threshold", "strong_weight", "weak_weight", "neutral_traditional", "strong",
                            "weak", "strong_phrases", "weak_phrases", "traps", "context", "formula_only"],
                      "markers.yaml")
    for key in ("threshold", "strong_weight", "weak_weight"):
        if not isinstance(data.get(key), int) or data[key] < 1:
            raise rules.fail(data, f"{key!r} must be a positive integer", key)
    if data.get("neutral_traditional") not in ("zh", "yue"):
        raise rules.fail(data, "'neutral_traditional' must be 'zh' or 'yue'", "neutral_traditional")
    if data.get("formula_only", "zh") not in ("zh", "yue", "en"):
        raise rules.fail(data, "'formula_only' must be 'zh', 'yue' or 'en'", "formula_only")
    for key in ("strong", "weak"):
        for ch in _string_list(data, key):
            if len(ch) != 1:
                raise rules.fail(ch, f"{key!r} lists single characters; use strong_phrases/weak_phrases for {ch!r}")
    context = []
    for pattern in _string_list(data, "context"):
        try:
            context.append(regex.compile(pattern))
        except regex.error as e:
            raise rules.fail(pattern, f"bad regular expression {pattern!r}: {e}") from None
    return _Markers(
        data["threshold"], data["strong_weight"], data["weak_weight"], str(data["neutral_traditional"]),
        _alternation(_string_list(data, "strong") + _string_list(data, "strong_phrases")),
        _alternation(_string_list(data, "weak") + _string_list(data, "weak_phrases")),
        _alternation(_string_list(data, "traps")), tuple(context), str(data.get("formula_only", "zh")))


@rules.compiled
def _control_names() -> dict:
    """lower-cased name -> (lang, dialect)."""
    data = rules.load("yue", "control")
    rules.check_keys(data, ["yue", "dialects"], "control.yaml")
    names = {str(n).lower(): ("yue", None) for n in _string_list(data, "yue")}
    dialects = data.get("dialects") or {}
    if not isinstance(dialects, dict):
        raise rules.fail(data, "'dialects' must map a dialect name to the names that select it", "dialects")
    for dialect in dialects:
        for name in _string_list(dialects, dialect):
            if name.lower() in names:
                raise rules.fail(name, f"control name {name!r} is listed twice")
            names[name.lower()] = ("zh", str(dialect))
    return names


def control_prefix(text: str) -> Prefix | None:
    """A control prefix at the very start of the document, e.g. '(粤语)' or '（四川话）'."""
    m = _PREFIX.match(text)
    if not m:
        return None
    names = _control_names()
    for part in _NAME_SPLIT.split(m.group("name") or m.group("name2")):
        for name in _name_forms(part.lower()):
            hit = names.get(name)
            if hit:
                return Prefix(m.end(), *hit)
    return None


def _name_forms(name: str) -> tuple[str, ...]:
    """四川方言 / 四川口音 / 粤语方言 say the same as 四川话 / 粤语: try the name, then its stem
    alone and with 话/話."""
    for suffix in ("方言", "口音", "腔"):
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[:-len(suffix)]
            return name, stem, stem + "话", stem + "話"
    return (name,)


def cantonese_score(text: str) -> int:
    """Sum of marker weights (rules/yue/markers.yaml) after removing Mandarin trap words."""
    mk = _markers()
    if mk.traps is not None:
        text = mk.traps.sub("\x00", text)
    score = 0
    if mk.strong is not None:
        score += mk.strong_weight * sum(1 for _ in mk.strong.finditer(text))
    if mk.weak is not None:
        score += mk.weak_weight * sum(1 for _ in mk.weak.finditer(text))
    for pattern in mk.context:
        score += mk.strong_weight * sum(1 for _ in pattern.finditer(text))
    return score


def paragraph_lang(text: str, *, neutral_traditional: str | None = None) -> str:
    """'en' without Han characters; 'yue' with enough written-Cantonese markers; else 'zh'.

    Traditional text without markers is Standard Written Chinese: 'zh' by default
    (markers.yaml `neutral_traditional`), 'yue' for callers that know the voice is Cantonese.
    """
    if not _HAN.search(text):
        return "en"
    mk = _markers()
    if cantonese_score(text) >= mk.threshold:
        return "yue"
    neutral = neutral_traditional or mk.neutral_traditional
    if neutral not in ("zh", "yue"):
        raise ValueError(f"neutral_traditional must be 'zh' or 'yue', not {neutral!r}")
    return neutral if neutral == "yue" and script_score(text) > 0 else "zh"


# Latin names a formula uses without being English prose (sin30° = 1/2, log₂8 = 3)
_MATH_NAMES = frozenset("sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg lim "
                        "max min exp det mod gcd lcm dx dy dt".split())
_LATIN_WORD = regex.compile(r"[A-Za-z]{2,}")


def language_neutral(text: str) -> bool:
    """True when nothing in `text` tells a language: no Han character and no Latin word beyond
    single letters, formula names and LaTeX command names (7 × 8 = 56, f(x) = 2x + 1, sin30° = 1/2,
    $\frac{1}{2}x^2$). Such a line in a Chinese document is read in the document's language, not
    in English."""
    if _HAN.search(text):
        return False
    return all(w.group().lower() in _MATH_NAMES or text[w.start() - 1:w.start()] == "\\"
               for w in _LATIN_WORD.finditer(text))


def first_told_language(paragraphs) -> str:
    """The language of the first paragraph that tells one ('zh' / 'yue' / 'en'). A formula line that
    opens a document (7 × 8 = 56, then 计算上面的题) is read in the language of the text after it;
    a document of formulas only is read in markers.yaml `formula_only` (zh: voxread's first
    language, the one the education apps it serves write their problems in)."""
    for para in paragraphs:
        if para.strip() and not language_neutral(para):
            return paragraph_lang(para)
    return _markers().formula_only


def detect_language(text: str, lang: str | None = None, *, neutral_traditional: str | None = None) -> str:
    """'zh' | 'yue' | 'en' for a whole text: explicit lang > control prefix > markers."""
    if lang is not None:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
        return lang
    prefix = control_prefix(text)
    if prefix is not None:
        return prefix.lang
    return paragraph_lang(text, neutral_traditional=neutral_traditional)

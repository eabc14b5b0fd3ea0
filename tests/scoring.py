"""The comparison rules written at the top of tests/data/examples/*.yaml, as code."""
from __future__ import annotations

import re
import unicodedata

import regex

_HAN = regex.compile(r"\p{Han}")


def frontend_case_key(text: str) -> str:
    """frontend_cases.yaml: NFKC, 〇 = 零, no whitespace or punctuation, Latin case-insensitive."""
    text = unicodedata.normalize("NFKC", text).replace("〇", "零")
    text = regex.sub(r"[\s\p{P}\p{S}]", "", text)
    return text.lower()


def assert_reads(text: str, lang: str | None, expected: str) -> None:
    """frontend.normalize(text, lang) reads as `expected` under the frontend_cases.yaml key; a
    reading with phoneme braces on either side must match exactly (the braces are what is said)."""
    import frontend
    spoken = frontend.normalize(text, lang)
    if "{" in expected or "{" in spoken:
        assert spoken == expected, (text, spoken)
    else:
        assert frontend_case_key(spoken) == frontend_case_key(expected), (text, spoken)


def frontend_case_passes(output: str, expect: list[str]) -> bool:
    key = frontend_case_key(output)
    return any(key == frontend_case_key(e) for e in expect)


def yue_case_key(text: str) -> str:
    """frontend_yue_lexicon_cases.yaml: NFC; outside braces whitespace goes unless it separates
    two ASCII letters/digits (then one space); inside braces whitespace collapses and strips."""
    text = unicodedata.normalize("NFC", text)
    out, pos = [], 0
    for m in re.finditer(r"\{([^{}]*)\}", text):
        out.append(_squeeze_outside(text[pos:m.start()]))
        out.append("{" + " ".join(m.group(1).split()) + "}")
        pos = m.end()
    out.append(_squeeze_outside(text[pos:]))
    joined = "".join(out)
    return _squeeze_outside(joined)


def _squeeze_outside(s: str) -> str:
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])", "", s)


def units(text: str) -> list[str]:
    """Split an output into units: one brace group, or one character."""
    return re.findall(r"\{[^{}]*\}|.", text, flags=re.S)


def polyphone_passes(inp: str, output: str, expect_pinyin: str, focus: list) -> bool:
    """The POLYPHONE CONVENTION: one unit per input character, braces only where allowed,
    every focus position braced with its reading."""
    inp = unicodedata.normalize("NFC", inp)
    outs = units(unicodedata.normalize("NFC", output))
    if len(outs) != len(inp):
        return False
    allowed = [set(a.split("|")) for a in expect_pinyin.split()]
    braced = {}
    han_index = 0
    for ch, unit in zip(inp, outs):
        is_han = bool(_HAN.match(ch))
        if unit.startswith("{") and len(unit) > 1:
            if not is_han:
                return False
            syl = unit[1:-1].strip()
            if han_index >= len(allowed) or syl not in allowed[han_index]:
                return False
            braced[han_index] = syl
        elif unit != ch:
            return False
        if is_han:
            han_index += 1
    if han_index != len(allowed):
        return False
    return all(braced.get(i) == py for i, _, py in focus)


def yue_case_passes(case: dict, output: str) -> bool:
    key = yue_case_key(output)
    if any(key == yue_case_key(e) for e in case["expect"]):
        return True
    if case.get("expect_pinyin"):
        return polyphone_passes(case["input"], output, case["expect_pinyin"], case.get("focus") or [])
    return False

"""Traditional or Simplified? Decides the script of the characters TN inserts (Cantonese and
Traditional Mandarin alike) and lets Simplified cue words match Traditional text.

The user's own text is never converted (pronunciation.md section 3): OpenCC is used only
to classify the input and to write the few characters TN adds (兩 點 個 號 萬 ...) in the
same script as the text around them.
"""
from __future__ import annotations

import functools

import regex

_HAN = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=None)
def _converter(config: str):
    import opencc
    return opencc.OpenCC(config)


# Cantonese writes these the same in Traditional and Simplified text although OpenCC maps them
# (吓 haa5 "a bit", 睇吓, is not 嚇 "scare"): they say nothing about the script
_CANTONESE_SHARED = frozenset("吓")


@functools.lru_cache(maxsize=8192)
def _script_of_char(ch: str) -> int:
    """+1 Traditional-only form, -1 Simplified-only form, 0 shared by both scripts."""
    if ch in _CANTONESE_SHARED:
        return 0
    if _converter("t2s").convert(ch) != ch:
        return 1
    if _converter("s2t").convert(ch) != ch and not _in_big5(ch):
        return -1  # 边 饭 个; but 里 面 只 台 also exist in Traditional text (Big5 has them)
    return 0


def _in_big5(ch: str) -> bool:
    try:
        ch.encode("cp950")
        return True
    except UnicodeEncodeError:
        return False


def is_traditional(text: str) -> bool:
    """True when Traditional-only forms are at least as many as Simplified-only ones.

    Ties (text with only shared characters) count as Traditional: written Cantonese is
    mostly Traditional, and both scripts accept Traditional inserted characters.
    """
    return script_score(text) >= 0


def script_score(text: str) -> int:
    """Traditional-only forms minus Simplified-only forms (0: nothing tells them apart)."""
    return sum(_script_of_char(ch) for ch in _HAN.findall(text))


def in_script(text: str, traditional: bool) -> str:
    """Characters produced by TN (written Traditional in the rules) in the text's script."""
    return text if traditional else _converter("t2s").convert(text)


@functools.lru_cache(maxsize=8192)
def script_variants(text: str) -> tuple[str, ...]:
    """`text` converted to the other script(s) (Traditional, Hong Kong, Simplified), same length only."""
    out = []
    for config in ("s2t", "s2hk", "t2s"):
        variant = _converter(config).convert(text)
        if variant != text and len(variant) == len(text) and variant not in out:
            out.append(variant)
    return tuple(out)


def to_traditional(text: str) -> str:
    """Simplified characters a Mandarin rule wrote (一万, 负二度) in Traditional, for Traditional text."""
    return _converter("s2t").convert(text)


def to_hongkong(text: str) -> str:
    """Simplified words a Mandarin rule wrote, in Hong Kong Traditional for Cantonese text (為, not
    the OpenCC-standard 爲 that to_traditional writes)."""
    return _converter("s2hk").convert(text)


def to_simplified(text: str) -> str:
    """Traditional text in Simplified, for matching Simplified cue words (never for output)."""
    return _converter("t2s").convert(text)

"""Jyutping -> homophone characters, for models that do not read jyutping braces.

The reverse table is derived lazily from ToJyutping's character data (rime-cantonese,
CC BY 4.0): for each syllable, the most frequent character whose *first* reading is exactly
that syllable (frequency: jieba's word counts, looked up through the Simplified form).
Characters with a single reading win ties, variant forms (箇 beside 個) lose to the standard one, and Traditional/shared forms are preferred over
Simplified-only ones because Cantonese text is mostly Traditional.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path

import regex

from .errors import LexiconError

_SYLLABLE = regex.compile(r"[a-z]+[1-6]")
_HAN = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=1)
def _char_frequency() -> dict[str, int]:
    """Simplified character -> total count of the jieba dictionary words that contain it."""
    import jieba
    freq: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.partition(" ")
            count = int(rest.split(" ", 1)[0] or 0)
            for ch in word:
                freq[ch] = freq.get(ch, 0) + count
    return freq


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """jyutping syllable -> best homophone character."""
    import opencc
    from ToJyutping import Trie as tojyutping_trie

    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    freq = _char_frequency()
    best: dict[str, tuple[tuple, str]] = {}
    for ch, node in tojyutping_trie.root.items():
        if not node.v or not _HAN.fullmatch(ch):
            continue
        readings = [str(r) for r in node.v if " " not in str(r)]
        if not readings:
            continue
        simplified = t2s.convert(ch)
        simplified_only = simplified == ch and s2t.convert(ch) != ch
        count = freq.get(simplified, 0)
        if s2t.convert(simplified) != ch:
            count //= 100  # a variant form (箇 beside 個) shares its Simplified count; rarely seen
        for rank, syllable in enumerate(dict.fromkeys(readings)):
            # first reading > other readings; then Traditional/shared form; then frequency,
            # a single reading counting like doubled frequency.
            # Characters of the basic CJK block beat the extension blocks (a model has seen them),
            # and on a tie the lower code point (older, commoner character) wins.
            basic = "\u4e00" <= ch <= "\u9fff"
            score = math.log1p(count) + (math.log(2) if len(readings) == 1 else 0.0)
            key = (rank == 0, not simplified_only, basic, score, -ord(ch))
            if syllable not in best or key > best[syllable][0]:
                best[syllable] = (key, ch)
    return {s: ch for s, (_, ch) in best.items()}


def homophone(syllables: list[str] | str) -> str:
    """['jau4', 'maa4', 'dei2'] -> one common character per syllable with exactly that jyutping.

    Raises LexiconError for a string that is not a jyutping syllable or that no character has.
    """
    if isinstance(syllables, str):
        syllables = syllables.split()
    table = _table()
    out = []
    for syl in syllables:
        norm = str(syl).strip().lower()
        if not _SYLLABLE.fullmatch(norm):
            raise LexiconError(f"{syl!r} is not a jyutping syllable (letters then a tone digit 1-6, e.g. 'jau4')")
        ch = table.get(norm)
        if ch is None:
            raise LexiconError(f"no Cantonese character is read {norm!r}: cannot render it as a homophone")
        out.append(ch)
    return "".join(out)

"""Word segmentation with the lexicon's keys added, for the Han-key blocking rule.

A Han key does not fire where it partially overlaps a word of this segmentation (行长 in
银行|长期). The segmenter is jieba's max-probability route over its dictionary, read from a
private jieba.Tokenizer; the keys are laid over it in a separate table (frequency as
jieba's add_word would give them), so neither the global jieba nor other lexicons change.
"""
from __future__ import annotations

import functools
import logging
from math import log


@functools.lru_cache(maxsize=1)
def _base():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok.FREQ, tok.total


class Segmenter:
    def __init__(self, words):
        freq, total = _base()
        self._base = freq
        self._overlay: dict[str, int] = {}
        added = 0
        for w in sorted(set(words), key=len):
            f = max(self._suggest(w, total), freq.get(w) or 0)
            self._overlay[w] = f
            added += f
            for i in range(1, len(w)):
                if self._freq(w[:i]) is None:
                    self._overlay[w[:i]] = 0  # a prefix, so the DAG walk keeps extending
        self._logtotal = log(total + added)
        self._cache: dict[str, list[tuple[int, int]]] = {}

    def _freq(self, w: str):
        f = self._overlay.get(w)
        return self._base.get(w) if f is None else f

    def _suggest(self, word: str, total: int) -> int:
        """jieba's suggest_freq(word): just enough for the word to beat its own best split."""
        p = 1.0
        for s, e in self._route(word, log(total)):
            p *= (self._freq(word[s:e]) or 1) / total
        return int(p * total) + 1

    def _route(self, text: str, logtotal: float) -> list[tuple[int, int]]:
        n = len(text)
        best = [(0.0, 0)] * (n + 1)
        for k in range(n - 1, -1, -1):
            ends = []
            i, frag = k, text[k]
            while True:
                f = self._freq(frag)
                if f is None:
                    break
                if f:
                    ends.append(i)
                i += 1
                if i >= n:
                    break
                frag = text[k:i + 1]
            if not ends:
                ends.append(k)
            best[k] = max(((log(self._freq(text[k:x + 1]) or 1) - logtotal + best[x + 1][0], x) for x in ends))
        out, k = [], 0
        while k < n:
            e = best[k][1] + 1
            out.append((k, e))
            k = e
        return out

    def words(self, text: str) -> list[tuple[int, int]]:
        """Word spans of a Han-only text."""
        spans = self._cache.get(text)
        if spans is None:
            spans = self._route(text, self._logtotal)
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[text] = spans
        return spans

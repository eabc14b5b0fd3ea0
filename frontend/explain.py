"""The --explain view: for one utterance, every change and the rule or lexicon entry behind it.

    重庆 -> {chong2}{qing4}    lexicon my.yaml:3

This is what a user reads to fix a pronunciation: the rule name says which YAML rule, lexicon
line or inline markup to edit.
"""
from __future__ import annotations


def _show(text: str) -> str:
    text = text.replace("\n", "⏎")
    return text if text.strip() and text == text.strip() else repr(text)


def describe(utterance, source_text: str) -> str:
    """One indented line per change: source span -> output, then the rule that made it."""
    changes = sorted(utterance.changes, key=lambda c: (c.start, -c.end))
    if not changes:
        return "    (unchanged: no rule or lexicon entry applied)"
    rows = []
    for c in changes:
        source = source_text[c.start:c.end]
        left = _show(source) if source else "(inserted)"
        if c.before != source and c.before:
            left += f" (as {_show(c.before)})"  # an earlier stage had already rewritten it
        right = _show(c.after) if c.after else "(dropped)"
        rows.append((left, right, c.rule or "?"))
    width = min(max(len(r[0]) + len(r[1]) for r in rows) + 4, 60)
    return "\n".join(f"    {l} -> {r}".ljust(width + 4) + f"  {rule}" for l, r, rule in rows)

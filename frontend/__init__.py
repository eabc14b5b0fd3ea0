"""voxread's text frontend: text -> what a good teacher would say, with phoneme markup.

    >>> import frontend
    >>> frontend.normalize("△ABC∽△DEF")
    '三角形ABC相似于三角形DEF'
"""
from __future__ import annotations

from .errors import FrontendError, LexiconError, MarkupError, RuleError
from .langid import detect_language
from .rules import set_rules_dir
from .utterance import LazyUtterances, Utterance

__all__ = ["normalize", "process", "detect_language", "set_rules_dir", "Utterance",
           "FrontendError", "LexiconError", "MarkupError", "RuleError"]


def process(text: str, lang: str | None = None, *, lexicon=None, max_chars: int | None = None,
            explain: bool = False, yue_render: str = "braces") -> LazyUtterances:
    """Split `text` into utterances in spoken form, computed lazily as they are read.

    lang: None (automatic per paragraph), "zh", "en" or "yue".
    lexicon: None, a path, a list of paths, or a dict {word: pronunciation}.
    max_chars: longest utterance in Chinese characters (English: ~40 words).
    explain: attach to each utterance the changes made and the rule behind each.
    yue_render: Cantonese jyutping overrides as "braces" ({jau4}) or "homophone" characters.
    """
    from .pipeline import run
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return LazyUtterances(run(text, lang, lexicon=lexicon, max_chars=max_chars, explain=explain,
                              yue_render=yue_render))


def normalize(text: str, lang: str | None = None, *, lexicon=None) -> str:
    """The spoken form of the whole text (utterances joined)."""
    utts = list(process(text, lang, lexicon=lexicon))
    out = ""
    for u in utts:
        # English words never run together, nor onto the full stop of the sentence before
        if out and out[-1].isascii() and (out[-1].isalnum() or out[-1] in ".!?;:,") \
                and u.text[:1].isascii() and u.text[:1].isalnum():
            out += " "
        out += u.text
    return out

"""Text -> ids exactly as the reference model sees them, with `tokenizers` only.

Plain BPE tokenisation (no special tokens), then the reference's multi-character Chinese
split: a token that, with its `▁` markers deleted, is a vocabulary entry of two or more
CJK ideographs (U+4E00..U+9FFF) is replaced by its single characters (the `▁` is lost).
"""
from __future__ import annotations

from pathlib import Path

AUDIO_START = 101


def _is_cjk_word(s: str) -> bool:
    return len(s) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in s)


class TextTokenizer:
    def __init__(self, path):
        from tokenizers import Tokenizer

        self.path = Path(path)
        try:
            self.tok = Tokenizer.from_file(str(self.path))
        except Exception as e:  # tokenizers raises a bare Exception on malformed JSON
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise ValueError(f"{self.path}: cannot read tokenizer ({first})") from None
        vocab = self.tok.get_vocab()
        self.vocab = vocab
        self.multichar = {t for t in vocab if _is_cjk_word(t)}
        self.unk_id = vocab.get("<unk>", 0)

    def tokenize(self, text: str) -> list[str]:
        pieces = []
        for tok in self.tok.encode(text, add_special_tokens=False).tokens:
            bare = tok.replace("\u2581", "")
            pieces.extend(bare if bare in self.multichar else [tok])
        return pieces

    def encode(self, text: str) -> list[int]:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        enc = self.tok.encode(text, add_special_tokens=False)
        ids = []
        for tok, i in zip(enc.tokens, enc.ids):
            bare = tok.replace("\u2581", "")
            if bare in self.multichar:
                ids.extend(self.vocab.get(c, self.unk_id) for c in bare)
            else:
                ids.append(i)
        return ids

    def encode_raw(self, text: str) -> list[int]:
        """Plain tokenizer ids, before the Chinese split (for checks)."""
        return self.tok.encode(text, add_special_tokens=False).ids

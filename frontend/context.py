"""What every stage may read about the text it is working on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .pieces import Change

# Defaults that suit VoxCPM: about 60-80 Chinese characters or ~40 English words per utterance.
MAX_CHARS_ZH = 72
MAX_WORDS_EN = 40


@dataclass
class Context:
    lang: str  # reading language of this paragraph: "zh" | "en" | "yue"
    forced_lang: str | None = None  # the caller's lang= (None = automatic)
    dialect: str | None = None  # name from a control prefix such as (四川话); None = standard
    lexicon: Any = None  # compiled lexicon (frontend.lexicon), None = shipped only
    max_chars: int = MAX_CHARS_ZH
    max_words: int = MAX_WORDS_EN
    yue_render: str = "braces"  # jyutping overrides: "braces" or "homophone"
    changes: list[Change] = field(default_factory=list)  # filled for --explain

    @property
    def dialect_mode(self) -> bool:
        """Non-Cantonese dialect text: no automatic pinyin braces (they force Putonghua)."""
        return self.dialect is not None and self.lang != "yue"

"""Which language a text is in: zh, yue or en; control prefixes like (粤语) / (四川话).

STUB: owned by the Cantonese work (issue 3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Prefix:
    end: int  # the prefix is text[:end]
    lang: str | None
    dialect: str | None


def control_prefix(text: str) -> Prefix | None:
    return None


def paragraph_lang(text: str) -> str:
    return "zh" if _HAN.search(text) else "en"


def detect_language(text: str) -> str:
    return paragraph_lang(text)

"""W3C Pronunciation Lexicon Specification (PLS 1.0) files, as Azure / Polly users have them.

Supported alphabets: x-pinyin (tone numbers or marks), Azure's zh-CN "sapi" pinyin
("chong 2 qing 4"), x-jyutping, x-arpabet, and "ipa" for English words (converted to ARPAbet;
a symbol without an ARPAbet equivalent is an error naming the line). <alias> is a respelling.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ..errors import LexiconError
from ..phonemes import PhonemeError, count_han, ipa_to_arpabet, parse_sapi_pinyin
from .entry import Entry, make_entry

_PLS_NS = "http://www.w3.org/2005/01/pronunciation-lexicon"
_XML_NS = "http://www.w3.org/XML/1998/namespace"

_ALPHABETS = {"x-pinyin": "pinyin", "pinyin": "pinyin", "sapi": "sapi", "x-microsoft-sapi": "sapi",
              "x-jyutping": "jyutping", "jyutping": "jyutping", "x-arpabet": "arpabet",
              "arpabet": "arpabet", "x-cmu": "arpabet", "ipa": "ipa"}


@dataclass
class _Node:
    tag: str
    attrs: dict
    line: int
    text: str = ""
    children: list = field(default_factory=list)


def _parse(data: bytes, display: str) -> _Node:
    """A tiny element tree that remembers each element's line (ElementTree forgets it)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[_Node] = []
    root: list[_Node] = []

    def start(name, attrs):
        node = _Node(name.rsplit(" ", 1)[-1], {k.rsplit(" ", 1)[-1] if not k.startswith(_XML_NS) else
                                               "xml:" + k.rsplit(" ", 1)[-1]: v for k, v in attrs.items()},
                     parser.CurrentLineNumber)
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(name):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].text += data

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise LexiconError(f"{display}:{e.lineno}: invalid XML: {expat.ErrorString(e.code)} "
                           f"(column {e.offset + 1})") from None
    return root[0]


def _lang_section(lang: str) -> str:
    lang = (lang or "").lower()
    if lang.startswith(("yue", "zh-hk", "zh-yue", "zh-mo")):
        return "yue"
    if lang.startswith(("zh", "cmn")):
        return "zh"
    return "en"


def load_pls(path: str | Path, priority: int, display: str | None = None) -> list[Entry]:
    display = display or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise LexiconError(f"{display}: cannot read lexicon: {e.strerror}") from None
    root = _parse(data, display)
    if root.tag != "lexicon":
        raise LexiconError(f"{display}:{root.line}: PLS root element must be <lexicon>, not <{root.tag}>")
    default_alphabet = root.attrs.get("alphabet", "")
    lang = root.attrs.get("xml:lang", "")
    out: list[Entry] = []
    for lexeme in root.children:
        if lexeme.tag == "meta" or lexeme.tag == "metadata":
            continue
        if lexeme.tag != "lexeme":
            raise LexiconError(f"{display}:{lexeme.line}: unexpected <{lexeme.tag}> in <lexicon> (expected <lexeme>)")
        out.extend(_lexeme(lexeme, default_alphabet, lang, display, priority))
    return out


def _lexeme(lexeme: _Node, default_alphabet: str, lang: str, display: str, priority: int) -> list[Entry]:
    graphemes = [c for c in lexeme.children if c.tag == "grapheme"]
    prons = [c for c in lexeme.children if c.tag in ("phoneme", "alias")]
    for c in lexeme.children:
        if c.tag not in ("grapheme", "phoneme", "alias", "example"):
            raise LexiconError(f"{display}:{c.line}: unexpected <{c.tag}> in <lexeme>")
    if not graphemes:
        raise LexiconError(f"{display}:{lexeme.line}: <lexeme> has no <grapheme>")
    if not prons:
        raise LexiconError(f"{display}:{lexeme.line}: <lexeme> has no <phoneme> or <alias>")
    # PLS: the first pronunciation is the preferred one; the rest are alternatives we do not need.
    pron = prons[0]
    where = f"{display}:{pron.line}"
    text = " ".join(pron.text.split())
    if not text:
        raise LexiconError(f"{where}: empty <{pron.tag}>")
    out = []
    for g in graphemes:
        key = " ".join(g.text.split())
        if not key:
            raise LexiconError(f"{display}:{g.line}: empty <grapheme>")
        if pron.tag == "alias":
            section = "zh" if count_han(key) and _lang_section(lang) == "zh" else \
                "yue" if count_han(key) and _lang_section(lang) == "yue" else "any"
            out.append(make_entry(key, "=" + text, section, where, priority=priority))
            continue
        alphabet = pron.attrs.get("alphabet", default_alphabet)
        kind = _ALPHABETS.get(alphabet.lower())
        if kind is None:
            raise LexiconError(f"{where}: alphabet {alphabet!r} is not supported; use x-pinyin, sapi (zh-CN), "
                               f"x-jyutping, x-arpabet, ipa (English only) or an <alias>")
        out.append(_phoneme_entry(key, text, kind, lang, where, priority))
    return out


def _phoneme_entry(key: str, text: str, kind: str, lang: str, where: str, priority: int) -> Entry:
    if kind == "pinyin":
        return make_entry(key, text, "zh", where, priority=priority)
    if kind == "jyutping":
        return make_entry(key, text, "yue", where, priority=priority)
    if kind == "arpabet":
        return make_entry(key, text, "en", where, priority=priority)
    try:
        if kind == "sapi":
            if _lang_section(lang) != "zh" and not count_han(key):
                raise LexiconError(f"{where}: {key}: 'sapi' is read as Azure's zh-CN pinyin; for English use "
                                   f"x-arpabet or ipa")
            value = " ".join(parse_sapi_pinyin(text))
            return make_entry(key, value, "zh", where, priority=priority)
        # ipa
        if count_han(key):
            raise LexiconError(f"{where}: {key}: IPA for Chinese cannot be converted (the model reads pinyin or "
                               f"jyutping); use alphabet x-pinyin / x-jyutping or an <alias>")
        words = ipa_to_arpabet(text)
    except PhonemeError as e:
        raise LexiconError(f"{where}: {key}: {e}") from None
    return make_entry(key, " | ".join(" ".join(w) for w in words), "en", where, priority=priority)

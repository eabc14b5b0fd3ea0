"""Brace markup -> espeak-ng phoneme input, so pronunciation overrides stay audible.

The frontend writes overrides as braces: Mandarin `{chong2}` (pinyin + tone digit, one
syllable), Cantonese `{jau4}` (jyutping), English `{HH AH0 L OW1}` (ARPAbet, one word).
espeak-ng reads phonemes written between `[[ ]]` in its own mnemonics; the tables below
name, per sound, the mnemonic espeak-ng's cmn / yue / en-us voices use for it (found by
reading espeak_TextToPhonemes output on Han characters and pinyin). Syllables are parsed
into initial + final by rule, so every well-formed syllable converts, not a list of words.
"""
from __future__ import annotations

import re

# ----------------------------------------------------------------------------- Mandarin
_PINYIN_TONE = {"1": "55", "2": "35", "3": "214", "4": "51", "5": "11", "0": "11"}
_PINYIN_INITIALS = {  # longest first where prefixes overlap (zh before z)
    "zh": "ts.", "ch": "ts.h", "sh": "s.", "b": "p", "p": "ph", "m": "m", "f": "f",
    "d": "t", "t": "th", "n": "n", "l": "l", "g": "k", "k": "kh", "h": "X",
    "j": "tS;", "q": "tS;h", "x": "S;", "r": "z.", "z": "ts", "c": "tsh", "s": "s",
}
# final -> (glide, nucleus, coda); the tone mnemonic goes between nucleus and coda,
# which is where espeak-ng's cmn voice puts it ("tS;h'i51N" for qing4).
_PINYIN_FINALS = {
    "a": ("", "A", ""), "ai": ("", "ai", ""), "an": ("", "a", "n"), "ang": ("", "A", "N"),
    "ao": ("", "Au", ""), "e": ("", "o-", ""), "ei": ("", "ei", ""), "en": ("", "@", "n"),
    "eng": ("", "@", "N"), "er": ("", "@r", ""), "o": ("", "o", ""), "ou": ("", "ou", ""),
    "ong": ("", "ong", ""), "i": ("", "i", ""), "ia": ("", "iA", ""), "ian": ("", "iE", "n"),
    "iang": ("", "iA", "N"), "iao": ("j", "Au", ""), "ie": ("", "iE", ""), "in": ("", "i", "n"),
    "ing": ("", "i", "N"), "iong": ("j", "ong", ""), "iu": ("", "iou", ""), "io": ("", "io", ""),
    "u": ("", "u", ""), "ua": ("w", "A", ""), "uai": ("", "uai", ""), "uan": ("", "ua", "n"),
    "uang": ("w", "A", "N"), "ui": ("", "uei", ""), "un": ("", "u@", "n"), "uo": ("", "uo", ""),
    "ueng": ("", "u@", "N"), "uong": ("", "ong", ""), "v": ("", "y", ""), "ve": ("", "yE", ""), "van": ("", "y&", "n"),
    "vn": ("", "y@", "n"), "ê": ("", "E", ""),
}
# Syllables written without an initial consonant: y-/w- spell a glide, not a consonant.
_PINYIN_Y = {"yi": "i", "yin": "in", "ying": "ing", "yu": "v", "yue": "ve", "yuan": "van",
             "yun": "vn", "you": "iu", "yong": "iong", "yo": "io"}
_PINYIN_W = {"wu": "u", "wen": "un", "weng": "ueng", "wei": "ui"}
_SYLLABIC = {"m": "m-", "n": "n-", "ng": "N-", "hm": "Xm-", "hng": "XN-"}  # syllabic nasals
_PINYIN_RE = re.compile(r"^([a-zêü]+)([0-5])$")


def pinyin_to_espeak(syllable: str) -> str:
    """`chong2` -> `ts.h'ong35` (espeak-ng cmn mnemonics). ValueError when not pinyin."""
    m = _PINYIN_RE.match(syllable.strip().lower().replace("ü", "v").replace("u:", "v"))
    if not m:
        raise ValueError(f"not a pinyin syllable with tone digit: {syllable!r}")
    body, tone = m.group(1), _PINYIN_TONE[m.group(2)]
    if body in _SYLLABIC:
        return "'" + _SYLLABIC[body] + tone
    initial, final = "", body
    if body[0] == "y":
        initial, final = "j", _PINYIN_Y.get(body, "i" + body[1:])
    elif body[0] == "w":
        initial, final = "w", _PINYIN_W.get(body, "u" + body[1:])
    else:
        for name in _PINYIN_INITIALS:
            if body.startswith(name) and len(body) > len(name):
                initial, final = _PINYIN_INITIALS[name], body[len(name):]
                break
    if initial in ("tS;", "tS;h", "S;") and final.startswith("u"):
        final = "v" + final[1:]  # ju, qu, xu, juan ... are written u but said ü
    if final not in _PINYIN_FINALS:
        raise ValueError(f"not a pinyin syllable: {syllable!r}")
    glide, nucleus, coda = _PINYIN_FINALS[final]
    if final == "i" and initial in ("ts.", "ts.h", "s.", "z."):
        nucleus = "i."  # zhi chi shi ri: the retroflex "buzzing" vowel
    elif final == "i" and initial in ("ts", "tsh", "s"):
        nucleus = "i["  # zi ci si: the dental one
    elif final == "e" and m.group(2) in "50":
        nucleus = "@"  # neutral-tone e (的 了 呢 么) is a schwa
    if initial in ("j", "w"):
        glide = ""  # the y/w spelling already is the glide
    if initial == "w" and nucleus.startswith("u") and nucleus not in ("u", "u@"):
        nucleus = nucleus[1:]  # wo wai wei wan: w + o, not w + uo
    return f"{initial}{glide}'{nucleus}{tone}{coda}"


# ---------------------------------------------------------------------------- Cantonese
_JYUTPING_RE = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]+)([1-6])$")


def jyutping_to_espeak(syllable: str) -> str:
    """`jau4` -> `j'au4`, `sik6` -> `s'i6k` (espeak-ng yue mnemonics)."""
    syllable = syllable.strip().lower()
    if syllable[:-1] in ("m", "ng") and syllable[-1:] in "123456":  # syllabic: 唔 m4, 五 ng5
        return f"'{'m-' if syllable[0] == 'm' else 'ng'}{syllable[-1]}"
    m = _JYUTPING_RE.match(syllable)
    if not m:
        raise ValueError(f"not a jyutping syllable with tone digit: {syllable!r}")
    initial, rime, tone = m.group(1) or "", m.group(2), m.group(3)
    initial = "N" if initial == "ng" else initial  # espeak's yue names the velar nasal N
    if not re.search(r"[aeiouy]", rime):
        raise ValueError(f"not a jyutping syllable: {syllable!r}")
    # yue keeps -ng finals whole (ing, ung, oeng) but puts the tone before -m -n -p -t -k.
    if rime[-1] in "mnptk" and not rime.endswith("ng") and len(rime) > 1:
        return f"{initial}'{rime[:-1]}{tone}{rime[-1]}"
    return f"{initial}'{rime}{tone}"


# ------------------------------------------------------------------------------ English
_ARPA_VOWELS = {
    "AA": "A:", "AE": "a", "AH": "V", "AO": "O:", "AW": "aU", "AY": "aI", "EH": "E",
    "ER": "3:", "EY": "eI", "IH": "I", "IY": "i:", "OW": "oU", "OY": "OI", "UH": "U", "UW": "u:",
}
_ARPA_UNSTRESSED = {"AH": "@", "ER": "3"}  # reduced vowels: schwa, r-coloured schwa
_ARPA_CONSONANTS = {
    "B": "b", "CH": "tS", "D": "d", "DH": "D", "F": "f", "G": "g", "HH": "h", "JH": "dZ",
    "K": "k", "L": "l", "M": "m", "N": "n", "NG": "N", "P": "p", "R": "r", "S": "s",
    "SH": "S", "T": "t", "TH": "T", "V": "v", "W": "w", "Y": "j", "Z": "z", "ZH": "Z",
}
_ARPA_STRESS = {"0": "", "1": "'", "2": ","}
_ARPA_RE = re.compile(r"^([A-Z]{1,2})([012])?$")


def arpabet_to_espeak(word: str) -> str:
    """`HH AH0 L OW1` -> `h@l'oU` (espeak-ng en-us mnemonics)."""
    out = []
    for phone in word.split():
        m = _ARPA_RE.match(phone.upper())
        if not m or (m.group(1) not in _ARPA_VOWELS and m.group(1) not in _ARPA_CONSONANTS):
            raise ValueError(f"not an ARPAbet phone: {phone!r} in {word!r}")
        name, stress = m.group(1), m.group(2)
        if name in _ARPA_CONSONANTS:
            out.append(_ARPA_CONSONANTS[name])
        elif stress == "0" and name in _ARPA_UNSTRESSED:
            out.append(_ARPA_UNSTRESSED[name])
        else:
            out.append(_ARPA_STRESS.get(stress or "0", "") + _ARPA_VOWELS[name])
    if not out:
        raise ValueError("empty ARPAbet word")
    return "".join(out)


# ------------------------------------------------------------------------ classification
_ARPA_WORD = re.compile(r"^[A-Z]{1,2}[012]?( [A-Z]{1,2}[012]?)*$")
_TONED = re.compile(r"^[a-zêü:]+[0-6]$")


def brace_kind(content: str, lang: str) -> str:
    """Which alphabet a brace holds: "arpabet", "jyutping" or "pinyin"."""
    content = content.strip()
    if _ARPA_WORD.match(content):
        return "arpabet"
    if _TONED.match(content):
        return "jyutping" if lang == "yue" or content.endswith("6") else "pinyin"
    raise ValueError(f"unrecognised phoneme markup {{{content}}}: expected pinyin like "
                     "{chong2}, jyutping like {jau4} or ARPAbet like {HH AH0 L OW1}")

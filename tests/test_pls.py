"""W3C PLS lexicons as Azure / Polly users have them."""
import textwrap

import pytest

import frontend
from frontend import LexiconError
from frontend.lexicon import load

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" '
        'alphabet="{alphabet}" xml:lang="{lang}">\n')


def pls(tmp_path, body, alphabet="x-pinyin", lang="zh-CN", name="lex.pls"):
    p = tmp_path / name
    p.write_text(HEAD.format(alphabet=alphabet, lang=lang) + textwrap.dedent(body) + "</lexicon>\n",
                 encoding="utf-8")
    return p


def test_pinyin_alias_and_several_graphemes(tmp_path):
    p = pls(tmp_path, """
        <lexeme><grapheme>重庆</grapheme><phoneme>chóng qìng</phoneme></lexeme>
        <lexeme>
          <grapheme>W3C</grapheme><grapheme>w3c</grapheme>
          <alias>World Wide Web Consortium</alias>
        </lexeme>
    """)
    assert frontend.normalize("重庆的w3c", "zh", lexicon=p) == "{chong2}{qing4}的World Wide Web Consortium"


def test_azure_sapi_pinyin(tmp_path):
    p = pls(tmp_path, '<lexeme><grapheme>重庆</grapheme><phoneme>chong 2 qing 4</phoneme></lexeme>\n',
            alphabet="sapi")
    assert frontend.normalize("重庆", "zh", lexicon=p) == "{chong2}{qing4}"


def test_jyutping_and_arpabet_per_phoneme_alphabet(tmp_path):
    p = pls(tmp_path, """
        <lexeme><grapheme>油麻地</grapheme><phoneme alphabet="x-jyutping">jau4 maa4 dei2</phoneme></lexeme>
        <lexeme><grapheme>Nvidia</grapheme><phoneme alphabet="x-arpabet">EH0 N V IH1 D IY0 AH0</phoneme></lexeme>
    """, alphabet="x-jyutping", lang="zh-HK")
    assert frontend.normalize("Nvidia喺油麻地", "yue", lexicon=p) == "{EH0 N V IH1 D IY0 AH0}喺{jau4}{maa4}{dei2}"


def test_ipa_for_english_is_converted(tmp_path):
    p = pls(tmp_path, """
        <lexeme><grapheme>Anthropic</grapheme><phoneme>ˌænˈθɹɑpɪk</phoneme></lexeme>
        <lexeme><grapheme>Hugging Face</grapheme><phoneme>ˈhʌɡɪŋ ˈfeɪs</phoneme></lexeme>
    """, alphabet="ipa", lang="en-US")
    out = frontend.normalize("Anthropic at Hugging Face", "en", lexicon=p)
    assert out == "{AE2 N TH R AA1 P IH0 K} at {HH AH1 G IH0 NG} {F EY1 S}"


@pytest.mark.parametrize("body, alphabet, lang, line, message", [
    ("<lexeme><grapheme>重庆</grapheme><phoneme>chong2</phoneme></lexeme>\n", "x-pinyin", "zh-CN", 3,
     "2 Han character(s) but 1 pinyin syllable"),
    ("<lexeme><grapheme>重庆</grapheme>\n<phoneme>chong2 qinq4</phoneme></lexeme>\n", "x-pinyin", "zh-CN", 4,
     "not a Mandarin pinyin syllable"),
    ("<lexeme><grapheme>Nvidia</grapheme><phoneme>EH0 N V IH1 D IY0 QQ0</phoneme></lexeme>\n", "x-arpabet",
     "en-US", 3, "not one of the 39 ARPAbet phones"),
    ("<lexeme><grapheme>重庆</grapheme><phoneme>ʈʂʰʊŋ</phoneme></lexeme>\n", "ipa", "zh-CN", 3,
     "IPA for Chinese cannot be converted"),
    ("<lexeme><grapheme>Llan</grapheme><phoneme>ɬan</phoneme></lexeme>\n", "ipa", "en-GB", 3,
     "no ARPAbet equivalent"),
    ("<lexeme><grapheme>W3C</grapheme><phoneme>dʌbəljuː</phoneme></lexeme>\n", "x-sampa", "en-US", 3,
     "alphabet 'x-sampa' is not supported"),
    ("<lexeme><grapheme>重庆</grapheme><phoneme>chong2 qing4</phoneme>\n", "x-pinyin", "zh-CN", 4,
     "invalid XML: mismatched tag"),
    ("<lexeme><phoneme>chong2</phoneme></lexeme>\n", "x-pinyin", "zh-CN", 3, "has no <grapheme>"),
    ("<lexeme><grapheme>重庆</grapheme></lexeme>\n", "x-pinyin", "zh-CN", 3, "no <phoneme> or <alias>"),
])
def test_broken_pls_names_file_and_line(tmp_path, body, alphabet, lang, line, message):
    p = pls(tmp_path, body, alphabet=alphabet, lang=lang)
    with pytest.raises(LexiconError) as err:
        load(p)
    assert str(err.value).startswith(f"{p}:{line}:"), str(err.value)
    assert message in str(err.value)


def test_not_a_pls_file(tmp_path):
    p = tmp_path / "x.pls"
    p.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.pls:1: PLS root element must be <lexicon>"):
        load(p)

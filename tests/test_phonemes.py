import pytest

from frontend.phonemes import (PhonemeError, ipa_to_arpabet, parse_arpabet, parse_jyutping, parse_pinyin,
                               parse_sapi_pinyin, PINYIN_SYLLABLES, JYUTPING_SYLLABLES)


@pytest.mark.parametrize("written, canonical", [
    ("chong2 qing4", ["chong2", "qing4"]),
    ("chóng qìng", ["chong2", "qing4"]),
    ("piáo jǐn huì", ["piao2", "jin3", "hui4"]),
    ("hái zi", ["hai2", "zi5"]),          # unmarked syllable among marked ones is neutral
    ("lǜ", ["lv4"]), ("lü4", ["lv4"]), ("lu:4", ["lv4"]), ("LV4", ["lv4"]),
    ("nüè", ["nve4"]), ("lue4", ["lve4"]),
    ("xī'ān", ["xi1", "an1"]), ("Xi1 an1", ["xi1", "an1"]),
    ("ma5", ["ma5"]), ("er2", ["er2"]), ("ng2", ["ng2"]),
])
def test_pinyin_is_normalised_to_tone_numbers(written, canonical):
    assert parse_pinyin(written) == canonical


@pytest.mark.parametrize("bad, reason", [
    ("chong9", "tone must be 1-5"),
    ("zhang", "no tone"),
    ("xyz2", "not a Mandarin pinyin syllable"),
    ("chóng2", "both a tone mark and a tone number"),
    ("lu4e", "not a syllable"),
    ("", "empty"),
])
def test_bad_pinyin_says_why(bad, reason):
    with pytest.raises(PhonemeError, match=reason):
        parse_pinyin(bad)


def test_u_after_j_q_x_is_written_u():
    assert parse_pinyin("ju3 que4 xue2") == ["ju3", "que4", "xue2"]
    with pytest.raises(PhonemeError, match="not a Mandarin"):
        parse_pinyin("jv3")


def test_inventories_are_complete_enough():
    assert len(PINYIN_SYLLABLES) > 400 and {"zhuang", "lve", "nv", "er", "yo"} <= PINYIN_SYLLABLES
    assert len(JYUTPING_SYLLABLES) > 600 and {"jyut", "goeng", "m", "ng", "kwaang"} <= JYUTPING_SYLLABLES
    assert "chong" not in JYUTPING_SYLLABLES and "jau" not in PINYIN_SYLLABLES


def test_sapi_pinyin_has_separate_tone_numbers():
    assert parse_sapi_pinyin("chong 2 qing 4") == ["chong2", "qing4"]
    with pytest.raises(PhonemeError, match="follows no syllable"):
        parse_sapi_pinyin("2 qing 4")


def test_jyutping():
    assert parse_jyutping("jau4 maa4 dei2") == ["jau4", "maa4", "dei2"]
    for bad, reason in [("jau7", "tone must be 1-6"), ("jau", "no tone"), ("chong4", "not a Cantonese"),
                        ("zz1", "not a Cantonese")]:
        with pytest.raises(PhonemeError, match=reason):
            parse_jyutping(bad)


def test_arpabet_words_and_stress():
    assert parse_arpabet("HH AH1 G IH0 NG | F EY1 S") == [("HH", "AH1", "G", "IH0", "NG"), ("F", "EY1", "S")]
    assert parse_arpabet("eh0 n v ih1 d iy0 ah0")[0][0] == "EH0"
    for bad, reason in [("HH AH L OW1", "needs a stress digit"), ("K1 AE1 T", "takes no stress"),
                        ("X AE1", "not one of the 39"), ("HH | ", "empty word"), ("S T", "no vowel"),
                        ("AH3", "stress digit")]:
        with pytest.raises(PhonemeError, match=reason):
            parse_arpabet(bad)


@pytest.mark.parametrize("ipa, arpa", [
    ("/ɛnˈvɪdiə/", [("EH0", "N", "V", "IH1", "D", "IY0", "AH0")]),
    ("ˈhʌɡɪŋ ˈfeɪs", [("HH", "AH1", "G", "IH0", "NG"), ("F", "EY1", "S")]),
    ("ˈbʌtn̩", [("B", "AH1", "T", "AH0", "N")]),
    ("tʃiːz", [("CH", "IY1", "Z")]),
    ("ˌæntˈθrɒpɪk", [("AE2", "N", "T", "TH", "R", "AA1", "P", "IH0", "K")]),
])
def test_ipa_to_arpabet(ipa, arpa):
    assert ipa_to_arpabet(ipa) == arpa


def test_ipa_without_equivalent_is_an_error():
    with pytest.raises(PhonemeError, match="no ARPAbet equivalent"):
        ipa_to_arpabet("ɬaɪ")

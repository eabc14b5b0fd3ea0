"""The embedded espeak-ng voice: ctypes engine, brace markup -> espeak phonemes."""
import subprocess
import sys
import threading

import numpy as np
import pytest

from synth.backends.espeak import EspeakBackend, espeak_segments, strip_control_prefix
from synth.backends.espeak_markup import arpabet_to_espeak, jyutping_to_espeak, pinyin_to_espeak
from frontend.utterance import Utterance


@pytest.fixture(scope="module")
def espeak():
    return EspeakBackend()


def said(espeak, mnemonic, voice):
    """What espeak-ng understood from [[mnemonic]]: equal to the input when every
    mnemonic names a phoneme of that voice (unknown ones come back changed or dropped)."""
    return espeak._engine.phonemes(f"[[{mnemonic}]]", voice).replace(";", "").strip()


def pinyin_syllables():
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert
    out = set()
    for readings in pinyin_dict.pinyin_dict.values():
        for r in readings.split(","):
            out.add(convert(r, Style.TONE3, strict=True, neutral_tone_with_five=True))
    return sorted(s for s in out if s[-1].isdigit())


def test_every_pinyin_syllable_becomes_known_cmn_phonemes(espeak):
    sylls = pinyin_syllables()
    assert len(sylls) > 1200
    bad = [s for s in sylls if said(espeak, pinyin_to_espeak(s), "cmn") != pinyin_to_espeak(s).replace(";", "")]
    assert bad == []


def test_pinyin_matches_espeaks_own_reading_of_han_characters(espeak):
    # 重庆 / 中国 / 绿 / 女 / 学: what espeak-ng says for the characters themselves
    for han, pinyin in [("虫", "chong2"), ("庆", "qing4"), ("中", "zhong1"), ("国", "guo2"),
                        ("绿", "lv4"), ("女", "nv3"), ("学", "xue2"), ("是", "shi4"), ("四", "si4"),
                        ("有", "you3"), ("我", "wo3"), ("院", "yuan4"), ("群", "qun2")]:
        own = espeak._engine.phonemes(han, "cmn").replace("'", "")
        mine = pinyin_to_espeak(pinyin).replace("'", "")
        if han == "群":  # espeak spells qun as tS;hyi35n; ü+n is y@n in its other words (jun, xun)
            continue
        assert own == mine, (han, own, mine)


def test_every_jyutping_syllable_becomes_known_yue_phonemes(espeak):
    import ToJyutping
    sylls = set()
    for cp in range(0x4E00, 0x9FA6, 3):
        for _, jp in ToJyutping.get_jyutping_list(chr(cp)):
            if jp and " " not in jp:
                sylls.add(jp)
    assert len(sylls) > 500
    bad = [s for s in sorted(sylls) if said(espeak, jyutping_to_espeak(s), "yue") != jyutping_to_espeak(s)]
    assert bad == []


def test_every_arpabet_phone_is_a_known_english_phoneme(espeak):
    phones = ["AA1", "AE1", "AH0", "AH1", "AO1", "AW1", "AY1", "EH1", "ER0", "ER1", "EY1", "IH1",
              "IY1", "OW1", "OY1", "UH1", "UW1"] + "B CH D DH F G HH JH K L M N NG P R S SH T TH V W Y Z ZH".split()
    for p in phones:
        word = f"{p} AH0" if p[-1] not in "01" else f"M {p}"
        m = arpabet_to_espeak(word)
        assert said(espeak, m, "en-us") == m.replace(";", ""), (p, m)


def test_arpabet_is_close_to_espeaks_english():
    assert arpabet_to_espeak("HH AH0 L OW1") == "h@l'oU"
    assert arpabet_to_espeak("EH0 N V IH1 D IY0 AH0") == "Env'Idi:@"
    with pytest.raises(ValueError):
        arpabet_to_espeak("QQ1")


def test_override_changes_what_is_said(espeak):
    plain = espeak.phonemes("银行", "zh")
    overridden = espeak.phonemes("银{xing2}", "zh")
    assert plain != overridden and "S;" in overridden
    (_, a, final_a), (_, b, final_b) = espeak.synthesize([Utterance("银行", "zh", 0, (0, 2)),
                                                          Utterance("银{xing2}", "zh", 0, (0, 2))], None)
    assert final_a and final_b  # espeak makes whole utterances: one final piece each
    assert len(a) != len(b) or not np.allclose(a[: len(b)], b[: len(a)])


def test_english_override_inside_mandarin_uses_the_english_voice():
    runs = espeak_segments("我们用{EH0 N V IH1 D IY0 AH0}的显卡", "zh")
    assert runs == [("cmn", "我们用"), ("en-us", "[[Env'Idi:@]]"), ("cmn", "的显卡")]
    assert espeak_segments("{jau4}好", "yue") == [("yue", "[[j'au4]] 好")]


def test_control_prefix_is_not_read_aloud(espeak):
    assert strip_control_prefix("(粤语)你好") == "你好"
    assert strip_control_prefix("（四川话）你好") == "你好"
    first = Utterance("(粤语)你好", "yue", 0, (0, 6))
    with_prefix = espeak.utterance_audio(first, starts_document=True)
    without = espeak.utterance_audio(Utterance("你好", "yue", 0, (0, 2)))
    read_aloud = espeak.utterance_audio(first)  # not the document's start: read
    in_a_document = [len(w) for _, w, _ in espeak.synthesize([first, first], None)]
    assert 1.5 * in_a_document[0] < in_a_document[1]  # only the document's start is a prefix
    # espeak-ng's voicing carries a little state between calls, so compare durations
    assert abs(len(with_prefix) - len(without)) < 0.05 * len(without)
    assert len(read_aloud) > 1.5 * len(without)


def test_synthesis_is_safe_across_threads(espeak):
    utts = [Utterance(t, "zh", 0, (0, 1)) for t in ["你好", "世界和平", "一二三四五"]]
    serial = [espeak.utterance_audio(u) for u in utts]
    results = {}

    def work(i):
        results[i] = espeak.utterance_audio(utts[i % 3])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    for i in range(6):  # each thread got its own utterance, whole (not bit-equal: see above)
        assert abs(len(results[i]) - len(serial[i % 3])) < 0.05 * len(serial[i % 3])
        assert np.abs(results[i]).max() > 0.05


def test_espeak_prints_nothing_on_stdout():
    code = ("from synth.backends.espeak import EspeakBackend; from frontend.utterance import Utterance;"
            "b = EspeakBackend(); list(b.synthesize([Utterance('你好 hello', 'zh', 0, (0, 1))], None));"
            "b.phonemes('hello', 'en')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""

"""More pronunciation cases found by probing unseen-style inputs (polyphones, Cantonese, lexicons)."""
import pytest

import frontend
from frontend.polyphone import annotate


@pytest.mark.parametrize("text, expected", [
    # 种 zhong4 "to plant" before a place or result complement
    ("种子种在地里", "种子{zhong4}在地里"),
    ("他种下了希望", "他{zhong4}下了希望"),
    ("这种在别处没有", "这种在别处没有"),
    # 冲 chong4 "facing / blunt"
    ("冲着他笑", "{chong4}着他笑"),
    ("他冲我喊", "他{chong4}我喊"),
    ("他说话很冲。", "他说话很{chong4}。"),
    ("冲锋", "冲锋"),
    # 卡 qia3 "stuck"; a card stays ka3
    ("卡车被卡住了", "卡车被{qia3}住了"),
    ("鱼刺卡在喉咙里", "鱼刺{qia3}在喉咙里"),
    ("信用卡在钱包里", "信用卡在钱包里"),
    ("饭卡在桌上", "饭卡在桌上"),
])
def test_polyphone_context(text, expected):
    assert annotate(text) == expected


@pytest.mark.parametrize("text, lang, lexicon, expected", [
    # a lexicon word directly before -digits is a name with a hyphen (GPT-4), never a minus sign
    ("Use GPT-4 now", "en", {"GPT": "JH IY1 P IY1 T IY1"}, "Use {JH IY1 P IY1 T IY1} four now"),
    ("Use GPT-4 now", "en", {"GPT": "=G P T"}, "Use G P T four now"),
    ("用GPT-4写", "zh", {"GPT": "JH IY1 P IY1 T IY1"}, "用{JH IY1 P IY1 T IY1}四写"),
    # after a Han override the dash is still a sign
    ("气温[零下](ling2 xia4)-5度", "zh", None, "气温{ling2}{xia4}负五度"),
])
def test_hyphen_after_override(text, lang, lexicon, expected):
    assert frontend.normalize(text, lang, lexicon=lexicon) == expected


def test_lexicon_respelling_is_inserted_verbatim():
    # "=..." is inserted as written: a polyphone inside it (长 chang2) gets no brace
    assert frontend.normalize("我爱长沙", "zh", lexicon={"长沙": "=长沙市"}) == "我爱长沙市"
    assert frontend.normalize("AI改变世界", "zh", lexicon={"AI": "=人工智能"}) == "人工智能改变世界"

"""Second probe round on pronunciation: surnames and names, Cantonese money, lexicon matching."""
import pytest

import frontend
from frontend.polyphone import annotate


@pytest.mark.parametrize("text, expected", [
    # surname readings (查 zha1, 解 xie4, 盖 ge3, 尉迟 yu4 chi2, 万俟 mo4 qi2) in names and after 姓
    ("查良镛就是金庸", "{zha1}良镛就是金庸"),
    ("解缙是才子", "{xie4}缙是才子"),
    ("盖叫天是京剧大师", "{ge3}叫天是京剧大师"),
    ("尉迟恭", "{yu4}迟恭"),
    ("万俟卨", "{mo4}俟卨"),
    ("区家麟是主持人", "{ou1}家麟是主持人"),
    ("他姓查", "他姓{zha1}"),
    ("姓解的人", "姓{xie4}的人"),
    ("姓盖的人", "姓{ge3}的人"),
    # the ordinary readings stay plain, including words pypinyin's phrase table gets wrong
    ("这道题有两种解法", "这道题有两种解法"),
    ("你查查看", "你查查看"),
    ("检查一下", "检查一下"),
    ("盖房子", "盖房子"),
    ("上尉和中尉", "上尉和中尉"),
    ("一万元", "一万元"),
    ("理解并解决问题", "理解并解决问题"),
    ("押解犯人", "押{jie4}犯人"),
])
def test_surnames_and_names(text, expected):
    assert annotate(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a currency word written after a $ amount is not read a second time
    ("$100蚊", "一百蚊"),
    ("呢本書$100元", "呢本書一百蚊"),
    ("$5.5蚊一個", "五蚊半一個"),
    ("$100-200蚊", "一百蚊至兩百蚊"),
    ("$2萬蚊", "兩萬蚊"),
    ("有100蚊", "有一百蚊"),
])
def test_yue_money_currency_word_once(text, expected):
    assert frontend.normalize(text, "yue") == expected


@pytest.mark.parametrize("text, expected", [
    # 还 huan2 "give back" also with 了 before the object; 还了得 / 还了解 keep hai2
    ("他还了钱", "他{huan2}了钱"),
    ("还了他的钱", "{huan2}了他的钱"),
    ("这还了得", "这还了得"),
    ("他还了解情况", "他还了解情况"),
    # 中 zhong4 "hit" by a shot or an arrow
    ("他中了一枪", "他{zhong4}了一枪"),
    ("其中一枪打偏了", "其中一枪打偏了"),
    # a count of lines at the end of a clause: 行 hang2; 我们一行 is a travelling group
    ("他读了三行", "他读了三{hang2}"),
    ("还剩几行。", "还剩几{hang2}。"),
    ("我们一行", "我们一行"),
    ("这三行人", "这三行人"),
])
def test_polyphone_in_context(text, expected):
    assert annotate(text) == expected


@pytest.mark.parametrize("text", ["【粤语】你好", "[粤语]你好", "［粵語］聽日見", "(粤语)你好", "（粵語）你好"])
def test_bracketed_control_prefix_selects_cantonese(text):
    assert frontend.detect_language(text) == "yue"


def test_inline_markup_is_not_a_control_prefix():
    assert frontend.detect_language("[粤语](yue4 yu3)是一种方言") == "zh"


@pytest.mark.parametrize("text, lang, lexicon, expected", [
    # a Han key matches the same word written in the other script
    ("我喺銅鑼灣", "yue", {"铜锣湾": "tung4 lo4 waan1"}, "我喺{tung4}{lo4}{waan1}"),
    ("我喺铜锣湾", "yue", {"銅鑼灣": "tung4 lo4 waan1"}, "我喺{tung4}{lo4}{waan1}"),
    ("我在重慶", "zh", {"重庆": "chong2 qing4"}, "我在{chong2}{qing4}"),
    # ... and still obeys the segmentation rule (行長 does not fire in 银行|長期)
    ("我在银行長期工作", "zh", {"行长": "hang2 zhang3"}, "我在银{hang2}長期工作"),
    # an explicit key in the other script wins over the converted one
    ("我喺銅鑼灣", "yue", {"铜锣湾": "tung4 lo4 waan1", "銅鑼灣": "tung4 lo4 waan4"}, "我喺{tung4}{lo4}{waan4}"),
])
def test_lexicon_key_matches_either_script(text, lang, lexicon, expected):
    assert frontend.normalize(text, lang, lexicon=lexicon) == expected


@pytest.mark.parametrize("text, expected", [
    ("佢有2仔1女", "佢有兩仔一女"),  # 仔 (son) is counted: 兩
    ("中2女生", "中二女生"),  # Form 2 is a label
])
def test_yue_counted_sons(text, expected):
    assert frontend.normalize(text, "yue") == expected


@pytest.mark.parametrize("text, expected", [
    # 中 zhong4 "fit, suit" in 中肯 / 中意 / 中用
    ("他的话很中肯", "他的话很{zhong4}肯"),
    ("我很中意这个", "我很{zhong4}意这个"),
    ("真不中用", "真不{zhong4}用"),
    ("中央", "中央"),
])
def test_zhong4_words(text, expected):
    assert annotate(text) == expected

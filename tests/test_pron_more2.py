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

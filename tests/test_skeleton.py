import frontend


def test_process_keeps_paragraphs_apart():
    utts = frontend.process("第一段\n第二段")
    assert [u.text for u in utts] == ["第一段", "第二段"]
    assert utts[0].span == (0, 3)


def test_process_is_lazy_list():
    utts = frontend.process("一\n二\n三")
    assert utts[0].text == "一"
    assert len(utts) == 3


def test_spans_point_at_the_words_not_the_gaps():
    text = "The first sentence is here. The second one follows it."
    utts = frontend.process(text, "en")
    assert len(utts) == 2
    assert [text[a:b] for a, b in (u.span for u in utts)] == [
        "The first sentence is here.", "The second one follows it."]

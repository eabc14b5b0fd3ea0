"""frontend.process is lazy: the first utterance of a 1 MB document needs only its start."""
from __future__ import annotations

import pytest

import frontend
from frontend import tn

PARAGRAPH = ("2024年3月5日，全校共有1234名学生参加了第3届运动会，男女比例为3:2，气温10~20℃。"
             "Visit https://example.com now! 售价¥88元，增长5.2%。")


@pytest.fixture
def normalised_upto(monkeypatch):
    """Record how far into the source the number stage has been run."""
    seen = [0]
    real = tn.apply

    def spy(pieces, ctx):
        seen[0] = max([seen[0]] + [p.end for p in pieces])
        return real(pieces, ctx)

    monkeypatch.setattr(tn, "apply", spy)
    return seen


def test_first_utterance_of_1mb_multi_paragraph_document(normalised_upto):
    doc = (PARAGRAPH + "\n") * (1_000_000 // (len(PARAGRAPH) + 1))
    assert len(doc) > 900_000
    utts = frontend.process(doc)
    first = utts[0]
    assert first.text.startswith("二零二四年三月五日")
    assert normalised_upto[0] < 10_000, "the whole document was normalised before the first utterance"


def test_first_utterance_of_1mb_single_line(normalised_upto):
    doc = PARAGRAPH * (1_000_000 // len(PARAGRAPH))
    utts = frontend.process(doc)
    assert utts[0].text.startswith("二零二四年三月五日")
    assert normalised_upto[0] < 10_000


def test_long_single_line_loses_nothing_when_handed_on_in_pieces():
    doc = "这是第1句话。" * 2000  # 14 000 characters on one line
    out = frontend.normalize(doc, "zh")
    assert out.count("这是第一句话") == 2000
    utts = list(frontend.process(doc, "zh"))
    assert utts[0].span[0] == 0 and utts[-1].span[1] == len(doc)
    assert all(a.span[1] <= b.span[0] for a, b in zip(utts, utts[1:]))

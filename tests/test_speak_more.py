"""speak()/stream() and the espeak backend on things a user notices."""
import frontend
from synth.backends import espeak


def spoken_by_espeak(text, monkeypatch):
    """The texts the espeak preview backend hands to libespeak-ng for `text`."""
    seen = []
    backend = espeak.EspeakBackend()
    monkeypatch.setattr(backend._engine, "synth", lambda t, voice: (seen.append((voice, t)), __import__(
        "numpy").zeros(100, "float32"))[1])
    list(backend.synthesize(frontend.process(text), 0))
    return seen


def test_dialect_prefix_at_the_document_start_is_silent(monkeypatch):
    seen = spoken_by_espeak("(粤语)我哋去饮茶。\n\n我哋走啦。", monkeypatch)
    assert len(seen) == 2 and all("粤语" not in t for _, t in seen), seen
    assert all(voice == "yue" for voice, _ in seen)


def test_bracketed_words_that_are_not_a_dialect_are_read(monkeypatch):
    for text, word in [("（一）总则。", "一"), ("(注意)这里很滑。", "注意")]:
        seen = spoken_by_espeak(text, monkeypatch)
        assert any(word in t for _, t in seen), (text, seen)

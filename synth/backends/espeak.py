"""The embedded preview voice: espeak-ng from the espeakng-loader wheel, driven by ctypes.

No system package is needed: the wheel ships libespeak-ng and its data directory. Brace
markup is turned into espeak-ng phoneme input (`[[...]]`, see espeak_markup) so lexicon
and polyphone overrides stay audible; an English ARPAbet brace inside a Mandarin sentence
is spoken with the English voice.
"""
from __future__ import annotations

import ctypes
import re
import sys
import threading
from collections.abc import Iterable, Iterator

import numpy as np

from .base import Backend, BackendError
from .espeak_markup import arpabet_to_espeak, brace_kind, jyutping_to_espeak, pinyin_to_espeak

VOICES = {"zh": "cmn", "en": "en-us", "yue": "yue"}  # utterance lang -> espeak-ng voice
_CONVERT = {"pinyin": ("cmn", pinyin_to_espeak), "jyutping": ("yue", jyutping_to_espeak),
            "arpabet": ("en-us", arpabet_to_espeak)}

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_PHONEMES = 0x100  # read [[...]] as phoneme mnemonics
_BRACE = re.compile(r"\{([^{}]*)\}")
_CONTROL_PREFIX = re.compile(r"^\s*[(（][\u3400-\u9fff]{1,8}[)）]")

_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                                  ctypes.c_void_p)


class _Engine:
    """libespeak-ng keeps global state, so one engine per process behind one lock."""

    _instance = None
    _create_lock = threading.Lock()

    def __init__(self):
        try:
            import espeakng_loader
            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (ImportError, OSError, RuntimeError) as e:
            raise BackendError(f"espeak-ng is not available ({e}); pip install espeakng-loader") from e
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        self.sample_rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(),
                                                 _INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise BackendError(f"espeak-ng failed to initialise with data at {data}")
        self._lib = lib
        self._chunks: list[np.ndarray] = []
        self._raised: BaseException | None = None  # what the callback caught (e.g. Ctrl-C)
        self._in_synth = False
        self._previous_hook = sys.unraisablehook
        sys.unraisablehook = self._unraisable
        self._callback = _SynthCallback(self._collect)  # kept referenced: C holds the pointer
        lib.espeak_SetSynthCallback(self._callback)
        self.lock = threading.Lock()
        # The phoneme-input switch is global state set by espeak_Synth's flags and also
        # governs espeak_TextToPhonemes; set it once so both read [[...]] the same way.
        self.synth("", "en-us")

    @classmethod
    def get(cls) -> "_Engine":
        with cls._create_lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _collect(self, wav, n, events) -> int:
        # ctypes prints and swallows an exception raised in a callback, so a Ctrl-C that lands
        # here would be lost: keep it, stop espeak (return 1) and re-raise it in synth().
        try:
            if wav and n > 0:
                self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
            return 0  # 0: go on synthesising
        except BaseException as e:
            self._raised = e
            return 1

    def _unraisable(self, info) -> None:
        """A Ctrl-C landing on the callback's first line, before its try, reaches ctypes'
        unraisable hook: keep it for synth() instead of printing a traceback and going on."""
        if self._in_synth and isinstance(info.exc_value, KeyboardInterrupt):
            self._raised = self._raised or info.exc_value
        else:
            self._previous_hook(info)

    def _voice(self, voice: str) -> None:
        if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise BackendError(f"espeak-ng has no voice {voice!r}")

    def synth(self, text: str, voice: str) -> np.ndarray:
        """float32 samples in [-1, 1] at self.sample_rate; [[...]] is phoneme input."""
        data = text.encode("utf-8") + b"\0"
        with self.lock:
            self._voice(voice)
            self._chunks, self._raised, self._in_synth = [], None, True
            try:
                err = self._lib.espeak_Synth(data, len(data), 0, 0, 0, _CHARS_UTF8 | _PHONEMES, None, None)
                self._lib.espeak_Synchronize()
            finally:
                self._in_synth = False
            chunks, self._chunks = self._chunks, []
            raised, self._raised = self._raised, None
        if raised is not None:
            raise raised
        if err != 0:
            raise BackendError(f"espeak-ng could not synthesise {text[:40]!r} (error {err})")
        if not chunks:
            return np.zeros(0, np.float32)
        return np.concatenate(chunks).astype(np.float32) / 32768.0

    def phonemes(self, text: str, voice: str) -> str:
        """espeak-ng's phoneme mnemonics for `text` (one `_|`-free word list)."""
        buf = ctypes.create_string_buffer(text.encode("utf-8"))
        ptr = ctypes.c_void_p(ctypes.addressof(buf))
        words = []
        with self.lock:
            self._voice(voice)
            while ptr.value:
                out = self._lib.espeak_TextToPhonemes(ctypes.byref(ptr), _CHARS_UTF8, 0)
                if out:
                    words.append(out.decode("utf-8", "replace"))
        return " ".join(w.replace("_|", " ").strip() for w in words if w.strip())


def strip_control_prefix(text: str) -> str:
    """Drop a leading dialect/mode prefix such as (粤语) or (四川话): voxcpm hears it,
    espeak would read it aloud."""
    try:
        from frontend.langid import control_prefix
    except ImportError:  # no frontend: any short bracketed Han word at the start
        return _CONTROL_PREFIX.sub("", text, count=1)
    # Only a known dialect/mode name: '（一）总则' or '(注意)…' are words to read.
    prefix = control_prefix(text)
    return text[prefix.end:] if prefix is not None else text


def espeak_segments(text: str, lang: str) -> list[tuple[str, str]]:
    """Split an utterance into (voice, espeak input) runs; braces become [[phonemes]].

    Runs that share a voice are merged so a Mandarin sentence with a pinyin override is
    one espeak call (natural prosody); an ARPAbet word inside Chinese gets its own run
    with the English voice, because phoneme mnemonics belong to one voice's table.
    """
    base = VOICES.get(lang, "cmn")
    runs: list[tuple[str, str]] = []

    def add(voice: str, piece: str) -> None:
        if runs and runs[-1][0] == voice:
            runs[-1] = (voice, runs[-1][1] + piece)
        else:
            runs.append((voice, piece))

    pos = 0
    for m in _BRACE.finditer(text):
        plain = text[pos:m.start()]
        if plain.strip():
            add(base, plain.replace("[[", "[ [").replace("]]", "] ]"))
        voice, convert = _CONVERT[brace_kind(m.group(1), lang)]
        add(voice, f" [[{convert(m.group(1))}]] ")
        pos = m.end()
    tail = text[pos:]
    if tail.strip():
        add(base, tail.replace("[[", "[ [").replace("]]", "] ]"))
    return [(v, t.strip()) for v, t in runs if t.strip()]


class EspeakBackend(Backend):
    """The preview voice. Deterministic, so seeds are ignored; no voice cloning."""

    name = "espeak"
    preview = True
    segment_gap_ms = 40  # between a Mandarin run and an English override word

    def __init__(self):
        self._engine = _Engine.get()
        self.sample_rate = self._engine.sample_rate

    def segments(self, text: str, lang: str) -> list[tuple[str, str]]:
        return espeak_segments(text, lang)

    def synthesize(self, utterances: Iterable, seed: int | None = None) -> Iterator[tuple[int, np.ndarray, bool]]:
        """One utterance at a time, in order, each as one final piece (seeds do not apply:
        espeak is deterministic)."""
        for i, utt in enumerate(utterances):
            yield i, self.utterance_audio(utt, starts_document=i == 0), True

    def utterance_audio(self, utt, *, starts_document: bool = False) -> np.ndarray:
        from ..assemble import trim_silence
        # A control prefix counts only at the very start of the document (docs/cantonese.md)
        text = strip_control_prefix(utt.text) if starts_document else utt.text
        try:
            runs = self.segments(text, utt.lang)
        except ValueError as e:
            raise BackendError(f"espeak: {e} (utterance {utt.text[:60]!r})") from e
        pieces = [self._engine.synth(t, voice) for voice, t in runs]
        if len(pieces) > 1:  # trim espeak's own clause pauses between runs
            gap = np.zeros(int(self.sample_rate * self.segment_gap_ms / 1000), np.float32)
            parts = []
            for k, p in enumerate(pieces):
                parts += ([gap] if k else []) + [trim_silence(p, self.sample_rate)]
            pieces = parts
        return np.concatenate(pieces) if pieces else np.zeros(0, np.float32)

    def phonemes(self, text: str, lang: str = "zh") -> str:
        """What espeak-ng will say for an utterance text, as phoneme mnemonics."""
        return " | ".join(self._engine.phonemes(t, voice) for voice, t in self.segments(text, lang))

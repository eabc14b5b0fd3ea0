"""speak() and stream(): text -> frontend utterances -> backend (batched) -> one recording.

    >>> import synth
    >>> audio = synth.speak("你好，世界！", "hello.wav")          # Audio(samples, sample_rate)
    >>> for chunk in synth.stream(long_text): play(chunk)         # as soon as each exists

Both run the same code: utterances are pulled lazily from `frontend.process` by the backend
(voxcpm: continuous batching, up to batch_size live, the first utterance alone until it
ends), which hands out audio in pieces as it is made (voxcpm: every 80 ms patch of every
live utterance; espeak: whole utterances).  The pieces of the utterance being played go on
at once; those of later utterances wait until every utterance before theirs has ended.
`assemble.Joiner` joins them causally (trim, running loudness, pauses, cross-fades; it
holds back only the last fade and silence that may be trailing), so the first chunk of a
VoxCPM read comes one model step after the prefill.  speak() is the concatenation of
stream()'s chunks, so the two are sample-identical.
"""
from __future__ import annotations

import random
import sys
from collections.abc import Iterator

import numpy as np

from .assemble import TARGET_LUFS, Joiner
from .audio import Audio, format_for
from .backends.base import Backend, BackendError

PREVIEW_NOTICE = ("voxread: speaking with the espeak-ng preview voice; for natural speech get the "
                  "VoxCPM checkpoint (huggingface-cli download openbmb/VoxCPM-0.5B) and pass "
                  "--model DIR or set VOXREAD_MODEL")
_notice_shown = False


class NothingToSay(ValueError):
    """The text is not empty but normalises to no speakable utterance."""


def _check_text(text) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("the text is empty")


def _show_preview_notice() -> None:
    global _notice_shown
    if not _notice_shown:
        print(PREVIEW_NOTICE, file=sys.stderr)
        _notice_shown = True


def choose_backend(backend=None, model=None, voice=None, *, batch_size=None, **gen) -> Backend:
    """The backend to use: explicit > model given > checkpoint configured or cached > espeak."""
    from .backends.voxcpm import VoxCPMBackend, find_local_checkpoint

    if isinstance(backend, Backend):
        return backend
    if backend not in (None, "voxcpm", "espeak"):
        raise ValueError(f"unknown backend {backend!r}: expected 'voxcpm' or 'espeak'")
    if backend == "espeak":
        if voice is not None:
            raise ValueError("the espeak preview voice cannot clone a voice; "
                             "use the voxcpm backend (a model checkpoint) for prompt/voice")
        if gen.get("precision") is not None:
            raise ValueError("precision applies to the VoxCPM model, not the espeak preview voice")
        from .backends.espeak import EspeakBackend
        return EspeakBackend()
    if model is None:
        model = find_local_checkpoint()
        if model is None and backend == "voxcpm":
            raise ValueError("no VoxCPM checkpoint: pass model= (--model DIR_OR_ID) or set "
                             "VOXREAD_MODEL; get one with: huggingface-cli download openbmb/VoxCPM-0.5B")
    if model is not None:
        options = {"max_batch": batch_size} if batch_size else {}
        return VoxCPMBackend(model, voice, **options, **gen)
    if voice is not None:
        raise ValueError("voice cloning needs a VoxCPM checkpoint: pass model= (--model) or set "
                         "VOXREAD_MODEL; the espeak preview voice cannot clone")
    if gen.get("precision") is not None:
        raise ValueError("precision needs a VoxCPM checkpoint: pass model= (--model) or set "
                         "VOXREAD_MODEL; the espeak preview voice has none")
    from .backends.espeak import EspeakBackend
    _show_preview_notice()
    return EspeakBackend()


class AudioStream:
    """Iterator of float32 chunks at `.sample_rate`; each chunk is final when yielded."""

    def __init__(self, utterances, engine: Backend, *, seed, sample_rate, target_lufs, progress):
        self.engine = engine
        self.sample_rate = int(sample_rate or engine.sample_rate)
        self._utts = utterances
        self._seed = seed
        self._target_lufs = target_lufs
        self._progress = progress
        self.timings: list = []  # (utterance, start_s, end_s), filled as chunks are made
        self._it = self._chunks()

    def __iter__(self) -> Iterator[np.ndarray]:
        return self

    def __next__(self) -> np.ndarray:
        return next(self._it)

    def _in_order(self):
        """(utterance, samples, final) in document order, from the backend's pieces
        (index, samples, final), which come in the order they are made: pieces of the
        utterance being played pass straight through; those of later utterances (running
        in the same batch) wait here until every utterance before theirs has ended."""
        pulled, waiting, n = [], {}, 0  # n: the utterance being played
        ended = set()  # utterances whose final piece has come

        def utterances():  # lazily, keeping each for its pause and timings
            for utt in self._utts:
                pulled.append(utt)
                yield utt

        # One seed policy: every utterance of the document uses the same seed, so the voice
        # and style of sentence 50 match sentence 1 (batched or not).
        for piece in self.engine.synthesize(utterances(), self._seed):
            if not isinstance(piece, tuple) or len(piece) != 3:
                raise BackendError(f"{self.engine.name}: synthesize() must yield (index, samples, "
                                   f"final) tuples, got {type(piece).__name__} {str(piece)[:40]}")
            k, samples, final = piece
            if not n <= k < len(pulled) or k in ended:
                raise BackendError(f"{self.engine.name}: audio for utterance {k + 1} came after "
                                   "its end or before it was asked for")
            if final:
                ended.add(k)
            if k != n:
                waiting.setdefault(k, []).append((samples, final))
                continue
            yield pulled[n], samples, final
            while n in ended:  # the next utterance's buffered pieces, then on if it ended too
                ended.discard(n)
                n += 1
                for piece in waiting.pop(n, []):
                    yield (pulled[n], *piece)
        if n < len(pulled):
            raise BackendError(f"{self.engine.name}: no audio came back for utterance {n + 1} "
                               f"({pulled[n].text[:60]!r})")

    def _chunks(self) -> Iterator[np.ndarray]:
        joiner = Joiner(self.engine.sample_rate, target_lufs=self._target_lufs)
        resampler = None
        if self.sample_rate != self.engine.sample_rate:
            import soxr
            resampler = soxr.ResampleStream(self.engine.sample_rate, self.sample_rate, 1, dtype="float32")
        total = len(self._utts) if self._progress else None
        for utt, samples, final in self._in_order():
            chunk = joiner.add(samples, utt.pause_after_ms, final=final)
            if final:
                start, end = joiner.spans[-1]
                self.timings.append((utt, start / joiner.sr, end / joiner.sr))
            if resampler is not None:
                chunk = resampler.resample_chunk(chunk, last=False)
            if len(chunk):
                yield chunk.astype(np.float32, copy=False)
            if self._progress and final:
                self._progress(len(self.timings), total)
        chunk = joiner.finish()
        if resampler is not None:
            chunk = resampler.resample_chunk(chunk, last=True)
        if len(chunk):
            yield chunk.astype(np.float32, copy=False)


def stream(text, *, lexicon=None, lang=None, model=None, voice=None, backend=None, seed=None,
           sample_rate=None, batch_size=None, target_lufs=TARGET_LUFS, progress=None, **gen) -> AudioStream:
    """Chunks of the read as soon as they exist; same options as speak().

    With VoxCPM a chunk is handed out for every patch (80 ms) of the utterance being played,
    the first one step after the prefill (docs/speak.md has the measured latency); with the
    espeak preview voice, one chunk per utterance.  Loudness is levelled causally: a running
    BS.1770 measurement of what has been heard drives a gain ramped from chunk to chunk.
    retry_badcase cannot take back streamed audio: an utterance is stopped at the bad-case
    length instead, with a RuntimeWarning naming it.  `.timings` fills as utterances end.

    Raises at once (not on the first next()) for empty text, text that normalises to
    nothing, bad lexicons and unusable backends.
    """
    import frontend

    _check_text(text)
    utterances = frontend.process(text, lang, lexicon=lexicon)
    try:
        utterances[0]  # normalise the start now: lexicon errors and empty results surface here
    except IndexError:
        raise NothingToSay("the text normalises to nothing to say "
                           f"(it has no speakable words: {text.strip()[:60]!r})") from None
    engine = choose_backend(backend, model, voice, batch_size=batch_size, **gen)
    if seed is None:
        seed = random.randrange(2**31)  # drawn once: the whole document shares it
    return AudioStream(utterances, engine, seed=seed, sample_rate=sample_rate,
                       target_lufs=target_lufs, progress=progress)


def speak(text, out=None, *, lexicon=None, lang=None, model=None, voice=None, **gen) -> Audio:
    """Read `text` aloud: Audio(samples, sample_rate), also written to `out` when given.

    out: a .wav/.flac/.ogg path (format from the suffix) or "-" (raw 16-bit PCM on stdout).
    lexicon: None, a path, a list of paths or a dict {word: pronunciation}.
    model: a loaded model, a checkpoint directory or hub id (default: $VOXREAD_MODEL, then a
        checkpoint in the local Hugging Face cache, else the espeak-ng preview voice).
    voice: a Voice, a saved voice file, or (prompt_wav, prompt_text) for voice cloning.
    gen: backend="voxcpm"|"espeak", seed, sample_rate, batch_size (utterances generated
        together, default 8), first_batch (how many run until the first ends, default 1),
        target_lufs, progress, precision ("float32" | "bfloat16" | "int8": how a checkpoint
        given by path or id is loaded; default bfloat16 on CUDA, float32 on the CPU; int8 is
        CPU-only, the fastest there, see docs/performance.md for its deviation), and model
        options (cfg_value, inference_timesteps, min_len,
        max_len, retry_badcase: stops a bad case at the bad-case length with a warning,
        since the read is streamed).
    The result is the concatenation of stream()'s chunks (same levelling, same samples).
    """
    if out is not None and str(out) != "-":
        format_for(out)  # a bad suffix fails before minutes of synthesis, not after
    chunks = stream(text, lexicon=lexicon, lang=lang, model=model, voice=voice, **gen)
    parts = list(chunks)
    audio = Audio(np.concatenate(parts) if parts else np.zeros(0, np.float32), chunks.sample_rate,
                  timings=chunks.timings)
    if out is not None:
        audio.save(out)
    return audio

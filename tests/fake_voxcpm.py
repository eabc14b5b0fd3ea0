"""TEST DOUBLE of the synth.voxcpm model protocol (load_model / build_voice / generate_many /
generate / generate_batch / generate_stream). Not a model: it makes deterministic
speech-like tones from (text, seed, voice) so speak()'s batching, ordering, seeding, voice
reuse and assembly can be tested quickly. The real tiny-checkpoint tests live beside it.

generate_many imitates continuous batching: a text takes len(text) steps; up to max_batch
are live (first_batch while the first is live); texts are pulled only when admitted; the ones
that end in a step come out together, so short texts overtake long ones.  With stream=True
every live text gives one piece per step (its wave cut into len(text) pieces, the "patches"),
as (index, samples, final)."""
from __future__ import annotations

import hashlib
import os

import numpy as np


class FakeVoice:
    def __init__(self, key: str):
        self.key = key

    def save(self, path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.key)

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as fh:
            return cls(fh.read())


Voice = FakeVoice  # the protocol's class name, found by the backend next to the model


class FakeTextError(ValueError):
    """Like synth.voxcpm.model.TextError: names the text's index."""

    def __init__(self, index, text):
        super().__init__(f"text {index} ({text!r}): the fake refuses it")
        self.index, self.text, self.reason = index, text, "the fake refuses it"


class FakeModel:
    sample_rate = 16000

    def __init__(self, gains_db=None, refuse=(), pad_s=0.3):
        self.calls = []  # ("generate"|"generate_batch"|"generate_many", texts, seeds)
        self.voices_built = 0
        self.gains_db = gains_db or {}  # text -> level in dB, to test loudness levelling
        self.refuse = set(refuse)  # texts that raise FakeTextError when admitted
        self.live_sizes = []  # generate_many: live texts at every step
        self.order = []  # generate_many: text indices in the order they ended
        self.steps = 0  # generate_many: steps run so far
        self.pad_s = pad_s  # silence before and after the speech of every wave

    def build_voice(self, prompt_wav, prompt_text):
        self.voices_built += 1
        name = os.path.basename(prompt_wav) if isinstance(prompt_wav, str) else "array"
        return FakeVoice(f"{name}|{prompt_text}")

    def _wave(self, text, seed, voice):
        digest = hashlib.sha256(f"{text}|{seed}|{voice.key if voice else ''}".encode()).digest()
        rng = np.random.default_rng(int.from_bytes(digest[:8], "little"))
        sr, n_speech = self.sample_rate, int(self.sample_rate * 0.12 * max(1, len(text)))
        t = np.arange(n_speech) / sr
        f0 = 110 + 80 * rng.random()
        speech = sum(np.sin(2 * np.pi * f0 * k * t + rng.random() * 6) / k for k in range(1, 6))
        speech *= 0.5 + 0.5 * np.sin(2 * np.pi * 3 * t) ** 2  # syllable-like envelope
        speech *= 10 ** (self.gains_db.get(text, -12) / 20) / np.abs(speech).max()
        pad = np.zeros(int(sr * self.pad_s))  # leading/trailing silence the assembler must trim
        return np.concatenate([pad, speech, pad]).astype(np.float32)

    def generate(self, text, voice=None, prompt_wav=None, prompt_text=None, seed=None, **gen):
        self.calls.append(("generate", [text], [seed]))
        self.gen = gen
        return self._wave(text, seed, voice)

    def generate_batch(self, texts, voice=None, seeds=None, **gen):
        seeds = seeds or [None] * len(texts)
        self.calls.append(("generate_batch", list(texts), list(seeds)))
        self.gen = gen
        return [self._wave(t, s, voice) for t, s in zip(texts, seeds)]

    def generate_many(self, texts, voice=None, seeds=None, max_batch=8, first_batch=1, stream=False,
                      **gen):
        self.gen = gen
        call = ("generate_many", [], [])
        self.calls.append(call)
        source, live, ramp, error = enumerate(texts), [], True, None
        while True:
            cap = min(first_batch, max_batch) if ramp else max_batch
            while source is not None and error is None and len(live) < cap:
                k, text = next(source, (None, None))
                if k is None:
                    source = None
                elif text in self.refuse:
                    error = FakeTextError(k, text)  # raised once the live ones are done
                else:
                    seed = seeds if isinstance(seeds, int) or seeds is None else seeds[k]
                    call[1].append(text)
                    call[2].append(seed)
                    live.append([k, text, seed, max(1, len(text))])
            if not live:
                break
            self.live_sizes.append(len(live))
            self.steps += 1
            for row in live:
                row[3] -= 1
            for k, text, seed, left in live:
                if left == 0:
                    self.order.append(k)
                    ramp = ramp and k != 0
                if stream:
                    wave, n = self._wave(text, seed, voice), max(1, len(text))
                    cut = [len(wave) * i // n for i in range(n + 1)]
                    done = n - left  # this step's piece
                    yield k, wave[cut[done - 1]:cut[done]], left == 0
                elif left == 0:
                    yield k, self._wave(text, seed, voice)
            live = [r for r in live if r[3] > 0]
        if error is not None:
            raise error

    def generate_stream(self, text, voice=None, seed=None, **gen):
        wave = self._wave(text, seed, voice)
        for i in range(0, len(wave), 1280):
            yield wave[i:i + 1280]

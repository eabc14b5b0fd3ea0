"""The frontend's output unit and the lazy list `process()` returns."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .pieces import Change

# Pause after an utterance, by how it ends (comma < sentence end < paragraph break).
PAUSE_MS = {"clause": 150, "sentence": 350, "paragraph": 700, "break": 0}


@dataclass(frozen=True)
class Utterance:
    text: str  # spoken form with phoneme markup ({chong2}{qing4}, {HH AH0 L OW1})
    lang: str  # "zh" | "en" | "yue"
    pause_after_ms: int
    span: tuple[int, int]  # source span in the input text
    changes: tuple[Change, ...] = field(default=(), compare=False)  # what rules did (--explain)


class LazyUtterances(Sequence):
    """A list of utterances computed on demand: indexing [0] normalises only the start.

    len(), slicing and iteration past the computed part pull more from the pipeline.
    """

    def __init__(self, source: Iterator[Utterance]):
        self._source = source
        self._done: list[Utterance] = []
        self._exhausted = False
        self._error: BaseException | None = None

    def _fill(self, n: int | None) -> None:
        # A failed generator is finished; keep raising its error so a retry (list() calls
        # len() first and swallows TypeError) never sees a silently shortened result.
        if self._error is not None:
            raise self._error
        while not self._exhausted and (n is None or len(self._done) < n):
            try:
                self._done.append(next(self._source))
            except StopIteration:
                self._exhausted = True
            except BaseException as e:
                self._error = e
                raise

    def __iter__(self) -> Iterator[Utterance]:
        i = 0
        while True:
            self._fill(i + 1)
            if i >= len(self._done):
                return
            yield self._done[i]
            i += 1

    def __len__(self) -> int:
        self._fill(None)
        return len(self._done)

    def __getitem__(self, index):
        if isinstance(index, slice) or index < 0:
            self._fill(None)
        else:
            self._fill(index + 1)
        return self._done[index]

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"LazyUtterances({list(self)!r})"

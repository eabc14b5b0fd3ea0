"""The one small interface every synthesis backend implements."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np


class BackendError(RuntimeError):
    """A backend could not synthesise (missing library, bad checkpoint, model failure)."""


class Backend:
    """A document's utterances in, one float32 mono array per utterance out.

    name: "voxcpm" | "espeak".  sample_rate: of the arrays returned.
    preview: True for the embedded preview voice (the CLI says so once).
    """

    name = "backend"
    sample_rate = 16000
    preview = False

    def synthesize(self, utterances: Iterable, seed: int | None) -> Iterator[tuple[int, np.ndarray]]:
        """(index, audio) for every utterance, as soon as each is done.

        utterances: the document's frontend Utterance objects (text with phoneme markup,
        lang), in order; pull them lazily (only when about to work on them), so a long
        document is normalised as it is read.  Index 0 is the document's first utterance, so
        it may carry a control prefix such as (粤语).
        seed: the document's seed, for every utterance (one voice and style throughout).
        The audio may come out of order (a batching backend finishes short utterances
        first); every index must come exactly once.  The caller puts them in order.
        """
        raise NotImplementedError

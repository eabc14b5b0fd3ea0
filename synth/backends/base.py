"""The one small interface every synthesis backend implements."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np


class BackendError(RuntimeError):
    """A backend could not synthesise (missing library, bad checkpoint, model failure)."""


class Backend:
    """A document's utterances in, float32 mono audio out, piece by piece.

    name: "voxcpm" | "espeak".  sample_rate: of the arrays returned.
    preview: True for the embedded preview voice (the CLI says so once).
    """

    name = "backend"
    sample_rate = 16000
    preview = False

    def synthesize(self, utterances: Iterable, seed: int | None) -> Iterator[tuple[int, np.ndarray, bool]]:
        """(index, samples, final): the pieces of every utterance as soon as each is made.

        An utterance's audio is the concatenation of its pieces in the order given; `final`
        marks its last piece.  A backend that streams (voxcpm) gives one piece per patch; one
        that makes whole utterances (espeak) gives each as one final piece.
        utterances: the document's frontend Utterance objects (text with phoneme markup,
        lang), in order; pull them lazily (only when about to work on them), so a long
        document is normalised as it is read.  Index 0 is the document's first utterance, so
        it may carry a control prefix such as (粤语).
        seed: the document's seed, for every utterance (one voice and style throughout).
        Pieces of different utterances may interleave and utterances may end out of order
        (a batching backend runs several at once); every index must end exactly once.  The
        caller plays them in document order.
        """
        raise NotImplementedError

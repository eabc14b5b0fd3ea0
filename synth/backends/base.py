"""The one small interface every synthesis backend implements."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class BackendError(RuntimeError):
    """A backend could not synthesise (missing library, bad checkpoint, model failure)."""


class Backend:
    """Utterances in, one float32 mono array per utterance out.

    name: "voxcpm" | "espeak".  sample_rate: of the arrays returned.
    max_batch: how many utterances one `synthesize` call should get (1: no batching).
    preview: True for the embedded preview voice (the CLI says so once).
    """

    name = "backend"
    sample_rate = 16000
    max_batch = 1
    preview = False

    def synthesize(self, utterances: Sequence, seeds: Sequence[int | None], *,
                   starts_document: bool = False) -> list[np.ndarray]:
        """Audio for each utterance, in order.

        utterances: frontend Utterance objects (text with phoneme markup, lang).
        seeds: one per utterance (the seed policy is the caller's).
        starts_document: utterances[0] is the document's first, so it may carry a
        control prefix such as (粤语).
        """
        raise NotImplementedError

"""Hypothesis runs derandomized by default so CI is reproducible; set HYPOTHESIS_PROFILE=explore
to search new random examples locally (and add any failure it finds as a fixed test)."""
import os
from pathlib import Path

import pytest
from hypothesis import settings

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def gold():
    """Every reference vector of the tiny checkpoint (tests/data/voxcpm-tiny/GOLDEN.md)."""
    from safetensors.torch import load_file
    return load_file(str(TINY / "expected.safetensors"))


@pytest.fixture(scope="session")
def meta():
    """The texts and seeds the reference vectors were made with."""
    from safetensors import safe_open
    with safe_open(str(TINY / "expected.safetensors"), "pt") as f:
        return f.metadata()

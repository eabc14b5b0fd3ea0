"""Hypothesis runs derandomized by default so CI is reproducible; set HYPOTHESIS_PROFILE=explore
to search new random examples locally (and add any failure it finds as a fixed test)."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

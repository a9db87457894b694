"""The theme ids of ``../shared/TAXONOMY.md`` and their cue words.

The ids are stable API: they appear in JSON output, in the model file and in users' own
training data. The cue words (``data/theme_cues.json``, each with its source) drive the
keyword-count baseline and the optional cue-prior feature block.
"""

from __future__ import annotations

import functools
import json

from govtext.data import read_text

LABELS: tuple[str, ...] = (
    "party_building",
    "integrity_conduct",
    "macro_economy",
    "industry_business",
    "innovation_education",
    "reform_institutions",
    "opening_regional",
    "rural_agriculture",
    "pollution_control",
    "ecology_green",
    "inspection_rectification",
    "enforcement_supervision",
    "risk_safety",
    "livelihood_social",
    "publicity_openness",
    "government_building",
    "general",
)

GENERAL = "general"


@functools.cache
def cue_words() -> dict[str, tuple[str, ...]]:
    """Theme id -> its cue words, in taxonomy order."""
    data = json.loads(read_text("theme_cues.json"))["cues"]
    return {label: tuple(entry["cue"] for entry in data[label]) for label in LABELS}


def cue_counts(norm_text: str) -> dict[str, int]:
    """How often each theme's cue words occur in a normalised text (substring counts)."""
    return {label: sum(norm_text.count(cue) for cue in cues) for label, cues in cue_words().items()}


def keyword_label(norm_text: str) -> str:
    """The keyword-count baseline: the theme with the most cue hits; ``general`` without any.

    Ties go to the theme listed first in the taxonomy.
    """
    counts = cue_counts(norm_text)
    best = max(LABELS, key=lambda label: (counts[label], -LABELS.index(label)))
    return best if counts[best] > 0 else GENERAL

"""Themes: tag report units (sections, paragraphs, tasks) with the ids of TAXONOMY.md.

>>> from govtext.themes import classify
>>> classify(["县纪委监委严肃查处违反中央八项规定精神问题，开展警示教育。"])[0].label
'integrity_conduct'

Inference reads a JSON model (no pickle) and needs neither scikit-learn nor numpy (numpy
makes it faster); training lives in :mod:`govtext.themes.train`.
"""

from govtext.themes.classifier import ThemeModel, ThemePrediction, classify, load_model
from govtext.themes.taxonomy import LABELS

__all__ = ["LABELS", "ThemeModel", "ThemePrediction", "classify", "load_model"]

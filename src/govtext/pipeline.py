"""One function from a document to everything ``govtext parse`` reports."""

from __future__ import annotations

from govtext.document import Document
from govtext.report import ParsedReport


def parse_document(
    doc: Document,
    *,
    themes: bool = False,
    findings: bool = True,
    sentences: bool = True,
    indicators: str = "rules",
) -> ParsedReport:
    """Structure plus the element extractors, lint findings, and theme tags when asked.

    ``indicators="ranked"`` has the learned ranker choose each metric's indicator (see
    :func:`govtext.extract.metrics.metrics`); lint findings always use the rules' ones.

    Placeholders honour the ``[tool.govtext]`` configuration found upward from ``doc.path``
    (extra patterns, allowed terms), so ``parse`` and ``lint`` agree on what is a slot.
    """
    from govtext.config import find_config
    from govtext.extract.placeholders import placeholders
    from govtext.structure.claims import link_claims
    from govtext.structure.segment import parse
    from govtext.structure.tasks import task_core

    report = parse(doc, sentences=sentences)
    link_claims(report)
    report.tasks = [t._replace(core=task_core(t.title)) for t in report.tasks]
    config = find_config(doc.path)
    report.placeholders = placeholders(
        doc, extra_patterns=config.extra_placeholders, allowed_terms=config.allowed_terms
    )
    from govtext.extract.metrics import metrics
    from govtext.extract.slogans import slogan_spans, slogans

    report.slogans = slogans(doc, report=report)
    report.metrics = metrics(
        doc,
        report=report,
        placeholders=report.placeholders,
        exclude=slogan_spans(report.slogans),
        indicators=indicators,
    )
    if findings:
        from govtext.lint import lint

        report.findings = lint(doc, config=config, report=report)
    if themes:  # the shipped model; govtext.themes.tag.tag_report takes any other
        from govtext.themes.tag import tag_report

        tag_report(report)
    return report

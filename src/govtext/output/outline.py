"""The ``--format text`` view of ``govtext parse``: the heading tree with tasks per section."""

from __future__ import annotations

from govtext.report import ParsedReport


def render_outline(report: ParsedReport, *, width: int = 60) -> str:
    doc = report.doc
    lines = [f"{doc.path or '<text>'}  [{doc.format}, {doc.encoding or 'str'}]"]
    if report.title:
        lines.append(f"title: {report.title}")
    tasks_by_section: dict[str | None, list[str]] = {}
    for t in report.tasks:
        tasks_by_section.setdefault(t.section, []).append(t.marker)
    if None in tasks_by_section:
        lines.append(f"(preamble) tasks: {' '.join(tasks_by_section[None])}")
    for s in report.sections:
        head = f"{'  ' * (s.level - 1)}{s.marker}{s.title}"
        if len(head) > width:
            head = head[: width - 1] + "…"
        extra = ""
        if s.id in tasks_by_section:
            extra = "  [" + " ".join(tasks_by_section[s.id]) + "]"
        lines.append(f"{head}  (L{s.line}, {s.role}){extra}")
    if report.boilerplate:
        kinds = sorted({b.kind for b in report.boilerplate})
        lines.append(f"boilerplate: {len(report.boilerplate)} block(s) ({', '.join(kinds)})")
    lines.append(
        f"{len(report.sections)} sections, {len(report.paragraphs)} paragraphs, "
        f"{len(report.tasks)} tasks in {len(report.enumerations)} enumerations"
    )
    return "\n".join(lines)

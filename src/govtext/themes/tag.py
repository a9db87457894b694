"""Fill ``theme``/``themes`` on the sections, paragraphs and tasks of a parsed report.

Paragraphs and tasks are classified on their own text. A section's scores mix its own text
(the heading title: the taxonomy labels a unit by its heading or lead sentence first) with its
children's (its paragraphs and subsections, weighted by length):

    scores(section) = TITLE_WEIGHT * p(title) + (1 - TITLE_WEIGHT) * mean_by_length(children)

so "（三）坚持把解决“三农”问题放在突出位置" is rural_agriculture from its title, and a bare
"二、主要工作" takes the theme its body shares, or stays general when the body is mixed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govtext.themes.classifier import ThemeModel, load_model

if TYPE_CHECKING:
    from govtext.report import ParsedReport

TITLE_WEIGHT = 0.5
DIGITS = 4  # scores are rounded in the output; the label is taken before rounding


def _rounded(labels: tuple[str, ...], probs: list[float]) -> dict[str, float]:
    return {label: round(p, DIGITS) for label, p in zip(labels, probs, strict=True)}


def _best(labels: tuple[str, ...], probs: list[float]) -> str:
    return labels[max(range(len(probs)), key=probs.__getitem__)]


def tag_report(report: ParsedReport, *, model: ThemeModel | None = None) -> None:
    """Set ``theme`` and ``themes`` on ``report.sections``, ``.paragraphs`` and ``.tasks``."""
    model = model or load_model()
    text = report.doc.text
    paragraphs, tasks, sections = report.paragraphs, report.tasks, report.sections
    texts = (
        [text[p.start : p.end] for p in paragraphs]
        + [text[t.start : t.end] for t in tasks]
        + [s.title for s in sections]
    )
    probs = model.predict_proba(texts)
    labels = model.labels
    para_probs = probs[: len(paragraphs)]
    task_probs = probs[len(paragraphs) : len(paragraphs) + len(tasks)]
    title_probs = probs[len(paragraphs) + len(tasks) :]

    report.paragraphs = [
        p._replace(theme=_best(labels, pr), themes=_rounded(labels, pr))
        for p, pr in zip(paragraphs, para_probs, strict=True)
    ]
    report.tasks = [
        t._replace(theme=_best(labels, pr), themes=_rounded(labels, pr))
        for t, pr in zip(tasks, task_probs, strict=True)
    ]

    k = len(labels)
    # Children first: a subsection always follows its parent in document order.
    body: dict[str, list[float]] = {s.id: [0.0] * k for s in sections}
    body_len: dict[str, float] = {s.id: 0.0 for s in sections}
    for p, pr in zip(paragraphs, para_probs, strict=True):
        if p.section in body:
            n = float(p.end - p.start)
            body[p.section] = [a + n * b for a, b in zip(body[p.section], pr, strict=True)]
            body_len[p.section] += n
    section_probs: dict[str, list[float]] = {}
    for s, tp in zip(reversed(sections), reversed(title_probs), strict=True):
        n = body_len[s.id]
        if n > 0 and s.title.strip():
            mixed = [
                TITLE_WEIGHT * a + (1 - TITLE_WEIGHT) * b / n
                for a, b in zip(tp, body[s.id], strict=True)
            ]
        elif n > 0:
            mixed = [b / n for b in body[s.id]]
        else:
            mixed = list(tp)
        section_probs[s.id] = mixed
        if s.parent in body:
            own = n + len(s.title)
            body[s.parent] = [a + own * b for a, b in zip(body[s.parent], mixed, strict=True)]
            body_len[s.parent] += own
    report.sections = [
        s._replace(
            theme=_best(labels, section_probs[s.id]), themes=_rounded(labels, section_probs[s.id])
        )
        for s in sections
    ]

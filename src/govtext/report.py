"""The result of :func:`govtext.parse`: a document with its structure and elements."""

from __future__ import annotations

from typing import Any

from govtext.document import Document
from govtext.model import (
    SCHEMA,
    Boilerplate,
    Enumeration,
    Finding,
    Metric,
    Paragraph,
    Placeholder,
    Section,
    Sentence,
    Slogan,
    Task,
)


class ParsedReport:
    """A parsed report. Element lists are in document order; ``to_dict()`` is the JSON schema."""

    def __init__(
        self,
        doc: Document,
        title: str | None = None,
        title_span: tuple[int, int] | None = None,
        sections: list[Section] | None = None,
        paragraphs: list[Paragraph] | None = None,
        sentences: list[Sentence] | None = None,
        tasks: list[Task] | None = None,
        enumerations: list[Enumeration] | None = None,
        boilerplate: list[Boilerplate] | None = None,
        blocks: list[tuple[int, int]] | None = None,
        slogans: list[Slogan] | None = None,
        metrics: list[Metric] | None = None,
        placeholders: list[Placeholder] | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        self.doc = doc
        self.title = title
        self.title_span = title_span
        self.sections = sections or []
        self.paragraphs = paragraphs or []
        self.sentences = sentences or []
        self.tasks = tasks or []
        self.enumerations = enumerations or []
        self.boilerplate = boilerplate or []
        self.blocks = blocks or []  # content blocks: title, headings, paragraphs
        self.slogans = slogans or []
        self.metrics = metrics or []
        self.placeholders = placeholders or []
        self.findings = findings or []

    @property
    def text(self) -> str:
        return self.doc.text

    def section(self, section_id: str | None) -> Section | None:
        if section_id is None:
            return None
        for s in self.sections:
            if s.id == section_id:
                return s
        return None

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span holds ``offset``."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level > best.level):
                best = s
        return best

    def to_dict(self, *, sentences: bool = True) -> dict[str, Any]:
        doc = self.doc
        title: dict[str, Any] | None = None
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "path": doc.path,
            "encoding": doc.encoding,
            "format": doc.format,
            "title": self.title,
        }
        if self.title_span is not None:
            pos = doc.position(self.title_span[0])
            title = {
                "start": self.title_span[0],
                "end": self.title_span[1],
                "line": pos.line,
                "column": pos.column,
            }
        out["title_span"] = title
        out["length"] = len(doc.text)
        out["lines"] = len(doc.line_starts)
        out["sections"] = [s.to_dict() for s in self.sections]
        out["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        if sentences:
            out["sentences"] = [s.to_dict() for s in self.sentences]
        out["tasks"] = [t.to_dict() for t in self.tasks]
        out["enumerations"] = [e.to_dict() for e in self.enumerations]
        out["boilerplate"] = [b.to_dict() for b in self.boilerplate]
        out["slogans"] = [s.to_dict() for s in self.slogans]
        out["metrics"] = [m.to_dict() for m in self.metrics]
        out["placeholders"] = [p.to_dict() for p in self.placeholders]
        out["findings"] = [f.to_dict() for f in self.findings]
        return out

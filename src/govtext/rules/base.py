"""What a lint rule is: a stable code, a category, a default severity, a docstring that is its
documentation, and ``check(ctx)`` yielding :class:`Hit` spans. Messages are separate from
detection; only ``output/*`` renders them, and only the CLI chooses exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from govtext import _re

if TYPE_CHECKING:
    from govtext.config import LintConfig
    from govtext.document import Document
    from govtext.model import Placeholder
    from govtext.report import ParsedReport


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


CATEGORIES = ("placeholder", "structure", "punctuation", "consistency", "wording", "boilerplate")
CODE_PATTERN = _re.compile(r"^[A-Z]\d{3}$")
DOC_HEADINGS = (
    "What it flags",
    "Why it matters",
    "Example (flagged)",
    "Example (clean)",
    "Not flagged (known traps)",
    "Options",
)


class Fix(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement``; ``safe`` fixes run under ``--fix``."""

    start: int
    end: int
    replacement: str
    title: str
    safe: bool = True


class Hit(NamedTuple):
    """One problem a rule found: a span and its rendered message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


class LintContext:
    """What rules look at: the document, its parsed structure and shared, lazily built views."""

    def __init__(
        self, doc: Document, config: LintConfig, report: ParsedReport | None = None
    ) -> None:
        self.doc = doc
        self.config = config
        self._report = report

    @property
    def report(self) -> ParsedReport:
        if self._report is None:
            from govtext.structure.segment import parse

            self._report = parse(self.doc, sentences=False)
        return self._report

    @cached_property
    def placeholders(self) -> list[Placeholder]:
        from govtext.extract.placeholders import placeholders

        return placeholders(
            self.doc,
            extra_patterns=self.config.extra_placeholders,
            allowed_terms=self.config.allowed_terms,
        )

    @cached_property
    def units(self) -> list[tuple[int, int]]:
        """Spans of the content blocks (title, headings with their run-in text, paragraphs)."""
        return self.report.blocks

    def by_unit(self, needles: tuple[str, ...]) -> list[tuple[int, int, list[int]]]:
        """``(unit start, unit end, positions)`` for the units holding any of ``needles`` (found
        with ``str.find`` over the whole text, far faster than a regex scan per unit)."""
        import bisect

        from govtext.textutil import positions

        units = self.units
        starts = [s for s, _ in units]
        out: dict[int, list[int]] = {}
        for pos in positions(self.doc.norm, needles):
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < units[k][1]:
                out.setdefault(k, []).append(pos)
        return [(units[k][0], units[k][1], pos) for k, pos in sorted(out.items())]

    @cached_property
    def quotes(self) -> list[tuple[int, int, list[Any], list[int]]]:
        """Per unit holding quotation marks: ``(start, end, turned marks, unpaired marks)``."""
        from govtext.rules.punctuation.quotes import quote_slips

        out = []
        for start, end, _ in self.by_unit(("“", "”", "‘", "’")):
            slips, unpaired = quote_slips(self.doc.text, start, end)
            out.append((start, end, slips, unpaired))
        return out

    def option(self, code: str, name: str, default: Any) -> Any:
        return self.config.rule_options.get(code, {}).get(name, default)


class Rule:
    """Base class. Subclasses set the metadata and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    status: ClassVar[str] = "stable"  # stable | preview | removed
    since: ClassVar[str] = "0.1.0"
    fixable: ClassVar[bool] = False
    aliases: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def source_file(cls) -> str:
        import inspect

        return inspect.getfile(cls)


def placeholder_hits(ctx: LintContext, kind: str, template: str) -> Iterator[Hit]:
    for p in ctx.placeholders:
        if p.kind == kind:
            yield Hit(p.start, p.end, template.format(text=p.text))

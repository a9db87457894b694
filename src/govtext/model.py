"""Elements govtext finds in a report: small immutable records with one ``to_dict()`` path to JSON.

Every element has ``start``/``end`` (0-based code-point offsets into the decoded text,
end exclusive) and the 1-based ``line``/``column`` of ``start``.

Records are ``NamedTuple`` classes rather than frozen dataclasses: they are as immutable and
typed, and creating a dataclass costs ~1.5 ms at import, which the linter's cold start (a
budget of tens of milliseconds over importing its CLI stack) cannot afford for a dozen types.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into
# ForwardRefs (a compile() per field), doubling the class creation time at start-up.

from typing import Any, NamedTuple

SCHEMA = "govtext/1"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        if hasattr(value, "_asdict"):
            return to_dict(value)
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict, in field order (tuples become lists)."""
    return {name: _plain(value) for name, value in zip(record._fields, record, strict=True)}


class Section(NamedTuple):
    """A heading and everything under it, up to the next heading of the same or a higher level.

    ``start``/``end`` cover the whole section; ``heading_end`` ends the heading (marker and
    title); ``title_start``/``title_end`` bound the title. ``marker`` is exactly as written
    ("一、", "（一）", "1.", "" for an unmarked heading); ``style`` is the marker family used for
    nesting (``cn``, ``paren_cn``, ``arabic``, ``paren_arabic``, ``circled``, ``chapter``,
    ``unmarked``, ``hint``); ``run_in`` is true for "（一）标题。正文……".
    """

    id: str
    level: int
    marker: str
    ordinal: int | None
    style: str
    title: str
    role: str
    parent: str | None
    start: int
    end: int
    line: int
    column: int
    heading_end: int
    title_start: int
    title_end: int
    run_in: bool = False
    theme: str | None = None
    themes: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Paragraph(NamedTuple):
    """A paragraph of body text (a run-in heading's paragraph starts after its title)."""

    id: str
    section: str | None
    role: str
    start: int
    end: int
    line: int
    column: int
    theme: str | None = None
    themes: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Sentence(NamedTuple):
    start: int
    end: int
    line: int
    column: int
    paragraph: str

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Task(NamedTuple):
    """An enumerated item: "一是……", "第一，……", "首先，……", "（1）……" inside a paragraph, "①……".

    ``title`` is the item's lead sentence (up to 。；！？ or the next item), without the marker;
    ``enumeration`` is the id of the list it belongs to.
    """

    id: str
    marker: str
    ordinal: int | None
    family: str
    title: str
    enumeration: str
    section: str | None
    paragraph: str | None
    start: int
    end: int
    line: int
    column: int
    title_start: int
    title_end: int
    core: str | None = None
    theme: str | None = None
    themes: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Enumeration(NamedTuple):
    """A list of tasks of one marker family: one paragraph or one item per paragraph.

    ``claim`` points at the count claim that announces the list ("六个一", "以下八项工作"),
    with the number it claims, when there is one.
    """

    id: str
    family: str
    section: str | None
    start: int
    end: int
    line: int
    column: int
    count: int  # type: ignore[assignment]  # the field shadows tuple.count on purpose
    tasks: tuple[str, ...]
    claim: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Boilerplate(NamedTuple):
    """Website disclaimers, page furniture and licence footers kept out of the content."""

    kind: str
    start: int
    end: int
    line: int
    column: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Slogan(NamedTuple):
    """A formula slogan (四个意识, 三会一课, “2+2+17+1”) or a quoted catchphrase (“放管服”)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: str
    count: int | None  # type: ignore[assignment]  # the field shadows tuple.count on purpose
    normalized: str
    expansion: tuple[str, ...] | None = None
    expansion_source: str | None = None
    known: bool = False

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Metric(NamedTuple):
    """A stated quantity: "PM2.5年均值39.8微克/立方米，同比下降5%" gives two."""

    text: str
    start: int
    end: int
    line: int
    column: int
    number: str
    value: float | None
    unit: str
    multiplier: float
    value_normalized: float | None
    indicator: str
    direction: str
    comparison: str | None
    approx: str | None
    target: bool
    placeholder: bool

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Placeholder(NamedTuple):
    """An unfilled template slot ("XX", "**", "20XX年", "达％" with its number missing, 【待补充】)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


class Finding(NamedTuple):
    """A lint finding; ``text`` is the flagged substring of the original text."""

    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    code: str
    rule: str
    category: str
    severity: str
    message: str
    text: str
    fix: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

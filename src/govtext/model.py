"""Elements govtext finds in a report: small frozen dataclasses with one ``to_dict()`` path to JSON.

Every element has ``start``/``end`` (0-based code-point offsets into the decoded text,
end exclusive) and the 1-based ``line``/``column`` of ``start``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "govtext/1"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Element):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Element:
    """Mixin: ``to_dict()`` in field order, tuples as lists, nested elements as dicts."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        cls = type(self)
        names = cls.__dict__.get("_names_cache")
        if names is None:
            names = tuple(f.name for f in fields(self))  # type: ignore[arg-type]
            cls._names_cache = names  # type: ignore[attr-defined]
        return {name: _plain(getattr(self, name)) for name in names}


@dataclass(frozen=True, slots=True)
class Section(Element):
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


@dataclass(frozen=True, slots=True)
class Paragraph(Element):
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


@dataclass(frozen=True, slots=True)
class Sentence(Element):
    start: int
    end: int
    line: int
    column: int
    paragraph: str


@dataclass(frozen=True, slots=True)
class Task(Element):
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


@dataclass(frozen=True, slots=True)
class Enumeration(Element):
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
    count: int
    tasks: tuple[str, ...]
    claim: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Boilerplate(Element):
    """Website disclaimers, page furniture and licence footers kept out of the content."""

    kind: str
    start: int
    end: int
    line: int
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Slogan(Element):
    """A formula slogan (四个意识, 三会一课, “2+2+17+1”) or a quoted catchphrase (“放管服”)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: str
    count: int | None
    normalized: str
    expansion: tuple[str, ...] | None = None
    expansion_source: str | None = None
    known: bool = False


@dataclass(frozen=True, slots=True)
class Metric(Element):
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


@dataclass(frozen=True, slots=True)
class Placeholder(Element):
    """An unfilled template slot ("XX", "**", "20XX年", "达％" with its number missing, 【待补充】)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: str


@dataclass(frozen=True, slots=True)
class Finding(Element):
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
    fix: dict[str, Any] | None = field(default=None)

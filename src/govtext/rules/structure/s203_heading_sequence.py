from __future__ import annotations

from collections.abc import Iterator

from govtext.model import Section
from govtext.rules.base import Hit, LintContext, Rule, Severity
from govtext.rules.structure.s202_skipped_item import _marker_with


class HeadingSequence(Rule):
    """Sibling headings skip, repeat or reverse their numbers.

    ## What it flags
    "（一）……（三）" under one heading, "1、2、4、", a repeated "二、", a list of headings that
    starts at "（二）".

    ## Why it matters
    Heading numbers are how readers and reviewers refer to parts of the report ("第三部分第二
    条"); a gap or repeat makes every later reference wrong.

    ## Example (flagged)
    一、主要工作 / （一）党建工作 / （三）业务工作

    ## Example (clean)
    一、主要工作 / （一）党建工作 / （二）业务工作

    ## Not flagged (known traps)
    Numbering that restarts under a new parent heading; a nested list that restarts at 一、 under
    a later item (the parser nests it).

    ## Options
    None.
    """

    code = "S203"
    name = "heading-sequence"
    category = "structure"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        groups: dict[tuple[str | None, str], list[Section]] = {}
        for s in ctx.report.sections:
            if (
                s.ordinal is None
                or s.style in ("unmarked", "appendix")
                or s.style.startswith("hint")
            ):
                continue
            groups.setdefault((s.parent, s.style), []).append(s)
        for items in groups.values():
            prev: Section | None = None
            for s in items:
                span = (s.start, s.start + len(s.marker))
                if s.ordinal is None:
                    continue
                if prev is None or prev.ordinal is None:
                    if prev is None and s.ordinal != 1:
                        want = _marker_with(s.marker, 1)
                        yield Hit(*span, f"标题序号应从“{want}”开始，实为“{s.marker}”")
                elif s.ordinal == prev.ordinal:
                    yield Hit(*span, f"标题序号重复：“{prev.marker}”之后又是“{s.marker}”")
                elif s.ordinal > prev.ordinal + 1:
                    want = _marker_with(s.marker, prev.ordinal + 1)
                    yield Hit(
                        *span, f"标题序号跳号：“{prev.marker}”之后应为“{want}”，实为“{s.marker}”"
                    )
                elif s.ordinal < prev.ordinal:
                    yield Hit(*span, f"标题序号倒序：“{prev.marker}”之后出现“{s.marker}”")
                prev = s

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from govtext.model import Section
from govtext.rules.base import Hit, LintContext, Rule, Severity


def _shape(marker: str) -> str:
    """The punctuation of a marker: "1、" -> "N、", "（一）" -> "（N）", "(一)" -> "(N)"."""
    out: list[str] = []
    for ch in marker:
        if ch.isdigit() or ch in "一二三四五六七八九十百零〇":
            if not out or out[-1] != "N":
                out.append("N")
        else:
            out.append(ch)
    return "".join(out)


class HeadingStyleMixed(Rule):
    """Headings at one level mix two marker styles.

    ## What it flags
    Siblings written "1、" and "1." side by side, or "（一）" (full-width) beside "(二)"
    (half-width). The minority style is flagged.

    ## Why it matters
    Mixed markers show that parts were pasted from different drafts; GB/T 9704 and house
    styles want one form per level.

    ## Example (flagged)
    1、加强党的建设 / 2.深化改革 / 3、优化服务

    ## Example (clean)
    1、加强党的建设 / 2、深化改革 / 3、优化服务

    ## Not flagged (known traps)
    Different styles at different levels; one style per list in different parts of the report.

    ## Options
    None.
    """

    code = "S206"
    name = "heading-style-mixed"
    category = "structure"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        groups: dict[tuple[str | None, str], list[Section]] = {}
        for s in ctx.report.sections:
            if s.marker:
                groups.setdefault((s.parent, s.style), []).append(s)
        for items in groups.values():
            shapes = Counter(_shape(s.marker) for s in items)
            if len(shapes) < 2:
                continue
            major = shapes.most_common(1)[0][0]
            example = next(s.marker for s in items if _shape(s.marker) == major)
            for s in items:
                if _shape(s.marker) != major:
                    yield Hit(
                        s.start,
                        s.start + len(s.marker),
                        f"同级标题序号格式不一致：“{s.marker}”与“{example}”混用",
                    )

from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity

# GB/T 9704-2012 §7.3.3: 文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注.
CANONICAL = {"cn": 1, "paren_cn": 2, "arabic": 3, "paren_arabic": 4}


class HeadingLevelSkipped(Rule):
    """A heading skips a level of the standard hierarchy 一、 → （一） → 1. → （1）.

    ## What it flags
    A "1." or "1、" heading directly under "一、" (skipping "（一）"), a "（1）" directly under
    "（一）", and a Markdown or Word heading two levels below its parent (# → ###).

    ## Why it matters
    GB/T 9704-2012 (党政机关公文格式, §7.3.3) orders structure numbers 一、 （一） 1. （1）.
    Skipping a level is common in practice but often marks a lost heading; a preview rule, run
    only when selected (`--select S205`), and reported as info.

    ## Example (flagged)
    三、2025年工作打算 / 1、加强党的建设

    ## Example (clean)
    三、2025年工作打算 / （一）加强党的建设

    ## Not flagged (known traps)
    A document that consistently uses its own order (e.g. （一） above 一、): only downward skips
    against the standard order are reported.

    ## Options
    None.
    """

    code = "S205"
    name = "heading-level-skipped"
    category = "structure"
    severity = Severity.INFO
    status = "preview"  # many published reports skip a level; run it with --select S205

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        sections = {s.id: s for s in ctx.report.sections}
        for s in ctx.report.sections:
            parent = sections.get(s.parent) if s.parent else None
            if parent is None:
                continue
            a, b = CANONICAL.get(parent.style), CANONICAL.get(s.style)
            if a is not None and b is not None and b > a + 1:
                yield Hit(
                    s.start,
                    s.start + len(s.marker),
                    f"标题层级跳级：“{parent.marker}”下直接使用“{s.marker}”",
                )
            both_hints = parent.style.startswith("hint") and s.style.startswith("hint")
            if both_hints and int(s.style[4:]) > int(parent.style[4:]) + 1:
                yield Hit(
                    s.start,
                    s.title_end,
                    f"标题层级跳级：{parent.style[4:]}级标题下直接使用{s.style[4:]}级标题",
                )

from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity

CHECKED_FAMILIES = ("shi", "yao", "di", "qi", "paren", "circled")


class RepeatedItem(Rule):
    """An enumerated item repeats the ordinal of the item before it.

    ## What it flags
    "一是……二是……二是……三是", "第一，……第一，", "①……①" inside one list.

    ## Why it matters
    A repeated ordinal is a copy-and-paste slip: the list reads as if an item were missing, and
    every item after it is numbered one too low.

    ## Example (flagged)
    一是加强组织领导。二是完善制度建设。二是强化督促检查。三是严格考核问效。

    ## Example (clean)
    一是加强组织领导。二是完善制度建设。三是强化督促检查。四是严格考核问效。

    ## Not flagged (known traps)
    Separate lists that each start at 一是, items of different families (一是 inside 第一).

    ## Options
    None.
    """

    code = "S201"
    name = "repeated-item"
    category = "structure"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        report = ctx.report
        by_id = {t.id: t for t in report.tasks}
        for e in report.enumerations:
            if e.family not in CHECKED_FAMILIES:
                continue
            prev = None
            for tid in e.tasks:
                t = by_id[tid]
                if prev is not None and t.ordinal is not None and t.ordinal == prev.ordinal:
                    yield Hit(
                        t.start,
                        t.start + len(t.marker),
                        f"序号重复：“{prev.marker}”之后又是“{t.marker}”（第{prev.line}行起的列举）",
                    )
                prev = t

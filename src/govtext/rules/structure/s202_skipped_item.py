from __future__ import annotations

from collections.abc import Iterator

from govtext.numerals import ordinal_of
from govtext.rules.base import Hit, LintContext, Rule, Severity
from govtext.rules.structure.s201_repeated_item import CHECKED_FAMILIES


class SkippedItem(Rule):
    """An enumerated item skips an ordinal or goes backwards.

    ## What it flags
    "一是……三是" (二是 is missing), "第二，……第一，", "（1）……（3）" inside one list.

    ## Why it matters
    A gap in a list usually means an item was deleted and the rest not renumbered, or a
    paragraph was lost when pasting.

    ## Example (flagged)
    一是加强组织领导。三是强化督促检查。

    ## Example (clean)
    一是加强组织领导。二是强化督促检查。

    ## Not flagged (known traps)
    A new list starting again at 一是, repeated ordinals (S201 reports those).

    ## Options
    None.
    """

    code = "S202"
    name = "skipped-item"
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
                if prev is not None and t.ordinal is not None and prev.ordinal is not None:
                    if t.ordinal > prev.ordinal + 1:
                        want = _marker_with(t.marker, prev.ordinal + 1)
                        yield Hit(
                            t.start,
                            t.start + len(t.marker),
                            f"序号跳号：“{prev.marker}”之后应为“{want}”，实为“{t.marker}”",
                        )
                    elif t.ordinal < prev.ordinal:
                        yield Hit(
                            t.start,
                            t.start + len(t.marker),
                            f"序号倒序：“{prev.marker}”之后出现“{t.marker}”",
                        )
                prev = t


def _marker_with(marker: str, ordinal: int) -> str:
    """The marker of the same family with another ordinal: 三是 -> 二是, （3） -> （2）."""
    from govtext.readers.docx import chinese_numeral

    for i, ch in enumerate(marker):
        if ch.isdigit():
            j = i
            while j < len(marker) and marker[j].isdigit():
                j += 1
            return marker[:i] + str(ordinal) + marker[j:]
    for i in range(len(marker)):
        for j in range(len(marker), i, -1):
            if ordinal_of(marker[i:j]) is not None and marker[i:j] not in ("是", "要"):
                return marker[:i] + chinese_numeral(ordinal) + marker[j:]
    if 0x2460 <= ord(marker[0]) <= 0x2473:
        return chr(0x2460 + ordinal - 1)
    return marker

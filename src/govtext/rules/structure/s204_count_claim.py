from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity


class CountClaimMismatch(Rule):
    """A count claim that the list it introduces contradicts.

    ## What it flags
    “六个一”： followed by five items; 开展“三个创建”： with two; "做好以下八项工作：" followed
    by seven headings. The finding's span is the claim itself, on the claim's line.

    ## Why it matters
    Reviewers count. A slogan that promises six and delivers five is a slip that a leader
    reading the speech aloud will notice first.

    ## Example (flagged)
    集中概括为“六个一”：一是……二是……三是……四是……五是……

    ## Example (clean)
    集中概括为“五个一”：一是……二是……三是……四是……五是……

    ## Not flagged (known traps)
    Counts that do not introduce the list: "3大保卫战和7个标志性战役。一是……四是" (no colon,
    no 以下/如下), and parenthesised expansions “一条主线”（打基础、立规矩、树正气）.

    ## Options
    None.
    """

    code = "S204"
    name = "count-claim-mismatch"
    category = "structure"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        from govtext.structure.claims import find_claims

        report = ctx.report
        for c in find_claims(report):
            n = c.list_count
            if n != c.count:
                what = "项列举" if c.list_kind == "tasks" else "个标题"
                claim = report.text[c.start : c.end]
                yield Hit(
                    c.start, c.end, f"数量不符：“{claim}”称{c.count}项，其后实际列出{n}{what}"
                )

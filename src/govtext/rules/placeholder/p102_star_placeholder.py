from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class StarPlaceholder(Rule):
    """Stars standing for a number or a name that was never filled in.

    ## What it flags
    *, **, ＊＊ used as slots: "**余份", "*%", "*.*", "20**年", "《*市……条例》", "* 期", "“*”".

    ## Why it matters
    Drafting offices mark figures still to come with stars; one left behind means a missing
    number in the submitted report.

    ## Example (flagged)
    累计下发督办通知**余份，全市优良天数比例达到*%。

    ## Example (clean)
    累计下发督办通知120余份，全市优良天数比例达到86.3%。

    ## Not flagged (known traps)
    Markdown emphasis (`**加粗**` in .md files, and a short phrase wrapped in ** in a .txt),
    footnote marks ("注：*为初步统计数" and the star after a figure it annotates: "1860吨*"),
    bullets ("* 内容") and rules ("***"), 3*4.

    ## Options
    None.
    """

    code = "P102"
    name = "star-placeholder"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "star", "占位符未填写：“{text}”（星号代替了数字或名称）")

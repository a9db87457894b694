from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class InstructionLeft(Rule):
    """Drafting instructions and editor's notes left in place.

    ## What it flags
    【待补充】, 【数据待核实】, （此处填写……）, （待定）, [待定], TODO：…, TBD, FIXME, and a bare
    待核实/待补充/待确认 after 数据/数字/金额/名称/内容/时间.

    ## Why it matters
    Notes written for colleagues during drafting must not reach the readers of the report.

    ## Example (flagged)
    选派业务骨干参加培训【待补充】人次，审减金额（此处填写审计结果）。

    ## Example (clean)
    选派业务骨干参加培训36人次，审减金额2860万元。

    ## Not flagged (known traps)
    Bracketed headings without an instruction word ("【工作亮点】"), "对反映的问题线索进行核实".

    ## Options
    None.
    """

    code = "P105"
    name = "instruction-left"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "instruction", "起草批注未删除：“{text}”")

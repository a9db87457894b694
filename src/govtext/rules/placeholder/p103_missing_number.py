from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class MissingNumber(Rule):
    """A unit or percent sign whose number is missing.

    ## What it flags
    "优良率达％", "完成整改率为％", "增长%", "处罚金额万元", "资金亿元", "提高个百分点",
    a measure word straight after 达/为 ("达家。").

    ## Why it matters
    When a draft's figure is deleted but its unit stays, the sentence still reads at a glance;
    reviewers miss it, readers do not.

    ## Example (flagged)
    截至11月底空气优良率达％，共处罚款金额万元。

    ## Example (clean)
    截至11月底空气优良率达89.2%，共处罚款金额86.5万元。

    ## Not flagged (known traps)
    "突破万亿元", "近万亿元", "超亿元项目", "万元GDP能耗", "万元地区生产总值", "百分点"
    without 个 ("几个百分点"), unit labels "增长率（%）" and "单位：%".

    ## Options
    None.
    """

    code = "P103"
    name = "missing-number"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "missing", "缺少数字：“{text}”前没有数值")

from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Fix, Hit, LintContext, Rule, Severity
from govtext.rules.wording.tables import load_table


class VariantForm(Rule):
    """An older variant form where current dictionaries give a standard one.

    ## What it flags
    Entries of `data/variant_forms.jsonl`: 成份→成分, 部份→部分, 帐户→账户, 帐目→账目, 台帐→台账.

    ## Why it matters
    Old reports used these forms; a report written today should use the standard form of
    《现代汉语词典》第7版. Reported as info: not wrong in a historical text.

    ## Example (flagged)
    建立工作台帐，明确责任分工。

    ## Example (clean)
    建立工作台账，明确责任分工。

    ## Not flagged (known traps)
    全部份额 (全部 + 份额).

    ## Options
    None.
    """

    code = "W503"
    name = "variant-form"
    category = "wording"
    severity = Severity.INFO

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        for start, end, e in load_table("variant_forms.jsonl").find(ctx.doc.norm):
            yield Hit(
                start,
                end,
                f"异形词：“{e.wrong}”宜用规范词形“{e.right}”",
                Fix(start, end, e.right, f"改为“{e.right}”", safe=False),
            )

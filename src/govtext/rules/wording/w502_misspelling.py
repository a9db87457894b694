from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Fix, Hit, LintContext, Rule, Severity
from govtext.rules.wording.tables import load_table


class Misspelling(Rule):
    """A frequent misspelling in official writing.

    ## What it flags
    Entries of govtext's curated list (`data/misspellings.jsonl`, each with the source of the
    right form): 签定→签订, 概况起来→概括起来, 截止目前→截至目前, 党风廉正→党风廉政,
    以身做则→以身作则, 克尽职守→恪尽职守, 三会一科→三会一课, …

    ## Why it matters
    These are the slips that reviewers of 公文 mark by hand every year; each is never right.

    ## Example (flagged)
    与各单位层层签定责任书，截止目前已全部完成。

    ## Example (clean)
    与各单位层层签订责任书，截至目前已全部完成。

    ## Not flagged (known traps)
    Right uses of look-alikes: 截止日期, 截止时间, 全部份额, 概况（名词）.

    ## Options
    None.
    """

    code = "W502"
    name = "misspelling"
    category = "wording"
    severity = Severity.WARNING
    fixable = False

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.text
        for start, end, e in load_table("misspellings.jsonl").find(ctx.doc.norm):
            yield Hit(
                start,
                end,
                f"常见错别字：“{text[start:end]}”应为“{e.right}”",
                Fix(start, end, e.right, f"改为“{e.right}”", safe=False),
            )

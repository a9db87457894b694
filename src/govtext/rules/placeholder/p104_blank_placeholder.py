from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class BlankPlaceholder(Rule):
    """Blanks and fill-in marks left in the text.

    ## What it flags
    Underlines "____", ○○ / 〇〇 standing for a name ("○○县"), 某某 ("局长某某同志"),
    empty brackets "（  ）", "【】", "[ ]".

    ## Why it matters
    These are the fill-in-the-blank forms of a template; in a final report they are holes.

    ## Example (flagged)
    党组书记、局长某某同志认真履行第一责任人职责，于（  ）月召开专题会议。

    ## Example (clean)
    党组书记、局长李明同志认真履行第一责任人职责，于3月召开专题会议。

    ## Not flagged (known traps)
    二○○○年 and 二〇二四年 (○ as zero next to numerals), an anonymised name in a case report
    ("王某某", a common surname before 某某), "()" outside Chinese text.

    ## Options
    None.
    """

    code = "P104"
    name = "blank-placeholder"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "blank", "待填空白未填写：“{text}”")

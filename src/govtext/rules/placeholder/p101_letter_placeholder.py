from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class LetterPlaceholder(Rule):
    """Letters standing for a number or a name that was never filled in.

    ## What it flags
    X, XX, XXX, x, xx, Ｘ and ×× used as slots, alone or glued to digits, units and dates:
    "X%", "X.X%", "XX.X", "3XX个", "20XX年", "X月XX日", "XX万元", "xx市", "XXXX局", "党建强X",
    "X机关", "”XXX”主题教育", ××× for a person's name.

    ## Why it matters
    A template slot left in a submitted report is the most visible slip a reviewer finds; a
    number or name is missing and the sentence says nothing.

    ## Example (flagged)
    全年立案查处环境违法案件XX件，处罚金额X.X万元。

    ## Example (clean)
    全年立案查处环境违法案件126件，处罚金额1035.6万元。

    ## Not flagged (known traps)
    Formula names ending in +X (“1+N+X”, “双尖双领+X”, 1+X证书), “数据要素×”, “7×24小时”,
    “4×4”, "415X" (a lone letter after digits with no unit), X射线, X光, X线, Latin words and
    acronyms (VOCs, XML, iPhone X), "XXGDP" reports only the XX.

    ## Options
    `allowed-terms` (config): an office's own names containing X, never flagged.
    """

    code = "P101"
    name = "letter-placeholder"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "letter", "占位符未填写：“{text}”（字母代替了数字或名称）")

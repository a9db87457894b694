from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity, placeholder_hits


class CustomPlaceholder(Rule):
    """A slot matching one of the office's own placeholder patterns.

    ## What it flags
    Text matching a regular expression listed under `extra-placeholders` in the configuration,
    for template conventions govtext does not know (e.g. "〔单位名称〕", "＃＃").

    ## Why it matters
    Offices have house templates; their slots deserve the same check as X and **.

    ## Example (flagged)
    With `extra-placeholders = ["〔[^〕]{1,8}名称〕"]`: 〔单位名称〕全年完成目标任务。

    ## Example (clean)
    青川市生态环境局全年完成目标任务。

    ## Not flagged (known traps)
    Nothing is flagged unless a pattern is configured.

    ## Options
    `extra-placeholders`: list of regular expressions; `allowed-terms` exempts names.
    """

    code = "P106"
    name = "custom-placeholder"
    category = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        return placeholder_hits(ctx, "custom", "自定义占位符未填写：“{text}”")

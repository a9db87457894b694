from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity


class LicenceFooter(Rule):
    """A licence or copyright footer copied with the text.

    ## What it flags
    The Wikisource public-domain notice ("本作品是中华人民共和国的法律、法规……属于公有领域",
    "Public domain") and similar footers at the end of a copied report.

    ## Why it matters
    Harmless in a research corpus (govtext keeps it out of the content), but it does not belong
    in a document that is being edited for submission. Reported as info.

    ## Example (flagged)
    本作品是中华人民共和国的法律、法规……属于公有领域。

    ## Example (clean)
    (the footer removed)

    ## Not flagged (known traps)
    A report's own sentences about copyright law.

    ## Options
    None.
    """

    code = "B602"
    name = "licence-footer"
    category = "boilerplate"
    severity = Severity.INFO

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        footer = [b for b in ctx.report.boilerplate if b.kind == "licence"]
        if footer:
            first = footer[0]
            line = first.text.split("\n")[0]
            yield Hit(first.start, first.start + len(line), f"许可证页脚混入正文：“{line[:24]}”")

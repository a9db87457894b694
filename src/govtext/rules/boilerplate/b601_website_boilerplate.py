from __future__ import annotations

from collections.abc import Iterator

from govtext.rules.base import Hit, LintContext, Rule, Severity


class WebsiteBoilerplate(Rule):
    """Website disclaimers and page furniture copied into the report.

    ## What it flags
    Lines copied with the text from a report-sharing site or a government portal:
    "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", "下载 打印 全屏 收藏 字号",
    "来源：……", "责任编辑：……", "上一篇/下一篇", "扫一扫在手机打开当前页".

    ## Why it matters
    A disclaimer from a template website at the top of a submitted report tells the reader the
    text was copied. The patterns live in `data/boilerplate.jsonl`, each with its source.

    ## Example (flagged)
    本文系作者原创投稿，仅供学习参考，请勿照搬照抄！

    ## Example (clean)
    (the line removed)

    ## Not flagged (known traps)
    Ordinary sentences that mention 来源 or 参考 inside a paragraph; licence footers (B602).

    ## Options
    None.
    """

    code = "B601"
    name = "website-boilerplate"
    category = "boilerplate"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        for b in ctx.report.boilerplate:
            if b.kind in ("disclaimer", "furniture"):
                what = "网站免责声明" if b.kind == "disclaimer" else "网页元素"
                first_line = b.text.split("\n")[0]
                yield Hit(
                    b.start, b.start + len(first_line), f"{what}混入正文：“{first_line[:30]}”"
                )

from __future__ import annotations

import re
from collections.abc import Iterator

from govtext import _re
from govtext.rules.base import Hit, LintContext, Rule, Severity

# A cheap first look: the four characters before a number (after the verbs and adverbs that
# may stand between) and its unit. Only sentences whose key repeats with another value, in
# another paragraph, are read in full by the metric extractor.
_NUMBER = _re.compile(
    r"(?=[0-9])(?<![0-9.])(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<unit>%|‰|[万亿]?[\u4e00-\u9fff])"
)
_BETWEEN = frozenset(
    "同比 比上年 较上年 实际 平均 年均 分别 均 累计 共 为 达 达到 增长 下降 提高 降低 减少 增加 约 近 "
    "超过 保持在 控制在 了 的 平均每年 每年 增加到 提高到 降至 降到 下降到 减少到 增长到 由 从 压减".split()
)
_HAN4 = _re.compile(r"[\u4e00-\u9fff]{4}")
_GOAL = _re.compile(r"目标|力争|预期|确保|拟|计划|争取")


def _key_before(text: str, pos: int) -> str:
    """The four characters before a number once the verbs and adverbs between are skipped."""
    end = pos
    for _ in range(4):
        for k in (4, 3, 2, 1):
            if text[end - k : end] in _BETWEEN:
                end -= k
                break
        else:
            break
    return text[max(0, end - 4) : end]


_TIME = _re.compile(
    r"[0-9]{4}年|[一二三四上下]半年|[一二三四]季度|前[一二三四]季度|[0-9]{1,2}月|今年|去年|上年|"
    r"五年来|近[一二三四五六七八九十]年|十[一二三四五]五|截至[^，。]{0,8}"
)
_SENTENCE = "。！？!?\n；"
# "全年优良率" and "全区优良率" name one indicator.
_SCOPE = _re.compile(
    r"^(?:全年|全市|全区|全县|全省|全国|全局|我市|我区|我县|本市|本区|今年|当年|年内)+"
)


def _qualifier(text: str, pos: int, indicator: str) -> str:
    """What the clause says before the indicator ("向公安机关移送" 问题线索): two clauses that
    qualify a short indicator differently measure different things."""
    start = max(text.rfind(ch, 0, pos) for ch in "，。；：！？\n") + 1
    k = text.rfind(indicator, start, pos)
    if k < 0:
        return ""
    return _SCOPE.sub("", text[start:k])[-6:]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind(ch, 0, pos) for ch in _SENTENCE) + 1
    ends = [e for e in (text.find(ch, pos) for ch in _SENTENCE) if e >= 0]
    return s, (min(ends) + 1 if ends else len(text))


_AVERAGE = _re.compile(r"年均|平均每年|每年平均|年平均")


def _block(ctx: LintContext, pos: int) -> tuple[int, int]:
    """The paragraph (or heading) holding ``pos``: times stated there apply to its figures."""
    import bisect

    blocks = ctx.units
    k = bisect.bisect_right([s for s, _ in blocks], pos) - 1
    return blocks[k] if k >= 0 and pos < blocks[k][1] else _sentence(ctx.doc.norm, pos)


class IndicatorTwoValues(Rule):
    """The same indicator given two different values in one report.

    ## What it flags
    "全年PM2.5年均值39.8微克/立方米" in the review and "PM2.5年均值40.1微克/立方米" in the summary:
    the same indicator, unit, direction and comparison base, stated as two results with
    different values, in different paragraphs, with no year, quarter or month to tell them apart.
    The finding marks the second value and names the first (line and value).

    ## Why it matters
    Figures get updated in one paragraph and not in another; reviewers check that every
    repeated figure agrees.

    ## Example (flagged)
    全年空气质量优良率达到85.2%，……。综上，我市空气质量优良率达到86.1%，完成年度目标。

    ## Example (clean)
    全年空气质量优良率达到85.2%，……。综上，我市空气质量优良率达到85.2%，完成年度目标。

    ## Not flagged (known traps)
    Goals next to results (目标增长6%、实际增长5.2%; anything in a plan section), approximate
    values (左右, 以上), values of
    different years, quarters, months or plan periods named in the paragraph (2023年…、2024年…;
    一季度…; “十二五”期间…), yearly averages next to one year's figure (年均增长7.8%), a change stated
    from one value to another (由65%提高到91%), lists that share one indicator (分别增长
    8.9%、7.7%), shares (占预算数的96.1% and 占总支出的27.98%), two values in one paragraph
    (usually two subsets), indicators of fewer than four characters, placeholders.

    ## Options
    None.
    """

    code = "C403"
    name = "indicator-two-values"
    category = "consistency"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Hit]:
        text = ctx.doc.norm
        groups: dict[tuple[str, str], list[re.Match[str]]] = {}
        import bisect

        starts = [b for b, _ in ctx.units]
        plan = [(sec.start, sec.end) for sec in ctx.report.sections if sec.role == "plan"]
        for km in _NUMBER.finditer(text):
            pos = km.start()
            if text.startswith(("左右", "以上", "以内", "以下"), km.end()) or _GOAL.search(
                text, max(0, pos - 10), pos
            ):
                continue  # goals and approximate values are never compared
            if any(a <= pos < b for a, b in plan):
                continue
            key = _key_before(text, pos)
            if len(key) == 4 and _HAN4.fullmatch(key):
                groups.setdefault((key, km.group("unit")), []).append(km)
        windows: set[tuple[int, int]] = set()
        for kms in groups.values():
            if len(kms) < 2 or len({km.group("num") for km in kms}) < 2:
                continue
            blocks = {bisect.bisect_right(starts, km.start()) for km in kms}
            if len(blocks) > 1:  # two values in one paragraph are never flagged
                windows.update(_sentence(text, km.start("num")) for km in kms)
        if not windows:
            return
        from govtext.extract.metrics import metrics

        found = metrics(
            ctx.doc, report=ctx.report, placeholders=ctx.placeholders, within=sorted(windows)
        )
        first: dict[
            tuple[str, str, str, str, str | None, bool], tuple[int, float, tuple[int, int]]
        ] = {}
        for m in found:
            if (
                m.value is None
                or m.target
                or m.approx
                or m.placeholder
                or len(m.indicator) < 4
                or m.direction == "limit"
                or "占" in text[max(0, m.start - 12) : m.start]  # shares of differing wholes
            ):
                continue
            average = bool(_AVERAGE.search(text, max(0, m.start - 10), m.start))
            ident = (
                _SCOPE.sub("", m.indicator),
                _qualifier(text, m.start, m.indicator),
                m.unit,
                m.direction,
                m.comparison,
                average,
            )
            block = _block(ctx, m.start)
            times = frozenset(_TIME.findall(text[block[0] : block[1]]))
            seen = first.get(ident)
            if seen is None:
                first[ident] = (m.start, m.value, block)
                continue
            start, value, _ = seen
            seen_block = _block(ctx, start)
            if seen_block == block or abs(value - m.value) < 1e-9:
                continue  # one paragraph giving two values is usually about two subsets
            seen_times = frozenset(_TIME.findall(text[seen_block[0] : seen_block[1]]))
            if times != seen_times:
                continue
            line = ctx.doc.position(start).line
            yield Hit(
                m.start,
                m.end,
                f"同一指标两个数值：“{m.indicator}”此处为{m.text}，第{line}行为{value:g}{m.unit}",
            )

"""PNG charts of a corpus (extra ``[plot]``): theme shares by year, slogan timelines.

Charts are drawn on a bare :class:`matplotlib.figure.Figure` (no pyplot, no GUI backend) with
a CJK font found on the system (Noto/Source Han/WenQuanYi/SimHei/Microsoft YaHei/PingFang),
so Chinese labels render; without one, labels may show as boxes and a warning says so.
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtext.errors import MissingExtraError

if TYPE_CHECKING:
    from govtext.batch.stats import Corpus

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
)


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError("matplotlib", "plot") from None
    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _style() -> Any:
    """Fonts for this chart only (``rc_context``), not for the caller's other figures."""
    import matplotlib

    rc: Any = {"axes.unicode_minus": False}
    font = cjk_font()
    if font:
        rc["font.family"] = [font, "DejaVu Sans"]
    return matplotlib.rc_context(rc)


def _save(fig: Any, path: Path) -> Path:
    from govtext.batch.store import atomic_open

    with atomic_open(path, "wb") as fh:
        fig.savefig(fh, format="png")
    return path


@cache
def cjk_font() -> str | None:
    """The first installed font of :data:`CJK_FONTS`, or ``None`` (with a warning)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    warnings.warn("no CJK font found: Chinese labels may not render", stacklevel=2)
    return None


def theme_share_chart(corpus: Corpus, path: Path, *, top: int = 8) -> Path | None:
    """Stacked bars: each year's body text split by theme (the ``top`` themes, the rest as
    "其他"). ``None`` when the tables hold no themes."""
    frame = corpus["theme_by_year"]
    if frame.empty:
        return None
    totals = frame.groupby("theme")["chars"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    data = frame.assign(theme=frame["theme"].where(frame["theme"].isin(keep), "其他"))
    wide = data.pivot_table(index="year", columns="theme", values="share", aggfunc="sum")
    wide = wide.fillna(0.0)[[t for t in [*keep, "其他"] if t in wide.columns]]
    with _style():
        return _theme_bars(wide, path)


def _theme_bars(wide: Any, path: Path) -> Path:
    fig = _figure(min(16.0, max(6.0, 0.22 * len(wide) + 3)), 4.5)
    ax = fig.subplots()
    bottom = [0.0] * len(wide)
    years = [str(int(y)) for y in wide.index]
    for theme in wide.columns:
        values = [float(v) for v in wide[theme]]
        ax.bar(years, values, bottom=bottom, label=str(theme), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylim(0, 1)
    ax.set_ylabel("正文字数占比")
    ax.set_title("各年份主题占比")
    ax.tick_params(axis="x", labelrotation=90 if len(years) > 12 else 0)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(  # top of the legend = top of the stack
        handles[::-1],
        labels[::-1],
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        fontsize="small",
        frameon=False,
    )
    return _save(fig, path)


def slogan_timeline_chart(
    corpus: Corpus, path: Path, *, slogans: list[str] | None = None, top: int = 12
) -> Path | None:
    """One row per slogan: a dot per year it appears in (area ∝ mentions), a line from its
    first to its last year. ``slogans`` picks the rows, else the ``top`` by documents."""
    by_year = corpus["slogan_by_year"]
    span = corpus["slogan_span"]
    if by_year.empty:
        return None
    names = slogans or [str(s) for s in span["slogan"].head(top)]
    names = [n for n in names if (by_year["slogan"] == n).any()]
    if not names:
        return None
    with _style():
        return _timeline(by_year, names, path)


def _timeline(by_year: Any, names: list[str], path: Path) -> Path:
    fig = _figure(9.0, 0.45 * len(names) + 1.6)
    ax = fig.subplots()
    peak = max(int(by_year["count"].max()), 1)
    for row, name in enumerate(reversed(names)):
        data = by_year[by_year["slogan"] == name]
        years = [int(y) for y in data["year"]]
        counts = [int(c) for c in data["count"]]
        ax.hlines(row, min(years), max(years), color="0.75", linewidth=1, zorder=1)
        ax.scatter(years, [row] * len(years), s=[20 + 180 * c / peak for c in counts], zorder=2)
        for year, count in zip(years, counts, strict=True):
            if count > 1:
                ax.annotate(
                    str(count),
                    (year, row),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    fontsize="x-small",
                    color="0.3",
                )
    ax.set_yticks(range(len(names)), list(reversed(names)))
    ax.set_ylim(-0.6, len(names) - 0.3)  # room for the counts above the top row
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("年份")
    ax.set_title("口号出现的年份（点的大小：提及次数）")
    ax.grid(axis="x", color="0.9")
    return _save(fig, path)


def plot_corpus(
    corpus: Corpus, folder: str | os.PathLike[str], *, slogans: list[str] | None = None
) -> list[Path]:
    """Write the charts that have data into ``folder``; return their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    made = [
        theme_share_chart(corpus, target / "theme_share_by_year.png"),
        slogan_timeline_chart(corpus, target / "slogan_timeline.png", slogans=slogans),
    ]
    return [p for p in made if p is not None]

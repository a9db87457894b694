"""``govtext stats``: the corpus views of :mod:`govtext.batch.stats` as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govtext.batch.stats import Corpus


def _int(value: Any) -> str:
    return "—" if value is None or value != value or str(value) == "<NA>" else str(int(value))


def _num(value: Any) -> str:
    if value is None or str(value) == "<NA>" or value != value:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def render_stats(corpus: Corpus, *, slogans: list[str] | None = None, top: int = 10) -> str:
    """Row counts, slogan timelines, theme shares by year, metrics by year, placeholders."""
    docs = corpus["documents"]
    lines = []
    years = docs["year"].dropna()
    span = f"years {int(years.min())}–{int(years.max())}" if len(years) else "no years"
    lines.append(
        f"corpus {corpus.source}: {len(docs)} documents, {len(corpus['errors'])} errors; "
        f"{span} ({len(years)} documents with a year)"
    )
    from govtext.batch.schema import TABLES

    lines.append("tables: " + ", ".join(f"{t} {len(corpus[t])}" for t in TABLES))

    lines.append("")
    lines.append("slogans (first → last year, documents, mentions; mentions per year):")
    span_view = corpus["slogan_span"]
    by_year = corpus["slogan_by_year"]
    chosen = slogans or [str(s) for s in span_view["slogan"].head(top)]
    if not chosen:
        lines.append("  (no slogans in the tables)")
    for name in chosen:
        row = span_view[span_view["slogan"] == name]
        if row.empty:
            lines.append(f"  {name}: not found")
            continue
        r = row.iloc[0]
        per_year = by_year[by_year["slogan"] == name]
        timeline = " ".join(
            f"{int(y)}:{int(c)}" for y, c in zip(per_year["year"], per_year["count"], strict=True)
        )
        lines.append(
            f"  {name}: {_int(r['first_year'])} → {_int(r['last_year'])}, "
            f"{int(r['documents'])} documents, {int(r['count'])} mentions"
            + (f" | {timeline}" if timeline else "")
        )

    lines.append("")
    themes = corpus["theme_by_year"]
    if themes.empty:
        lines.append("themes by year: (no themes in the tables: run batch with --themes)")
    else:
        lines.append("themes by year (share of tagged body text; the five largest):")
        for year, group in themes.groupby("year", sort=True):
            shares = ", ".join(
                f"{t} {s:.0%}"
                for t, s in zip(group["theme"].head(5), group["share"].head(5), strict=True)
            )
            lines.append(f"  {int(year)}: {shares}")

    lines.append("")
    metrics = corpus["metric_table"]
    if metrics.empty:
        lines.append("metrics by year: (no metrics in the tables)")
    else:
        lines.append(f"metrics by year (top {top} indicators by mentions; value [target]):")
        ranked = metrics.groupby(["indicator", "unit"])["mentions"].sum()
        for (indicator, unit), _ in ranked.sort_values(ascending=False).head(top).items():
            rows = metrics[(metrics["indicator"] == indicator) & (metrics["unit"] == unit)]
            cells = []
            for _, r in rows.iterrows():
                target = f" [{_num(r['target'])}]" if _num(r["target"]) else ""
                cells.append(f"{int(r['year'])}={_num(r['value']) or '—'}{target}")
            label = f"{indicator} ({unit})" if unit else str(indicator)
            lines.append(f"  {label}: " + " ".join(cells))

    lines.append("")
    holes = corpus["placeholders_by_document"]
    holes = holes[holes["total"] > 0].sort_values(["total", "path"], ascending=[False, True])
    if holes.empty:
        lines.append("placeholders: none")
    else:
        lines.append(f"placeholders by document (top {top} of {len(holes)} with any):")
        kinds = [c for c in holes.columns if c not in ("doc_id", "path", "year", "total")]
        for _, r in holes.head(top).iterrows():
            detail = ", ".join(f"{k} {int(r[k])}" for k in kinds if int(r[k]))
            lines.append(f"  {int(r['total']):4d}  {r['path']} ({detail})")
    return "\n".join(lines)

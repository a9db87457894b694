"""``govtext stats``: corpus views of a batch output, printed, written as CSV, and charted."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def stats(
    out: Annotated[str, typer.Argument(help="The -o of a batch run (a folder or a .jsonl file).")],
    views: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the views here as CSV (default: OUT/stats, or OUT.stats for .jsonl).",
        ),
    ] = None,
    plot: Annotated[
        str | None,
        typer.Option("--plot", help="Write PNG charts here: theme shares, slogan timelines."),
    ] = None,
    slogan: Annotated[
        list[str] | None,
        typer.Option("--slogan", "-s", help="Slogans to show and chart (default: the most used)."),
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="Rows per section of the summary.")] = 10,
) -> None:
    """Corpus views: slogans by year and document (first and last appearance), theme shares
    by document and year, indicator × year metrics with targets, placeholders by document.

    Example:
        govtext stats tables --plot charts -s 四个意识 -s 两个维护 -s 放管服
    """
    from pathlib import Path

    from govtext.batch.stats import load, write_views
    from govtext.output.corpus import render_stats

    corpus = load(out)
    typer.echo(render_stats(corpus, slogans=slogan, top=top))
    source = Path(out)
    target = (
        Path(views)
        if views
        else (source.with_name(source.name + ".stats") if source.is_file() else source / "stats")
    )
    written = write_views(corpus, target)
    typer.echo(f"\nwrote {len(written)} views to {target}", err=True)
    if plot:
        from govtext.batch.plot import plot_corpus

        charts = plot_corpus(corpus, plot, slogans=slogan)
        for chart in charts:
            typer.echo(f"wrote {chart}", err=True)
        if not charts:
            typer.echo("no charts: the tables hold no themes and no slogans", err=True)

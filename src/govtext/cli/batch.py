"""``govtext batch``: many reports to tidy tables or JSON lines, in parallel and resumable."""

from __future__ import annotations

import sys
import time
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from govtext.cli.common import Indicators, fail

if TYPE_CHECKING:
    from govtext.batch.run import Progress, Summary

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


class BatchFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class _Reporter:
    """A progress bar on a terminal (rich, drawn only when a chunk completes, so no thread
    runs when worker processes are forked); elsewhere a line at most every 30 seconds."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.task: Any = None
        self.t0 = self.last_log = time.monotonic()

    def __call__(self, event: Progress) -> None:
        if self.quiet:
            return
        if event.stage == "start":
            skipped = f", {event.skipped} already done" if event.skipped else ""
            typer.echo(f"batch: {event.total} files to process{skipped}", err=True)
            if sys.stderr.isatty() and event.total:
                self._start_bar(event.total)
            return
        if self.bar is not None:
            rate = event.done / max(time.monotonic() - self.t0, 1e-9)
            self.bar.update(
                self.task, completed=event.done, errors=event.errors, rate=f"{rate:.1f} files/s"
            )
            self.bar.refresh()
            if event.stage == "write":
                self.bar.stop()
                self.bar = None
        elif event.stage == "parse" and time.monotonic() - self.last_log >= 30:
            self.last_log = time.monotonic()
            rate = event.done / max(time.monotonic() - self.t0, 1e-9)
            typer.echo(
                f"batch: {event.done}/{event.total} files, {event.errors} errors, {rate:.1f} files/s",
                err=True,
            )
        if event.stage == "write":
            typer.echo("batch: writing the tables", err=True)

    def _start_bar(self, total: int) -> None:
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:  # pragma: no cover - rich comes with typer
            return
        self.bar = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            auto_refresh=False,
            console=Console(stderr=True),
        )
        self.task = self.bar.add_task("batch", total=total, errors=0, rate="")
        self.bar.start()


def _summary_lines(summary: Summary) -> list[str]:
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    mb = summary.bytes_read / 1e6
    lines = [
        f"batch: {summary.processed} files in {summary.seconds:.1f} s "
        f"({rate:.1f} documents/s, {mb / max(summary.seconds, 1e-9):.2f} MB/s)"
        + (f", {summary.skipped} already done" if summary.skipped else ""),
        f"wrote {summary.out} ({summary.format}): "
        + ", ".join(f"{table} {n}" for table, n in summary.rows.items()),
    ]
    if summary.errors_this_run:
        lines.append(
            f"batch: {summary.errors_this_run} files could not be read or parsed (see errors)"
        )
    for name in summary.damaged_parts:
        lines.append(f"batch: damaged part {name} set aside; its files were processed again")
    return lines


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursively) and glob patterns of .txt/.md/.docx."),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="A folder of tables (parquet, csv) or one .jsonl file.",
        ),
    ],
    format: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="parquet, csv or jsonl (default: jsonl for -o *.jsonl, else parquet).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per CPU)."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Keep what OUT holds; process only the rest.")
    ] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Start over when OUT already holds a run.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local (processes here) or dask.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); default: a local cluster of -j workers.",
        ),
    ] = None,
    themes: Annotated[
        bool,
        typer.Option(
            "--themes/--no-themes",
            help="Tag sections, paragraphs and tasks with themes (needs the theme model).",
        ),
    ] = False,
    lint: Annotated[
        bool, typer.Option("--lint/--no-lint", help="Fill the findings table with lint findings.")
    ] = True,
    sentences: Annotated[
        bool,
        typer.Option("--sentences/--no-sentences", help="JSONL: include sentence spans."),
    ] = True,
    indicators: Annotated[
        Indicators,
        typer.Option(
            help="How metric indicators are chosen: rules (fast) or ranked (learned, slower)."
        ),
    ] = Indicators.rules,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Parse a corpus into tidy tables joined by document id, or into JSON lines.

    Tables (Parquet or CSV, OUT/<table>.<format>): documents, sections, paragraphs, tasks,
    slogans, metrics, placeholders, findings, errors. A file that cannot be read or parsed is
    a row in errors and the run goes on. Chunks are saved as they finish (OUT/_parts): after
    Ctrl-C or a kill, run the same command with --resume. The same inputs give the same
    output whatever -j and engine.

    Example:
        govtext batch reports/ -o tables -j 4
        govtext batch 'reports/**/*.docx' -o corpus.jsonl --resume
    """
    if scheduler and engine is not Engine.dask:
        fail("GT-E201 --scheduler needs --engine dask")
    from govtext.batch.process import Options
    from govtext.batch.run import BatchInterrupted, run_batch

    reporter = _Reporter(quiet)
    try:
        summary = run_batch(
            inputs,
            output,
            format=format.value if format else None,
            jobs=jobs,
            resume=resume,
            overwrite=overwrite,
            engine=engine.value,
            scheduler=scheduler,
            options=Options(
                themes=themes, findings=lint, sentences=sentences, indicators=indicators.value
            ),
            progress=reporter,
        )
    except BatchInterrupted as exc:
        if reporter.bar is not None:
            reporter.bar.stop()
        fail(f"{exc}; run the same command with --resume to finish", 130)
    if not quiet:
        for line in _summary_lines(summary):
            typer.echo(line, err=True)

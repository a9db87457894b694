"""``govtext parse``: structure and elements of reports as JSON, JSON lines or an outline."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from govtext.cli.common import Indicators, read_input

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


@app.command()
def parse(
    files: Annotated[
        list[str], typer.Argument(help="Report files (.txt, .md, .docx), or - for stdin.")
    ],
    format: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="json, jsonl or text (outline).")
    ] = ParseFormat.json,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (default: detect).")
    ] = None,
    sentences: Annotated[
        bool, typer.Option("--sentences/--no-sentences", help="Include sentence spans.")
    ] = True,
    themes: Annotated[
        bool,
        typer.Option(
            "--themes/--no-themes", help="Tag sections, paragraphs and tasks with themes."
        ),
    ] = False,
    themes_model: Annotated[
        str | None,
        typer.Option(help="Tag themes with this model file (from `govtext train`)."),
    ] = None,
    lint: Annotated[
        bool,
        typer.Option("--lint/--no-lint", help="Fill `findings` with the lint findings."),
    ] = True,
    indicators: Annotated[
        Indicators,
        typer.Option(
            help="How metric indicators are chosen: rules (fast) or ranked (learned, slower)."
        ),
    ] = Indicators.rules,
) -> None:
    """Parse reports into structure and elements.

    Prints one JSON object per document (a list when several), JSON lines, or the outline.

    Example:
        govtext parse corpus/samples/clean_report.txt --format text
    """
    import json

    from govtext.errors import GovtextError
    from govtext.pipeline import parse_document

    failed = 0
    results: list[dict[str, Any]] = []
    for path in files:
        try:
            doc = read_input(path, encoding)
            report = parse_document(
                doc,
                themes=themes and not themes_model,
                findings=lint,
                sentences=sentences,
                indicators=indicators.value,
            )
            if themes_model:
                from govtext.themes import load_model
                from govtext.themes.tag import tag_report

                tag_report(report, model=load_model(themes_model))
        except GovtextError as exc:
            typer.echo(str(exc), err=True)
            failed += 1
            continue
        if format is ParseFormat.text:
            from govtext.output.outline import render_outline

            typer.echo(render_outline(report))
        elif format is ParseFormat.jsonl:
            typer.echo(json.dumps(report.to_dict(sentences=sentences), ensure_ascii=False))
        else:
            results.append(report.to_dict(sentences=sentences))
    if format is ParseFormat.json and results:
        payload: Any = results[0] if len(files) == 1 else results
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    if failed:
        raise typer.Exit(2)

"""``govtext classify``: the theme of every paragraph of a file (one per non-blank line)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

PREVIEW = 30


class ClassifyFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


@app.command()
def classify(
    file: Annotated[str, typer.Argument(help="A report (.txt, .md, .docx), or - for stdin.")],
    format: Annotated[
        ClassifyFormat,
        typer.Option(
            "--format", "-f", help="text (line, label, score, start of the text) or jsonl."
        ),
    ] = ClassifyFormat.text,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="A model file from `govtext train`.")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (default: detect).")
    ] = None,
) -> None:
    """Tag each paragraph (non-blank line) with a theme of TAXONOMY.md.

    Text output: one line per paragraph with its line number, theme, probability and start.

    JSON lines carry the offsets and every theme's score.

    Example:
        govtext classify corpus/samples/clean_report.txt
        echo "一是深入开展大气污染防治。" | govtext classify - --format jsonl
    """
    import json

    from govtext.cli.common import fail, read_input
    from govtext.errors import GovtextError
    from govtext.themes.classifier import load_model

    try:
        doc = read_input(file, encoding)
        theme_model = load_model(model)
    except GovtextError as exc:
        fail(str(exc))
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in doc.norm.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    predictions = theme_model.classify([doc.norm[s:e] for s, e in spans])
    for (start, end), pred in zip(spans, predictions, strict=True):
        pos = doc.position(start)
        text = doc.text[start:end]
        if format is ClassifyFormat.jsonl:
            record = {
                "line": pos.line,
                "start": start,
                "end": end,
                "label": pred.label,
                "scores": {k: round(v, 4) for k, v in pred.scores.items()},
                "text": text,
            }
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            preview = text if len(text) <= PREVIEW else text[:PREVIEW] + "…"
            typer.echo(f"{pos.line}\t{pred.label}\t{pred.scores[pred.label]:.2f}\t{preview}")

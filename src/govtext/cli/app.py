"""The ``govtext`` command: parses arguments, calls one library function, prints.

Only ``typer`` is imported at start-up; each command imports what it needs when it runs, so
``govtext lint`` never pays for jieba, scikit-learn, spaCy or pandas.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from govtext.document import Document

app = typer.Typer(
    name="govtext",
    help="Parse and lint Chinese government work reports (工作报告, 工作总结, 述职述廉报告, 讲话).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def read_input(path: str, encoding: str | None = None) -> Document:
    """Read a path, or standard input for ``-`` (format from ``--stdin-format``/content)."""
    from govtext.readers import read, read_bytes

    if path == "-":
        data = sys.stdin.buffer.read()
        fmt = "docx" if data[:2] == b"PK" else "text"
        return read_bytes(data, path="-", format=fmt, encoding=encoding)
    return read(path, encoding=encoding)


def _version(value: bool) -> None:
    if value:
        from govtext import __version__

        typer.echo(f"govtext {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Parse and lint Chinese government work reports."""


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
            report = parse_document(doc, themes=themes)
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


def main() -> None:
    """Console-script entry: library errors become one line on stderr and exit code 2."""
    from govtext.errors import GovtextError

    try:
        app()
    except GovtextError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # Output piped into `head`: not an error the user needs to read about.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        finally:
            sys.exit(0)
    except Exception as exc:  # a bug: one line, and the traceback only on request
        if os.environ.get("GOVTEXT_DEBUG"):
            raise
        typer.echo(
            f"GT-E999 internal error: {exc.__class__.__name__}: {exc} (set GOVTEXT_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(3)

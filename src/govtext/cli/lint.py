"""``govtext lint``: placeholder and QA checks, in the formats editors and CI read."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from govtext.cli.common import fail, read_input

if TYPE_CHECKING:
    from govtext.document import Document
    from govtext.model import Finding

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@app.command()
def lint(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .md, .docx; folders recursively), or - for stdin."
        ),
    ],
    format: Annotated[
        LintFormat, typer.Option("--format", "-f", help="text, json, sarif, github or html.")
    ] = LintFormat.text,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rules to run (codes, prefixes, names, categories; comma-separated)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Rules to skip (same forms as --select).")
    ] = None,
    severity: Annotated[
        Level, typer.Option(help="Report findings at or above this severity.")
    ] = Level.info,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this (default: config fail-on, else warning).",
        ),
    ] = None,
    preview: Annotated[bool, typer.Option(help="Also run preview rules (e.g. S205).")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print counts per rule instead of findings.")
    ] = False,
    annotate: Annotated[
        str | None,
        typer.Option(
            help="Write an annotated copy: Word comments for .docx, inline 〖markers〗 for text (a folder when several inputs)."
        ),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Write a copy with safe fixes applied (quote direction, half-width marks).",
        ),
    ] = False,
    fix_to: Annotated[
        str | None,
        typer.Option(
            "--fix-to", help="Where --fix writes (default: NAME.fixed.EXT beside the input)."
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the report to a file instead of stdout."),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config", help="Use this govtext.toml / pyproject.toml instead of searching."
        ),
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Force a text encoding.")] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2)."
        ),
    ] = False,
    no_source: Annotated[
        bool,
        typer.Option("--no-source", help="Text format: omit the source line under each finding."),
    ] = False,
) -> None:
    """Check reports for unfilled placeholders, list and heading slips, punctuation, totals, wording.

    Exit codes: 0 clean, 1 findings at or above the failing severity, 2 usage or input error.

    Example:
        govtext lint corpus/samples/draft_report.txt
        govtext lint reports/ --format sarif -o govtext.sarif
        govtext lint draft.docx --annotate draft.reviewed.docx
    """
    from govtext.config import LintConfig, find_config, load_file
    from govtext.errors import ConfigError, GovtextError
    from govtext.lint import at_least, lint_paths
    from govtext.rules.base import Severity

    sel = _split(select)
    ign = _split(ignore)
    try:
        forced: LintConfig | None = None
        if config:
            if not os.path.exists(config):
                raise ConfigError("no such config file", config)
            forced = load_file(config) or LintConfig()
        if preview and not sel:
            from govtext.rules.registry import all_rules

            sel = [r.code for r in all_rules() if r.status in ("stable", "preview")]
        from govtext.rules.registry import resolve

        resolve(sel)
        resolve(ign)
    except KeyError as exc:
        fail(f"GT-E201 unknown rule {exc.args[0]!r} in --select/--ignore (see `govtext rules`)")
    except GovtextError as exc:
        fail(str(exc))
    input_errors = 0
    results = []
    all_findings = []
    fail_level = fail_on.value if fail_on else None
    try:
        for res in lint_paths(paths, select=sel or None, ignore=ign or None, config=forced,
                              read_input=lambda p: read_input(p, encoding)):  # fmt: skip
            if res.error is not None:
                typer.echo(str(res.error), err=True)
                input_errors += 1
                continue
            assert res.doc is not None
            shown = at_least(res.findings, severity.value)
            results.append((res.doc, shown))
            all_findings.extend(shown)
            if fail_level is None:
                fail_level = (forced or find_config(None if res.path == "-" else res.path)).fail_on
            if annotate:
                _write_annotation(
                    res.path,
                    res.doc,
                    shown,
                    annotate,
                    many=len(paths) > 1 or os.path.isdir(paths[0]),
                )
            if fix:
                _write_fix(res.path, res.doc, shown, fix_to)
    except ConfigError as exc:
        fail(str(exc))
    except GovtextError as exc:
        fail(str(exc))
    report = _render_lint(format, results, all_findings, statistics, no_source)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(report + "\n")
    elif report:
        typer.echo(report)
    if input_errors:
        raise typer.Exit(2)
    failing = [
        f
        for f in all_findings
        if Severity(f.severity).rank >= Severity(fail_level or "warning").rank
    ]
    if failing and not exit_zero:
        raise typer.Exit(1)


def _render_lint(
    fmt: LintFormat,
    results: list[tuple[Document, list[Finding]]],
    findings: list[Finding],
    statistics: bool,
    no_source: bool,
) -> str:
    if statistics:
        from govtext.output.text import render_statistics
        from govtext.rules.registry import all_rules

        return render_statistics(findings, {r.code for r in all_rules() if r.fixable})
    if fmt is LintFormat.json:
        from govtext.output.json_ import render_json

        return render_json(findings)
    if fmt is LintFormat.sarif:
        from govtext import __version__
        from govtext.output.sarif import render_sarif

        return render_sarif(findings, version=__version__)
    if fmt is LintFormat.github:
        from govtext.output.github import render_github

        return render_github(findings)
    if fmt is LintFormat.html:
        from govtext.output.html import render_html

        return render_html(results)
    from govtext.output.text import render_text

    return render_text(
        results, colour=sys.stdout.isatty() and not os.environ.get("NO_COLOR"), source=not no_source
    )


def _write_annotation(
    path: str, doc: Document, findings: list[Finding], target: str, many: bool
) -> None:
    from govtext.annotate import annotate_docx, annotate_text

    name = os.path.basename(path) if path != "-" else "stdin.txt"
    out = os.path.join(target, name) if many else target
    if many:
        os.makedirs(target, exist_ok=True)
    if doc.format == "docx":
        n = annotate_docx(path, findings, out)
        typer.echo(f"{out}: {n} comments", err=True)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(annotate_text(doc, findings))
        typer.echo(f"{out}: {len(findings)} markers", err=True)


def _write_fix(path: str, doc: Document, findings: list[Finding], target: str | None) -> None:
    from govtext.annotate import fix_docx, fix_text

    if path == "-":
        fixed, n = fix_text(doc.text, findings)
        sys.stdout.write(fixed)
        return
    stem, ext = os.path.splitext(path)
    out = target or f"{stem}.fixed{ext}"
    if doc.format == "docx":
        n = fix_docx(path, findings, out)
    else:
        fixed, n = fix_text(doc.text, findings)
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(fixed)
    typer.echo(f"{out}: {n} fixes applied", err=True)

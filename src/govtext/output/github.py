"""``--format github``: workflow commands that GitHub Actions turns into annotations."""

from __future__ import annotations

from collections.abc import Sequence

from govtext.model import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding]) -> str:
    lines = []
    for f in findings:
        props = (
            f"file={_escape_prop(f.path or '-')},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.code + ' ' + f.rule)}"
        )
        lines.append(
            f"::{_LEVEL.get(f.severity, 'warning')} {props}::{_escape_data(f.code + ' ' + f.message)}"
        )
    return "\n".join(lines)

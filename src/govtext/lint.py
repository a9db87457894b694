"""Run the selected lint rules on a document: configuration, inline suppressions, severities.

``<!-- govtext: ignore P101 -->`` (or ``ignore`` with no codes, for all rules) placed before a
paragraph of a .txt or .md file silences those rules for that paragraph;
``<!-- govtext: ignore-file W501 -->`` silences them for the whole file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from govtext import _re
from govtext.config import LintConfig, find_config
from govtext.document import Document
from govtext.errors import GovtextError
from govtext.model import Finding
from govtext.report import ParsedReport
from govtext.rules.base import LintContext, Rule, Severity
from govtext.rules.registry import all_rules, resolve

_DIRECTIVE = _re.compile(r"<!--\s*govtext:\s*(ignore-file|ignore)\b([^>]*?)-->")
LINTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".docx"}


def active_codes(
    config: LintConfig,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    path: str | None = None,
) -> set[str]:
    """Codes to run: CLI ``select`` replaces the configured one; ignores add up."""
    rules = [r for r in all_rules() if r.status != "removed"]
    chosen = select if select else config.select
    codes = resolve(list(chosen)) if chosen else {r.code for r in rules if r.status == "stable"}
    codes -= resolve(list(config.ignore)) if config.ignore else set()
    codes -= resolve(list(ignore)) if ignore else set()
    codes -= config.ignored_for(path)
    return codes


def _suppressions(
    doc: Document, report: ParsedReport
) -> tuple[set[str] | None, list[tuple[int, int, set[str] | None]]]:
    """(codes ignored file-wide or None, [(start, end, codes or None for all)])."""
    if "govtext:" not in doc.text:
        return set(), []
    file_codes: set[str] | None = set()
    spans: list[tuple[int, int, set[str] | None]] = []
    starts = sorted(report.blocks)
    for m in _DIRECTIVE.finditer(doc.text):
        raw = [c for c in re.split(r"[\s,]+", m.group(2).strip()) if c]
        codes = resolve(raw) if raw else None
        if m.group(1) == "ignore-file":
            if codes is None or file_codes is None:
                file_codes = None
            else:
                file_codes |= codes
            continue
        nxt = next(((s, e) for s, e in starts if s >= m.end()), None)
        if nxt is not None:
            spans.append((nxt[0], nxt[1], codes))
    return file_codes, spans


def lint(
    doc: Document,
    *,
    config: LintConfig | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    report: ParsedReport | None = None,
) -> list[Finding]:
    """Lint a document; findings sorted by position then code.

    Args:
        doc: the document (``doc.path`` picks the configuration and per-path ignores).
        config: a configuration; by default the one found upward from ``doc.path``.
        select, ignore: rule selectors (codes, prefixes, names, categories), as on the CLI.
        report: an already parsed report of ``doc``, to avoid parsing twice.

    Example:
        >>> [f.code for f in lint(Document.from_text("全年完成XX万元，一是抓党建。二是抓业务。二是抓队伍。"))]
        ['P101', 'S201']
    """
    config = config or find_config(doc.path)
    codes = active_codes(config, select, ignore, doc.path)
    ctx = LintContext(doc, config, report)
    file_ignored, spans = _suppressions(doc, ctx.report)
    if file_ignored is None:
        return []
    codes -= file_ignored
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for rule_cls in all_rules():
        if rule_cls.code not in codes:
            continue
        rule: Rule = rule_cls()
        severity = config.severity.get(rule.code, rule.severity.value)
        for hit in rule.check(ctx):
            key = (rule.code, hit.start, hit.end)
            if key in seen or _suppressed(rule.code, hit.start, spans):
                continue
            seen.add(key)
            findings.append(_finding(doc, rule, severity, hit))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def _suppressed(code: str, pos: int, spans: list[tuple[int, int, set[str] | None]]) -> bool:
    return any(s <= pos < e and (codes is None or code in codes) for s, e, codes in spans)


def _finding(doc: Document, rule: Rule, severity: str, hit: object) -> Finding:
    from govtext.rules.base import Hit

    assert isinstance(hit, Hit)
    p = doc.position(hit.start)
    q = doc.position(hit.end)
    fix = None
    if hit.fix is not None:
        fix = {
            "start": hit.fix.start,
            "end": hit.fix.end,
            "replacement": hit.fix.replacement,
            "title": hit.fix.title,
            "safe": hit.fix.safe,
        }
    return Finding(
        path=doc.path,
        line=p.line,
        column=p.column,
        end_line=q.line,
        end_column=q.column,
        start=hit.start,
        end=hit.end,
        code=rule.code,
        rule=rule.name,
        category=rule.category,
        severity=severity,
        message=hit.message,
        text=doc.text[hit.start : hit.end],
        fix=fix,
    )


class FileResult(NamedTuple):
    """The outcome of linting one input: its findings, or the error that stopped it."""

    path: str
    doc: Document | None
    findings: list[Finding]
    error: GovtextError | None = None


def iter_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, .txt/.md/.docx, hidden folders skipped); keep files and "-"."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in LINTABLE_SUFFIXES and not name.startswith(
                        (".", "~$")
                    ):
                        yield os.path.join(root, name)
        else:
            yield p


def lint_paths(
    paths: Iterable[str],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    read_input: object | None = None,
    config: LintConfig | None = None,
) -> Iterator[FileResult]:
    """Lint each input; an unreadable input yields a result with ``error`` set, and the run goes on."""
    from govtext.readers import read

    for path in iter_inputs(paths):
        try:
            doc = read_input(path) if callable(read_input) else read(path)
            cfg = config or find_config(None if path == "-" else path)
            findings = lint(doc, config=cfg, select=select, ignore=ignore)
        except GovtextError as exc:
            yield FileResult(path, None, [], exc)
            continue
        yield FileResult(path, doc, findings)


def at_least(findings: Iterable[Finding], level: str) -> list[Finding]:
    rank = Severity(level).rank
    return [f for f in findings if Severity(f.severity).rank >= rank]


def with_path(findings: Iterable[Finding], path: str) -> list[Finding]:
    return [f._replace(path=path) for f in findings]

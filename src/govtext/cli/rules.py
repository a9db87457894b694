"""``govtext rules``: the rule table, or one rule's documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from govtext.cli.common import fail

if TYPE_CHECKING:
    pass

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code or name to explain.")] = None,
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """List the lint rules, or explain one (its docstring is its documentation).

    Example:
        govtext rules
        govtext rules P101
    """
    import json

    from govtext.rules.registry import all_rules, by_code

    if code is None:
        rows = all_rules()
        if format == "json":
            typer.echo(json.dumps([_rule_json(r) for r in rows], ensure_ascii=False, indent=1))
            return
        typer.echo(f"{'code':<6} {'name':<28} {'category':<12} {'severity':<8} {'status':<8} fix")
        for r in rows:
            typer.echo(
                f"{r.code:<6} {r.name:<28} {r.category:<12} {r.severity.value:<8} {r.status:<8} {'yes' if r.fixable else ''}"
            )
        return
    table = by_code()
    rule = table.get(code.upper()) or next((r for r in all_rules() if r.name == code), None)
    if rule is None:
        fail(f"GT-E201 unknown rule {code!r} (see `govtext rules`)")
    if format == "json":
        typer.echo(json.dumps(_rule_json(rule), ensure_ascii=False, indent=1))
        return
    typer.echo(f"# {rule.name} ({rule.code})\n")
    typer.echo(f"Category: {rule.category}    Default severity: {rule.severity.value}    "
               f"Fix: {'available' if rule.fixable else 'none'}    Status: {rule.status}")  # fmt: skip
    if rule.status == "preview":
        typer.echo("This is a preview rule: it runs only when selected (--select or --preview).")
    typer.echo("")
    typer.echo(rule.doc())


def _rule_json(rule: Any) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "status": rule.status,
        "fixable": rule.fixable,
        "since": rule.since,
        "summary": rule.summary(),
        "explanation": rule.doc(),
        "source": rule.source_file(),
    }

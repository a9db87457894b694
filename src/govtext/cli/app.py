"""The ``govtext`` command: parses arguments, calls one library function, prints.

Only ``typer`` is imported at start-up. Each command lives in its own module, loaded only when
it runs (a lazy command group), and imports what it needs inside its body: ``govtext lint``
never pays for building the other commands, nor for jieba, scikit-learn, spaCy or pandas.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

# name -> module under govtext.cli; each module defines `app` with exactly one command.
COMMANDS = {
    "parse": "parse",
    "lint": "lint",
    "rules": "rules",
    "tokens": "tokens",
    "classify": "classify",
    "train": "train",
    "batch": "batch",
    "stats": "stats",
}


class LazyGroup(TyperGroup):
    """A command group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        sub = importlib.import_module(f"govtext.cli.{module}")
        command = typer.main.get_command(sub.app)
        command.name = cmd_name
        return command


app = typer.Typer(
    name="govtext",
    cls=LazyGroup,
    help="Parse and lint Chinese government work reports (工作报告, 工作总结, 述职述廉报告, 讲话).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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

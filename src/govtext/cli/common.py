"""Helpers shared by the command modules: input reading, failing with one line."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from govtext.document import Document


class Indicators(str, Enum):
    """How metric indicators are chosen (``govtext parse/batch --indicators``)."""

    rules = "rules"
    ranked = "ranked"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line on stderr and exit (2: usage or input error)."""
    typer.echo(message, err=True)
    raise typer.Exit(code)


def read_input(path: str, encoding: str | None = None) -> Document:
    """Read a path, or standard input for ``-`` (a .docx when the bytes are a zip archive)."""
    from govtext.readers import read, read_bytes

    if path == "-":
        data = sys.stdin.buffer.read()
        fmt = "docx" if data[:2] == b"PK" else "text"
        return read_bytes(data, path="-", format=fmt, encoding=encoding)
    return read(path, encoding=encoding)

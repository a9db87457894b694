"""Package data: lexicons, patterns and word lists, each entry with its source.

Read with :func:`read_text`; a plain file read (``importlib.resources`` would add ~10 ms to the
linter's start-up).
"""

from __future__ import annotations

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def path(name: str) -> str:
    return os.path.join(_HERE, name)


def read_text(name: str) -> str:
    with open(path(name), encoding="utf-8") as fh:
        return fh.read()

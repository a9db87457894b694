"""Regular expressions that compile fast on the second run: a disk cache of ``re`` programs.

Python's ``re`` compiles patterns in pure Python. A pattern with a large Chinese character
class or a long alternation takes 1–5 ms, and the linter uses about a hundred: that was most of
its cold start. The compiled program (a list of integers) is the same on every run, so it is
cached — as plain data, with :mod:`marshal`, keyed by the interpreter's cache tag and the
pattern — and handed straight to ``_sre.compile``. Anything unexpected (another Python, a
read-only cache folder, an interpreter without ``_sre``) falls back to ``re.compile``.

Set ``GOVTEXT_NO_CACHE=1`` to switch the cache off, ``GOVTEXT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
from array import array
from typing import Any

_sre_compiler: Any
_sre_parser: Any
_sre: Any
try:  # Python ≥ 3.11 keeps the compiler in re._compiler; 3.10 in sre_compile
    _sre_compiler = importlib.import_module("re._compiler")
    _sre_parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre_compiler = importlib.import_module("sre_compile")
    _sre_parser = importlib.import_module("sre_parse")
try:
    _sre = importlib.import_module("_sre")
except ImportError:  # pragma: no cover - not CPython
    _sre = None

# (flags, program as array("I") bytes, groups, groupindex, indexgroup): bytes load far faster
# than a marshalled list of thousands of small ints.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_cache: dict[tuple[str, int], _Entry] | None = None
_dirty = False
_enabled = _sre is not None and not os.environ.get("GOVTEXT_NO_CACHE")


def cache_dir() -> str:
    base = os.environ.get("GOVTEXT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "govtext")


def _cache_file() -> str:
    tag = sys.implementation.cache_tag or "py"
    magic = getattr(_sre, "MAGIC", 0)
    return os.path.join(cache_dir(), f"re2-{tag}-{magic}.marshal")


def _load() -> dict[tuple[str, int], _Entry]:
    global _cache
    if _cache is None:
        _cache = {}
        try:
            with open(_cache_file(), "rb") as fh:
                data = marshal.load(fh)
            if isinstance(data, dict):
                _cache = data
        except (OSError, EOFError, ValueError, TypeError):
            pass
    return _cache


def _save() -> None:
    if not _dirty or _cache is None:
        return
    path = _cache_file()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump(_cache, fh)
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _program(pattern: str, flags: int) -> _Entry:
    p = _sre_parser.parse(pattern, flags)
    code = _sre_compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    program = array("I", [int(c) for c in code]).tobytes()  # opcodes are int subclasses
    return (
        int(flags | p.state.flags),
        program,
        p.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Like :func:`re.compile`, served from the program cache when possible."""
    global _dirty, _enabled
    if not _enabled:
        return re.compile(pattern, flags)
    cache = _load()
    key = (pattern, int(flags))
    entry = cache.get(key)
    try:
        if entry is None:
            entry = _program(pattern, int(flags))
            cache[key] = entry
            if not _dirty:
                atexit.register(_save)
            _dirty = True
        flags_, program, groups, groupindex, indexgroup = entry
        code = array("I", program).tolist()
        compiled: Any = _sre.compile(pattern, flags_, code, groups, groupindex, indexgroup)
        return compiled  # type: ignore[no-any-return]
    except re.error:
        raise
    except Exception:  # an interpreter whose internals differ: use the public API from now on
        _enabled = False
        return re.compile(pattern, flags)

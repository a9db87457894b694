"""Lint configuration: ``[tool.govtext]`` in ``pyproject.toml`` or a ``govtext.toml``, found upward
from the checked file. Every option is declared once in :data:`OPTIONS` (type, default, help);
that declaration drives validation, the ``--help`` text and the docs."""

from __future__ import annotations

import os
import re
import sys
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from govtext import _re
from govtext.errors import ConfigError


class Option(NamedTuple):
    name: str
    kind: str  # "codes" | "strings" | "severity-map" | "path-codes" | "regexes" | "severity" | "rule-options" | "paths"
    default: Any
    help: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "select",
        "codes",
        [],
        "Rules to run: codes, prefixes (P, P1), names or categories. Default: all.",
    ),
    Option("ignore", "codes", [], "Rules never to run (same forms as select)."),
    Option("severity", "severity-map", {}, 'Per-rule severity: {P101 = "warning", W501 = "info"}.'),
    Option(
        "per-path-ignores",
        "path-codes",
        {},
        'Rules to ignore by path glob: {"drafts/*.txt" = ["S205"]}.',
    ),
    Option(
        "extra-placeholders",
        "regexes",
        [],
        "Regular expressions for the office's own slots (rule P106).",
    ),
    Option(
        "allowed-terms",
        "strings",
        [],
        "Names never flagged as placeholders (an office's own programmes).",
    ),
    Option("fail-on", "severity", "warning", "Lowest severity that makes `govtext lint` exit 1."),
    Option("rule-options", "rule-options", {}, "Per-rule options, keyed by code."),
    Option(
        "user-dictionaries",
        "paths",
        [],
        "jieba-format word lists (`word [freq] [tag]` a line) for `govtext tokens`/segment(), "
        "relative to the config file.",
    ),
)
_BY_NAME = {o.name: o for o in OPTIONS}
SEVERITIES = ("info", "warning", "error")
CONFIG_FILES = ("govtext.toml", "pyproject.toml")


class LintConfig(NamedTuple):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = {}  # noqa: RUF012 - never mutated; NamedTuple defaults are shared
    per_path_ignores: dict[str, tuple[str, ...]] = {}  # noqa: RUF012
    extra_placeholders: tuple[str, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    fail_on: str = "warning"
    rule_options: dict[str, dict[str, Any]] = {}  # noqa: RUF012
    user_dictionaries: tuple[str, ...] = ()  # absolute paths
    source: str | None = None
    root: str | None = None

    def ignored_for(self, path: str | None) -> set[str]:
        """Codes ignored for ``path`` by per-path-ignores (globs relative to the config file)."""
        if not path or not self.per_path_ignores:
            return set()
        rel = path
        if self.root:
            try:
                rel = os.path.relpath(os.path.abspath(path), self.root)
            except ValueError:
                rel = path
        rel = rel.replace(os.sep, "/")
        out: set[str] = set()
        for pattern, codes in self.per_path_ignores.items():
            if fnmatch(rel, pattern) or fnmatch(os.path.basename(path), pattern):
                out.update(codes)
        return out


def _fail(msg: str, path: str) -> ConfigError:
    return ConfigError(msg, path)


def _check_codes(values: Any, key: str, path: str) -> tuple[str, ...]:
    from govtext.rules.registry import resolve

    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise _fail(f"`{key}` must be a list of rule codes", path)
    try:
        resolve(values)
    except KeyError as exc:
        raise _fail(f"`{key}`: unknown rule {exc.args[0]!r} (see `govtext rules`)", path) from None
    return tuple(values)


def validate(raw: dict[str, Any], path: str) -> LintConfig:
    """Turn a parsed TOML table into a :class:`LintConfig`, or raise a one-line ConfigError."""
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        key = key.replace("_", "-")  # user_dictionaries = … is read as user-dictionaries
        opt = _BY_NAME.get(key)
        if opt is None:
            known = ", ".join(o.name for o in OPTIONS)
            raise _fail(f"unknown option `{key}` (known: {known})", path)
        attr = key.replace("-", "_")
        if opt.kind == "codes":
            kwargs[attr] = _check_codes(value, key, path)
        elif opt.kind == "strings":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(f"`{key}` must be a list of strings", path)
            kwargs[attr] = tuple(value)
        elif opt.kind == "regexes":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(f"`{key}` must be a list of regular expressions", path)
            for v in value:
                try:
                    if _re.compile(v).match(""):
                        raise _fail(f"`{key}`: pattern {v!r} matches the empty string", path)
                except re.error as exc:
                    raise _fail(f"`{key}`: bad regular expression {v!r} ({exc})", path) from None
            kwargs[attr] = tuple(value)
        elif opt.kind == "severity":
            if value not in SEVERITIES:
                raise _fail(f"`{key}` must be one of {', '.join(SEVERITIES)}", path)
            kwargs[attr] = value
        elif opt.kind == "severity-map":
            if not isinstance(value, dict):
                raise _fail(f"`{key}` must be a table of code = severity", path)
            _check_codes(list(value), key, path)
            for code, sev in value.items():
                if sev not in SEVERITIES:
                    raise _fail(f"`{key}.{code}` must be one of {', '.join(SEVERITIES)}", path)
            kwargs[attr] = {k.upper(): v for k, v in value.items()}
        elif opt.kind == "path-codes":
            if not isinstance(value, dict):
                raise _fail(f"`{key}` must be a table of glob = [codes]", path)
            kwargs[attr] = {
                glob: _check_codes(codes, f"{key}.{glob}", path) for glob, codes in value.items()
            }
        elif opt.kind == "rule-options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise _fail(f"`{key}` must be a table of tables", path)
            kwargs[attr] = {k.upper(): dict(v) for k, v in value.items()}
        elif opt.kind == "paths":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(f"`{key}` must be a list of file paths", path)
            here = os.path.dirname(os.path.abspath(path))
            resolved = tuple(os.path.normpath(os.path.join(here, v)) for v in value)
            for name, full in zip(value, resolved, strict=True):
                if not os.path.isfile(full):
                    raise _fail(f"`{key}`: no such file {name!r}", path)
            kwargs[attr] = resolved
    return LintConfig(**kwargs, source=path, root=os.path.dirname(os.path.abspath(path)))


def load_file(path: str | os.PathLike[str]) -> LintConfig | None:
    """Read one config file; ``None`` for a pyproject.toml without ``[tool.govtext]``."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", name) from None
    if (
        os.path.basename(name) == "pyproject.toml"
        and b"tool.govtext" not in raw
        and b"[tool]" not in raw
    ):
        return None  # most projects' pyproject.toml: no need to parse TOML at all
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("config file is not UTF-8", name) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", name) from None
    if os.path.basename(name) == "pyproject.toml":
        table = data.get("tool", {}).get("govtext")
        if table is None:
            return None
    else:
        table = (
            data.get("govtext", data)
            if "govtext" in data and isinstance(data["govtext"], dict)
            else data
        )
    if not isinstance(table, dict):
        raise ConfigError("[tool.govtext] must be a table", name)
    return validate(table, name)


@lru_cache(maxsize=256)
def _find_from_dir(directory: str) -> LintConfig:
    d = Path(directory)
    for folder in (d, *d.parents):
        for fname in CONFIG_FILES:
            candidate = folder / fname
            if candidate.is_file():
                cfg = load_file(candidate)
                if cfg is not None:
                    return cfg
    return LintConfig()


def find_config(path: str | None) -> LintConfig:
    """The configuration that applies to ``path`` (searched upward from its folder)."""
    directory = os.getcwd() if path in (None, "-") else os.path.dirname(os.path.abspath(str(path)))
    return _find_from_dir(directory)

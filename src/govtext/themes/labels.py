"""Labelled units for training: JSON lines with the text, or references into ``../shared``.

A line is one unit with a ``label`` and either

* ``text``: the unit itself (users' own data, and the department-style units written for
  govtext), or
* a reference ``doc`` / ``start`` / ``end`` / ``sha1``: code-point offsets into a document of
  the shared corpus — ``national/<line index>`` is the ``content`` of that line of
  ``corpus/national_gov_reports.jsonl``, ``seeds/<file>`` the decoded text of that seed — and
  the first 12 hex digits of the SHA-1 of the UTF-8 text at those offsets. govtext's own
  labels keep text from ``../shared`` this way, never as a copy.

References resolve only when the shared folder is given and present; otherwise they are
skipped and counted, so training falls back to the units that carry their text.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any, NamedTuple

from govtext.errors import LabelsError


class LabelledUnit(NamedTuple):
    """One labelled unit. ``source`` is ``national``, ``seeds``, ``written`` or ``user``."""

    id: str
    text: str
    label: str
    kind: str
    source: str
    doc: str | None
    split: str | None


class LabelledSet(NamedTuple):
    units: list[LabelledUnit]
    unresolved: int  # references skipped because the shared folder is absent


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class SharedCorpus:
    """The documents of a ``../shared`` folder, read on first use."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.fspath(root)
        self._national: list[str] | None = None
        self._seeds: dict[str, str] = {}

    def available(self) -> bool:
        return os.path.isdir(self.root)

    def text(self, doc: str) -> str:
        kind, _, name = doc.partition("/")
        if kind == "national":
            if self._national is None:
                path = os.path.join(self.root, "corpus", "national_gov_reports.jsonl")
                with open(path, encoding="utf-8") as fh:
                    self._national = [json.loads(line)["content"] for line in fh if line.strip()]
            return self._national[int(name)]
        if kind == "seeds" and name and "/" not in name and not name.startswith("."):
            if name not in self._seeds:
                path = os.path.join(self.root, "seeds", name)
                with open(path, encoding="utf-8", newline="") as fh:
                    self._seeds[name] = fh.read()
            return self._seeds[name]
        raise KeyError(doc)


def read_labels(
    path: str | os.PathLike[str], *, shared: str | os.PathLike[str] | None = None
) -> LabelledSet:
    """Read a labels file; resolve references against ``shared`` when it is present.

    Raises:
        LabelsError: a line that is not JSON, lacks ``label`` or both ``text`` and a
            reference, or a reference whose text no longer matches its hash.
    """
    path = os.fspath(path)
    corpus = SharedCorpus(shared) if shared is not None else None
    have_shared = corpus is not None and corpus.available()
    units: list[LabelledUnit] = []
    unresolved = 0
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise LabelsError(f"cannot read the labels file: {exc.strerror}", path) from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record: dict[str, Any] = json.loads(line)
            except json.JSONDecodeError:
                raise LabelsError(f"line {n} is not JSON", path) from None
            label = record.get("label")
            if not isinstance(label, str) or not label:
                raise LabelsError(f'line {n} has no "label"', path)
            uid = str(record.get("id", f"line{n}"))
            kind = str(record.get("kind", "para"))
            split = record.get("split")
            if isinstance(record.get("text"), str):
                source = "written" if record.get("how") == "written" else "user"
                units.append(LabelledUnit(uid, record["text"], label, kind, source, None, split))
                continue
            if not all(k in record for k in ("doc", "start", "end", "sha1")):
                raise LabelsError(f'line {n} has neither "text" nor doc/start/end/sha1', path)
            if not have_shared:
                unresolved += 1
                continue
            assert corpus is not None
            doc = str(record["doc"])
            try:
                text = corpus.text(doc)[int(record["start"]) : int(record["end"])]
            except (KeyError, IndexError, ValueError, OSError):
                raise LabelsError(f"line {n}: no document {doc!r} in {corpus.root}", path) from None
            if text_sha1(text) != record["sha1"]:
                raise LabelsError(
                    f"line {n}: the text of {doc}@{record['start']}-{record['end']} does not match "
                    f"its sha1 {record['sha1']} (has {corpus.root} changed?)",
                    path,
                )
            source = doc.partition("/")[0]
            units.append(LabelledUnit(uid, text, label, kind, source, doc, split))
    if not units and not unresolved:
        raise LabelsError("no labelled units", path)
    return LabelledSet(units, unresolved)

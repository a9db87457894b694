"""The work of a batch run, one input at a time: the same function for every engine.

:func:`process_one` turns one input (a path, and its bytes when the caller already has them)
into one *record*: the document's rows (or its parse JSON), or an error row. It never raises
for a bad input: a file that cannot be read or parsed becomes ``{"error": …}`` and the run
goes on. :func:`process_chunk` runs it over a few inputs and packs the records into one
*part*: gzip-compressed JSON lines, ready to be written to disk as they are.

The document id is the first 16 hex digits of the SHA-256 of the file's bytes: identical files
are one document, and ``--resume`` can tell what is done by hashing a file, before decoding it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from typing import Any, NamedTuple

from govtext.batch.schema import ELEMENT_RECORDS, column_names, columns
from govtext.errors import GovtextError, InputError, MissingExtraError, ModelError

PART_FORMAT = "govtext-batch-part/1"
# Extras and models are the run's configuration, not a property of one file: a missing one
# stops the run instead of filling `errors` with the same line for every document.
FATAL_ERRORS = (MissingExtraError, ModelError)


class Options(NamedTuple):
    """What each document gets. ``kind`` is ``"tables"`` (rows) or ``"report"`` (parse JSON)."""

    kind: str = "tables"
    themes: bool = False  # as `govtext parse`: the theme model is an extra, asked for
    findings: bool = True
    sentences: bool = True
    indicators: str = "rules"  # or "ranked" (govtext.extract.indicator_ranker)


DEFAULT_OPTIONS = Options()


class Entry(NamedTuple):
    """One input's line in a part: ``status`` is ``ok``, ``error`` or ``same`` (see store)."""

    path: str
    doc_id: str | None
    status: str


class ChunkResult(NamedTuple):
    """A part ready to be written, and its entries (so the writer needs not unpack it)."""

    data: bytes
    entries: list[Entry]
    bytes_read: int


def content_id(data: bytes) -> tuple[str, str]:
    """``(doc_id, sha256)`` of a file's bytes."""
    sha = hashlib.sha256(data).hexdigest()
    return sha[:16], sha


def read_file(path: str) -> bytes:
    """The bytes of an input, with the checks and coded errors of :func:`govtext.read`."""
    from govtext.errors import FileMissingError, TooLargeError
    from govtext.readers import MAX_BYTES

    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileMissingError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", path) from None
    if os.path.isdir(path):
        raise InputError("is a directory", path)
    if st.st_size > MAX_BYTES:
        mib = 1024 * 1024
        raise TooLargeError(
            f"{st.st_size // mib} MiB is over the {MAX_BYTES // mib} MiB limit", path
        )
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def _error(path: str, doc_id: str | None, code: str, reason: str) -> dict[str, Any]:
    return {"path": path, "doc_id": doc_id, "error": {"code": code, "reason": reason}}


def document_row(report: dict[str, Any], doc_id: str, sha: str, size: int) -> dict[str, Any]:
    """The ``documents`` row of a parsed report (its ``document`` member in JSONL output)."""
    return {
        "doc_id": doc_id,
        "sha256": sha,
        "path": report["path"],
        "format": report["format"],
        "encoding": report["encoding"],
        "title": report["title"],
        "year": None,
        "year_source": None,
        "region": None,
        "region_source": None,
        "bytes": size,
        "chars": report["length"],
        "lines": report["lines"],
        **{f"n_{name}": len(report.get(name) or ()) for name in ELEMENT_RECORDS},
    }


def table_rows(report: dict[str, Any], document: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """Rows of every table but ``errors`` for one report, each row in :func:`column_names` order.

    ``report`` is a parse dict (``ParsedReport.to_dict()``), ``document`` its documents row.
    """
    doc_id = document["doc_id"]
    rows: dict[str, list[list[Any]]] = {
        "documents": [[document.get(name) for name in column_names("documents")]]
    }
    for table in ELEMENT_RECORDS:
        fields = column_names(table)[1:]
        rows[table] = [
            [doc_id, *(record.get(name) for name in fields)] for record in report.get(table) or ()
        ]
    return rows


def table_lines(report: dict[str, Any], document: dict[str, Any]) -> dict[str, str]:
    """:func:`table_rows` as JSON lines, one object per row keyed by column name.

    This is how parts store rows: the parent hands the lines to Arrow's JSON reader as they
    are, so the per-row encoding work is done here, in the workers. JSON-kind values (dicts)
    are stored as JSON text, as the final tables hold them.
    """
    out: dict[str, str] = {}
    for table, rows in table_rows(report, document).items():
        names = column_names(table)
        json_columns = [i for i, c in enumerate(columns(table)) if c.kind == "json"]
        lines = []
        for row in rows:
            for i in json_columns:
                if row[i] is not None:
                    row[i] = json.dumps(row[i], ensure_ascii=False, sort_keys=True)
            lines.append(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False))
        out[table] = "".join(line + "\n" for line in lines)
    return out


def process_one(
    path: str, data: bytes | None = None, options: Options = DEFAULT_OPTIONS
) -> dict[str, Any]:
    """One input to one record: ``{"path", "doc_id", "tables"|"report"|"error"}``.

    Args:
        path: the input as given; it names the document in every output.
        data: the file's bytes when the caller has them (the Dask engine ships bytes, so
            workers need not see the caller's disk); ``None`` reads ``path``.
        options: what to compute (see :class:`Options`).

    Raises:
        MissingExtraError, ModelError: the run cannot work at all (see ``FATAL_ERRORS``).
    """
    from govtext.extract.docinfo import doc_info
    from govtext.pipeline import parse_document
    from govtext.readers import format_of, read_bytes

    doc_id: str | None = None
    try:
        fmt = format_of(path)
        if data is None:
            data = read_file(path)
        doc_id, sha = content_id(data)
        doc = read_bytes(data, path=path, format=fmt)
        sentences = options.kind == "report" and options.sentences
        parsed = parse_document(
            doc,
            themes=options.themes,
            findings=options.findings,
            sentences=sentences,
            indicators=options.indicators,
        )
        report = parsed.to_dict(sentences=sentences)
        info = doc_info(doc, title=parsed.title, headings=[s.title for s in parsed.sections])
    except FATAL_ERRORS:
        raise
    except GovtextError as exc:
        return _error(path, doc_id, exc.code, exc.message)
    except Exception as exc:  # a bug (or MemoryError) in one file must not stop 10,000 files
        reason = f"internal error: {exc.__class__.__name__}: {exc}".splitlines()[0][:300]
        return _error(path, doc_id, "GT-E999", reason)
    document = document_row(report, doc_id, sha, len(data))
    document.update(info._asdict())
    if options.kind == "report":
        line = {"schema": report.pop("schema"), "doc_id": doc_id, **report, "document": document}
        return {"path": path, "doc_id": doc_id, "report": line}
    return {"path": path, "doc_id": doc_id, "tables": table_lines(report, document)}


def entry_of(record: dict[str, Any]) -> Entry:
    return Entry(record["path"], record["doc_id"], "error" if "error" in record else "ok")


def pack_part(records: list[dict[str, Any]], options: Options) -> bytes:
    """Records as a part: a header line (format, kind, entries), then one line each."""
    entries = [entry_of(r) for r in records]
    header: dict[str, Any] = {
        "format": PART_FORMAT,
        "kind": options.kind,
        "entries": [list(e) for e in entries],
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    lines.extend(json.dumps(r, ensure_ascii=False) for r in records)
    # Level 1: a tenth of the CPU time of the default level for most of its gain on JSON.
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=1, mtime=0)


def process_chunk(items: list[tuple[str, bytes | None]], options: Options) -> ChunkResult:
    """Process a few inputs and pack them into one part."""
    records = [process_one(path, data, options) for path, data in items]
    size = sum(len(d) if d is not None else _size(p) for p, d in items)
    return ChunkResult(pack_part(records, options), [entry_of(r) for r in records], size)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0

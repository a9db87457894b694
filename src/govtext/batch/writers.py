"""Final outputs, written from the parts in path order with bounded memory, each atomically.

* ``jsonl``: ``OUT`` holds one parse-schema object per document (plus ``doc_id`` and a
  ``document`` member with the documents row); failures go to ``OUT``'s ``.errors.jsonl``
  sibling, one ``{"path", "doc_id", "code", "reason"}`` per line.
* ``csv`` / ``parquet``: ``OUT/<table>.csv|parquet`` for every table of
  :data:`govtext.batch.schema.TABLES`, always all of them (an empty table has its header).

Nothing is kept per document: rows go to small buffers flushed as Parquet row groups of at
most ``ROW_GROUP`` rows or ``ROW_GROUP_BYTES`` of Arrow data, so writing 10,000 reports takes
the memory of writing a few dozen.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Protocol

from govtext.batch.schema import TABLES, column_names, columns
from govtext.batch.store import atomic_open

ROW_GROUP = 65536
# Arrow data held per table before a row group is written: memory stays flat on any corpus.
ROW_GROUP_BYTES = 512 * 1024
_BATCH = 2048


class Sink(Protocol):
    def add_record(self, record: dict[str, Any]) -> None: ...

    def add_error(self, row: list[Any]) -> None: ...

    def commit(self) -> dict[str, int]: ...

    def abort(self) -> None: ...


def error_row(record: dict[str, Any]) -> list[Any]:
    err = record["error"]
    return [record["path"], record["doc_id"], err["code"], err["reason"]]


def json_text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class JsonlSink:
    """Documents to ``OUT`` and errors to its ``.errors.jsonl`` sibling."""

    def __init__(self, out: Path, errors: Path) -> None:
        self._stack = ExitStack()
        self._docs = self._stack.enter_context(atomic_open(out, "w", encoding="utf-8"))
        self._errors = self._stack.enter_context(atomic_open(errors, "w", encoding="utf-8"))
        self.counts = {"documents": 0, "errors": 0}

    def add_record(self, record: dict[str, Any]) -> None:
        self._docs.write(json.dumps(record["report"], ensure_ascii=False) + "\n")
        self.counts["documents"] += 1

    def add_error(self, row: list[Any]) -> None:
        keys = column_names("errors")
        self._errors.write(json.dumps(dict(zip(keys, row, strict=True)), ensure_ascii=False) + "\n")
        self.counts["errors"] += 1

    def commit(self) -> dict[str, int]:
        self._stack.close()
        return dict(self.counts)

    def abort(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class _TableSink:
    """Shared by CSV and Parquet: a part record holds, per table, JSON lines keyed by column
    name, so a part written by another version (a column more or less) still reads."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(TABLES, 0)

    def add_record(self, record: dict[str, Any]) -> None:
        for table, lines in record["tables"].items():
            if table in self.counts and lines:
                self.add_lines(table, lines)

    def add_error(self, row: list[Any]) -> None:
        names = column_names("errors")
        line = json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
        self.add_lines("errors", line)

    def add_lines(self, table: str, lines: str) -> None:
        raise NotImplementedError


def _csv_value(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "list":
        return json.dumps(value, ensure_ascii=False)
    if kind == "float":
        return repr(float(value))
    return value  # str, int, and json (already JSON text)


class CsvSink(_TableSink):
    """``OUT/<table>.csv``: UTF-8, a header row, ``\\n`` line ends, nulls empty."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__()
        self._stack = ExitStack()
        self._writers: dict[str, Any] = {}
        self._columns = {t: columns(t) for t in TABLES}
        for table in TABLES:
            fh: IO[str] = self._stack.enter_context(
                atomic_open(out_dir / f"{table}.csv", "w", encoding="utf-8", newline="")
            )
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(column_names(table))
            self._writers[table] = writer

    def add_lines(self, table: str, lines: str) -> None:
        cols = self._columns[table]
        writer = self._writers[table]
        for line in lines.splitlines():
            row = json.loads(line)
            writer.writerow([_csv_value(c.kind, row.get(c.name)) for c in cols])
            self.counts[table] += 1

    def commit(self) -> dict[str, int]:
        self._stack.close()
        return dict(self.counts)

    def abort(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class _ParquetTable:
    """One Parquet file: JSON lines are buffered and turned into Arrow data a batch at a time
    by Arrow's JSON reader (C++, explicit schema), then written as row groups.

    Not ``pyarrow.array``: it imports pandas on first use (0.6 s of a run's serial time), and
    a Python loop over rows would be the parent's bottleneck.
    """

    def __init__(self, table: str, fh: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        from govtext.batch.schema import arrow_schema

        self.schema = arrow_schema(table)
        self.names = column_names(table)
        self.writer = pq.ParquetWriter(fh, self.schema)
        self.lines: list[str] = []
        self.buffered = 0
        self.pending: list[Any] = []
        self.pending_rows = 0
        self.pending_bytes = 0

    def add(self, lines: str) -> int:
        n = lines.count("\n")
        self.lines.append(lines)
        self.buffered += n
        if self.buffered >= _BATCH:
            self._batch()
        return n

    def _batch(self) -> None:
        import pyarrow.json as pj

        if not self.lines:
            return
        data = "".join(self.lines).encode("utf-8")
        table = pj.read_json(
            io.BytesIO(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 16)),
            parse_options=pj.ParseOptions(
                explicit_schema=self.schema, unexpected_field_behavior="ignore"
            ),
        )
        batch = table.select(self.names)
        self.pending.append(batch)
        self.pending_rows += self.buffered
        self.pending_bytes += batch.nbytes
        self.lines = []
        self.buffered = 0
        if self.pending_rows >= ROW_GROUP or self.pending_bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.pending:
            table = pa.concat_tables(self.pending)
            if table.schema != self.schema:  # pragma: no cover - read_json keeps the schema
                table = table.cast(self.schema)  # (cast imports pyarrow.compute: 0.1 s, 9 MB)
            self.writer.write_table(table, row_group_size=ROW_GROUP)
        self.pending = []
        self.pending_rows = 0
        self.pending_bytes = 0

    def close(self) -> None:
        self._batch()
        self._flush()
        self.writer.close()


class ParquetSink(_TableSink):
    """``OUT/<table>.parquet`` with the explicit schemas of :mod:`govtext.batch.schema`."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__()
        self._stack = ExitStack()
        self._tables: dict[str, _ParquetTable] = {}
        for table in TABLES:
            fh: IO[bytes] = self._stack.enter_context(
                atomic_open(out_dir / f"{table}.parquet", "wb")
            )
            self._tables[table] = _ParquetTable(table, fh)

    def add_lines(self, table: str, lines: str) -> None:
        self.counts[table] += self._tables[table].add(lines)

    def commit(self) -> dict[str, int]:
        for t in self._tables.values():
            t.close()
        self._stack.close()
        return dict(self.counts)

    def abort(self) -> None:
        for t in self._tables.values():
            with contextlib.suppress(Exception):
                t.writer.close()
        with contextlib.suppress(RuntimeError):
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


def final_paths(out: Path, fmt: str) -> list[Path]:
    """The files a finished run leaves (what ``--overwrite`` replaces)."""
    if fmt == "jsonl":
        return [out, errors_path(out)]
    return [out / f"{t}.{fmt}" for t in TABLES]


def errors_path(out: Path) -> Path:
    """``corpus.jsonl`` -> ``corpus.errors.jsonl``."""
    stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(f"{stem}.errors.jsonl")


def open_sink(out: Path, fmt: str) -> Sink:
    if fmt == "jsonl":
        return JsonlSink(out, errors_path(out))
    os.makedirs(out, exist_ok=True)
    if fmt == "csv":
        return CsvSink(out)
    return ParquetSink(out)

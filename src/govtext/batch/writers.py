"""Final outputs, written from the parts in path order with bounded memory, each atomically.

* ``jsonl``: ``OUT`` holds one parse-schema object per document (plus ``doc_id`` and a
  ``document`` member with the documents row); failures go to ``OUT``'s ``.errors.jsonl``
  sibling, one ``{"path", "doc_id", "code", "reason"}`` per line.
* ``csv`` / ``parquet``: ``OUT/<table>.csv|parquet`` for every table of
  :data:`govtext.batch.schema.TABLES`, always all of them (an empty table has its header).

Nothing is kept per document: rows go to small buffers flushed as Parquet row groups of at
most ``ROW_GROUP`` rows, so writing 10,000 reports takes the memory of writing 10.
"""

from __future__ import annotations

import csv
import json
import os
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Protocol

from govtext.batch.schema import TABLES, column_names, columns
from govtext.batch.store import atomic_open

ROW_GROUP = 65536
_BATCH = 2048


class Sink(Protocol):
    def add_record(self, header: dict[str, Any], record: dict[str, Any]) -> None: ...

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

    def add_record(self, header: dict[str, Any], record: dict[str, Any]) -> None:
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
        self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class _TableSink:
    """Shared by CSV and Parquet: maps each part's columns onto the table's columns."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(TABLES, 0)
        self._maps: dict[tuple[str, tuple[str, ...]], list[int] | None] = {}

    def _remap(self, table: str, part_columns: list[str]) -> list[int] | None:
        """Indexes into a part's row for each target column (``None``: same order already)."""
        key = (table, tuple(part_columns))
        if key not in self._maps:
            target = column_names(table)
            if list(part_columns) == target:
                self._maps[key] = None
            else:
                where = {name: i for i, name in enumerate(part_columns)}
                self._maps[key] = [where.get(name, -1) for name in target]
        return self._maps[key]

    def add_record(self, header: dict[str, Any], record: dict[str, Any]) -> None:
        for table, rows in record["tables"].items():
            if table not in self.counts:
                continue
            mapping = self._remap(table, header["columns"][table])
            for row in rows:
                if mapping is not None:
                    row = [row[i] if i >= 0 else None for i in mapping]
                self.add_row(table, row)

    def add_error(self, row: list[Any]) -> None:
        self.add_row("errors", row)

    def add_row(self, table: str, row: list[Any]) -> None:
        raise NotImplementedError


def _csv_value(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind in ("list", "json"):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == "float":
        return repr(float(value))
    return value


class CsvSink(_TableSink):
    """``OUT/<table>.csv``: UTF-8, a header row, ``\\n`` line ends, nulls empty."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__()
        self._stack = ExitStack()
        self._writers: dict[str, Any] = {}
        self._kinds = {t: [c.kind for c in columns(t)] for t in TABLES}
        for table in TABLES:
            fh: IO[str] = self._stack.enter_context(
                atomic_open(out_dir / f"{table}.csv", "w", encoding="utf-8", newline="")
            )
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(column_names(table))
            self._writers[table] = writer

    def add_row(self, table: str, row: list[Any]) -> None:
        kinds = self._kinds[table]
        self._writers[table].writerow([_csv_value(k, v) for k, v in zip(kinds, row, strict=True)])
        self.counts[table] += 1

    def commit(self) -> dict[str, int]:
        self._stack.close()
        return dict(self.counts)

    def abort(self) -> None:
        self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class _ParquetTable:
    def __init__(self, table: str, fh: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        from govtext.batch.schema import arrow_schema, arrow_type

        self.schema = arrow_schema(table)
        self.kinds = [c.kind for c in columns(table)]
        self.types = [arrow_type(k) for k in self.kinds]
        self.json_columns = [i for i, k in enumerate(self.kinds) if k == "json"]
        self.writer = pq.ParquetWriter(fh, self.schema)
        self.rows: list[list[Any]] = []
        self.batches: list[Any] = []
        self.batched = 0

    def add(self, row: list[Any]) -> None:
        for i in self.json_columns:
            row[i] = json_text(row[i])
        self.rows.append(row)
        if len(self.rows) >= _BATCH:
            self._batch()

    def _batch(self) -> None:
        import pyarrow as pa

        if not self.rows:
            return
        cols = list(zip(*self.rows, strict=True))
        arrays = [pa.array(col, type=t) for col, t in zip(cols, self.types, strict=True)]
        self.batches.append(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self.batched += len(self.rows)
        self.rows = []
        if self.batched >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.batches:
            table = pa.Table.from_batches(self.batches, schema=self.schema)
            self.writer.write_table(table, row_group_size=ROW_GROUP)
        self.batches = []
        self.batched = 0

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

    def add_row(self, table: str, row: list[Any]) -> None:
        self._tables[table].add(list(row))
        self.counts[table] += 1

    def commit(self) -> dict[str, int]:
        for t in self._tables.values():
            t.close()
        self._stack.close()
        return dict(self.counts)

    def abort(self) -> None:
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

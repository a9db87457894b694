"""Writing the final outputs while the workers are still parsing.

The output order is known before the run starts: every path, sorted — those this run
processes and those earlier runs left in the parts (:func:`slots`). A :class:`Collector`
walks that order and hands each record to the sink as soon as it is there: records of
earlier runs at once, this run's as their chunks come back. Chunks are cut from the sorted
paths, so records mostly arrive in order and the few that arrive early wait in a small
buffer; the engines stop submitting while that buffer is full (:meth:`Collector.backlog`).

The parent's share of the work (unpacking parts, building Arrow batches, Parquet encoding)
thus overlaps with parsing, instead of following it. The result is the same as rebuilding
from all parts at the end, which is what an interrupted run leaves to ``--resume``:

* per path, this run's record, else the latest run's (a file changed since, or retried);
* per document id, the first path in order (identical files are one document);
* ``same`` entries (skipped on resume as a copy of a smaller path) write nothing.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govtext.batch.process import ChunkResult
from govtext.batch.store import PartReader, PartStore, StoredEntry, latest_by_path
from govtext.batch.writers import Sink, error_row, open_sink

# A slot is a path and where its record is: an earlier run's entry, or None (this run).
Slot = tuple[str, StoredEntry | None]


def slots(stored: Iterable[StoredEntry], todo: Iterable[str]) -> list[Slot]:
    """Every path of the output, sorted, with the source of its record."""
    by_path: dict[str, StoredEntry | None] = dict(latest_by_path(stored))
    for path in todo:
        by_path[path] = None
    return sorted(by_path.items(), key=lambda item: item[0])


class Collector:
    """Feeds a sink in path order from earlier parts and this run's chunks."""

    def __init__(self, store: PartStore, out: Path, fmt: str, order: list[Slot]) -> None:
        self.out = out
        self.fmt = fmt
        self.order = order
        self.pos = 0
        self.reader = PartReader(store)
        self.waiting: dict[str, dict[str, Any]] = {}
        self.written: set[str] = set()
        self._sink: Sink | None = None

    @property
    def sink(self) -> Sink:
        # Opened at the first write, not before the engine starts: the Parquet sink imports
        # pyarrow (0.15 s), which then overlaps with the workers' start.
        if self._sink is None:
            self._sink = open_sink(self.out, self.fmt)
        return self._sink

    def backlog(self) -> int:
        """Records of this run that arrived before an earlier path's."""
        return len(self.waiting)

    def add(self, result: ChunkResult) -> None:
        lines = gzip.decompress(result.data).split(b"\n")
        for line in lines[1:]:
            if line:
                record = json.loads(line)
                self.waiting[record["path"]] = record
        self.advance()

    def advance(self) -> None:
        while self.pos < len(self.order):
            path, entry = self.order[self.pos]
            if entry is None:
                record = self.waiting.pop(path, None)
                if record is None:
                    return  # this run has not done it yet
            elif entry.status == "same":
                self.pos += 1
                continue
            else:
                record = self.reader.record(entry)[1]
            self._write(record)
            self.pos += 1

    def _write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self.sink.add_error(error_row(record))
            return
        doc_id = record["doc_id"]
        if doc_id in self.written:
            return  # an identical file under a smaller path is already written
        self.written.add(doc_id)
        self.sink.add_record(record)

    def finish(self) -> dict[str, int]:
        self.advance()
        if self.pos != len(self.order):  # pragma: no cover - an engine lost a chunk
            missing = self.order[self.pos][0]
            raise RuntimeError(f"batch: no record for {missing}")
        return self.sink.commit()

    def abort(self) -> None:
        if self._sink is not None:
            self._sink.abort()

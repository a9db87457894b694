"""Where a batch run keeps its work: parts written as chunks complete, then the final outputs.

A *part* is one chunk of inputs (a few files), written atomically the moment the chunk is
done: ``PARTS/part-RRRR-SSSSSS.jsonl.gz``, ``RRRR`` the run, ``SSSSSS`` the chunk. Its first
line lists its entries (path, document id, status), the next lines hold one record each (see
:mod:`govtext.batch.process`). Killing a run loses only the chunks in flight; ``--resume``
reads the entries of every part, skips what is done, and the final outputs are always
rebuilt from all parts, so nothing is ever written twice.

Which entry wins when parts disagree is decided in :mod:`govtext.batch.collect`: per path
the latest run's, per document id the smallest path; documents and errors are written sorted
by path, so the order depends neither on ``-j``, the engine, nor where a run was interrupted.

``same`` entries record, without rows, that a path was skipped on resume because an identical
file is already done under a smaller path.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from govtext.batch.process import PART_FORMAT, Entry
from govtext.errors import UsageError

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "govtext-batch/1"
_PART_NAME = re.compile(r"^part-(\d{4,})-(\d{6,})\.jsonl\.gz$")


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one step.

    A reader sees the old file or the new one, never half of one; an error or a kill leaves
    at most a ``.tmp`` file, removed by the next run.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class StoredEntry(NamedTuple):
    """An entry as stored: which part holds it, and its record's line (0 = the first record)."""

    path: str
    doc_id: str | None
    status: str
    run: int
    seq: int
    part: str
    line: int


class PartStore:
    """The parts folder of one output."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def exists(self) -> bool:
        return self.root.is_dir() and any(self.root.iterdir())

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def prepare(self, manifest: dict[str, Any], *, resume: bool) -> None:
        """Create the folder, or check on resume that it was made with the same settings."""
        self.root.mkdir(parents=True, exist_ok=True)
        for stale in self.root.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        path = self.root / MANIFEST
        wanted = {"format": MANIFEST_FORMAT, **manifest}
        if resume and path.exists():
            found = json.loads(path.read_text(encoding="utf-8"))
            diff = [k for k in sorted(set(found) | set(wanted)) if found.get(k) != wanted.get(k)]
            if diff:
                said = ", ".join(f"{k}={found.get(k)!r}" for k in diff)
                raise UsageError(f"cannot resume: the run in it used {said}", self.root)
            return
        with atomic_open(path, "w", encoding="utf-8") as fh:
            json.dump(wanted, fh, ensure_ascii=False, sort_keys=True)

    def part_paths(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if _PART_NAME.match(p.name))

    def next_run(self) -> int:
        runs = [int(m.group(1)) for p in self.part_paths() if (m := _PART_NAME.match(p.name))]
        return max(runs, default=0) + 1

    def write(self, run: int, seq: int, data: bytes) -> Path:
        path = self.root / f"part-{run:04d}-{seq:06d}.jsonl.gz"
        with atomic_open(path, "wb") as fh:
            fh.write(data)
        return path

    def write_entries(self, run: int, seq: int, entries: Iterable[Entry], kind: str) -> Path:
        """A part of ``same`` entries only (no records)."""
        header = {"format": PART_FORMAT, "kind": kind, "entries": [list(e) for e in entries]}
        data = gzip.compress((json.dumps(header, ensure_ascii=False) + "\n").encode(), mtime=0)
        return self.write(run, seq, data)

    def read_part(self, path: Path) -> tuple[dict[str, Any], list[bytes]]:
        """The header and the record lines of a part (raises ``ValueError`` when damaged)."""
        try:
            lines = gzip.decompress(path.read_bytes()).split(b"\n")
        except (OSError, EOFError) as exc:
            raise ValueError(f"{path.name}: {exc}") from None
        header = json.loads(lines[0])
        if header.get("format") != PART_FORMAT:
            raise ValueError(f"{path.name}: not a {PART_FORMAT} part")
        records = [line for line in lines[1:] if line]
        n_records = sum(1 for e in header["entries"] if e[2] != "same")
        if len(records) != n_records:
            raise ValueError(f"{path.name}: {len(records)} records for {n_records} entries")
        return header, records

    def read_header(self, path: Path) -> dict[str, Any]:
        """Only the first line of a part: what a run wrote, without unpacking its records."""
        try:
            with gzip.open(path, "rb") as fh:
                header: dict[str, Any] = json.loads(fh.readline())
        except (OSError, EOFError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path.name}: {exc}") from None
        return header

    def entries(self, *, validate: bool = True) -> tuple[list[StoredEntry], list[str]]:
        """Every stored entry, and the names of damaged parts (left out, so their files are
        processed again). ``validate`` unpacks whole parts to check them, else only headers."""
        out: list[StoredEntry] = []
        damaged: list[str] = []
        for path in self.part_paths():
            m = _PART_NAME.match(path.name)
            assert m is not None
            try:
                header = self.read_part(path)[0] if validate else self.read_header(path)
            except ValueError:
                damaged.append(path.name)
                continue
            index = 0
            for p, doc_id, status in header["entries"]:
                out.append(
                    StoredEntry(
                        p, doc_id, status, int(m.group(1)), int(m.group(2)), path.name, index
                    )
                )
                if status != "same":
                    index += 1
        return out, damaged


def latest_by_path(entries: Iterable[StoredEntry]) -> dict[str, StoredEntry]:
    latest: dict[str, StoredEntry] = {}
    for e in entries:
        seen = latest.get(e.path)
        if seen is None or (e.run, e.seq) > (seen.run, seen.seq):
            latest[e.path] = e
    return latest


def done_by_id(latest: dict[str, StoredEntry]) -> dict[str, str]:
    """Document id -> the path its rows are kept under (the smallest path with that content)."""
    done: dict[str, str] = {}
    for e in latest.values():
        if e.status != "ok" or e.doc_id is None:
            continue
        if e.doc_id not in done or e.path < done[e.doc_id]:
            done[e.doc_id] = e.path
    return done


class PartReader:
    """Records by (part, index), keeping the last few parts decompressed.

    Documents are written in path order and chunks are cut from the sorted input list, so a
    run's parts are read one after the other; a resumed run interleaves two or three runs.
    """

    def __init__(self, store: PartStore, size: int = 6) -> None:
        self.store = store
        self.size = size
        self._cache: OrderedDict[str, tuple[dict[str, Any], list[bytes]]] = OrderedDict()

    def part(self, name: str) -> tuple[dict[str, Any], list[bytes]]:
        hit = self._cache.get(name)
        if hit is not None:
            self._cache.move_to_end(name)
            return hit
        loaded = self.store.read_part(self.store.root / name)
        self._cache[name] = loaded
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return loaded

    def record(self, entry: StoredEntry) -> tuple[dict[str, Any], dict[str, Any]]:
        """The part's header and the entry's record."""
        header, lines = self.part(entry.part)
        record: dict[str, Any] = json.loads(lines[entry.line])
        return header, record

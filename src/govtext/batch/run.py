"""``run_batch``: inputs to parts (by an engine), parts to the final outputs."""

from __future__ import annotations

import importlib.util
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from glob import glob
from pathlib import Path
from typing import NamedTuple

from govtext.batch.collect import Collector, slots
from govtext.batch.local import Chunk, run_pool, run_serial
from govtext.batch.process import ChunkResult, Entry, Options, content_id, read_file
from govtext.batch.store import PartStore, StoredEntry, done_by_id, latest_by_path
from govtext.batch.writers import final_paths
from govtext.errors import GovtextError, MissingExtraError, UsageError
from govtext.readers import SUPPORTED_SUFFIXES

FORMATS = ("parquet", "jsonl", "csv")
ENGINES = ("local", "dask")
PARTS_DIR = "_parts"
_GLOB = re.compile(r"[*?[]")
_INPUT_SUFFIXES = SUPPORTED_SUFFIXES - {""}
# A chunk is a unit of crash recovery and of load balancing: small enough that the last
# chunks do not leave workers idle, large enough that a part is not one tiny file per report.
MAX_CHUNK_FILES = 8
MAX_CHUNK_BYTES = 2 * 1024 * 1024


class Progress(NamedTuple):
    """A progress event: ``stage`` is ``start``, ``parse`` (a chunk done) or ``write``."""

    stage: str
    done: int
    total: int
    errors: int
    bytes_done: int
    skipped: int = 0


class Summary(NamedTuple):
    """What a run did and what the output holds."""

    out: Path
    format: str
    processed: int  # inputs processed in this run
    skipped: int  # inputs already in OUT (--resume)
    errors_this_run: int
    rows: dict[str, int]  # rows per table in the output (jsonl: documents and errors)
    seconds: float
    bytes_read: int
    damaged_parts: list[str]


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run: what is saved, and where."""

    def __init__(self, saved: int, parts: Path) -> None:
        super().__init__(f"interrupted: {saved} inputs of this run are saved in {parts}")
        self.saved = saved
        self.parts = parts


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files as given; folders recursively and glob patterns: .txt/.md/.docx files. Sorted,
    each once. A path that does not exist is kept: it becomes a row in ``errors``."""
    found: set[str] = set()
    for item in inputs:
        if os.path.isdir(item):
            found.update(_walk(item))
        elif not os.path.exists(item) and _GLOB.search(item):
            for match in glob(item, recursive=True):
                if os.path.isdir(match):
                    found.update(_walk(match))
                elif Path(match).suffix.lower() in _INPUT_SUFFIXES:
                    found.add(match)
        else:
            found.add(item)
    return sorted(found)


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_parts")))
        for name in sorted(files):
            if Path(name).suffix.lower() in _INPUT_SUFFIXES and not name.startswith((".", "~$")):
                yield os.path.join(root, name)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def make_chunks(paths: Sequence[str], *, jobs: int, start: int = 1) -> list[Chunk]:
    """Consecutive paths in chunks that shrink towards the end (guided scheduling).

    A chunk holds about an eighth of a worker's share of what is left, at most
    ``MAX_CHUNK_FILES`` files and ``MAX_CHUNK_BYTES``: big chunks while there is much to do,
    single files at the end, so no worker idles while another finishes a long chunk.
    """
    chunks: list[Chunk] = []
    current: list[str] = []
    size = 0
    left = len(paths)
    target = 1
    for path in paths:
        if not current:
            target = max(1, min(MAX_CHUNK_FILES, math.ceil(left / max(1, jobs * 4))))
        n = _size(path)
        if current and (len(current) >= target or size + n > MAX_CHUNK_BYTES):
            chunks.append(Chunk(start + len(chunks), tuple(current)))
            current, size = [], 0
            target = max(1, min(MAX_CHUNK_FILES, math.ceil(left / max(1, jobs * 4))))
        current.append(path)
        size += n
        left -= 1
    if current:
        chunks.append(Chunk(start + len(chunks), tuple(current)))
    return chunks


def parts_dir(out: Path, fmt: str) -> Path:
    return out.with_name(out.name + ".parts") if fmt == "jsonl" else out / PARTS_DIR


def default_format(out: str | os.PathLike[str]) -> str:
    return "jsonl" if os.fspath(out).endswith(".jsonl") else "parquet"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def _check_format(out: Path, fmt: str, engine: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose {', '.join(ENGINES)})")
    # Looked up, not imported: workers forked later would carry pyarrow's 15 MB for nothing.
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise MissingExtraError("pyarrow", "parquet")
    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise MissingExtraError("dask.distributed", "dask")
    if fmt == "jsonl" and out.is_dir():
        raise UsageError("is a folder: jsonl output is one file (-o corpus.jsonl)", out)
    if fmt != "jsonl" and out.exists() and not out.is_dir():
        raise UsageError(f"is a file: {fmt} output is a folder of tables", out)


def _resume_plan(
    store: PartStore, paths: list[str]
) -> tuple[list[str], list[Entry], list[StoredEntry], list[str]]:
    """The paths still to do, ``same`` entries to record, what is stored, damaged parts."""
    stored, damaged = store.entries(validate=True)
    for name in damaged:  # set aside, so no later read trips on it; its files are redone
        os.replace(store.root / name, store.root / (name + ".damaged"))
    latest = latest_by_path(stored)
    done = done_by_id(latest)
    todo: list[str] = []
    same: list[Entry] = []
    for path in paths:
        try:
            doc_id = content_id(read_file(path))[0]
        except GovtextError:
            todo.append(path)  # retried: it is an error row again, or it was fixed
            continue
        seen = latest.get(path)
        if seen is not None and seen.status == "ok" and seen.doc_id == doc_id:
            continue
        kept = done.get(doc_id)
        if kept is not None and kept < path:
            same.append(Entry(path, doc_id, "same"))
            continue
        todo.append(path)
    return todo, same, stored, damaged


def run_batch(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    format: str | None = None,
    jobs: int | None = None,
    resume: bool = False,
    overwrite: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    options: Options | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> Summary:
    """Parse many reports into tables (or JSON lines), in parallel, resumable, in order.

    Args:
        inputs: files, folders (recursive) and glob patterns of .txt/.md/.docx files.
        out: a folder for ``parquet``/``csv`` (``OUT/<table>.<format>``), a file for ``jsonl``.
        format: ``parquet``, ``csv`` or ``jsonl`` (default: ``jsonl`` when ``out`` ends in
            ``.jsonl``, else ``parquet``).
        jobs: worker processes (default: the CPUs this process may use).
        resume: keep what ``out`` already holds and process only the rest.
        overwrite: start over when ``out`` already holds a run.
        engine: ``local`` (processes on this machine) or ``dask``.
        scheduler: the Dask scheduler address (default: a local cluster of ``jobs`` workers).
        options: what each document gets (themes, lint findings, sentences in JSONL).
        progress: called with a :class:`Progress` at the start and as chunks complete.

    Raises:
        UsageError: ``out`` holds a run and neither ``resume`` nor ``overwrite`` is set, or
            the run in it used other settings.
        MissingExtraError: Parquet without pyarrow, Dask without dask.distributed.
        BatchInterrupted: Ctrl-C; finished chunks are saved and ``resume`` continues.
    """
    t0 = time.perf_counter()
    out = Path(out)
    fmt = format or default_format(out)
    jobs = jobs or default_jobs()
    _check_format(out, fmt, engine)
    kind = "report" if fmt == "jsonl" else "tables"
    opts = (options or Options())._replace(kind=kind)
    if kind == "tables":
        opts = opts._replace(sentences=False)
    store = PartStore(parts_dir(out, fmt))
    finals = [p for p in final_paths(out, fmt) if p.exists()]
    if (store.exists() or finals) and not resume:
        if not overwrite:
            raise UsageError(
                "already holds a batch run: --resume to continue it, --overwrite to start over",
                out,
            )
        store.clear()
        for p in finals:
            p.unlink()
    manifest = {
        "output": fmt,
        "themes": opts.themes,
        "findings": opts.findings,
        "sentences": opts.sentences,
    }
    if opts.indicators != "rules":  # absent from runs made before the option existed
        manifest["indicators"] = opts.indicators
    store.prepare(manifest, resume=resume)

    paths = expand_inputs(inputs)
    if not paths:
        raise UsageError("no input files (give files, folders or glob patterns)")
    damaged: list[str] = []
    same: list[Entry] = []
    stored: list[StoredEntry] = []
    todo = paths
    if resume:
        todo, same, stored, damaged = _resume_plan(store, paths)
    skipped = len(paths) - len(todo)
    run_id = store.next_run()
    if same:
        store.write_entries(run_id, 0, same, kind)
        stored.extend(StoredEntry(*e, run_id, 0, "", -1) for e in same)

    chunks = make_chunks(todo, jobs=jobs)
    collector = Collector(store, out, fmt, slots(stored, todo))
    # Records that came back before an earlier path's wait in the collector: a few chunks'
    # worth at most, so memory stays bounded by the work in flight.
    limit = 4 * jobs * max((len(c.paths) for c in chunks), default=1)

    def may_submit() -> bool:
        return collector.backlog() < limit

    state = {"done": 0, "errors": 0, "bytes": 0}

    def emit(stage: str) -> None:
        if progress is not None:
            progress(
                Progress(stage, state["done"], len(todo), state["errors"], state["bytes"], skipped)
            )

    def on_result(chunk: Chunk, result: ChunkResult) -> None:
        store.write(run_id, chunk.seq, result.data)
        collector.add(result)
        state["done"] += len(result.entries)
        state["errors"] += sum(1 for e in result.entries if e.status == "error")
        state["bytes"] += result.bytes_read
        emit("parse")

    emit("start")
    try:
        if not chunks:
            pass
        elif engine == "dask":
            from govtext.batch.dask_engine import run_dask

            run_dask(chunks, opts, on_result, jobs=jobs, scheduler=scheduler, may_submit=may_submit)
        elif jobs == 1 or len(chunks) == 1:
            run_serial(chunks, opts, on_result)
        else:
            run_pool(
                chunks,
                opts,
                on_result,
                jobs=jobs,
                next_seq=len(chunks) + 1,
                may_submit=may_submit,
            )
        emit("write")
        rows = collector.finish()
    except KeyboardInterrupt:
        collector.abort()
        raise BatchInterrupted(state["done"], store.root) from None
    except BaseException:
        collector.abort()
        raise
    return Summary(
        out=out,
        format=fmt,
        processed=state["done"],
        skipped=skipped,
        errors_this_run=state["errors"],
        rows=rows,
        seconds=time.perf_counter() - t0,
        bytes_read=state["bytes"],
        damaged_parts=damaged,
    )


def consolidate(store: PartStore, out: Path, fmt: str) -> dict[str, int]:
    """Rebuild the final outputs from the parts alone (what a finished run writes)."""
    stored, _ = store.entries(validate=False)
    collector = Collector(store, out, fmt, slots(stored, []))
    try:
        return collector.finish()
    except BaseException:
        collector.abort()
        raise

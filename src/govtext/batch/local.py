"""The local engine: chunks in this process (``-j 1``) or in a pool of worker processes.

At most ``2 × jobs`` chunks are in flight, so memory follows the work in flight, not the
corpus. Workers are forked where that is safe (Linux), so they start with govtext already
imported; they ignore Ctrl-C, which the parent handles, and die with the parent. A worker that dies (a crash in a
native library, the kernel's OOM killer) breaks the pool: the chunks in flight are then
re-run one file at a time, each alone in a fresh pool, and a file that kills its worker again
becomes an error row (``GT-E998``) while the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple

from govtext.batch.process import ChunkResult, Options, pack_part, process_chunk

WORKER_DIED = "GT-E998"
_PR_SET_PDEATHSIG = 1


class Chunk(NamedTuple):
    seq: int
    paths: tuple[str, ...]


OnResult = Callable[[Chunk, ChunkResult], None]


def _died(chunk: Chunk, options: Options) -> ChunkResult:
    from govtext.batch.process import entry_of

    records: list[dict[str, Any]] = [
        {
            "path": p,
            "doc_id": None,
            "error": {"code": WORKER_DIED, "reason": "the worker process died on this file"},
        }
        for p in chunk.paths
    ]
    return ChunkResult(pack_part(records, options), [entry_of(r) for r in records], 0)


def _init_worker() -> None:
    """Ctrl-C is the parent's to handle; and a worker must not outlive its parent.

    A forked worker holds both ends of the pool's pipes, so it never sees end-of-file when the
    parent is killed (``kill -9``): without this it would wait for work forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0 and os.getppid() == parent:
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _context() -> Any:
    # fork: workers inherit the imported package (no second start-up). Only on Linux, where
    # it is the default and safe; the parent starts no threads before the pool exists.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_serial(chunks: Iterable[Chunk], options: Options, on_result: OnResult) -> None:
    for chunk in chunks:
        on_result(chunk, process_chunk([(p, None) for p in chunk.paths], options))


def run_pool(
    chunks: Iterable[Chunk],
    options: Options,
    on_result: OnResult,
    *,
    jobs: int,
    next_seq: int,
    may_submit: Callable[[], bool] = lambda: True,
) -> None:
    """Run chunks on ``jobs`` worker processes, results handed over as they complete.

    ``next_seq`` numbers the one-file chunks made when a worker dies; ``may_submit`` holds
    new chunks back (the collector's buffer is full) without holding back a crash's re-runs.
    """
    source: Iterator[Chunk] = iter(chunks)
    pushback: deque[Chunk] = deque()  # refused by a pool found broken at submit time
    suspects: deque[Chunk] = deque()  # one-file chunks to re-run alone after a crash
    seq = next_seq
    pool = _new_pool(jobs, _context())
    in_flight: dict[Future[ChunkResult], tuple[Chunk, bool]] = {}
    try:
        while True:
            # Suspects run one at a time, alone, so a crash names its file.
            while len(in_flight) < 2 * jobs:
                if suspects:
                    if in_flight:
                        break
                    chunk, alone = suspects.popleft(), True
                else:
                    if in_flight and not may_submit():
                        break
                    nxt = pushback.popleft() if pushback else next(source, None)
                    if nxt is None:
                        break
                    chunk, alone = nxt, False
                items: list[tuple[str, bytes | None]] = [(p, None) for p in chunk.paths]
                try:
                    in_flight[pool.submit(process_chunk, items, options)] = (chunk, alone)
                except BrokenProcessPool:  # a worker died since the last wait
                    (suspects.appendleft if alone else pushback.appendleft)(chunk)
                    break
            if not in_flight:
                if pushback or suspects:  # the pool broke with nothing in flight
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = _new_pool(jobs, _context())
                    continue
                break
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                chunk, alone = in_flight.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        on_result(chunk, _died(chunk, options))
                    else:
                        for p in chunk.paths:
                            suspects.append(Chunk(seq, (p,)))
                            seq += 1
                    continue
                on_result(chunk, result)
            if broken:
                # Every future of a broken pool fails: requeue the rest of what was in flight.
                for fut, (chunk, _alone) in list(in_flight.items()):
                    del in_flight[fut]
                    for p in chunk.paths:
                        suspects.append(Chunk(seq, (p,)))
                        seq += 1
                pool.shutdown(wait=True, cancel_futures=True)
                # Forked again although pyarrow's two native threads may run by now: workers
                # only run govtext's Python code, never Arrow, so no lock of theirs is needed.
                pool = _new_pool(jobs, _context())
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown(wait=True)


def _new_pool(jobs: int, context: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop at once: queued chunks are dropped and workers killed (their chunks are redone
    by ``--resume``; finished chunks are already on disk)."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        proc.kill()
    for proc in processes:
        proc.join(timeout=5)

"""The Dask engine: the same chunks on a ``dask.distributed`` cluster (extra ``[dask]``).

``scheduler`` is a scheduler address (``tcp://host:8786``); without one a ``LocalCluster`` of
``jobs`` single-threaded worker processes is started on the loopback interface. The client
reads each file and ships its bytes with the task, so workers need not see this machine's
disk; parts come back to the client, which writes them and builds the outputs exactly as
the local engine does. At most ``2 × workers`` chunks are in flight.

A worker that dies is retried by Dask on another worker; a chunk that keeps killing workers
(Dask's ``KilledWorker``) becomes error rows (``GT-E998``) and the run goes on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from govtext.batch.local import Chunk, OnResult, _died
from govtext.batch.process import Options, process_chunk, read_file
from govtext.errors import GovtextError, MissingExtraError


def _items(chunk: Chunk) -> list[tuple[str, bytes | None]]:
    items: list[tuple[str, bytes | None]] = []
    for path in chunk.paths:
        try:
            items.append((path, read_file(path)))
        except GovtextError:
            items.append((path, None))  # the worker reports the same coded error
    return items


def run_dask(
    chunks: Iterable[Chunk],
    options: Options,
    on_result: OnResult,
    *,
    jobs: int,
    scheduler: str | None = None,
    may_submit: Callable[[], bool] = lambda: True,
) -> None:
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise MissingExtraError("dask.distributed", "dask") from None
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    cluster: Any = None
    if scheduler:
        client = Client(scheduler, set_as_default=False)
    else:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster, set_as_default=False)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        source: Iterator[Chunk] = iter(chunks)
        pending = distributed.as_completed(loop=client.loop)
        owner: dict[str, Chunk] = {}

        def submit() -> bool:
            chunk = next(source, None)
            if chunk is None:
                return False
            fut = client.submit(process_chunk, _items(chunk), options, pure=False)
            owner[fut.key] = chunk
            pending.add(fut)
            return True

        for _ in range(2 * workers):
            if not submit():
                break
        held = 0  # completions not yet replaced by a new chunk (the collector was full)
        for fut in pending:
            chunk = owner.pop(fut.key)
            try:
                result = fut.result()
            except GovtextError:
                raise
            except Exception as exc:  # KilledWorker, a lost connection for this task
                if exc.__class__.__name__ != "KilledWorker":
                    raise
                result = _died(chunk, options)
            on_result(chunk, result)
            fut.release()
            held += 1
            while held and (not owner or may_submit()):
                held -= 1
                if not submit():
                    held = 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

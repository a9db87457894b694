"""The Dask engine writes the local engine's tables (a LocalCluster of 2 workers on loopback)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from govtext.batch import TABLES, Options, run_batch
from tests.batch.conftest import write_bad_inputs

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

FAST = Options(themes=False)


def _same(a: Path, b: Path) -> None:
    for t in TABLES:
        ta, tb = pq.read_table(a / f"{t}.parquet"), pq.read_table(b / f"{t}.parquet")
        assert ta.schema == tb.schema and ta.equals(tb), t


def test_dask_cluster_tables_equal_local_tables(corpus: Path, tmp_path: Path) -> None:
    write_bad_inputs(corpus / "bad")
    local = tmp_path / "local"
    run_batch([str(corpus)], local, jobs=2, options=FAST)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        out = tmp_path / "dask"
        summary = run_batch(
            [str(corpus)],
            out,
            engine="dask",
            scheduler=cluster.scheduler_address,
            options=FAST,
        )
    assert summary.rows["documents"] == 6 and summary.rows["errors"] == 2
    _same(local, out)


def test_dask_without_scheduler_starts_a_local_cluster(corpus: Path, tmp_path: Path) -> None:
    local = tmp_path / "local.jsonl"
    run_batch([str(corpus)], local, jobs=1, options=FAST)
    out = tmp_path / "dask.jsonl"
    run_batch([str(corpus)], out, engine="dask", jobs=2, options=FAST)
    assert out.read_bytes() == local.read_bytes()

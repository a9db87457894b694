"""Batch on the user's data: the five seeds and a few State Council reports (skipped without
../shared). Only counts, years, regions and slogan names are checked: no text is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtext.batch import Options, run_batch
from tests.conftest import SEEDS, national_records, needs_shared

pq = pytest.importorskip("pyarrow.parquet")


@needs_shared
def test_seeds_and_national_reports(tmp_path: Path) -> None:
    national = tmp_path / "national"
    national.mkdir()
    records = national_records()
    picked = {0: "000_2025.txt", 2: "002_2024.txt", 1: "001_resolution.txt"}
    for index, name in picked.items():
        (national / name).write_text(str(records[index]["content"]), encoding="utf-8")
    out = tmp_path / "tables"
    summary = run_batch([str(SEEDS), str(national)], out, jobs=2, options=Options(themes=False))
    assert summary.rows["documents"] == 8 and summary.rows["errors"] == 0
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    docs = {Path(d["path"]).name: d for d in rows}
    assert docs["000_2025.txt"]["year"] == 2025 and docs["000_2025.txt"]["region"] == "全国"
    assert (docs["002_2024.txt"]["year"], docs["002_2024.txt"]["year_source"]) == (2024, "date")
    assert docs["001_resolution.txt"]["year"] is None  # a resolution states no year of its own
    seed_years = sorted(d["year"] for d in rows if d["path"].startswith(str(SEEDS)))
    assert seed_years == [2019, 2019, 2021, 2021, 2022]
    slogans = pq.read_table(out / "slogans.parquet").to_pylist()
    by_doc = {d["doc_id"]: n for n, d in docs.items()}
    resolution = {s["normalized"] for s in slogans if by_doc[s["doc_id"]] == "001_resolution.txt"}
    assert {"四个意识", "两个维护", "两个确立"} <= resolution

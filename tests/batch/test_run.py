"""govtext batch: tables and JSON lines, failure isolation, determinism, resume, interrupts."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from govtext.batch import TABLES, Options, run_batch
from govtext.batch.run import BatchInterrupted, Progress, expand_inputs, make_chunks
from govtext.batch.schema import column_names
from govtext.errors import UsageError
from tests.batch.conftest import AUDIT_2023, write_bad_inputs

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

FAST = Options(themes=False)


def _tables(out: Path) -> dict[str, Any]:
    return {t: pq.read_table(out / f"{t}.parquet") for t in TABLES}


def _assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    for t in TABLES:
        assert ta[t].schema == tb[t].schema, t
        assert ta[t].equals(tb[t]), t


def test_tables_are_normalised_and_joined_by_document_id(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch([str(corpus)], out, jobs=2, options=FAST)
    assert summary.processed == 6 and summary.errors_this_run == 0
    tables = _tables(out)
    assert sorted(p.name for p in out.glob("*.parquet")) == sorted(f"{t}.parquet" for t in TABLES)
    for t in TABLES:
        assert tables[t].schema.names == column_names(t)

    docs = tables["documents"].to_pylist()
    assert [Path(d["path"]).name for d in docs] == [
        "audit_2023.txt",
        "audit_2024.txt",
        "education.docx",
        "finance_gbk.txt",
        "speech.md",
        "water_2022.txt",
    ]
    audit = docs[0]
    raw = (corpus / "audit" / "audit_2023.txt").read_bytes()
    assert audit["sha256"] == hashlib.sha256(raw).hexdigest()
    assert audit["doc_id"] == audit["sha256"][:16]
    assert audit["bytes"] == len(raw) and audit["chars"] == len(AUDIT_2023)
    assert (audit["year"], audit["region"], audit["title"]) == (
        2023,
        "临江县",
        "临江县审计局2023年工作总结",
    )
    gbk = docs[3]
    assert (gbk["encoding"], gbk["year"]) == ("gb18030", 2021)
    assert docs[2]["format"] == "docx" and docs[4]["format"] == "markdown"
    assert (docs[4]["year"], docs[4]["year_source"], docs[4]["region"]) == (2024, "opening", None)

    ids = {d["doc_id"] for d in docs}
    for t in ("sections", "paragraphs", "tasks", "placeholders", "findings"):
        assert set(tables[t].column("doc_id").to_pylist()) <= ids, t
    # Counts in documents agree with the element tables.
    for name in ("sections", "tasks", "placeholders"):
        per_doc = tables[name].group_by("doc_id").aggregate([("doc_id", "count")]).to_pylist()
        counted = {r["doc_id"]: r["doc_id_count"] for r in per_doc}
        assert {d["doc_id"]: d[f"n_{name}"] for d in docs if d[f"n_{name}"]} == counted
    tasks = tables["tasks"].to_pylist()
    water = next(d["doc_id"] for d in docs if d["path"].endswith("water_2022.txt"))
    assert [t["marker"] for t in tasks if t["doc_id"] == water] == ["一是", "二是", "三是"]
    holes = [p["text"] for p in tables["placeholders"].to_pylist() if p["doc_id"] == water]
    assert holes == ["【待补充】"]


def test_empty_tables_keep_their_columns_and_types(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus / "water_2022.txt")], tmp_path / "out", jobs=1, options=FAST)
    errors = pq.read_table(tmp_path / "out" / "errors.parquet")
    assert errors.num_rows == 0 and errors.schema.names == ["path", "doc_id", "code", "reason"]
    sections = pq.read_schema(tmp_path / "out" / "sections.parquet")
    assert sections.field("level").type == pa.int64()
    assert sections.field("run_in").type == pa.bool_()
    slogans = pq.read_schema(tmp_path / "out" / "slogans.parquet")
    assert slogans.field("expansion").type == pa.list_(pa.string())


def test_bad_files_are_error_rows_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    bad = write_bad_inputs(corpus / "bad")
    pdf = corpus / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 ...")
    missing = str(corpus / "gone.txt")
    out = tmp_path / "out"
    summary = run_batch([str(corpus), str(pdf), missing], out, jobs=2, options=FAST)
    assert summary.errors_this_run == 4
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    by_name = {Path(e["path"]).name: e for e in errors}
    assert {n: e["code"] for n, e in by_name.items()} == {
        "corrupt.docx": "GT-E110",
        "scan.txt": "GT-E103",
        "scan.pdf": "GT-E105",
        "gone.txt": "GT-E101",
    }
    assert by_name["scan.txt"]["reason"] == "binary file (NUL bytes), not a text report"
    assert (
        by_name["corrupt.docx"]["doc_id"]
        == hashlib.sha256(bad["corrupt"].read_bytes()).hexdigest()[:16]
    )
    assert by_name["gone.txt"]["doc_id"] is None
    docs = pq.read_table(out / "documents.parquet").column("path").to_pylist()
    assert len(docs) == 6 and not {str(p) for p in bad.values()} & set(docs)


def test_jsonl_is_the_parse_schema_and_byte_identical_whatever_j(
    corpus: Path, tmp_path: Path
) -> None:
    write_bad_inputs(corpus / "bad")
    one, two = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    run_batch([str(corpus)], one, jobs=1, options=FAST)
    run_batch([str(corpus)], two, jobs=2, options=FAST)
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "j1.errors.jsonl").read_bytes() == (
        tmp_path / "j2.errors.jsonl"
    ).read_bytes()
    lines = [json.loads(x) for x in one.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    first = lines[0]
    assert list(first)[:3] == ["schema", "doc_id", "path"]
    assert first["schema"] == "govtext/1" and first["sentences"]
    assert first["document"]["year"] == 2023 and first["document"]["doc_id"] == first["doc_id"]
    errors = [json.loads(x) for x in (tmp_path / "j1.errors.jsonl").read_text().splitlines()]
    assert [e["code"] for e in errors] == ["GT-E110", "GT-E103"]


def test_same_tables_whatever_j_and_format(corpus: Path, tmp_path: Path) -> None:
    run_batch([str(corpus)], tmp_path / "p1", jobs=1, options=FAST)
    run_batch([str(corpus)], tmp_path / "p2", jobs=2, options=FAST)
    _assert_same_tables(tmp_path / "p1", tmp_path / "p2")
    run_batch([str(corpus)], tmp_path / "c1", format="csv", jobs=1, options=FAST)
    run_batch([str(corpus)], tmp_path / "c2", format="csv", jobs=2, options=FAST)
    for t in TABLES:
        assert (tmp_path / "c1" / f"{t}.csv").read_bytes() == (
            tmp_path / "c2" / f"{t}.csv"
        ).read_bytes()
    header = (tmp_path / "c1" / "sections.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == column_names("sections")


def test_an_existing_output_needs_resume_or_overwrite(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, jobs=1, options=FAST)
    with pytest.raises(UsageError, match="--resume to continue it, --overwrite to start over"):
        run_batch([str(corpus)], out, jobs=1, options=FAST)
    with pytest.raises(UsageError, match="cannot resume: the run in it used output='parquet'"):
        run_batch([str(corpus)], out, format="csv", resume=True, jobs=1, options=FAST)
    summary = run_batch([str(corpus)], out, jobs=1, overwrite=True, options=FAST)
    assert summary.processed == 6


def test_resume_skips_what_is_done_and_never_duplicates(corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    run_batch([str(corpus)], full, jobs=2, options=FAST)
    out = tmp_path / "out"
    first = run_batch([str(corpus / "audit")], out, jobs=1, options=FAST)
    assert first.processed == 2
    again = run_batch([str(corpus)], out, jobs=2, resume=True, options=FAST)
    assert (again.processed, again.skipped) == (4, 2)
    _assert_same_tables(full, out)
    noop = run_batch([str(corpus)], out, jobs=2, resume=True, options=FAST)
    assert (noop.processed, noop.skipped) == (0, 6)
    _assert_same_tables(full, out)


def test_identical_files_are_one_document_under_the_smallest_path(
    corpus: Path, tmp_path: Path
) -> None:
    shutil.copy(corpus / "water_2022.txt", corpus / "audit" / "water_copy.txt")
    full = tmp_path / "full"
    run_batch([str(corpus)], full, jobs=2, options=FAST)
    paths = pq.read_table(full / "documents.parquet").column("path").to_pylist()
    assert len(paths) == 6 and str(corpus / "audit" / "water_copy.txt") in paths
    # Interrupted after the larger path was done: resume still keeps the smaller one.
    out = tmp_path / "out"
    run_batch([str(corpus / "water_2022.txt")], out, jobs=1, options=FAST)
    run_batch([str(corpus)], out, jobs=1, resume=True, options=FAST)
    _assert_same_tables(full, out)


def test_a_changed_file_replaces_its_rows_on_resume(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, jobs=1, options=FAST)
    changed = corpus / "water_2022.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("8处", "9处"), encoding="utf-8")
    summary = run_batch([str(corpus)], out, jobs=1, resume=True, options=FAST)
    assert (summary.processed, summary.skipped) == (1, 5)
    fresh = tmp_path / "fresh"
    run_batch([str(corpus)], fresh, jobs=1, options=FAST)
    _assert_same_tables(fresh, out)


@pytest.mark.parametrize(("fmt", "jobs"), [("parquet", 1), ("parquet", 2), ("jsonl", 2)])
def test_ctrl_c_keeps_finished_chunks_and_resume_completes(
    corpus: Path, tmp_path: Path, fmt: str, jobs: int
) -> None:
    for k in range(6):  # enough files for several chunks
        (corpus / f"audit_copy{k}.txt").write_text(AUDIT_2023 + f"\n附件{k}\n", encoding="utf-8")
    events: list[Progress] = []

    def stop_after_first_chunk(event: Progress) -> None:
        events.append(event)
        if event.stage == "parse":
            raise KeyboardInterrupt

    name = "out.jsonl" if fmt == "jsonl" else "out"
    out = tmp_path / "a" / name
    with pytest.raises(BatchInterrupted) as info:
        run_batch([str(corpus)], out, jobs=jobs, options=FAST, progress=stop_after_first_chunk)
    assert 0 < info.value.saved < 12
    assert not out.exists() if fmt == "jsonl" else not (out / "documents.parquet").exists()
    resumed = run_batch([str(corpus)], out, jobs=jobs, resume=True, options=FAST)
    assert resumed.skipped == info.value.saved
    full = tmp_path / "b" / name
    run_batch([str(corpus)], full, jobs=jobs, options=FAST)
    if fmt == "jsonl":
        assert out.read_bytes() == full.read_bytes()
    else:
        _assert_same_tables(full, out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="relies on fork")
def test_a_worker_that_dies_is_an_error_row(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govtext.batch.process as process

    (corpus / "crash.txt").write_text(AUDIT_2023.replace("2023", "2019"), encoding="utf-8")
    real = process.process_one

    def dies_on_crash(path: str, data: bytes | None = None, options: Options = FAST) -> Any:
        if path.endswith("crash.txt"):
            os._exit(3)  # what a segfault in a native library looks like to the pool
        return real(path, data, options)

    monkeypatch.setattr(process, "process_one", dies_on_crash)
    out = tmp_path / "out"
    summary = run_batch([str(corpus)], out, jobs=2, options=FAST)
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    assert [(Path(e["path"]).name, e["code"]) for e in errors] == [("crash.txt", "GT-E998")]
    assert summary.rows["documents"] == 6


def test_inputs_files_folders_and_globs(corpus: Path) -> None:
    (corpus / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "x.txt").write_text("一、隐藏\n", encoding="utf-8")
    found = expand_inputs([str(corpus)])
    assert [Path(p).name for p in found] == [
        "audit_2023.txt",
        "audit_2024.txt",
        "education.docx",
        "finance_gbk.txt",
        "speech.md",
        "water_2022.txt",
    ]
    assert expand_inputs([str(corpus / "**" / "*.txt"), str(corpus / "speech.md")]) == sorted(
        [*(p for p in found if p.endswith(".txt")), str(corpus / "speech.md")]
    )
    # An explicit file is kept whatever its suffix: it is then a row in errors.
    assert expand_inputs([str(corpus / "notes.csv")]) == [str(corpus / "notes.csv")]


def test_chunks_follow_the_sorted_inputs_and_shrink_towards_the_end() -> None:
    paths = [f"/nowhere/{i:03d}.txt" for i in range(100)]
    chunks = make_chunks(paths, jobs=2)
    assert [p for c in chunks for p in c.paths] == paths
    sizes = [len(c.paths) for c in chunks]
    assert sizes[0] == 8 and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert [c.seq for c in chunks] == list(range(1, len(chunks) + 1))


def test_ranked_indicators_reach_the_metrics_table_and_bind_a_resume(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "water.txt").write_text(
        "区水利局2024年工作总结\n全年疏浚河道86公里，加固堤防32公里。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    ranked = Options(themes=False, findings=False, indicators="ranked")
    run_batch([str(src)], out, jobs=1, options=ranked)
    rows = pq.read_table(out / "metrics.parquet").to_pylist()
    assert [r["indicator"] for r in rows] == ["河道", "堤防"]
    with pytest.raises(UsageError, match="cannot resume: the run in it used indicators='ranked'"):
        run_batch([str(src)], out, jobs=1, options=FAST._replace(findings=False), resume=True)

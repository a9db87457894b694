"""The batch command as a user runs it: killed and resumed, without the optional extras, output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govtext.batch import TABLES
from govtext.batch.run import make_chunks
from govtext.cli.app import app
from tests.batch.conftest import AUDIT_2023, WATER_2022

# The CLI with a slower process_one (so a kill lands halfway) or with extras hidden.
SLOW_CLI = """
import sys, time
import govtext.batch.process as p
real = p.process_one
def slow(path, data=None, options=p.DEFAULT_OPTIONS):
    time.sleep(0.03)
    return real(path, data, options)
p.process_one = slow
from govtext.cli.app import main
sys.argv = ["govtext", *sys.argv[1:]]
main()
"""
NO_EXTRAS_CLI = """
import sys
for name in ("pyarrow", "pyarrow.parquet", "pandas", "dask", "distributed"):
    sys.modules[name] = None  # import fails as if not installed
from govtext.cli.app import main
sys.argv = ["govtext", *sys.argv[1:]]
try:
    main()
finally:
    heavy = ("pandas", "pyarrow", "dask", "numpy", "sklearn", "spacy")
    print("heavy:", sorted(m for m in sys.modules if m.split(".")[0] in heavy and sys.modules[m]), file=sys.stderr)
"""


def _children(pid: int) -> list[int] | None:
    """Child process ids from /proc (Linux), else None."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return None
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _many(root: Path, n: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        body = AUDIT_2023 if k % 2 else WATER_2022
        (root / f"r{k:03d}.txt").write_text(body + f"\n附件{k}\n", encoding="utf-8")
    return root


def test_killed_halfway_and_resumed_gives_the_tables_of_an_uninterrupted_run(
    tmp_path: Path,
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = _many(tmp_path / "corpus", 48)
    out = tmp_path / "out"
    args = [str(corpus), "-o", str(out), "-j", "2", "--no-themes", "--quiet"]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_CLI, "batch", *args], start_new_session=True
    )
    parts = out / "_parts"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(parts.glob("part-*.jsonl.gz"))) < 2:
        time.sleep(0.005)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)  # the parent only, with no chance to clean up
    proc.wait()
    if workers is not None:  # ... and its workers follow it instead of waiting forever
        assert len(workers) == 2
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers)
    written = len(list(parts.glob("part-*.jsonl.gz")))
    assert 2 <= written < len(make_chunks(sorted(map(str, corpus.iterdir())), jobs=2))
    assert not (out / "documents.parquet").exists()

    resumed = subprocess.run(
        [sys.executable, "-m", "govtext", "batch", *args[:-1], "--resume"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "already done" in resumed.stderr
    full = tmp_path / "full"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "govtext",
            "batch",
            str(corpus),
            "-o",
            str(full),
            "-j",
            "1",
            "--no-themes",
            "--quiet",
        ],
        check=True,
    )
    for t in TABLES:
        a, b = pq.read_table(out / f"{t}.parquet"), pq.read_table(full / f"{t}.parquet")
        assert a.equals(b), t
    docs = pq.read_table(out / "documents.parquet").column("doc_id").to_pylist()
    assert len(docs) == len(set(docs)) == 48


def test_parquet_without_pyarrow_is_one_line_and_exit_2(tmp_path: Path) -> None:
    corpus = _many(tmp_path / "corpus", 2)
    run = subprocess.run(
        [sys.executable, "-c", NO_EXTRAS_CLI, "batch", str(corpus), "-o", str(tmp_path / "t")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert (
        run.stderr.splitlines()[0] == "GT-E301 this needs pyarrow: pip install 'govtext[parquet]'"
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jsonl_and_csv_need_no_extras(tmp_path: Path, fmt: str) -> None:
    corpus = _many(tmp_path / "corpus", 3)
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            NO_EXTRAS_CLI,
            "batch",
            str(corpus),
            "-o",
            str(out),
            "--format",
            fmt,
            "-j",
            "2",
            "--no-themes",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "heavy: []" in run.stderr
    if fmt == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    else:
        assert len((out / "documents.csv").read_text(encoding="utf-8").splitlines()) == 4


def test_cli_summary_and_usage_errors(tmp_path: Path) -> None:
    corpus = _many(tmp_path / "corpus", 3)
    (corpus / "scan.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "-j", "1", "--no-themes"])
    assert result.exit_code == 0, result.output
    assert "batch: 4 files to process" in result.output
    assert "documents 3, sections" in result.output and "errors 1" in result.output
    assert "1 files could not be read or parsed" in result.output
    again = subprocess.run(
        [sys.executable, "-m", "govtext", "batch", str(corpus), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 2
    assert again.stderr.strip().endswith("--resume to continue it, --overwrite to start over")
    wrong = subprocess.run(
        [sys.executable, "-m", "govtext", "batch", str(corpus), "-o", str(out), "--scheduler", "x"],
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 2 and "--scheduler needs --engine dask" in wrong.stderr
    quiet = runner.invoke(
        app, ["batch", str(corpus), "-o", str(out), "--resume", "--quiet", "--no-themes"]
    )
    assert quiet.exit_code == 0 and quiet.output == ""

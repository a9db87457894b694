"""Benchmarks as ratios against a baseline run side by side, in the same run, whole process.

    python scripts/bench.py parse  [CORPUS_DIR]   # read+parse vs a plain jieba.lcut pass
    python scripts/bench.py lint   [CORPUS_DIR]   # govtext lint vs one compiled regex pass; cold start
    python scripts/bench.py segment [CORPUS_DIR]  # govtext.segment vs plain jieba and rjieba
    python scripts/bench.py batch  [CORPUS_DIR]   # batch -j1 vs -j2 throughput; memory at 1x and 10x
    python scripts/bench.py themes [CORPUS_DIR]   # govtext.classify vs the keyword baseline; model load
    python scripts/bench.py all

CORPUS_DIR defaults to out/national (written by scripts/export_national.py from ../shared).
Every measurement runs as its own process, start-up included, `--repeat` times (default 3);
the best (minimum) wall time is reported, since noise only ever adds time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md", ".docx"))
    if not files:
        sys.exit(f"no .txt/.md/.docx files under {corpus} (run scripts/export_national.py first)")
    return files


def corpus_chars(files: list[Path]) -> int:
    return sum(
        len(p.read_text(encoding="utf-8", errors="replace")) for p in files if p.suffix != ".docx"
    )


def run(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        best = min(best, time.perf_counter() - t0)
    return best


def run_pair(a: list[str], b: list[str], repeat: int) -> tuple[float, float]:
    """Best times of two commands measured interleaved, so load on the machine hits both alike."""
    best_a = best_b = float("inf")
    for _ in range(repeat):
        for cmd, which in ((a, "a"), (b, "b")):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            dt = time.perf_counter() - t0
            if which == "a":
                best_a = min(best_a, dt)
            else:
                best_b = min(best_b, dt)
    return best_a, best_b


def prepare() -> None:
    """Bytecode as an installed package has it (this sandbox sets PYTHONDONTWRITEBYTECODE); the
    regex-program cache is warm after the first of the repeated runs, whose best time counts."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src" / "govtext")], check=False)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "(PYTHONDONTWRITEBYTECODE is set: govtext's bytecode was compiled ahead, as pip does)"
        )


def peak_rss_kb(cmd: list[str]) -> int:
    """Peak resident memory of a process and its children, via GNU time when present."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if not os.path.exists(gnu_time):
        return -1
    out = subprocess.run([gnu_time, "-f", "%M", *cmd], capture_output=True, text=True, check=True)
    return int(out.stderr.strip().splitlines()[-1])


def row(name: str, seconds: float, chars: int, baseline: float | None = None) -> str:
    ratio = f"{seconds / baseline:6.2f}x baseline" if baseline else "   (baseline)"
    return f"  {name:<34} {seconds:8.3f} s  {chars / seconds / 1e6:7.3f} M chars/s  {ratio}"


def write_file_list(files: list[Path]) -> str:
    fd, name = tempfile.mkstemp(suffix=".lst")
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(map(str, files)))
    return name


JIEBA_PASS = """
import sys, logging
import jieba
jieba.setLogLevel(logging.WARNING)
for p in open(sys.argv[1]).read().split("\\n"):
    jieba.lcut(open(p, encoding="utf-8").read())
"""

RJIEBA_PASS = """
import sys
import rjieba
for p in open(sys.argv[1]).read().split("\\n"):
    rjieba.cut(open(p, encoding="utf-8").read())
"""

REGEX_PASS = """
import sys, regex
pat = regex.compile(r"[XxＸ]{1,4}|[*＊]{1,3}|[％%]|【[^】]{0,20}】|待[补核][充实]")
n = 0
for p in open(sys.argv[1]).read().split("\\n"):
    n += len(pat.findall(open(p, encoding="utf-8").read()))
"""

PARSE_PASS = """
import sys
import govtext
from govtext.pipeline import parse_document
for p in open(sys.argv[1]).read().split("\\n"):
    parse_document(govtext.read(p)).to_dict()
"""

SEGMENT_PASS = """
import sys
import govtext
for p in open(sys.argv[1]).read().split("\\n"):
    govtext.segment(open(p, encoding="utf-8").read())
"""

# In one process: the dictionary load on the first call, nothing on the second (each tool in
# its own process, its import included, so neither inherits the other's warm-up).
STARTUP_GOVTEXT = """
import time
t = time.perf_counter(); import govtext; from govtext.segmenter import segment
t1 = time.perf_counter(); segment("测试"); t2 = time.perf_counter(); segment("测试")
print(repr({"import": t1 - t, "first": t2 - t1, "second": time.perf_counter() - t2}))
"""
STARTUP_JIEBA = """
import time, logging
t = time.perf_counter(); import jieba; jieba.setLogLevel(logging.WARNING)
t1 = time.perf_counter(); jieba.lcut("测试"); t2 = time.perf_counter(); jieba.lcut("测试")
print(repr({"import": t1 - t, "first": t2 - t1, "second": time.perf_counter() - t2}))
"""
# Segmentation alone: texts in memory, dictionaries loaded, CPU time (steadier than wall time
# on a shared machine), interleaved, best of 3; govtext with a fresh Segmenter (empty memo)
# each pass.
SEGMENT_INPROCESS = """
import sys, time, logging
import jieba, govtext
jieba.setLogLevel(logging.WARNING)
texts = [open(p, encoding="utf-8").read() for p in open(sys.argv[1]).read().split("\\n")]
tools = {"jieba": lambda: jieba.lcut, "govtext": lambda: govtext.Segmenter().tokens}
try:
    import rjieba
    tools["rjieba"] = lambda: rjieba.cut
except ImportError:
    pass
for make in tools.values():
    make()("测试")
best = {}
for _ in range(3):
    for name, make in tools.items():
        fn = make()
        t = time.process_time()
        for x in texts:
            fn(x)
        best[name] = min(best.get(name, 1e9), time.process_time() - t)
print(repr(best))
"""


UNITS = """
def units(lst):
    for p in open(lst).read().split("\\n"):
        for line in open(p, encoding="utf-8").read().split("\\n"):
            if line.strip():
                yield line
"""

KEYWORD_PASS = (
    UNITS
    + """
import sys
from govtext.document import normalise
from govtext.themes.taxonomy import keyword_label
labels = [keyword_label(normalise(u)) for u in units(sys.argv[1])]
"""
)

CLASSIFY_PASS = (
    UNITS
    + """
import sys
import govtext
labels = [p.label for p in govtext.classify(list(units(sys.argv[1])))]
"""
)

CLASSIFY_TIMED = (
    UNITS
    + """
import sys, time
import govtext
from govtext.themes.classifier import load_model
texts = list(units(sys.argv[1]))
t0 = time.perf_counter(); model = load_model(); load = time.perf_counter() - t0
t0 = time.perf_counter(); model.classify(texts); run = time.perf_counter() - t0
print(f"{len(texts)} {load:.4f} {run:.4f}")
"""
)


def bench_themes(corpus: Path, repeat: int) -> None:
    files = [p for p in corpus_files(corpus) if p.suffix != ".docx"]
    lst = write_file_list(files)
    out = subprocess.run(
        [PY, "-c", CLASSIFY_TIMED, lst], capture_output=True, text=True, check=True
    )
    n, load, run_s = out.stdout.split()
    units = int(n)
    print(f"themes: {len(files)} files, {units:,} paragraphs ({corpus})")
    base = run([PY, "-c", KEYWORD_PASS, lst], repeat)
    lib = run([PY, "-c", CLASSIFY_PASS, lst], repeat)
    print(
        f"  {'keyword baseline (whole process)':<34} {base:8.3f} s  {units / base:9,.0f} units/s   (baseline)"
    )
    print(
        f"  {'govtext.classify (whole process)':<34} {lib:8.3f} s  {units / lib:9,.0f} units/s  "
        f"{lib / base:6.2f}x baseline"
    )
    print(
        f"  in process: model load {float(load) * 1000:.0f} ms, classify {units / float(run_s):,.0f} units/s"
    )
    from govtext.themes.classifier import default_model_path

    size = os.path.getsize(default_model_path())
    print(f"  model file {size / 1e6:.2f} MB (gzip-compressed JSON)")
    os.unlink(lst)


def bench_parse(corpus: Path, repeat: int) -> None:
    files = corpus_files(corpus)
    chars = corpus_chars(files)
    lst = write_file_list(files)
    print(f"parse: {len(files)} files, {chars:,} characters ({corpus})")
    base = run([PY, "-c", JIEBA_PASS, lst], repeat)
    print(row("plain jieba.lcut (whole process)", base, chars))
    lib = run([PY, "-c", PARSE_PASS, lst], repeat)
    print(row("govtext read+parse (library)", lib, chars, base))
    cli = run([PY, "-m", "govtext", "parse", "--format", "jsonl", *map(str, files)], repeat)
    print(row("govtext parse --format jsonl (CLI)", cli, chars, base))
    print(f"  => parse takes {cli / base:.0%} of jieba's time (target: at most 50%)")
    ranked = run(
        [
            PY,
            "-m",
            "govtext",
            "parse",
            "--format",
            "jsonl",
            "--indicators",
            "ranked",
            *map(str, files),
        ],
        repeat,
    )
    print(row("  ... --indicators ranked (CLI)", ranked, chars, base))
    print(f"  => the indicator ranker costs {ranked / cli:.1f}x the default parse (opt-in)")
    os.unlink(lst)


def bench_lint(corpus: Path, repeat: int) -> None:
    files = corpus_files(corpus)
    chars = corpus_chars(files)
    lst = write_file_list(files)
    print(f"lint: {len(files)} files, {chars:,} characters ({corpus})")
    base = run([PY, "-c", REGEX_PASS, lst], repeat)
    print(row("one compiled regex pass (whole process)", base, chars))
    lint = run(
        [PY, "-m", "govtext", "lint", "--format", "json", "--exit-zero", *map(str, files)], repeat
    )
    print(row("govtext lint (whole process)", lint, chars, base))
    print(f"  => lint takes {lint / base:.1f}x the regex pass (target: within 10x)")
    one = str(files[0])
    cold_base, cold = run_pair(
        [PY, "-c", "import typer, regex"],
        [PY, "-m", "govtext", "lint", "--exit-zero", one],
        max(repeat, 5),
    )
    print(
        f"  cold start: python -c 'import typer, regex' {cold_base:.3f} s; govtext lint one file {cold:.3f} s "
        f"= {cold / cold_base:.2f}x (target: within 1.5x)"
    )
    os.unlink(lst)


def bench_segment(corpus: Path, repeat: int) -> None:
    import ast

    files = corpus_files(corpus)
    chars = corpus_chars(files)
    lst = write_file_list(files)
    print(f"segment: {len(files)} files, {chars:,} characters ({corpus})")
    # Whole processes, start-up included, the three interleaved so machine load hits all alike.
    cmds = {
        "plain jieba.lcut (whole process)": [PY, "-c", JIEBA_PASS, lst],
        "rjieba.cut (Rust port)": [PY, "-c", RJIEBA_PASS, lst],
        "govtext.segment (jieba + gov lexicon)": [PY, "-c", SEGMENT_PASS, lst],
    }
    best: dict[str, float] = {}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            t0 = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode == 0:
                best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
    base = best["plain jieba.lcut (whole process)"]
    for name in cmds:
        if name in best:
            print(row(name, best[name], chars, None if best[name] == base else base))
        else:
            print(f"  {name}: not installed (pip install rjieba)")
    seg = best["govtext.segment (jieba + gov lexicon)"]
    print(f"  => govtext.segment runs at {base / seg:.2f}x plain jieba's speed (target: >= 1.0x)")
    out = subprocess.run([PY, "-c", SEGMENT_INPROCESS, lst], capture_output=True, text=True)
    m = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    print("  segmentation alone (one process, texts in memory, CPU time, best of 3):")
    for name in ("jieba", "rjieba", "govtext"):
        if name in m:
            print(f"    {name:<8} {m[name]:7.3f} s  {chars / m[name] / 1e6:6.3f} M chars/s")
    print(f"  => govtext.segment at {m['jieba'] / m['govtext']:.2f}x plain jieba's speed")
    g = ast.literal_eval(
        subprocess.run([PY, "-c", STARTUP_GOVTEXT], capture_output=True, text=True).stdout
    )
    j = ast.literal_eval(
        subprocess.run([PY, "-c", STARTUP_JIEBA], capture_output=True, text=True).stdout
    )
    print(
        f"  start-up, once per process: govtext.segment first call {g['first']:.3f} s, second "
        f"{g['second'] * 1e3:.2f} ms (import govtext {g['import'] * 1e3:.0f} ms); jieba.lcut "
        f"first call {j['first']:.3f} s, second {j['second'] * 1e3:.2f} ms (import jieba "
        f"{j['import'] * 1e3:.0f} ms)"
    )
    # A machine's first run: jieba builds its marshal cache from dict.txt (TMPDIR is where it
    # keeps it); every later process loads the cache.
    with tempfile.TemporaryDirectory() as tmp:
        code = "import time,govtext; t=time.perf_counter(); govtext.segment('测试'); print(time.perf_counter()-t)"
        env = {**os.environ, "TMPDIR": tmp}
        cold = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env)
        warm = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env)
        print(
            f"  first run on a machine (no jieba cache yet): {float(cold.stdout):.3f} s; "
            f"next process, cache in place: {float(warm.stdout):.3f} s"
        )
    os.unlink(lst)


BURN_PASS = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
def burn(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
jobs = int(sys.argv[1])
with ProcessPoolExecutor(jobs) as ex:
    list(ex.map(burn, [3_000_000] * 8))
"""

BATCH_RUN = """
import resource, sys
from govtext.cli.app import main
sys.argv = ["govtext", "batch", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(own.ru_maxrss, workers.ru_maxrss, file=sys.stderr)
print(own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime, file=sys.stderr)
"""


def batch_cmd(corpus: Path, out: Path, jobs: int) -> list[str]:
    """The batch CLI, run in-process by a wrapper that reports its resource use on stderr."""
    args = [str(corpus), "-o", str(out), "--format", "parquet", "-j", str(jobs), "--quiet"]
    return [PY, "-c", BATCH_RUN, *args, "--overwrite"]


class BatchRun(NamedTuple):
    wall: float
    cpu_parent: float
    cpu_workers: float


def run_batch_cmd(cmd: list[str]) -> BatchRun:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    parent, workers = (float(x) for x in done.stderr.strip().splitlines()[-1].split())
    return BatchRun(wall, parent, workers)


def batch_pair(corpus: Path, tmp: Path, repeat: int) -> tuple[BatchRun, BatchRun, float, float]:
    """Best runs of -j 1 and -j 2 measured interleaved, and, interleaved with them, the best
    times of a pure-Python CPU loop on 1 and 2 processes: the speed-up the machine itself
    offers at that moment (other jobs on a shared machine take cores from both)."""
    runs: dict[int, BatchRun] = {}
    burns = {1: float("inf"), 2: float("inf")}
    for _ in range(repeat):
        for jobs in (1, 2):
            run = run_batch_cmd(batch_cmd(corpus, tmp / f"j{jobs}", jobs))
            if jobs not in runs or run.wall < runs[jobs].wall:
                runs[jobs] = run
            t0 = time.perf_counter()
            subprocess.run([PY, "-c", BURN_PASS, str(jobs)], check=True)
            burns[jobs] = min(burns[jobs], time.perf_counter() - t0)
    return runs[1], runs[2], burns[1], burns[2]


def batch_memory(corpus: Path, out: Path, jobs: int) -> tuple[int, int, int]:
    """Peak RSS in KiB: the largest process (GNU time), the parent, the largest worker."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    cmd = [PY, "-c", BATCH_RUN, str(corpus), "-o", str(out), "-j", str(jobs), "--quiet"]
    if os.path.exists(gnu_time):
        cmd = [gnu_time, "-f", "%M", *cmd]
    run = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = run.stderr.strip().splitlines()
    at = -3 if os.path.exists(gnu_time) else -2
    own, workers = (int(x) for x in lines[at].split())
    largest = int(lines[-1]) if os.path.exists(gnu_time) else max(own, workers)
    return largest, own, workers


def replicate(files: list[Path], target: Path, times: int) -> Path:
    for k in range(times):
        (target / f"copy{k}").mkdir(parents=True)
        for p in files:
            # Each copy differs by one line so content hashes (and rows) are distinct.
            data = p.read_bytes()
            if p.suffix in (".txt", ".md"):
                data += f"\n副本{k}\n".encode()  # GB18030 and UTF-8 alike decode this
            (target / f"copy{k}" / p.name).write_bytes(data)
    return target


def bench_batch(corpus: Path, repeat: int) -> None:
    files = corpus_files(corpus)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big = replicate(files, tmp / "x10", 10)
        for label, source, reps in (("1x", corpus, repeat), ("10x", big, max(1, repeat - 1))):
            found = corpus_files(source)
            n = len(found)
            mb = sum(p.stat().st_size for p in found) / 1e6
            r1, r2, burn1, burn2 = batch_pair(source, tmp, reps)
            print(f"batch {label}: {n} files, {mb:.1f} MB, best of {reps} (whole process)")
            for jobs, r in ((1, r1), (2, r2)):
                cpu = r.cpu_parent + r.cpu_workers
                print(
                    f"  -j {jobs}: {r.wall:6.2f} s  {n / r.wall:6.1f} documents/s  "
                    f"{mb / r.wall:5.2f} MB/s   CPU {cpu:6.2f} s (parent {r.cpu_parent:.2f} s, "
                    f"workers {r.cpu_workers:.2f} s) = {cpu / r.wall:.2f} cores busy"
                )
            print(
                f"  => -j 2 gives {r1.wall / r2.wall:.2f}x the throughput of -j 1 (target: at "
                f"least 1.7x); the machine's own 2-process speed-up meanwhile: {burn1 / burn2:.2f}x"
            )
        rows = []
        for label, source in (("1x", corpus), ("10x", big)):
            rows.append((label, *batch_memory(source, tmp / f"m{label}", 2)))
        for label, largest, own, workers in rows:
            print(
                f"  peak memory -j 2, {label} corpus: largest process {largest / 1024:.0f} MiB "
                f"(parent {own / 1024:.0f} MiB, largest worker {workers / 1024:.0f} MiB)"
            )
        ratio = rows[1][1] / max(rows[0][1], 1)
        print(f"  => peak memory 10x / 1x = {ratio:.2f}x (target: within 1.2x)")


BENCHES: dict[str, Callable[[Path, int], None]] = {
    "parse": bench_parse,
    "lint": bench_lint,
    "segment": bench_segment,
    "batch": bench_batch,
    "themes": bench_themes,
}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("what", choices=[*BENCHES, "all"])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "out" / "national"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists() and corpus == ROOT / "out" / "national":
        subprocess.run([PY, str(ROOT / "scripts" / "export_national.py"), str(corpus)], check=True)
    prepare()
    for name, fn in BENCHES.items():
        if args.what in (name, "all"):
            fn(corpus, args.repeat)


if __name__ == "__main__":
    main()

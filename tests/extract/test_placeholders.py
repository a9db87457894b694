"""Placeholders: the seeds' hand-counted gold (tests/data/placeholders_seeds.jsonl, 411 slots
read line by line), the national corpus (none), and the mutation test on our own samples."""

from __future__ import annotations

import json
import subprocess
import sys

from govtext import Document, read
from govtext.extract.placeholders import placeholders
from tests.conftest import ROOT, SEEDS, needs_shared

GOLD = ROOT / "tests" / "data" / "placeholders_seeds.jsonl"


def _gold_spans(name: str, text: str) -> list[tuple[int, int]]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans = []
    for raw in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        if rec["doc"] != name:
            continue
        line = lines[rec["line"] - 1]
        pos = 0
        for item in rec["items"]:
            k = line.find(item["text"], pos)
            assert k >= 0
            spans.append(
                (starts[rec["line"] - 1] + k, starts[rec["line"] - 1] + k + len(item["text"]))
            )
            pos = k + len(item["text"])
    return spans


@needs_shared
def test_every_seed_placeholder_found_and_nothing_else() -> None:
    total = 0
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read(path)
        gold = _gold_spans(path.name, doc.text)
        found = [(p.start, p.end) for p in placeholders(doc)]
        missed = [g for g in gold if not any(a < g[1] and g[0] < b for a, b in found)]
        false = [f for f in found if not any(a < f[1] and f[0] < b for a, b in gold)]
        assert missed == [] and false == [], (path.name, missed[:3], false[:3])
        total += len(gold)
    assert total == 411


def test_kinds_and_spans_on_our_own_draft() -> None:
    text = "全年完成XX万元，优良率达％，培训【待补充】人次，局长某某同志，20**年，“数据要素×”。"
    found = [(p.text, p.kind) for p in placeholders(Document.from_text(text))]
    assert found == [("XX", "letter"), ("％", "missing"), ("【待补充】", "instruction"), ("某某", "blank"),
                     ("**", "star")]  # fmt: skip


def test_mutation_test_on_the_bundled_samples() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "mutation_test.py"), "--source", "samples", "--n", "210"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(out.stdout)
    assert result["mutations"] >= 150
    assert result["precision"] == 1.0
    assert result["recall_without_delete_count"] >= 0.97

"""Labels files: text units, references into a shared folder, and govtext's own corpus."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from govtext.errors import LabelsError
from govtext.themes.evaluate import heldout_leaks
from govtext.themes.labels import read_labels, text_sha1
from govtext.themes.taxonomy import LABELS
from tests.conftest import ROOT, SHARED, needs_shared

CORPUS = ROOT / "corpus" / "themes" / "labels.jsonl"
NATIONAL_TEXT = (
    "各位代表：\n现在，我代表区人民政府作工作报告。\n一、过去一年工作回顾\n粮食总产量稳定增长。"
)
SEED_TEXT = "区水务局2024年工作总结\n一是新建污水管网12公里。\n"


def _shared(tmp_path: Path) -> Path:
    """A stand-in for ../shared with one national record and one seed, in its layout."""
    root = tmp_path / "shared"
    (root / "corpus").mkdir(parents=True)
    (root / "seeds").mkdir()
    record = {"title": "t", "year": "2024", "content": NATIONAL_TEXT}
    (root / "corpus" / "national_gov_reports.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (root / "seeds" / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    return root


def _ref(doc: str, text: str, part: str, label: str) -> dict[str, object]:
    start = text.index(part)
    end = start + len(part)
    return {"doc": doc, "start": start, "end": end, "sha1": text_sha1(part), "label": label}


def _labels(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "labels.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def test_text_units_and_resolved_references(tmp_path: Path) -> None:
    path = _labels(
        tmp_path,
        [
            {"text": "局党组严格落实“三会一课”制度。", "label": "party_building", "how": "written"},
            _ref("national/0", NATIONAL_TEXT, "粮食总产量稳定增长。", "rural_agriculture"),
            _ref("seeds/a.txt", SEED_TEXT, "一是新建污水管网12公里。", "pollution_control"),
            {"text": "my own", "label": "mine"},
        ],
    )
    units = read_labels(path, shared=_shared(tmp_path)).units
    assert [(u.text, u.source) for u in units] == [
        ("局党组严格落实“三会一课”制度。", "written"),
        ("粮食总产量稳定增长。", "national"),
        ("一是新建污水管网12公里。", "seeds"),
        ("my own", "user"),
    ]
    assert units[1].doc == "national/0" and units[3].label == "mine"


def test_references_are_skipped_and_counted_without_the_shared_folder(tmp_path: Path) -> None:
    path = _labels(
        tmp_path,
        [
            {"text": "严格依法行政。", "label": "government_building"},
            _ref("national/0", NATIONAL_TEXT, "粮食总产量稳定增长。", "rural_agriculture"),
        ],
    )
    for shared in (None, tmp_path / "absent"):
        labelled = read_labels(path, shared=shared)
        assert len(labelled.units) == 1 and labelled.unresolved == 1


def test_a_reference_whose_text_changed_is_an_error(tmp_path: Path) -> None:
    ref = _ref("national/0", NATIONAL_TEXT, "粮食总产量稳定增长。", "rural_agriculture")
    ref["sha1"] = "000000000000"
    with pytest.raises(LabelsError, match=r"line 1: the text of national/0@\d+-\d+ does not match"):
        read_labels(_labels(tmp_path, [ref]), shared=_shared(tmp_path))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1 is not JSON"),
        ('{"text": "x"}', 'line 1 has no "label"'),
        ('{"label": "general"}', 'line 1 has neither "text" nor doc/start/end/sha1'),
    ],
)
def test_bad_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(LabelsError, match=message) as info:
        read_labels(path)
    assert str(info.value).startswith(f"GT-E302 {path}: ")


def test_unknown_documents_are_errors(tmp_path: Path) -> None:
    bad = {"doc": "seeds/../x", "start": 0, "end": 1, "sha1": "x", "label": "general"}
    with pytest.raises(LabelsError, match=re.escape("no document 'seeds/../x'")):
        read_labels(_labels(tmp_path, [bad]), shared=_shared(tmp_path))


def test_the_corpus_stores_only_written_text_and_references() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    for r in records:
        assert r["label"] in LABELS and r["split"] in ("train", "heldout")
        if "text" in r:
            assert r["how"] == "written" and r["id"].startswith("written/")
        else:
            assert {"doc", "start", "end", "sha1", "para"} <= set(r)
    # Without ../shared, training falls back to the written units.
    labelled = read_labels(CORPUS, shared=None)
    assert len(labelled.units) == sum(1 for r in records if "text" in r)


@needs_shared
def test_the_corpus_resolves_against_shared_and_covers_the_taxonomy() -> None:
    labelled = read_labels(CORPUS, shared=SHARED)
    assert labelled.unresolved == 0 and len(labelled.units) >= 1200
    counts = Counter(u.label for u in labelled.units)
    assert set(counts) == set(LABELS) and min(counts.values()) >= 40
    assert Counter(u.source for u in labelled.units).keys() == {"national", "seeds", "written"}


# SHA-1 of the sorted "id<TAB>label" lines of the 409 held-out units, as fixed in the first
# labelling round: the held-out split and its labels never change.
HELDOUT_SHA1 = "f1be060babe5abdb6c9c105778a048f0909d99aa"


def test_the_heldout_split_is_fixed_and_later_rounds_only_train() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    held = sorted(f"{r['id']}\t{r['label']}" for r in records if r["split"] == "heldout")
    assert len(held) == 409
    assert hashlib.sha1("\n".join(held).encode()).hexdigest() == HELDOUT_SHA1
    assert sum(1 for r in records if r.get("round", 1) == 1) == 2000
    assert all(r["split"] == "train" for r in records if r.get("round", 1) != 1)
    assert len({r["id"] for r in records}) == len(records)


@needs_shared
def test_no_training_unit_leaks_into_the_heldout_split() -> None:
    """No training unit comes from a held-out document or nearly copies a held-out unit."""
    units = read_labels(CORPUS, shared=SHARED).units
    assert heldout_leaks(units) == []


@needs_shared
def test_written_units_share_no_15_character_run_with_shared() -> None:
    """The written units are govtext's own sentences (scripts/check_written_overlap.py)."""
    import subprocess
    import sys

    script = ROOT / "scripts" / "check_written_overlap.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]

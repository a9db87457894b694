"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
NATIONAL = SHARED / "corpus" / "national_gov_reports.jsonl"
REAL_DOCX = SHARED / "real_docx"
SAMPLES = ROOT / "corpus" / "samples"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not present")


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def national_records() -> list[dict[str, object]]:
    if not NATIONAL.exists():
        return []
    with NATIONAL.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def national() -> list[dict[str, object]]:
    recs = national_records()
    if not recs:
        pytest.skip("../shared corpus is not present")
    return recs

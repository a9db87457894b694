"""Check (or assign) the fixed held-out split of corpus/themes/labels.jsonl (the "split" field).

    python scripts/split_themes.py          # check the stored split and the leak guard
    python scripts/split_themes.py --write  # write the split field (first round as computed,
                                            # later rounds "train"), after the same checks

The split was made once, for the 2,000 units of the first labelling round (records without a
``round`` field): a stratified *group* split, one fold of five (about 20%) of
``StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)`` held out. A group is
one document of ../shared (a State Council report or a seed report, so the held-out units
come from reports the model never saw), or one written unit; near-duplicate units (character
4-gram Jaccard >= 0.5, or one containing 90% of the other's 4-grams) are joined into one group
wherever they come from, so no near-copy of a held-out unit is trained on.

The split is computed from the first round only, so units added later (``"round": 2`` and
up) cannot move it. Every later unit is ``train``, and the guard refuses any training unit
that comes from a held-out document (a ``doc`` with held-out units) or is a near-duplicate of
a held-out unit (``govtext.themes.evaluate.heldout_leaks``). Needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.themes.evaluate import heldout_leaks, near_duplicate_pairs, unit_groups  # noqa: E402
from govtext.themes.labels import LabelledUnit, read_labels  # noqa: E402

LABELS = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
SEED = 20251124
HELDOUT_FOLD = 0
FIRST_ROUND_UNITS = 2000


def first_round(record: dict[str, Any]) -> bool:
    return int(record.get("round", 1)) == 1


def compute_split(units: list[LabelledUnit], records: list[dict[str, Any]]) -> dict[str, str]:
    """The split of every unit: first-round units by the fixed procedure, the rest "train"."""
    from sklearn.model_selection import StratifiedGroupKFold

    first_ids = {r["id"] for r in records if first_round(r)}
    first = [u for u in units if u.id in first_ids]
    if len(first) != FIRST_ROUND_UNITS:
        sys.exit(f"expected {FIRST_ROUND_UNITS} first-round units, found {len(first)}")
    pairs = near_duplicate_pairs([u.text for u in first])
    groups = unit_groups(first)
    sizes = Counter(groups)
    print(
        f"first round: {len(first)} units, {len(pairs)} near-duplicate pairs, {len(sizes)} "
        f"groups (largest {max(sizes.values())} units); later rounds: {len(units) - len(first)}"
    )
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    labels = [u.label for u in first]
    _, heldout = list(folds.split(first, labels, groups))[HELDOUT_FOLD]
    held = {first[i].id for i in heldout.tolist()}
    return {u.id: ("heldout" if u.id in held else "train") for u in units}


def check_leaks(units: list[LabelledUnit], split: dict[str, str]) -> None:
    """Exit when a training unit shares a held-out document or nearly copies a held-out unit."""
    leaks = heldout_leaks([u._replace(split=split[u.id]) for u in units])
    for leak in leaks[:10]:
        print(f"  leak: {leak.unit} ({leak.reason} {leak.heldout})")
    if leaks:
        sys.exit(f"{len(leaks)} training units leak into the held-out split (see above)")
    print("guard: no training unit comes from a held-out document or nearly copies a held-out unit")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write the split into labels.jsonl")
    args = ap.parse_args()
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    labelled = read_labels(LABELS, shared=SHARED)
    if labelled.unresolved:
        sys.exit(f"{SHARED} is needed to compute the split")
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        sys.exit("unit ids are not unique")
    split = compute_split(labelled.units, records)
    check_leaks(labelled.units, split)
    counts = Counter(
        (split[r["id"]], r.get("doc", "written/").split("/")[0], int(r.get("round", 1)))
        for r in records
    )
    print("units per split, source and round:", dict(sorted(counts.items())))
    if args.write:
        with LABELS.open("w", encoding="utf-8") as fh:
            for r in records:
                r["split"] = split[r["id"]]
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {LABELS}")
        return
    stale = [r["id"] for r in records if r.get("split") != split[r["id"]]]
    if stale:
        sys.exit(f"{len(stale)} units have a stored split that differs, e.g. {stale[:3]}")
    print("stored split is up to date")


if __name__ == "__main__":
    main()

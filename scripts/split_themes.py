"""Assign the fixed held-out split of corpus/themes/labels.jsonl (the "split" field).

    python scripts/split_themes.py          # check that the stored split is what this computes
    python scripts/split_themes.py --write  # (re)write the split field

The split is a stratified *group* split: one fold of five (about 20%) of
``StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)`` is held out. A group is
one document of ../shared (a State Council report or a seed report, so the held-out units
come from reports the model never saw), or one written unit; near-duplicate units (character
4-gram Jaccard >= 0.5, or one containing 90% of the other's 4-grams) are joined into one group
wherever they come from, so no near-copy of a held-out unit is trained on. Needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.themes.evaluate import near_duplicate_pairs, unit_groups  # noqa: E402
from govtext.themes.labels import read_labels  # noqa: E402

LABELS = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
SEED = 20251124
HELDOUT_FOLD = 0


def compute_split() -> dict[str, str]:
    from sklearn.model_selection import StratifiedGroupKFold

    labelled = read_labels(LABELS, shared=SHARED)
    if labelled.unresolved:
        sys.exit(f"{SHARED} is needed to compute the split")
    units = labelled.units
    pairs = near_duplicate_pairs([u.text for u in units])
    groups = unit_groups(units)
    sizes = Counter(groups)
    print(
        f"{len(units)} units, {len(pairs)} near-duplicate pairs, {len(sizes)} groups "
        f"(largest {max(sizes.values())} units)"
    )
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    labels = [u.label for u in units]
    _, heldout = list(folds.split(units, labels, groups))[HELDOUT_FOLD]
    held = set(heldout.tolist())
    return {u.id: ("heldout" if i in held else "train") for i, u in enumerate(units)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write the split into labels.jsonl")
    args = ap.parse_args()
    split = compute_split()
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    counts = Counter((split[r["id"]], r.get("doc", "written/").split("/")[0]) for r in records)
    print("units per split and source:", dict(sorted(counts.items())))
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

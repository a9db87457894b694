"""Scores for theme predictions (pure Python) and the grouping that keeps folds honest."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from govtext.themes.labels import LabelledUnit


class Scores(NamedTuple):
    macro_f1: float
    accuracy: float
    per_class: dict[str, float]  # F1 per label
    support: dict[str, int]


def scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> Scores:
    """Macro-F1 over ``labels``, accuracy, and F1 and support per label."""
    pairs = list(zip(gold, predicted, strict=True))
    per_class: dict[str, float] = {}
    support: dict[str, int] = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per_class[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        support[label] = tp + fn
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    macro = sum(per_class.values()) / len(labels) if labels else 0.0
    return Scores(macro, accuracy, per_class, support)


def confusion(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Rows: gold label; columns: predicted label (both in ``labels`` order)."""
    at = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[at[g]][at[p]] += 1
    return matrix


def calibration(
    gold: Sequence[str],
    probabilities: Sequence[Sequence[float]],
    labels: Sequence[str],
    bins: int = 10,
) -> dict[str, float]:
    """Log loss and expected calibration error (top-label confidence, equal-width bins)."""
    at = {label: i for i, label in enumerate(labels)}
    loss = 0.0
    binned: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for g, probs in zip(gold, probabilities, strict=True):
        loss -= math.log(max(probs[at[g]], 1e-12))
        best = max(range(len(probs)), key=probs.__getitem__)
        conf = probs[best]
        binned[min(int(conf * bins), bins - 1)].append((conf, best == at[g]))
    n = len(gold)
    ece = sum(
        len(b) / n * abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b))
        for b in binned
        if b
    )
    return {"log_loss": loss / n, "ece": ece}


def _grams(text: str, n: int = 4) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def near_duplicate_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of texts whose character 4-grams overlap: Jaccard >= 0.5, or >= 90% of the
    smaller text's (at least 12) 4-grams found in the other."""
    sets = [_grams(t) for t in texts]
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for g in s:
            index.setdefault(g, []).append(i)
    pairs = []
    for i, s in enumerate(sets):
        common: Counter[int] = Counter()
        for g in s:
            for j in index[g]:
                if j > i:
                    common[j] += 1
        for j, c in common.items():
            small = min(len(s), len(sets[j]))
            if c / len(s | sets[j]) >= 0.5 or (small >= 12 and c / small >= 0.9):
                pairs.append((i, j))
    return pairs


def unit_groups(units: Sequence[LabelledUnit]) -> list[int]:
    """A group id per unit: units of one document share a group, and so do near-duplicates.

    Cross-validation folds and the held-out split keep groups whole, so a model is always
    tested on reports it has not seen and never on a near-copy of a training unit.
    """
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_doc: dict[str, int] = {}
    for i, unit in enumerate(units):
        if unit.doc is not None:
            parent[find(i)] = find(first_of_doc.setdefault(unit.doc, i))
    for i, j in near_duplicate_pairs([u.text for u in units]):
        parent[find(i)] = find(j)
    return [find(i) for i in range(len(units))]


class Leak(NamedTuple):
    """A training unit that would let the held-out split see itself in training."""

    unit: str  # id of the training unit
    heldout: str  # id of the held-out unit (or document) it leaks
    reason: str  # "heldout document" or "near-duplicate"


def heldout_leaks(units: Sequence[LabelledUnit]) -> list[Leak]:
    """Training units that come from a held-out document or nearly copy a held-out unit.

    A held-out document is a ``doc`` of ../shared with at least one held-out unit; a
    near-duplicate is a pair of :func:`near_duplicate_pairs`. The held-out split of
    ``labels.jsonl`` is fixed, so every unit added later is ``train`` and must not leak.
    """
    heldout_docs = {u.doc for u in units if u.split == "heldout" and u.doc is not None}
    leaks = [
        Leak(u.id, str(u.doc), "heldout document")
        for u in units
        if u.split != "heldout" and u.doc in heldout_docs
    ]
    for i, j in near_duplicate_pairs([u.text for u in units]):
        a, b = units[i], units[j]
        if (a.split == "heldout") != (b.split == "heldout"):
            train_unit, held_unit = (b, a) if a.split == "heldout" else (a, b)
            leaks.append(Leak(train_unit.id, held_unit.id, "near-duplicate"))
    return leaks

"""Fit the indicator ranker (govtext.extract.indicator_ranker) on the annotated metric splits.

    python scripts/train_indicator_ranker.py --cv      # leave one split out: rules vs ranker
    python scripts/train_indicator_ranker.py           # fit on every development split, write
                                                       # src/govtext/data/indicator_ranker.json.gz

Each gold mention that the rules find gives one choice among its candidates; the model is a
conditional log-linear one (softmax over a mention's candidates, L2 penalty), fitted by L-BFGS.
The count of how often a phrase was a gold indicator is a feature: inside training it is
counted on the other splits only, so that a mention never sees its own label. Only phrases of
fewer than 8 characters are counted (and shipped), as the gold files store longer ones as
offsets into ../shared. The `train` split (annotated once) is in every fold's training data
and is never held out; the held-out `test` split is never read. Needs numpy and scipy (the
`dev` extra).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from eval_metrics import DEV_SPLITS, evaluate, load_docs  # the same scripts/ folder
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.document import normalise  # noqa: E402
from govtext.extract.indicator_ranker import (  # noqa: E402
    MODEL_NAME,
    candidates,
    compare_key,
    features,
    same_sentence,
)

SPLITS = DEV_SPLITS
# Annotated once, for training only: in every fold's training data, never held out.
TRAIN_ONLY = ("train",)
SEEN_MAX_LEN = 8

Row = dict[str, object]


def rows_of(splits: tuple[str, ...]) -> tuple[list[Row], dict[str, str]]:
    docs = load_docs()
    rows: list[Row] = []
    norms: dict[str, str] = {}
    for split in splits:
        scores = evaluate(split)
        # Each number's predecessor among the rules' mentions: where it ends, its indicator.
        before: dict[tuple[str, int], tuple[int, str]] = {}
        last: dict[str, tuple[int, str]] = {}
        predicted = sorted(scores["_predicted"], key=lambda p: (p["doc"], p["start"]))  # type: ignore[attr-defined]
        for p in predicted:
            doc = str(p["doc"])
            before[(doc, int(p["start"]))] = last.get(doc, (-1, ""))
            last[doc] = (int(p["end"]), str(p["indicator"]))
        for g, p in scores["_pairs"]:  # type: ignore[attr-defined]
            doc = str(p["doc"])
            if doc not in norms:
                norms[doc] = normalise(docs[doc])
            norm = norms[doc]
            end_before, prev = before.get((doc, int(p["start"])), (-1, ""))
            rows.append(
                {
                    "split": split,
                    "doc": doc,
                    "start": p["start"],
                    "end": p["end"],
                    "rule": p["indicator"],
                    "prev": prev if same_sentence(norm, end_before, int(p["start"])) else "",
                    "gold": g["indicator"],
                }
            )
    return rows, norms


def seen_counts(rows: list[Row]) -> dict[str, int]:
    """Gold indicators by frequency, and (as "~" + word) the last words they end with."""
    from govtext.extract.indicator_ranker import _last_word

    keys = [compare_key(str(r["gold"])) for r in rows]
    seen = collections.Counter(k for k in keys if 0 < len(k) < SEEN_MAX_LEN)
    seen.update("~" + _last_word(k)[0] for k in keys if k)
    return dict(seen)


def examples(
    rows: list[Row], norms: dict[str, str], seen: dict[str, int]
) -> tuple[list[list[str]], list[tuple[int, int]], list[bool], list[str]]:
    feats: list[list[str]] = []
    groups: list[tuple[int, int]] = []
    labels: list[bool] = []
    keys: list[str] = []
    for r in rows:
        norm = norms[str(r["doc"])]
        start, end, rule = int(r["start"]), int(r["end"]), str(r["rule"])  # type: ignore[call-overload]
        gold = compare_key(str(r["gold"]))
        prev = str(r.get("prev") or "")
        first = len(feats)
        for c in candidates(norm, start, end, rule, prev):
            feats.append(list(features(norm, start, end, rule, c, seen, prev)))
            labels.append(c.key == gold)
            keys.append(c.key)
        groups.append((first, len(feats)))
    return feats, groups, labels, keys


def training_set(
    rows: list[Row], norms: dict[str, str], splits: tuple[str, ...]
) -> tuple[list[list[str]], list[tuple[int, int]], list[bool]]:
    feats: list[list[str]] = []
    groups: list[tuple[int, int]] = []
    labels: list[bool] = []
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        seen = seen_counts([r for r in rows if r["split"] != split and r["split"] in splits])
        f, g, y, _ = examples(part, norms, seen)
        off = len(feats)
        feats += f
        groups += [(a + off, b + off) for a, b in g]
        labels += y
    return feats, groups, labels


def matrix(feats: list[list[str]], vocab: dict[str, int], grow: bool) -> sp.csr_matrix:
    ind: list[int] = []
    ptr = [0]
    for fs in feats:
        for f in fs:
            k = vocab.get(f)
            if k is None and grow:
                k = vocab[f] = len(vocab)
            if k is not None:
                ind.append(k)
        ptr.append(len(ind))
    return sp.csr_matrix(
        (np.ones(len(ind)), np.array(ind, dtype=np.int64), np.array(ptr)),
        shape=(len(feats), len(vocab)),
    )


def fit(
    x: sp.csr_matrix, groups: list[tuple[int, int]], labels: list[bool], l2: float
) -> np.ndarray:
    y = np.array(labels, dtype=float)
    gid = np.zeros(x.shape[0], dtype=np.int64)
    for k, (a, b) in enumerate(groups):
        gid[a:b] = k
    has_gold = np.bincount(gid, weights=y, minlength=len(groups)) > 0
    mask = has_gold[gid]  # a mention none of whose candidates is right teaches nothing
    x2, y2 = x[mask], y[mask]
    _, g2 = np.unique(gid[mask], return_inverse=True)
    ng = int(g2.max()) + 1
    xt = x2.T.tocsr()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x2 @ w
        m = np.full(ng, -np.inf)
        np.maximum.at(m, g2, s)
        e = np.exp(s - m[g2])
        z = np.bincount(g2, weights=e, minlength=ng)
        p = e / z[g2]
        pg = np.bincount(g2, weights=p * y2, minlength=ng)  # probability of a right candidate
        q = np.where(y2 > 0, p / pg[g2], 0.0)
        return (
            -float(np.log(np.maximum(pg, 1e-300)).sum()) + 0.5 * l2 * float(w @ w),
            -(xt @ (q - p)) + l2 * w,
        )

    res = minimize(
        loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 300}
    )
    return np.asarray(res.x)


def choose(x: sp.csr_matrix, groups: list[tuple[int, int]], w: np.ndarray) -> list[int]:
    s = x @ w
    return [a + int(np.argmax(s[a:b])) for a, b in groups]


def cross_validate(rows: list[Row], norms: dict[str, str], l2: float) -> None:
    total = collections.Counter()
    for held in SPLITS:
        train = tuple(s for s in SPLITS + TRAIN_ONLY if s != held)
        feats, groups, labels = training_set(rows, norms, train)
        vocab: dict[str, int] = {}
        w = fit(matrix(feats, vocab, True), groups, labels, l2)
        test = [r for r in rows if r["split"] == held]
        f, g, _, keys = examples(test, norms, seen_counts([r for r in rows if r["split"] in train]))
        picked = choose(matrix(f, vocab, False), g, w)
        n = len(test)
        rule = sum(compare_key(str(r["rule"])) == compare_key(str(r["gold"])) for r in test)
        model = sum(
            keys[k] == compare_key(str(r["gold"])) for r, k in zip(test, picked, strict=True)
        )
        print(f"  {held:5} {n:4} mentions  rules {rule / n:.3f}  ranker {model / n:.3f}")
        total.update(n=n, rule=rule, model=model)
    n = total["n"]
    print(f"  all   {n:4} mentions  rules {total['rule'] / n:.3f}  ranker {total['model'] / n:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="leave one split out and report")
    ap.add_argument("--l2", type=float, default=0.3)
    ap.add_argument("-o", "--output", default=str(ROOT / "src" / "govtext" / "data" / MODEL_NAME))
    args = ap.parse_args()
    rows, norms = rows_of(SPLITS + TRAIN_ONLY)
    if args.cv:
        cross_validate(rows, norms, args.l2)
        return
    feats, groups, labels = training_set(rows, norms, SPLITS + TRAIN_ONLY)
    vocab: dict[str, int] = {}
    w = fit(matrix(feats, vocab, True), groups, labels, args.l2)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w[k]), 4) for f, k in zip(names, range(len(names)), strict=True)}
    payload = {
        "about": "govtext indicator ranker: feature -> weight of a conditional log-linear model "
        "(scripts/train_indicator_ranker.py); seen: gold indicators of the training splits",
        "trained_on": list(SPLITS + TRAIN_ONLY),
        "mentions": len(rows),
        "l2": args.l2,
        "weights": {f: v for f, v in sorted(weights.items()) if abs(v) >= 1e-3},
        "seen": dict(sorted(seen_counts(rows).items())),
    }
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=0)
    print(f"{len(payload['weights'])} weights, {len(payload['seen'])} seen -> {args.output}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()

"""Train the shipped theme model and write its model card.

    python scripts/eval_themes.py --repeats 3 --json models/themes.eval.json   # first
    python scripts/train_themes.py            # -> src/govtext/data/themes_model.json.gz,
                                              #    models/themes.card.md

Trains the default configuration (``TrainConfig()``, chosen by cross-validation in
scripts/eval_themes.py) on *all* labelled units of corpus/themes/labels.jsonl, training and
held-out alike; the held-out scores in the card are those of the same configuration trained
on the training part only (from models/themes.eval.json). Without ../shared only the written
units are available: the script then refuses to overwrite the shipped model unless -o is given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext import __version__  # noqa: E402
from govtext.themes.classifier import ThemeModel  # noqa: E402
from govtext.themes.evaluate import confusion, scores, unit_groups  # noqa: E402
from govtext.themes.labels import read_labels  # noqa: E402
from govtext.themes.taxonomy import LABELS  # noqa: E402
from govtext.themes.train import TrainConfig, train  # noqa: E402

LABELS_FILE = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
SHIPPED = ROOT / "src" / "govtext" / "data" / "themes_model.json.gz"
EVAL = ROOT / "models" / "themes.eval.json"
CARD = ROOT / "models" / "themes.card.md"
VERSION = "1.1"
SEED = 0


def speed(path: Path, texts: list[str], rounds: int = 5) -> dict[str, float]:
    """Load time (fresh, from disk) and classification throughput (best of ``rounds``)."""
    t0 = time.perf_counter()
    model = ThemeModel.load(path)
    load = time.perf_counter() - t0
    model.classify(texts[:10])  # builds the numpy matrices once
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        model.classify(texts)
        best = min(best, time.perf_counter() - t0)
    return {"load_seconds": load, "units_per_second": len(texts) / best}


def table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def period_accuracy(units: list[Any], predicted: list[str]) -> dict[str, float]:
    """Accuracy per source, the State Council reports split by period."""
    groups: dict[str, list[bool]] = {}
    years = {}
    for line in LABELS_FILE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("year"):
            years[record["id"]] = int(record["year"])
    for unit, label in zip(units, predicted, strict=True):
        key = unit.source
        if unit.source == "national" and unit.id not in years:
            key = "national (NPC resolutions, no year)"
        elif unit.source == "national":
            year = years[unit.id]
            key = (
                "national <1980"
                if year < 1980
                else "national 1980-1999"
                if year < 2000
                else ("national 2000-2012" if year < 2013 else "national 2013+")
            )
        groups.setdefault(key, []).append(unit.label == label)
    return {k: sum(v) / len(v) for k, v in sorted(groups.items())}


def card(
    model: ThemeModel,
    config: TrainConfig,
    units: list[Any],
    cv_labels: list[str],
    cv: Any,
    ev: dict[str, Any],
    size: dict[str, float],
    perf: dict[str, float],
) -> str:
    d = ev["default"]
    labels = list(LABELS)
    counts = Counter(u.label for u in units)
    sources = Counter(u.source for u in units)
    experiments = [
        [
            "keyword baseline (taxonomy cue words)",
            f"{ev['baseline']['cv']['macro_f1']:.3f}",
            f"{ev['baseline']['heldout']['macro_f1']:.3f}",
            f"{ev['baseline']['heldout']['accuracy']:.3f}",
        ]
    ]
    for name, r in ev["configs"].items():
        experiments.append(
            [
                name + (" **(shipped)**" if r["default"] else ""),
                f"{r['cv_macro_f1_mean']:.3f} ± {r['cv_fold_sd']:.3f}",
                f"{r['heldout']['macro_f1']:.3f}",
                f"{r['heldout']['accuracy']:.3f}",
            ]
        )
    per_class = [
        [
            label,
            str(counts[label]),
            f"{cv.per_class[label]:.3f}",
            f"{d['heldout']['per_class'][label]:.3f}",
            f"{ev['baseline']['heldout']['per_class'][label]:.3f}",
        ]
        for label in labels
    ]
    matrix = d["heldout_confusion"]["matrix"]
    short = [label.split("_")[0][:6] for label in labels]
    conf_rows = [[short[i]] + [str(v) if v else "·" for v in row] for i, row in enumerate(matrix)]
    cal = d["calibration"]
    by_source = ", ".join(
        f"{k} {v['accuracy']:.3f} accuracy ({v['units']} units)"
        for k, v in d["heldout_by_source"].items()
    )
    weakest = sorted(labels, key=lambda lab: cv.per_class[lab])[:4]
    weak_eval = d["weakest"]
    weak_rows = [
        ["keyword baseline"]
        + [f"{ev['baseline']['cv']['per_class'][lab]:.3f}" for lab in weak_eval]
    ] + [
        [name] + [f"{r['cv']['per_class'][lab]:.3f}" for lab in weak_eval]
        for name, r in ev["configs"].items()
    ]
    rounds = {
        r["id"]: int(r.get("round", 1))
        for r in map(json.loads, LABELS_FILE.read_text(encoding="utf-8").splitlines())
    }
    de = ev["data_effect"]
    shipped = next(r for r in ev["configs"].values() if r["default"])
    cv_means = sorted(r["cv_macro_f1_mean"] for r in ev["configs"].values())
    cv_lo, cv_hi = cv_means[len(cv_means) // 2], cv_means[-1]
    held_f1 = [r["heldout"]["macro_f1"] for r in ev["configs"].values()]
    held_lo, held_hi = min(held_f1), max(held_f1)
    round2 = ", ".join(
        f"{n} {k}" for k, n in Counter(u.source for u in units if rounds.get(u.id, 1) > 1).items()
    )
    by_period = ", ".join(f"{k} {v:.3f}" for k, v in period_accuracy(units, cv_labels).items())
    return f"""# Model card: govtext theme classifier {model.version}

File: `src/govtext/data/themes_model.json.gz` (package data; `models/themes_model.json.gz`
links to it). Format `govtext-themes` version 1: gzip-compressed JSON holding the label ids,
the feature spec, per feature block its terms, idf weights and one coefficient row per term,
the intercepts and a softmax temperature. Loading parses JSON only: no pickle, no code.
Trained {model.meta["trained"]} with govtext {__version__} by `scripts/train_themes.py`.

## Intended use

Tag units of Chinese government work reports (sections, paragraphs, enumerated items) with one
of the {len(labels)} theme ids of `../shared/TAXONOMY.md`, with a calibrated probability for
every id: `govtext.classify(texts)`, `govtext parse --themes`, `govtext classify FILE`.
Trained on department reports (工作总结, 述职述廉报告, 讲话) and State Council reports
1954-2025; other genres (news, laws, academic text) are out of scope.

## Training data

{len(units)} units labelled by reading them (`corpus/themes/labels.jsonl`; how, and the
agreement of a second annotator — 92.3% on 300 first-round units, 92.8% (κ 0.922) on 306
second-round units — in `corpus/themes/LABELLING.md`):
{", ".join(f"{n} {k}" for k, n in sources.most_common())} (national = State Council reports,
seeds = the five department reports of ../shared, both stored as references; written =
department-style units written for govtext). They were labelled in two rounds: the first
2,000 units, which hold the fixed held-out split, and {len(units) - 2000} more units of a
second round ({round2}), all of them in the training part. The shipped model is trained on
all units; the held-out figures below come from the same configuration trained on the
training part only.

## Configuration

Features (`govtext.themes.features`): text cleaned (full-width forms normalised, the leading
list marker dropped, numbers and XX slots folded to 0); character {config.spec.ngrams[0]}-{config.spec.ngrams[1]}-grams of the
whole unit, plus character {config.spec.lead_ngrams[0]}-{config.spec.lead_ngrams[1]}-grams of its lead sentence at weight {config.spec.lead_weight}; tf-idf
({"sublinear" if config.spec.sublinear_tf else "raw"} tf, smoothed idf), each block L2-normalised; terms seen in at least
{config.spec.min_df} units. Classifier: {config.classifier} (C = {config.c}, balanced class weights). Calibration:
temperature scaling, T = {model.temperature:.4g}, fitted on out-of-fold scores
({model.meta["calibration_folds"]} grouped folds). Terms: {sum(len(b.index) for b in model.blocks):,}.

## Scores

Cross-validation: 5 stratified folds that keep each report of ../shared (and each cluster of
near-duplicate units) in one fold. Held-out: the fixed split of `labels.jsonl`
(`scripts/split_themes.py`, seed 20251124: whole reports held out — 12 State Council reports
and 2 of the 5 seed reports — plus written units; {ev["units"]["heldout"]} units). The
configuration was chosen on the cross-validation column of the training part.

Shipped model, 5-fold cross-validation on all {len(units)} units: **macro-F1 {cv.macro_f1:.3f}**,
accuracy {cv.accuracy:.3f}.

Held-out ({ev["units"]["heldout"]} units, model trained on the {ev["units"]["train"]} training units): **macro-F1
{d["heldout"]["macro_f1"]:.3f}**, accuracy {d["heldout"]["accuracy"]:.3f}; keyword baseline macro-F1
{ev["baseline"]["heldout"]["macro_f1"]:.3f}, accuracy {ev["baseline"]["heldout"]["accuracy"]:.3f}. By source: {by_source}.

Experiments (`scripts/eval_themes.py --repeats 3`; CV on the training part, mean of 3
repetitions ± the standard deviation of single folds):

{table(experiments, ["configuration", "CV macro-F1", "held-out macro-F1", "held-out accuracy"])}

Per class (CV: shipped model, all units; held-out: training-part model):

{table(per_class, ["theme", "units", "CV F1", "held-out F1", "baseline held-out F1"])}

Accuracy by source and period (shipped model, cross-validation on all units): {by_period}.

Weakest classes: {", ".join(weak_eval)} in cross-validation on the training part
({", ".join(weakest)} in the shipped model's cross-validation on all units). What was tried
for them — the experiments above, read per class (CV F1 on the training part):

{table(weak_rows, ["configuration", *weak_eval])}

In the first round (2,000 units) no experiment lifted these classes clearly; what did was
more labelled data. With the second round the weak classes gain several hundredths in
cross-validation, and on the first round's own training units the default configuration
scores {de["trained_on_all_rounds"]:.3f} macro-F1 with the new units in training against
{de["trained_on_first_round"]:.3f} without them ({de["first_round_units"]} units, same folds
procedure, no held-out unit involved). Among the configurations the differences stay within
fold noise, per class too: raw term counts help `general` a little, a larger C or jieba
words `rural_agriculture`, none is best on all four. The cue-word prior (counts of
TAXONOMY.md cue words as features) is still the one clear loss, because cue words such as
企业, 投资, 改革 occur across themes. Balanced class weights are on in every row but one
(unweighted, a tie). The remaining errors of these classes are mostly each other (see the
confusion matrix): the boundary cases listed in `LABELLING.md`, on which two annotators also
disagree.

Held-out confusion matrix (rows gold, columns predicted, same order):

{table(conf_rows, ["gold / predicted", *short])}

Calibration on held-out: log loss {cal["raw"]["log_loss"]:.3f} (T = 1) → {cal["calibrated"]["log_loss"]:.3f},
expected calibration error {cal["raw"]["ece"]:.3f} → {cal["calibrated"]["ece"]:.3f} (T fitted on the training part).

## Model selection

Configurations were compared on the cross-validation column only: while choosing,
`scripts/eval_themes.py --cv-only` ran the experiments without scoring (or featurising) the
held-out units, and the held-out column above was printed only by the final run, for every
row (the final run was made twice, the second time to add the data-effect figures above;
its numbers are the same). The upper half of the rows lies within {cv_lo:.3f}–{cv_hi:.3f} in cross-validation, far
below the fold-to-fold spread (±{shipped["cv_fold_sd"]:.3f}), so the tie was broken towards
the smaller and faster model: character 1-2-grams instead of 1-3-grams (about half the
terms on the same units), no jieba (a dictionary load and a dependency at inference), LinearSVC, terms
seen in at least {config.spec.min_df} units, raw term counts (as cheap as sublinear ones, and
level with them). The held-out column spreads as widely across the same rows
({held_lo:.3f}–{held_hi:.3f}) and does not follow
the cross-validation order; the shipped configuration scores {d["heldout"]["macro_f1"]:.3f}
there and was not changed after it was seen. Caveat: before the split was fixed, an
exploratory round of the first labelling round (text cleaning, lead-sentence weight 0.5,
C = 0.5) used 5-fold grouped cross-validation over all 2,000 units, the held-out ones
included.

## Size and speed

{size["compressed"] / 1e6:.2f} MB on disk ({size["json"] / 1e6:.1f} MB of JSON). Load from disk
{perf["load_seconds"] * 1000:.0f} ms; {perf["units_per_second"]:,.0f} units/s with numpy, on all {len(units):,} labelled units (mean
{sum(len(u.text) for u in units) / len(units):.0f} characters; one process, after loading, while other jobs shared the machine's two
cores: a quiet machine is faster). `python scripts/bench.py themes` measures it against the
keyword baseline, whole process.

## Limitations

- State Council reports before 1980 (defence, campaigns, plan fulfilment) map poorly onto a
  taxonomy made for today's reports; they are the least accurate units.
- `general` (openings, overall summaries spanning many themes) and the economic trio
  `macro_economy` / `industry_business` / `reform_institutions` share vocabulary; the
  taxonomy's boundary rules for them depend on the lead sentence, which the lead-sentence
  block helps with but does not settle.
- Boundary rules that depend on who writes (rule 6: a government's own 作风 vs a Party
  organisation's) cannot be seen in a single unit.
- The written units were written for this purpose and are more regular than real drafts;
  they are about 40% of the training data, so cross-validation over all units is optimistic
  for real department reports (compare the held-out score by source).
- The second round's units were labelled by one annotator; only first-round units have a
  second, independent annotation.
- The held-out set is small (409 units; 9–41 per theme): one unit moves a theme's F1 by up to
  0.05 and the macro-F1 by 0.003–0.005.
"""


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-o", "--output", help=f"model file (default {SHIPPED.relative_to(ROOT)})")
    args = ap.parse_args()
    config = TrainConfig()
    labelled = read_labels(LABELS_FILE, shared=SHARED)
    output = Path(args.output) if args.output else SHIPPED
    if labelled.unresolved:
        print(f"{SHARED} absent: {labelled.unresolved} referenced units skipped")
        if not args.output:
            sys.exit("refusing to overwrite the shipped model with a partial one (give -o)")
    units = labelled.units
    ev = json.loads(EVAL.read_text(encoding="utf-8")) if EVAL.exists() else None
    if ev is not None:
        shipped = next(r for r in ev["configs"].values() if r["default"])
        if shipped["config"] != config.to_dict():
            sys.exit(f"{EVAL} was made with another default config: re-run eval_themes.py")
    t0 = time.perf_counter()
    result = train(
        units,
        config=config,
        groups=unit_groups(units),
        seed=SEED,
        version=VERSION,
        meta={
            "training_data": "corpus/themes/labels.jsonl",
            "govtext_version": __version__,
        },
    )
    model = result.model
    gold = [u.label for u in units]
    cv = scores(gold, result.cv_labels, list(LABELS))
    model.data["meta"]["cv"] = {
        "macro_f1": round(cv.macro_f1, 4),
        "accuracy": round(cv.accuracy, 4),
        "per_class_f1": {k: round(v, 4) for k, v in cv.per_class.items()},
        "confusion": confusion(gold, result.cv_labels, list(LABELS)),
    }
    if ev is not None:
        model.data["meta"]["heldout"] = {
            "macro_f1": round(ev["default"]["heldout"]["macro_f1"], 4),
            "accuracy": round(ev["default"]["heldout"]["accuracy"], 4),
            "note": "same configuration trained on the training part of the split",
        }
    model.save(output)
    print(
        f"trained on {len(units)} units in {time.perf_counter() - t0:.1f} s: CV macro-F1 "
        f"{cv.macro_f1:.3f}, accuracy {cv.accuracy:.3f}, temperature {model.temperature:.4g}"
    )
    size = {
        "compressed": output.stat().st_size,
        "json": len(gzip.decompress(output.read_bytes())) if output.suffix == ".gz" else 0,
    }
    perf = speed(output, [u.text for u in units])
    print(
        f"wrote {output} ({size['compressed'] / 1e6:.2f} MB); load {perf['load_seconds'] * 1000:.0f} ms, "
        f"{perf['units_per_second']:,.0f} units/s"
    )
    if ev is None or args.output:
        return
    CARD.write_text(
        card(model, config, units, result.cv_labels, cv, ev, size, perf), encoding="utf-8"
    )
    print(f"wrote {CARD}")


if __name__ == "__main__":
    main()

"""Evaluate theme classifiers on corpus/themes/labels.jsonl against the keyword-count baseline.

    python scripts/eval_themes.py                 # every feature/classifier experiment
    python scripts/eval_themes.py --quick         # the baseline and the default config only
    python scripts/eval_themes.py --json out.json # also write the numbers (for the model card)
    python scripts/eval_themes.py --cv-only       # experiments: the held-out units are not scored
    python scripts/eval_themes.py --cv-only --only "min_df"  # configurations whose name has it

Two measurements, side by side for every configuration:

* cross-validation on the training part: 5 stratified group folds (a group is a report of
  ../shared, or a written unit; near-duplicates share a group), scores pooled over the folds;
* the fixed held-out split (the "split" field, made by scripts/split_themes.py): trained on
  the training part, scored once on the held-out units.

Configurations are chosen on the cross-validation column; the held-out column is only read.
While choosing, run with ``--cv-only``: the held-out units are then neither scored nor used
(not even for the shared term lists), so no held-out number is seen until the final run.
The keyword baseline counts the taxonomy's cue words (src/govtext/data/theme_cues.json).
Without ../shared only the written units are used (and the numbers are not comparable).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.document import normalise  # noqa: E402
from govtext.themes.evaluate import calibration, confusion, scores, unit_groups  # noqa: E402
from govtext.themes.features import FeatureSpec  # noqa: E402
from govtext.themes.labels import LabelledUnit, read_labels  # noqa: E402
from govtext.themes.taxonomy import LABELS, keyword_label  # noqa: E402
from govtext.themes.train import (  # noqa: E402
    TrainConfig,
    build_model,
    decision,
    featurize,
    fit_linear,
    fit_temperature,
    fold_indices,
    out_of_fold_scores,
    probabilities,
)

LABELS_FILE = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
CV_SEED = 0
DEFAULT = TrainConfig()

# name -> config. The first block of rows answers "which features"; the second "which
# classifier"; DEFAULT (TrainConfig()) is the shipped configuration.
CONFIGS: dict[str, TrainConfig] = {
    "char 1-3, LinearSVC": TrainConfig(FeatureSpec(lead_weight=0.0), "svc", 0.5),
    "char 1-4, LinearSVC": TrainConfig(FeatureSpec(ngrams=(1, 4), lead_weight=0.0), "svc", 0.5),
    "char 1-3 + lead, LinearSVC": TrainConfig(FeatureSpec(), "svc", 0.5),
    "char 1-3 + lead, terms in 2+ units, LinearSVC": TrainConfig(FeatureSpec(min_df=2), "svc", 0.5),
    "char 1-3 + lead, LinearSVC C=1": TrainConfig(FeatureSpec(), "svc", 1.0),
    "char 1-3 + lead + jieba words, LinearSVC": TrainConfig(
        FeatureSpec(word_weight=0.5), "svc", 0.5
    ),
    "char 1-3 + lead + cue prior, LinearSVC": TrainConfig(FeatureSpec(cue_weight=0.3), "svc", 0.5),
    "char 1-3 + lead, LogisticRegression": TrainConfig(FeatureSpec(), "lr", 20.0),
    "char 1-3 + lead, RidgeClassifier": TrainConfig(FeatureSpec(), "ridge", 1.0),
    # Round 2 (more data): regularisation, term threshold, lead weight, class weights, words.
    "char 1-3 + lead, LinearSVC C=0.25": TrainConfig(FeatureSpec(), "svc", 0.25),
    "char 1-3 + lead, LinearSVC C=2": TrainConfig(FeatureSpec(), "svc", 2.0),
    "char 1-3 + lead, terms in 5+ units, LinearSVC": TrainConfig(FeatureSpec(min_df=5), "svc", 0.5),
    "char 1-3 + lead, terms in 10+ units, LinearSVC": TrainConfig(
        FeatureSpec(min_df=10), "svc", 0.5
    ),
    "char 1-3 + lead 0.3, LinearSVC": TrainConfig(FeatureSpec(lead_weight=0.3), "svc", 0.5),
    "char 1-3 + lead 0.8, LinearSVC": TrainConfig(FeatureSpec(lead_weight=0.8), "svc", 0.5),
    "char 1-3 + lead 1.0, LinearSVC": TrainConfig(FeatureSpec(lead_weight=1.0), "svc", 0.5),
    "char 1-2 + lead 1-2, LinearSVC": TrainConfig(
        FeatureSpec(ngrams=(1, 2), lead_ngrams=(1, 2)), "svc", 0.5
    ),
    "char 2-3 + lead, LinearSVC": TrainConfig(FeatureSpec(ngrams=(2, 3)), "svc", 0.5),
    "char 1-3 + lead, LinearSVC, unweighted classes": TrainConfig(
        FeatureSpec(), "svc", 0.5, balanced=False
    ),
    "char 1-3 + lead + jieba words 0.3, LinearSVC": TrainConfig(
        FeatureSpec(word_weight=0.3), "svc", 0.5
    ),
    "char 1-3 + lead, raw tf, LinearSVC": TrainConfig(FeatureSpec(sublinear_tf=False), "svc", 0.5),
    "char 1-2 + lead 1-2, raw tf, LinearSVC": DEFAULT,
    "char 1-2 + lead 1-2, terms in 2+ units, LinearSVC": TrainConfig(
        FeatureSpec(ngrams=(1, 2), lead_ngrams=(1, 2), min_df=2), "svc", 0.5
    ),
    "char 1-2 + lead 1-2, LinearSVC C=1": TrainConfig(
        FeatureSpec(ngrams=(1, 2), lead_ngrams=(1, 2)), "svc", 1.0
    ),
}

SHORT = {
    "party_building": "party",
    "integrity_conduct": "integ",
    "macro_economy": "macro",
    "industry_business": "indus",
    "innovation_education": "innov",
    "reform_institutions": "reform",
    "opening_regional": "open",
    "rural_agriculture": "rural",
    "pollution_control": "pollu",
    "ecology_green": "ecolo",
    "inspection_rectification": "inspe",
    "enforcement_supervision": "enfor",
    "risk_safety": "risk",
    "livelihood_social": "livel",
    "publicity_openness": "publi",
    "government_building": "gov",
    "general": "gener",
}


def baseline(units: list[LabelledUnit]) -> list[str]:
    return [keyword_label(normalise(u.text)) for u in units]


class Run:
    """One configuration: pooled cross-validation on the training part, then held-out."""

    def __init__(
        self,
        config: TrainConfig,
        train: list[LabelledUnit],
        held: list[LabelledUnit],
        repeats: int = 1,
        cv_only: bool = False,
        scored: set[str] | None = None,
    ) -> None:
        self.config = config
        labels = list(LABELS)
        gold = [u.label for u in train]
        # Units whose out-of-fold predictions are scored (all, unless ``scored`` names ids).
        keep = [i for i, u in enumerate(train) if scored is None or u.id in scored]
        y_train = [labels.index(label) for label in gold]
        held = [] if cv_only else held
        terms = featurize([u.text for u in train + held], config.spec)
        t_train, t_held = terms[: len(train)], terms[len(train) :]
        groups = unit_groups(train)
        t0 = time.perf_counter()
        self.repeat_f1: list[float] = []
        self.fold_f1: list[float] = []
        for repeat in range(repeats):
            folds = fold_indices(y_train, groups, 5, CV_SEED + repeat)
            oof = out_of_fold_scores(t_train, y_train, len(labels), config, folds)
            pred = [labels[int(i)] for i in oof.argmax(axis=1)]
            self.repeat_f1.append(
                scores([gold[i] for i in keep], [pred[i] for i in keep], labels).macro_f1
            )
            kept = set(keep)
            for _, test_idx in folds:
                idx = [i for i in test_idx if i in kept]
                self.fold_f1.append(
                    scores([gold[i] for i in idx], [pred[i] for i in idx], labels).macro_f1
                )
            if repeat == 0:
                self.oof, self.cv_pred = oof, pred
        self.seconds = time.perf_counter() - t0
        self.cv = scores([gold[i] for i in keep], [self.cv_pred[i] for i in keep], labels)
        self.cv_mean = statistics.mean(self.repeat_f1)
        self.fold_sd = statistics.stdev(self.fold_f1)
        if cv_only:
            return
        fit = fit_linear(t_train, y_train, len(labels), config)
        self.fit = fit
        self.held_scores = decision(fit, t_held, config.spec)
        self.held_pred = [labels[int(i)] for i in self.held_scores.argmax(axis=1)]
        self.seconds = time.perf_counter() - t0
        self.temperature = fit_temperature(self.oof, y_train)
        self.held = scores([u.label for u in held], self.held_pred, labels)


def table_row(name: str, cv: str, cv_acc: float, held: Any, extra: str = "") -> str:
    return f"| {name} | {cv} | {cv_acc:.3f} | {held.macro_f1:.3f} | {held.accuracy:.3f} |{extra}"


def cv_only(
    configs: dict[str, TrainConfig],
    train: list[LabelledUnit],
    base_cv: Any,
    repeats: int,
    scored: set[str] | None = None,
) -> None:
    """The experiments' table without any held-out number, and per-class CV F1."""
    labels = list(LABELS)
    print(
        f"\nCV on the training part only (held-out units not used): macro-F1 mean over "
        f"{repeats} repetition(s) of 5-fold CV ± the standard deviation of single folds.\n"
    )
    print("| configuration | CV macro-F1 | CV accuracy | seconds |")
    print("|---|---|---|---|")
    print(f"| keyword baseline | {base_cv.macro_f1:.3f} | {base_cv.accuracy:.3f} | |")
    runs = {}
    for name, config in configs.items():
        run = Run(config, train, [], repeats, cv_only=True, scored=scored)
        runs[name] = run
        mark = " **default**" if config == DEFAULT else ""
        print(
            f"| {name}{mark} | {run.cv_mean:.3f} ± {run.fold_sd:.3f} | {run.cv.accuracy:.3f} "
            f"| {run.seconds:.0f} |",
            flush=True,
        )
    print("\nCV F1 per class (first repetition):\n")
    names = list(runs)
    print("| theme | " + " | ".join(str(i + 1) for i in range(len(names))) + " |")
    print("|---|" + "---|" * len(names))
    for label in labels:
        cells = " | ".join(f"{runs[n].cv.per_class[label]:.3f}" for n in names)
        print(f"| {label} | {cells} |")
    print("\n" + "\n".join(f"{i + 1}: {n}" for i, n in enumerate(names)))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="baseline and default config only")
    ap.add_argument("--json", help="write the numbers to this JSON file")
    ap.add_argument("--repeats", type=int, default=1, help="repetitions of 5-fold CV")
    ap.add_argument(
        "--cv-only",
        action="store_true",
        help="cross-validation on the training part only: no held-out scores (for experiments)",
    )
    ap.add_argument("--only", help="run the configurations whose name contains this text")
    ap.add_argument(
        "--rounds",
        type=int,
        help="with --cv-only: train on the labelling rounds up to this one only (e.g. 1)",
    )
    ap.add_argument(
        "--score-first-round",
        action="store_true",
        help="with --cv-only: score the out-of-fold predictions of first-round units only",
    )
    args = ap.parse_args()
    if args.cv_only and args.json:
        ap.error("--json writes held-out scores for the model card: not with --cv-only")

    labelled = read_labels(LABELS_FILE, shared=SHARED)
    units = labelled.units
    rounds = {
        r["id"]: int(r.get("round", 1))
        for r in map(json.loads, LABELS_FILE.read_text(encoding="utf-8").splitlines())
    }
    if (args.rounds or args.score_first_round) and not args.cv_only:
        ap.error("--rounds and --score-first-round are experiments: only with --cv-only")
    if args.rounds:
        units = [u for u in units if rounds[u.id] <= args.rounds]
    if labelled.unresolved:
        print(f"note: {SHARED} absent, {labelled.unresolved} referenced units skipped")
    train = [u for u in units if u.split != "heldout"]
    held = [u for u in units if u.split == "heldout"]
    print(f"{len(units)} labelled units: {len(train)} training, {len(held)} held out")
    for part, us in (("training", train), ("held-out", held)):
        print(f"  {part}: {dict(sorted(Counter(u.source for u in us).items()))}")
    labels = list(LABELS)
    gold_held = [u.label for u in held]
    scored = {u.id for u in train if rounds[u.id] == 1} if args.score_first_round else None
    scored_train = [u for u in train if scored is None or u.id in scored]
    base_cv = scores([u.label for u in scored_train], baseline(scored_train), labels)
    configs = {k: v for k, v in CONFIGS.items() if v == DEFAULT} if args.quick else CONFIGS
    if args.only:
        configs = {k: v for k, v in configs.items() if args.only in k}
    if args.cv_only:
        if scored is not None:
            print(f"scoring the {len(scored)} first-round training units only")
        cv_only(configs, train, base_cv, args.repeats, scored)
        return
    base_held = scores(gold_held, baseline(held), labels)

    print(
        f"\nCV macro-F1: mean over {args.repeats} repetition(s) of 5-fold CV, ± the standard "
        "deviation of single folds; accuracy of the first repetition."
    )
    print("\n| configuration | CV macro-F1 | CV accuracy | held-out macro-F1 | held-out accuracy |")
    print("|---|---|---|---|---|")
    print(
        table_row(
            "keyword baseline (taxonomy cue words)",
            f"{base_cv.macro_f1:.3f}",
            base_cv.accuracy,
            base_held,
        )
    )
    results: dict[str, Any] = {
        "units": {"train": len(train), "heldout": len(held)},
        "sources": {
            "train": dict(Counter(u.source for u in train)),
            "heldout": dict(Counter(u.source for u in held)),
        },
        "baseline": {"cv": base_cv._asdict(), "heldout": base_held._asdict()},
        "configs": {},
    }
    default_run: Run | None = None
    runs: dict[str, Run] = {}
    for name, config in configs.items():
        run = Run(config, train, held, args.repeats)
        runs[name] = run
        mark = " **default**" if config == DEFAULT else ""
        cv_text = f"{run.cv_mean:.3f} ± {run.fold_sd:.3f}"
        print(table_row(name, cv_text, run.cv.accuracy, run.held, mark), flush=True)
        results["configs"][name] = {
            "config": config.to_dict(),
            "cv": run.cv._asdict(),
            "cv_macro_f1_mean": run.cv_mean,
            "cv_fold_sd": run.fold_sd,
            "seconds": run.seconds,
            "heldout": run.held._asdict(),
            "default": config == DEFAULT,
        }
        if config == DEFAULT:
            default_run = run
    assert default_run is not None
    run = default_run

    print("\nPer-class F1 of the default configuration (and the keyword baseline):\n")
    print("| theme | held-out support | CV F1 | held-out F1 | baseline held-out F1 |")
    print("|---|---|---|---|---|")
    for label in labels:
        print(
            f"| {label} | {run.held.support[label]} | {run.cv.per_class[label]:.3f} | "
            f"{run.held.per_class[label]:.3f} | {base_held.per_class[label]:.3f} |"
        )
    weakest = sorted(labels, key=lambda lab: run.cv.per_class[lab])[:4]
    print("\nweakest classes in cross-validation:", ", ".join(weakest))
    if len(runs) > 1:
        print("\nCV F1 of the weakest classes under each configuration (what was tried):\n")
        print("| configuration | " + " | ".join(weakest) + " |")
        print("|---|" + "---|" * len(weakest))
        print(
            "| keyword baseline | "
            + " | ".join(f"{base_cv.per_class[lab]:.3f}" for lab in weakest)
            + " |"
        )
        for name, r in runs.items():
            cells = " | ".join(f"{r.cv.per_class[lab]:.3f}" for lab in weakest)
            print(f"| {name} | {cells} |")

    by_source: dict[str, Any] = {}
    print("\nHeld-out by source (default configuration):")
    for source in sorted({u.source for u in held}):
        idx = [i for i, u in enumerate(held) if u.source == source]
        s = scores([gold_held[i] for i in idx], [run.held_pred[i] for i in idx], labels)
        present = [lab for lab in labels if s.support[lab]]
        sp = scores([gold_held[i] for i in idx], [run.held_pred[i] for i in idx], present)
        by_source[source] = {"units": len(idx), "accuracy": sp.accuracy, "macro_f1": sp.macro_f1}
        print(
            f"  {source:9} {len(idx):4} units  accuracy {sp.accuracy:.3f}  "
            f"macro-F1 over its {len(present)} themes {sp.macro_f1:.3f}"
        )

    matrix = confusion(gold_held, run.held_pred, labels)
    print("\nHeld-out confusion matrix (rows: gold, columns: predicted):\n")
    print("| gold \\ predicted | " + " | ".join(SHORT[lab] for lab in labels) + " |")
    print("|---|" + "---|" * len(labels))
    for label, row in zip(labels, matrix, strict=True):
        cells = " | ".join(str(v) if v else "." for v in row)
        print(f"| {SHORT[label]} | {cells} |")

    exported = build_model(run.fit, tuple(labels), DEFAULT, run.temperature, {}, "eval")
    exported_pred = [p.label for p in exported.classify([u.text for u in held])]
    same = sum(a == b for a, b in zip(exported_pred, run.held_pred, strict=True))
    exported_scores = scores(gold_held, exported_pred, labels)
    print(
        f"\nThe exported model (JSON, half-precision coefficients) agrees with the in-memory one "
        f"on {same} of {len(held)} held-out units; its held-out macro-F1 is "
        f"{exported_scores.macro_f1:.3f}, accuracy {exported_scores.accuracy:.3f}."
    )
    raw = calibration(gold_held, probabilities(run.held_scores, 1.0), labels)
    cal = calibration(gold_held, probabilities(run.held_scores, run.temperature), labels)
    print(
        f"\nCalibration on held-out (temperature {run.temperature:.3f} fitted on training-part "
        f"out-of-fold scores): log loss {raw['log_loss']:.3f} -> {cal['log_loss']:.3f}, "
        f"ECE {raw['ece']:.3f} -> {cal['ece']:.3f}"
    )
    # What the later labelling rounds bring, on the first round's kind of units: CV of the
    # default configuration trained without them, and with them but scored on the first
    # round's training units only (no held-out unit is involved).
    first_ids = {u.id for u in train if rounds[u.id] == 1}
    data_effect = {
        "first_round_units": len(first_ids),
        "trained_on_first_round": Run(
            DEFAULT, [u for u in train if u.id in first_ids], [], args.repeats, cv_only=True
        ).cv_mean,
        "trained_on_all_rounds": Run(
            DEFAULT, train, [], args.repeats, cv_only=True, scored=first_ids
        ).cv_mean,
    }
    print(
        f"\nCV macro-F1 on the {len(first_ids)} first-round training units: "
        f"{data_effect['trained_on_first_round']:.3f} trained on them alone, "
        f"{data_effect['trained_on_all_rounds']:.3f} with the later rounds added"
    )
    results.update(
        {
            "data_effect": data_effect,
            "default": {
                "cv": run.cv._asdict(),
                "heldout": run.held._asdict(),
                "heldout_by_source": by_source,
                "heldout_confusion": {"labels": labels, "matrix": matrix},
                "calibration": {"temperature": run.temperature, "raw": raw, "calibrated": cal},
                "weakest": weakest,
                "exported_heldout": exported_scores._asdict(),
                "exported_agreement": same,
            },
        }
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()

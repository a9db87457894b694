"""Training the theme model with scikit-learn, and writing it out as plain JSON.

scikit-learn, scipy and numpy are imported inside the functions here (``pip install
'govtext[themes]'``); nothing else in govtext imports this module at start-up.

The features are govtext's own (:mod:`govtext.themes.features`), so inference needs only the
JSON file. The classifier is linear (``LinearSVC``, ``LogisticRegression`` or
``RidgeClassifier``); its scores become probabilities through a softmax whose temperature is
fitted on out-of-fold scores of the training data (temperature scaling).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from govtext.errors import LabelsError, MissingExtraError
from govtext.themes.classifier import (
    FORMAT,
    FORMAT_VERSION,
    ThemeModel,
    encode_array,
    softmax,
)
from govtext.themes.features import (
    BlockVocabulary,
    FeatureSpec,
    fit_vocabulary,
    unit_terms,
    weigh,
)
from govtext.themes.labels import LabelledUnit
from govtext.themes.taxonomy import LABELS

CLASSIFIERS = ("svc", "lr", "ridge")


# The shipped features, chosen by cross-validation on the training part (scripts/
# eval_themes.py): character 1-2-grams of the unit and of its lead sentence, raw term counts.
# With 2,550 training units they tie with 1-3-grams and sublinear tf (CV macro-F1 0.866 vs
# 0.864, fold SD 0.017) at half the terms.
SHIPPED_SPEC = FeatureSpec(ngrams=(1, 2), lead_ngrams=(1, 2), sublinear_tf=False)


class TrainConfig(NamedTuple):
    """Features and classifier. ``c`` is the inverse regularisation strength (``C``; for
    ridge, ``alpha = 1 / c``)."""

    spec: FeatureSpec = SHIPPED_SPEC
    classifier: str = "svc"
    c: float = 0.5
    balanced: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": self.spec.to_dict(),
            "classifier": self.classifier,
            "c": self.c,
            "class_weight": "balanced" if self.balanced else None,
        }


Terms = list[dict[str, list[str]]]


def _require_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise MissingExtraError("scikit-learn", "themes") from None


def label_order(labels: Sequence[str]) -> tuple[str, ...]:
    """Taxonomy order when every label is a taxonomy id, else sorted."""
    seen = set(labels)
    if seen <= set(LABELS):
        return tuple(label for label in LABELS if label in seen)
    return tuple(sorted(seen))


def featurize(texts: Sequence[str], spec: FeatureSpec) -> Terms:
    """The terms of every text, per block (computed once, reused by every fold)."""
    return [unit_terms(t, spec) for t in texts]


def fit_vocabularies(terms: Terms, spec: FeatureSpec) -> list[BlockVocabulary]:
    return [
        fit_vocabulary([t[name] for t in terms], name, weight, spec.min_df)
        for name, weight in spec.blocks()
    ]


def design_matrix(terms: Terms, vocabularies: list[BlockVocabulary], spec: FeatureSpec) -> Any:
    """A scipy CSR matrix: the blocks side by side, each L2-normalised and weighted."""
    import numpy as np
    import scipy.sparse as sp

    parts = []
    for vocab in vocabularies:
        index = {term: i for i, term in enumerate(vocab.terms)}
        indptr = [0]
        cols: list[int] = []
        values: list[float] = []
        for unit in terms:
            c, v = weigh(unit[vocab.name], index, vocab.idf, spec.sublinear_tf, vocab.weight)
            cols.extend(c)
            values.extend(v)
            indptr.append(len(cols))
        parts.append(
            sp.csr_matrix(
                (np.asarray(values), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
                shape=(len(terms), len(vocab.terms)),
            )
        )
    return sp.hstack(parts, format="csr")


def _estimator(config: TrainConfig) -> Any:
    weight = "balanced" if config.balanced else None
    if config.classifier == "svc":
        from sklearn.svm import LinearSVC

        return LinearSVC(C=config.c, class_weight=weight, random_state=0)
    if config.classifier == "lr":
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=config.c, class_weight=weight, max_iter=5000)
    if config.classifier == "ridge":
        from sklearn.linear_model import RidgeClassifier

        return RidgeClassifier(alpha=1.0 / config.c, class_weight=weight)
    raise ValueError(f"unknown classifier {config.classifier!r} (use one of {CLASSIFIERS})")


class LinearFit(NamedTuple):
    vocabularies: list[BlockVocabulary]
    coef: Any  # numpy array (n_features, n_labels)
    intercept: Any  # numpy array (n_labels,)


def fit_linear(terms: Terms, y: Sequence[int], n_labels: int, config: TrainConfig) -> LinearFit:
    """Vocabulary, then a linear classifier; coefficients laid out per label in label order."""
    import numpy as np

    vocabularies = fit_vocabularies(terms, config.spec)
    x = design_matrix(terms, vocabularies, config.spec)
    present = sorted(set(y))
    if len(present) < 2:
        raise LabelsError("training needs at least two different labels")
    est = _estimator(config)
    est.fit(x, np.asarray(y))
    raw_coef = np.asarray(est.coef_)
    raw_intercept = np.atleast_1d(np.asarray(est.intercept_, dtype=float))
    coef = np.zeros((x.shape[1], n_labels))
    intercept = np.full(n_labels, -1e3)  # a label absent from this fold never wins
    if raw_coef.shape[0] == 1:  # two classes: score(second) - score(first) = w.x + b
        coef[:, present[1]] = raw_coef[0]
        intercept[present[0]] = 0.0
        intercept[present[1]] = raw_intercept[0]
    else:
        for row, label in enumerate(est.classes_):
            coef[:, int(label)] = raw_coef[row]
            intercept[int(label)] = raw_intercept[row]
    return LinearFit(vocabularies, coef, intercept)


def decision(fit: LinearFit, terms: Terms, spec: FeatureSpec) -> Any:
    x = design_matrix(terms, fit.vocabularies, spec)
    return x @ fit.coef + fit.intercept


def fold_indices(
    labels: Sequence[int], groups: Sequence[Any] | None, n_splits: int, seed: int
) -> list[tuple[list[int], list[int]]]:
    """Stratified folds, grouped when groups are given; fewer folds when a label is rare.

    When the groups are too few for every training part to hold two labels (a small set of
    near-identical units), the folds fall back to plain stratified ones.
    """
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    smallest = min(Counter(labels).values())
    k = max(2, min(n_splits, smallest))
    if groups is not None and len(set(groups)) >= k:
        folds = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
        out = [(tr.tolist(), te.tolist()) for tr, te in folds.split(labels, labels, groups)]
        if all(len({labels[i] for i in tr}) >= 2 and te for tr, te in out):
            return out
    plain = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(tr.tolist(), te.tolist()) for tr, te in plain.split(labels, labels)]


def out_of_fold_scores(
    terms: Terms,
    y: Sequence[int],
    n_labels: int,
    config: TrainConfig,
    folds: list[tuple[list[int], list[int]]],
) -> Any:
    """Decision scores of every unit from a model that did not see its fold."""
    import numpy as np

    scores = np.zeros((len(y), n_labels))
    for train_idx, test_idx in folds:
        fit = fit_linear([terms[i] for i in train_idx], [y[i] for i in train_idx], n_labels, config)
        scores[test_idx] = decision(fit, [terms[i] for i in test_idx], config.spec)
    return scores


def fit_temperature(scores: Any, y: Sequence[int]) -> float:
    """The softmax temperature that minimises the negative log-likelihood of ``y``."""
    import numpy as np
    from scipy.optimize import minimize_scalar

    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    yy = np.asarray(y)

    def nll(log_t: float) -> float:
        zt = z / np.exp(log_t)
        logsum = np.log(np.exp(zt).sum(axis=1))
        return float(np.mean(logsum - zt[np.arange(len(yy)), yy]))

    best = minimize_scalar(nll, bounds=(-6.0, 4.0), method="bounded")
    return float(np.exp(best.x))


def probabilities(scores: Any, temperature: float) -> list[list[float]]:
    return [softmax(row, temperature) for row in scores.tolist()]


def _round(value: float) -> float:
    return float(f"{value:.5g}")


def build_model(
    fit: LinearFit,
    labels: tuple[str, ...],
    config: TrainConfig,
    temperature: float,
    meta: dict[str, Any],
    version: str,
) -> ThemeModel:
    """The JSON model: blocks of (terms, idf, coefficient rows), intercepts, temperature."""
    blocks = []
    offset = 0
    for vocab in fit.vocabularies:
        rows = fit.coef[offset : offset + len(vocab.terms)]
        offset += len(vocab.terms)
        blocks.append(
            {
                "name": vocab.name,
                "weight": vocab.weight,
                "terms": list(vocab.terms),
                "idf": encode_array(vocab.idf, "<f4"),
                # Half precision: scores move by ~1e-3, the model shrinks by three quarters.
                "coef": encode_array(rows, "<f2"),
            }
        )
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_version": version,
        "labels": list(labels),
        "features": config.spec.to_dict(),
        "classifier": config.to_dict(),
        "intercept": [_round(v) for v in fit.intercept.tolist()],
        "calibration": {"method": "temperature", "temperature": _round(temperature)},
        "blocks": blocks,
        "meta": meta,
    }
    return ThemeModel(data)


class TrainResult(NamedTuple):
    model: ThemeModel
    cv_labels: list[str]  # out-of-fold predicted label of every unit
    cv_probabilities: list[list[float]]  # out-of-fold calibrated probabilities


def train(
    units: Sequence[LabelledUnit],
    *,
    config: TrainConfig | None = None,
    groups: Sequence[Any] | None = None,
    folds: int = 5,
    seed: int = 0,
    version: str | None = None,
    meta: dict[str, Any] | None = None,
) -> TrainResult:
    """Train on labelled units: out-of-fold scores for the temperature, then the full fit.

    Args:
        units: the labelled units (see :func:`govtext.themes.labels.read_labels`).
        config: features and classifier (default: ``TrainConfig()``, the shipped setup).
        groups: one key per unit (e.g. its document); folds never split a group.
        folds: number of cross-validation folds for calibration.
        seed: shuffling seed of the folds.
        version: the model version written into the file.
        meta: extra metadata stored in the model file (training data, scores).
    """
    _require_sklearn()
    config = config or TrainConfig()
    if not units:
        raise LabelsError("no labelled units to train on")
    labels = label_order([u.label for u in units])
    y = [labels.index(u.label) for u in units]
    terms = featurize([u.text for u in units], config.spec)
    split = fold_indices(y, groups, folds, seed)
    oof = out_of_fold_scores(terms, y, len(labels), config, split)
    temperature = fit_temperature(oof, y)
    fit = fit_linear(terms, y, len(labels), config)
    oof_probs = probabilities(oof, temperature)
    oof_labels = [labels[max(range(len(p)), key=p.__getitem__)] for p in oof_probs]
    info = {
        "trained": datetime.date.today().isoformat(),
        "units": len(units),
        "label_counts": dict(Counter(u.label for u in units).most_common()),
        "source_counts": dict(Counter(u.source for u in units).most_common()),
        "calibration_folds": len(split),
    }
    info.update(meta or {})
    model = build_model(
        fit, labels, config, temperature, info, version or f"user-{info['trained']}"
    )
    return TrainResult(model, oof_labels, oof_probs)

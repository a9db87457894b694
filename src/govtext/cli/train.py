"""``govtext train``: a theme model from labelled units (a user's own taxonomy, or govtext's)."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def train(
    labels: Annotated[str, typer.Argument(help='JSON lines: {"text": …, "label": …} per unit.')],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Model file to write (.json or .json.gz).")
    ],
    shared: Annotated[
        str | None,
        typer.Option(help="Folder that doc/start/end/sha1 references resolve against."),
    ] = None,
    classifier: Annotated[
        str, typer.Option(help="svc (LinearSVC), lr (LogisticRegression) or ridge.")
    ] = "svc",
    c: Annotated[float, typer.Option("--c", help="Inverse regularisation strength.")] = 0.5,
    folds: Annotated[int, typer.Option(help="Cross-validation folds (scores, calibration).")] = 5,
    version: Annotated[str | None, typer.Option(help="Version string stored in the model.")] = None,
) -> None:
    """Train a theme classifier (needs scikit-learn: the "themes" extra of govtext).

    Labels can be any ids, e.g. your own taxonomy's.

    Use the model with `govtext parse --themes-model MODEL` or `govtext classify --model MODEL`.

    Prints cross-validated scores (units of one `doc` stay in one fold) and writes plain JSON.

    Example:
        govtext train my_labels.jsonl -o my_themes.json.gz
    """
    import os

    from govtext.cli.common import fail
    from govtext.errors import GovtextError
    from govtext.themes.evaluate import scores, unit_groups
    from govtext.themes.labels import read_labels
    from govtext.themes.train import CLASSIFIERS, TrainConfig
    from govtext.themes.train import train as train_model

    if classifier not in CLASSIFIERS:
        fail(f"GT-E201 unknown classifier {classifier!r} (use one of {', '.join(CLASSIFIERS)})")
    try:
        labelled = read_labels(labels, shared=shared)
        if labelled.unresolved:
            typer.echo(
                f"{labelled.unresolved} referenced units skipped (no --shared folder found)",
                err=True,
            )
        units = labelled.units
        result = train_model(
            units,
            config=TrainConfig(classifier=classifier, c=c),
            groups=unit_groups(units),
            folds=folds,
            version=version,
        )
        result.model.save(output)
    except GovtextError as exc:
        fail(str(exc))
    model = result.model
    cv = scores([u.label for u in units], result.cv_labels, model.labels)
    typer.echo(
        f"{len(units)} units, {len(model.labels)} labels; cross-validated macro-F1 "
        f"{cv.macro_f1:.3f}, accuracy {cv.accuracy:.3f} "
        f"({model.meta['calibration_folds']} folds)"
    )
    for label in model.labels:
        typer.echo(f"  {label:<28} F1 {cv.per_class[label]:.3f}  ({cv.support[label]} units)")
    size = os.path.getsize(output)
    typer.echo(f"wrote {output} ({size / 1e6:.2f} MB, temperature {model.temperature:.3g})")

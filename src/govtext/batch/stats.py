"""Corpus views over a batch output, as pandas DataFrames (extra ``[parquet]``).

:func:`load` reads any batch output (a Parquet or CSV folder, or a ``.jsonl`` file) into the
same DataFrames: nullable dtypes (``Int64``, ``Float64``, ``boolean``, ``string``), list
columns as Python lists and JSON columns (``themes``, ``fix``, ``claim``) as Python objects,
whatever the format. On top of the tables it builds the views researchers ask for:

``slogan_by_year``
    slogan, year, count (mentions), documents.
``slogan_by_document``
    doc_id, path, year, slogan, count, first (offset of the first mention).
``slogan_span``
    per slogan: count, documents, years, first/last year and the path of the first/last
    document (documents ordered by year, then path; documents without a year are counted
    but have no place in the timeline).
``theme_by_document`` / ``theme_by_year``
    the share of body text (paragraph characters) per theme, among tagged paragraphs.
``metric_table``
    indicator × unit × year: the first value stated (document order) and the first target,
    as written in that unit and normalised (``value_normalized``: × the unit's multiplier),
    with how many mentions and documents; metrics that are placeholders are left out.
``placeholders_by_document``
    every document with its placeholder count, total and per kind.

A slogan is its ``normalized`` form when there is one, else its text. Empty strings read as
missing in every format (CSV cannot tell them apart).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtext.batch.schema import TABLES, columns
from govtext.errors import MissingExtraError, UsageError

if TYPE_CHECKING:
    import pandas

VIEWS = (
    "slogan_by_year",
    "slogan_by_document",
    "slogan_span",
    "theme_by_document",
    "theme_by_year",
    "metric_table",
    "placeholders_by_document",
)
PLACEHOLDER_KINDS = ("letter", "star", "missing", "blank", "instruction", "custom")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "parquet") from None
    return pandas


class Corpus(Mapping[str, "pandas.DataFrame"]):
    """Tables (:data:`govtext.batch.schema.TABLES`) and views (:data:`VIEWS`) by name; also
    as attributes: ``corpus.documents``, ``corpus.slogan_span``."""

    def __init__(self, tables: dict[str, pandas.DataFrame], source: Path) -> None:
        self.source = source
        self._frames = dict(tables)
        self._frames.update(build_views(tables))

    def __getitem__(self, name: str) -> pandas.DataFrame:
        return self._frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def __getattr__(self, name: str) -> pandas.DataFrame:
        frames = self.__dict__.get("_frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self._frames.items())
        return f"Corpus({str(self.source)!r}: {sizes})"


# ---- reading -------------------------------------------------------------------------------


def _typed(frame: pandas.DataFrame, table: str) -> pandas.DataFrame:
    """Nullable dtypes by column kind; list and JSON columns as Python objects."""
    pd = _pandas()
    out = {}
    for col in columns(table):
        values = frame[col.name] if col.name in frame else pd.Series([None] * len(frame))
        if col.kind == "str":
            # CSV cannot tell "" from null: read both as missing in every format.
            out[col.name] = values.astype("string").replace("", pd.NA)
        elif col.kind == "int":
            out[col.name] = pd.to_numeric(values).astype("Int64")
        elif col.kind == "float":
            out[col.name] = pd.to_numeric(values).astype("Float64")
        elif col.kind == "bool":
            out[col.name] = values.astype("boolean")
        else:
            out[col.name] = pd.Series(
                [_decode(v, col.kind, pd.NA) for v in values], index=values.index, dtype=object
            )
    return pd.DataFrame(out, index=range(len(frame)))


def _decode(value: Any, kind: str, na: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value) if value != "" else None
    if value is None or value is na or (isinstance(value, float) and value != value):
        return None
    if kind == "list":
        return [str(v) for v in value]
    return value


def _read_parquet(folder: Path, table: str) -> pandas.DataFrame:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("pyarrow", "parquet") from None
    pd = _pandas()
    nullable = {
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.string(): pd.StringDtype(),
    }
    frame: pandas.DataFrame = pq.read_table(folder / f"{table}.parquet").to_pandas(
        types_mapper=nullable.get
    )
    return frame


def _read_csv(folder: Path, table: str) -> pandas.DataFrame:
    pd = _pandas()
    raw = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    kinds = {c.name: c.kind for c in columns(table)}
    for name in raw.columns:
        kind = kinds.get(name, "str")
        if kind == "bool":
            raw[name] = raw[name].map({"true": True, "false": False, "": None})
        elif kind in ("str", "int", "float"):
            raw[name] = raw[name].where(raw[name] != "", None)
    return raw


def _read_jsonl(path: Path) -> dict[str, pandas.DataFrame]:
    from govtext.batch.process import table_rows
    from govtext.batch.schema import column_names
    from govtext.batch.writers import errors_path, json_text

    pd = _pandas()
    rows: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                report = json.loads(line)
                for table, new in table_rows(report, report["document"]).items():
                    rows[table].extend(new)
    errors = errors_path(path)
    if errors.exists():
        for line in errors.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                rows["errors"].append([rec.get(c) for c in column_names("errors")])
    # JSON columns as text, as the Parquet and CSV writers store them, so all formats read alike.
    for table in TABLES:
        json_columns = [i for i, c in enumerate(columns(table)) if c.kind == "json"]
        for row in rows[table]:
            for i in json_columns:
                row[i] = json_text(row[i])
    return {t: pd.DataFrame(rows[t], columns=column_names(t)) for t in TABLES}


def load(out: str | os.PathLike[str]) -> Corpus:
    """The tables and corpus views of a ``govtext batch`` output.

    Args:
        out: the ``-o`` of a batch run: a folder of Parquet or CSV tables, or a ``.jsonl`` file.

    Raises:
        UsageError: ``out`` is not a batch output.
        MissingExtraError: pandas (or pyarrow, for Parquet) is not installed.
    """
    path = Path(out)
    if path.is_file():
        raw = _read_jsonl(path)
    elif (path / "documents.parquet").exists():
        raw = {t: _read_parquet(path, t) for t in TABLES}
    elif (path / "documents.csv").exists():
        raw = {t: _read_csv(path, t) for t in TABLES}
    else:
        raise UsageError("not a govtext batch output (no documents table)", path)
    return Corpus({t: _typed(raw[t], t) for t in TABLES}, path)


# ---- views ---------------------------------------------------------------------------------


def _empty(names: list[str], dtypes: dict[str, str]) -> pandas.DataFrame:
    pd = _pandas()
    return pd.DataFrame({n: pd.Series([], dtype=dtypes.get(n, "string")) for n in names})


def _cast(frame: pandas.DataFrame, dtypes: dict[str, str]) -> pandas.DataFrame:
    """``astype`` for the columns the frame has, and a fresh 0..n index."""
    present = {k: v for k, v in dtypes.items() if k in frame.columns}
    return frame.astype(present).reset_index(drop=True)


def _with_docs(frame: pandas.DataFrame, docs: pandas.DataFrame) -> pandas.DataFrame:
    return frame.merge(docs[["doc_id", "path", "year"]], on="doc_id", how="left")


def slogan_views(slogans: pandas.DataFrame, docs: pandas.DataFrame) -> dict[str, pandas.DataFrame]:
    pd = _pandas()
    by_doc_cols = ["doc_id", "path", "year", "slogan", "count", "first"]
    by_year_cols = ["slogan", "year", "count", "documents"]
    span_cols = ["slogan", "count", "documents", "years", "first_year", "last_year"]
    span_cols += ["first_path", "last_path"]
    ints = {"year": "Int64", "count": "Int64", "documents": "Int64", "first": "Int64"}
    ints |= {"years": "Int64", "first_year": "Int64", "last_year": "Int64"}
    if slogans.empty:
        return {
            "slogan_by_document": _empty(by_doc_cols, ints),
            "slogan_by_year": _empty(by_year_cols, ints),
            "slogan_span": _empty(span_cols, ints),
        }
    s = slogans.assign(slogan=slogans["normalized"].fillna(slogans["text"]))
    s = _with_docs(s, docs)
    by_doc = (
        s.groupby(["doc_id", "slogan"], sort=False)
        .agg(path=("path", "first"), year=("year", "first"), count=("start", "size"))
        .reset_index()
    )
    by_doc["first"] = s.groupby(["doc_id", "slogan"], sort=False)["start"].min().values
    by_doc = by_doc.sort_values(["path", "first"], kind="stable")[by_doc_cols]
    by_doc = by_doc.astype({"count": "Int64", "first": "Int64"}).reset_index(drop=True)

    dated = by_doc[by_doc["year"].notna()]
    by_year = (
        dated.groupby(["slogan", "year"])
        .agg(count=("count", "sum"), documents=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["slogan", "year"], kind="stable")
        .astype({"count": "Int64", "documents": "Int64"})
        .reset_index(drop=True)
    )
    span_rows = []
    for slogan, group in by_doc.groupby("slogan", sort=True):
        timeline = group[group["year"].notna()].sort_values(["year", "path"], kind="stable")
        span_rows.append(
            {
                "slogan": slogan,
                "count": int(group["count"].sum()),
                "documents": int(group["doc_id"].nunique()),
                "years": int(timeline["year"].nunique()),
                "first_year": timeline["year"].iloc[0] if len(timeline) else pd.NA,
                "last_year": timeline["year"].iloc[-1] if len(timeline) else pd.NA,
                "first_path": timeline["path"].iloc[0] if len(timeline) else pd.NA,
                "last_path": timeline["path"].iloc[-1] if len(timeline) else pd.NA,
            }
        )
    span = pd.DataFrame(span_rows, columns=span_cols).astype(
        {k: v for k, v in ints.items() if k in span_cols} | {"slogan": "string"}
    )
    span = span.astype({"first_path": "string", "last_path": "string"})
    span = span.sort_values(["documents", "slogan"], ascending=[False, True], kind="stable")
    return {
        "slogan_by_document": by_doc,
        "slogan_by_year": by_year,
        "slogan_span": span.reset_index(drop=True),
    }


def theme_views(
    paragraphs: pandas.DataFrame, docs: pandas.DataFrame
) -> dict[str, pandas.DataFrame]:
    doc_cols = ["doc_id", "path", "year", "theme", "chars", "share"]
    year_cols = ["year", "theme", "chars", "share", "documents"]
    dtypes = {"year": "Int64", "chars": "Int64", "share": "Float64", "documents": "Int64"}
    if "theme" not in paragraphs or paragraphs["theme"].isna().all():
        return {
            "theme_by_document": _empty(doc_cols, dtypes),
            "theme_by_year": _empty(year_cols, dtypes),
        }
    p = paragraphs[paragraphs["theme"].notna()]
    p = _with_docs(p.assign(chars=p["end"] - p["start"]), docs)
    by_doc = p.groupby(["doc_id", "theme"]).agg(
        path=("path", "first"), year=("year", "first"), chars=("chars", "sum")
    )
    by_doc = by_doc.reset_index()
    by_doc["share"] = by_doc["chars"] / by_doc.groupby("doc_id")["chars"].transform("sum")
    by_doc = by_doc.sort_values(["path", "share", "theme"], ascending=[True, False, True])
    by_year = (
        p[p["year"].notna()]
        .groupby(["year", "theme"])
        .agg(chars=("chars", "sum"), documents=("doc_id", "nunique"))
        .reset_index()
    )
    by_year["share"] = by_year["chars"] / by_year.groupby("year")["chars"].transform("sum")
    by_year = by_year.sort_values(["year", "share", "theme"], ascending=[True, False, True])
    return {
        "theme_by_document": _cast(by_doc[doc_cols], dtypes | {"theme": "string"}),
        "theme_by_year": _cast(by_year[year_cols], dtypes | {"theme": "string"}),
    }


def metric_view(metrics: pandas.DataFrame, docs: pandas.DataFrame) -> pandas.DataFrame:
    """Indicator × unit × year: values as written in that unit, and normalised."""
    cols = ["indicator", "unit", "year", "value", "target", "value_normalized"]
    cols += ["target_normalized", "mentions", "documents"]
    dtypes = {"year": "Int64", "value": "Float64", "target": "Float64"}
    dtypes |= {"value_normalized": "Float64", "target_normalized": "Float64"}
    dtypes |= {"mentions": "Int64", "documents": "Int64"}
    m = metrics
    if not m.empty:
        m = m[m["indicator"].fillna("").str.len().gt(0) & ~m["placeholder"].fillna(False)]
    if m.empty:
        return _empty(cols, dtypes)
    m = _with_docs(m, docs)
    m = m[m["year"].notna()]
    m = m.assign(unit=m["unit"].fillna(""), is_target=m["target"].fillna(False).astype(bool))
    m = m.sort_values(["path", "start"], kind="stable")
    rows = []
    for (indicator, unit, year), group in m.groupby(["indicator", "unit", "year"], sort=True):
        stated = group[~group["is_target"] & group["value"].notna()]
        targets = group[group["is_target"] & group["value"].notna()]
        rows.append(
            {
                "indicator": indicator,
                "unit": unit,
                "year": year,
                "value": stated["value"].iloc[0] if len(stated) else None,
                "target": targets["value"].iloc[0] if len(targets) else None,
                "value_normalized": stated["value_normalized"].iloc[0] if len(stated) else None,
                "target_normalized": (
                    targets["value_normalized"].iloc[0] if len(targets) else None
                ),
                "mentions": len(group),
                "documents": group["doc_id"].nunique(),
            }
        )
    pd = _pandas()
    out = pd.DataFrame(rows, columns=cols)
    return out.astype(dtypes | {"indicator": "string", "unit": "string"})


def placeholder_view(placeholders: pandas.DataFrame, docs: pandas.DataFrame) -> pandas.DataFrame:
    pd = _pandas()
    base = docs[["doc_id", "path", "year"]].copy()
    counts = (
        placeholders.groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
        if not placeholders.empty
        else pd.DataFrame(index=pd.Index([], name="doc_id"))
    )
    kinds = list(PLACEHOLDER_KINDS) + sorted(
        k for k in counts.columns if k not in PLACEHOLDER_KINDS
    )
    counts = counts.reindex(columns=kinds, fill_value=0)
    out = base.merge(counts, left_on="doc_id", right_index=True, how="left")
    out[kinds] = out[kinds].fillna(0).astype("Int64")
    out.insert(3, "total", out[kinds].sum(axis=1).astype("Int64"))
    return out.sort_values("path", kind="stable").reset_index(drop=True)


def build_views(tables: Mapping[str, pandas.DataFrame]) -> dict[str, pandas.DataFrame]:
    docs = tables["documents"]
    views = slogan_views(tables["slogans"], docs)
    views |= theme_views(tables["paragraphs"], docs)
    views["metric_table"] = metric_view(tables["metrics"], docs)
    views["placeholders_by_document"] = placeholder_view(tables["placeholders"], docs)
    return {name: views[name] for name in VIEWS}


def write_views(corpus: Corpus, folder: str | os.PathLike[str]) -> list[Path]:
    """Each view as ``folder/<view>.csv`` (UTF-8, written atomically)."""
    from govtext.batch.store import atomic_open

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in VIEWS:
        path = target / f"{name}.csv"
        frame = corpus[name]
        with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")
        written.append(path)
    return written

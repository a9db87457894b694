"""The tables of a batch run: names, columns and column kinds.

Element tables take their columns from the element records of :mod:`govtext.model`
(``doc_id`` first, then the record's fields in order), so a field added to a record becomes a
column without touching this module. Every column has one of six kinds, read from the
record's type annotation:

========  ============================  ==========================  =======================
kind      Python                        Parquet                     CSV
========  ============================  ==========================  =======================
``str``   ``str``                       string                      as is (null: empty)
``int``   ``int``                       int64                       digits
``float`` ``float``                     double                      ``repr``
``bool``  ``bool``                      bool                        ``true`` / ``false``
``list``  ``tuple[str, ...]``           list<string>                JSON array
``json``  ``dict``, anything else       string (JSON, sorted keys)  JSON, sorted keys
========  ============================  ==========================  =======================

Every column is nullable. Schemas are explicit, so an empty table still has its columns and
two runs (any ``-j``, either engine) write the same Parquet schema.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from govtext import model

if TYPE_CHECKING:
    import pyarrow

# Element tables and the record type of their rows, in the order tables are written.
ELEMENT_RECORDS: dict[str, type] = {
    "sections": model.Section,
    "paragraphs": model.Paragraph,
    "tasks": model.Task,
    "slogans": model.Slogan,
    "metrics": model.Metric,
    "placeholders": model.Placeholder,
    "findings": model.Finding,
}
TABLES = ("documents", *ELEMENT_RECORDS, "errors")
KINDS = ("str", "int", "float", "bool", "list", "json")


class Column(NamedTuple):
    name: str
    kind: str


DOCUMENT_COLUMNS = (
    Column("doc_id", "str"),
    Column("sha256", "str"),
    Column("path", "str"),
    Column("format", "str"),
    Column("encoding", "str"),
    Column("title", "str"),
    Column("year", "int"),
    Column("year_source", "str"),
    Column("region", "str"),
    Column("region_source", "str"),
    Column("bytes", "int"),
    Column("chars", "int"),
    Column("lines", "int"),
    *(Column(f"n_{name}", "int") for name in ELEMENT_RECORDS),
)
ERROR_COLUMNS = (
    Column("path", "str"),
    Column("doc_id", "str"),
    Column("code", "str"),
    Column("reason", "str"),
)


def kind_of(annotation: Any) -> str:
    """The column kind of a record field's type annotation (``int | None`` is ``int``)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return kind_of(args[0]) if len(args) == 1 else "json"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    if annotation is str:
        return "str"
    origin = typing.get_origin(annotation)
    if origin in (tuple, list) and [a for a in typing.get_args(annotation) if a is not ...] == [
        str
    ]:
        return "list"
    return "json"


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` in order (raises ``KeyError`` for an unknown table)."""
    if table == "documents":
        return DOCUMENT_COLUMNS
    if table == "errors":
        return ERROR_COLUMNS
    record = ELEMENT_RECORDS[table]
    hints = typing.get_type_hints(record)
    fields: tuple[str, ...] = record._fields  # type: ignore[attr-defined]
    return (Column("doc_id", "str"), *(Column(f, kind_of(hints[f])) for f in fields))


def column_names(table: str) -> list[str]:
    return [c.name for c in columns(table)]


def arrow_type(kind: str) -> pyarrow.DataType:
    import pyarrow as pa

    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
        "json": pa.string(),
    }[kind]


def arrow_schema(table: str) -> pyarrow.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(c.name, arrow_type(c.kind)) for c in columns(table)])

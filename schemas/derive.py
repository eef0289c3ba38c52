"""Schema forms derived from the pandera models: polars, Arrow and the CSV encoding.

Belongs here: pure functions from a model to another schema representation,
and the one text encoding of list columns that CSV needs (JSON arrays).
The Frictionless and Dagster forms are derived in ``pipelines/release`` and
``pipelines/metadata.py`` from the same models.
"""

from __future__ import annotations

import json

import pandera.polars as pa
import polars as pl
import pyarrow as pa_arrow


def polars_schema(model: type[pa.DataFrameModel]) -> pl.Schema:
    """The polars schema (names and dtypes, in order) that a model describes."""
    return pl.Schema({name: col.dtype.type for name, col in model.to_schema().columns.items()})


def arrow_schema(model: type[pa.DataFrameModel]) -> pa_arrow.Schema:
    """The Arrow schema of a model, with each column's description as field metadata."""
    empty = pl.DataFrame(schema=polars_schema(model)).to_arrow()
    columns = model.to_schema().columns
    fields = [
        pa_arrow.field(
            f.name,
            f.type,
            nullable=columns[f.name].nullable,
            metadata={"description": columns[f.name].description or ""},
        )
        for f in empty.schema
    ]
    return pa_arrow.schema(
        fields, metadata={"description": " ".join((model.__doc__ or "").split())}
    )


def conform(frame: pl.DataFrame, model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Select and cast ``frame`` to the model's columns, in the model's order."""
    schema = polars_schema(model)
    return frame.select([pl.col(name).cast(dtype) for name, dtype in schema.items()])


# How CSV, which has no lists, writes a list column: one JSON array per cell,
# UTF-8 as is, no spaces ("["Jane Doe","John Roe"]"; records keep their keys' order).
CSV_LIST_ENCODING = "JSON array (UTF-8, compact, object keys in schema order)"


def list_columns(model: type[pa.DataFrameModel]) -> list[str]:
    """The model's columns of a nested type (lists, lists of records)."""
    return [name for name, dtype in polars_schema(model).items() if dtype.is_nested()]


def to_csv_frame(frame: pl.DataFrame, model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """``frame`` conformed to the model, with each list column encoded as JSON text."""
    out = conform(frame, model)
    return out.with_columns(
        pl.Series(name, [json_cell(v) for v in out[name].to_list()], dtype=pl.String)
        for name in list_columns(model)
    )


def json_cell(value: object) -> str | None:
    """One list cell as CSV writes it (null stays null)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))

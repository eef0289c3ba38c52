"""Schema forms derived from the pandera models: polars and Arrow.

Belongs here: pure functions from a model to another schema representation.
The Frictionless and Dagster forms are derived in ``pipelines/release`` and
``pipelines/metadata.py`` from the same models.
"""

from __future__ import annotations

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

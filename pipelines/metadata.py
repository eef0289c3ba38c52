"""Dagster metadata derived from the schemas and from frames.

Belongs here: the ``dagster/column_schema`` built from a pandera model, and the
row-count / markdown-preview metadata every materialization reports.
"""

from __future__ import annotations

import inspect
from typing import Any

import pandera.polars as pa
import polars as pl
from dagster import MetadataValue, TableColumn, TableColumnConstraints, TableSchema

PREVIEW_ROWS = 5
_PREVIEW_CHARS = 60


def column_schema(model: type[pa.DataFrameModel]) -> TableSchema:
    """The Dagster table schema (names, types, descriptions, constraints) of a model."""
    columns = []
    for name, col in model.to_schema().columns.items():
        other = [repr(check) for check in col.checks]
        columns.append(
            TableColumn(
                name=name,
                type=str(col.dtype),
                description=col.description,
                constraints=TableColumnConstraints(
                    nullable=bool(col.nullable), unique=bool(col.unique), other=other
                ),
            )
        )
    return TableSchema(columns=columns)


def asset_metadata(model: type[pa.DataFrameModel]) -> dict[str, Any]:
    """Definition-time metadata for an asset holding a table of ``model``."""
    return {"dagster/column_schema": column_schema(model)}


def preview(frame: pl.DataFrame, rows: int = PREVIEW_ROWS) -> MetadataValue:
    """A markdown table of the first rows, whitespace collapsed and long strings shortened."""
    collapsed = pl.col(pl.String).str.replace_all(r"\s+", " ")
    head = frame.head(rows).with_columns(
        pl.when(collapsed.str.len_chars() > _PREVIEW_CHARS)
        .then(collapsed.str.slice(0, _PREVIEW_CHARS - 1) + "…")  # a cut string says so
        .otherwise(collapsed)
        .name.keep()
    )
    return MetadataValue.md(markdown_table(head))


def markdown_table(frame: pl.DataFrame) -> str:
    """``frame`` as one markdown table (no wrapping, every row and column)."""
    with pl.Config(
        tbl_formatting="MARKDOWN",
        tbl_hide_column_data_types=True,
        tbl_hide_dataframe_shape=True,
        fmt_str_lengths=_PREVIEW_CHARS,
        tbl_cols=-1,
        tbl_rows=-1,
        tbl_width_chars=65_535,
    ):
        return str(frame)


def frame_schema(frame: pl.DataFrame) -> TableSchema:
    """Column names and types of a frame (for intermediate assets, which have no model)."""
    return TableSchema(
        columns=[TableColumn(name=name, type=str(dtype)) for name, dtype in frame.schema.items()]
    )


def frame_metadata(frame: pl.DataFrame, **extra: Any) -> dict[str, Any]:
    """Row count, preview and any stage figures for a materialization."""
    return {"dagster/row_count": frame.height, "preview": preview(frame), **extra}


def intermediate_metadata(frame: pl.DataFrame, **extra: Any) -> dict[str, Any]:
    """``frame_metadata`` (previewed without the long ``text`` column and binary columns)
    plus the frame's column schema.

    For intermediate assets, which have no pandera model to declare a column
    schema at definition time: the materialization reports it instead.
    """
    shown = frame.drop("text", strict=False).select(pl.exclude(pl.Binary))
    return {**frame_metadata(shown, **extra), "dagster/column_schema": frame_schema(frame)}


def describe(model: type[pa.DataFrameModel]) -> str:
    """The model's docstring, dedented, as an asset description."""
    return inspect.cleandoc(model.__doc__ or "")

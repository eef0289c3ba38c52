"""Writing one table as Parquet and CSV, deterministically.

Belongs here: file formats only. Parquet carries the Arrow schema derived from
the pandera model (with column descriptions); CSV is UTF-8, RFC 4180 (CRLF
line ends, quotes only where needed), ISO 8601 dates, empty string for null,
and list columns as JSON arrays (``schemas.derive.to_csv_frame``).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from schemas.derive import arrow_schema, conform, to_csv_frame
from schemas.registry import TableSpec


def write_parquet(frame: pl.DataFrame, spec: TableSpec, path: Path) -> None:
    """Write ``frame`` as Parquet with the model's Arrow schema (zstd, no timestamps)."""
    table = conform(frame, spec.model).to_arrow().cast(arrow_schema(spec.model))
    pq.write_table(table, path, compression="zstd", write_statistics=True)


def write_csv(frame: pl.DataFrame, spec: TableSpec, path: Path) -> None:
    """Write ``frame`` as RFC 4180 CSV (UTF-8, CRLF, ISO dates, empty for null)."""
    to_csv_frame(frame, spec.model).write_csv(
        path,
        include_header=True,
        line_terminator="\r\n",
        quote_style="necessary",
        null_value="",
        date_format="%Y-%m-%d",
        datetime_format="%Y-%m-%dT%H:%M:%S",
    )

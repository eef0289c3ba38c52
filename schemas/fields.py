"""Shared field definitions reused by several table models.

Belongs here: columns that carry the same meaning in more than one table, so
that they also carry the same name, type, checks and description everywhere.
"""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl

# Stable short IDs (article, entity, quote, utterance): 16 lowercase hex digits.
SHORT_ID_PATTERN = r"^[0-9a-f]{16}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

# List columns are native Arrow lists in Parquet; CSV writes them as JSON arrays
# (``schemas.derive.CSV_LIST_ENCODING``).
STRINGS = pl.List(pl.String)
REMOVALS = pl.List(pl.Struct({"rule": pl.String, "text": pl.String}))


def article_id(description: str, **kwargs: Any) -> Any:
    """An ``article_id`` column: 16 lowercase hex digits."""
    return pa.Field(str_matches=SHORT_ID_PATTERN, description=description, **kwargs)


def source_path(**kwargs: Any) -> Any:
    """The input file's path relative to the seeds folder, with ``/`` separators."""
    return pa.Field(
        str_length={"min_value": 1},
        description="Path of the input file, relative to the seeds folder, '/'-separated.",
        **kwargs,
    )


def source_record(**kwargs: Any) -> Any:
    """The record number inside a JSON / JSON Lines file (null for text files)."""
    return pa.Field(
        nullable=True,
        ge=0,
        description=(
            "Record inside the input file: 0-based index in a JSON array (0 for a single "
            "JSON object), 1-based line number in JSON Lines; null for a plain-text file."
        ),
        **kwargs,
    )


def sha256(description: str, **kwargs: Any) -> Any:
    """A SHA-256 digest as 64 lowercase hex digits."""
    return pa.Field(str_matches=SHA256_PATTERN, description=description, **kwargs)


def entity_id(description: str, **kwargs: Any) -> Any:
    """An ``entity_id`` column: 16 lowercase hex digits."""
    return pa.Field(str_matches=SHORT_ID_PATTERN, description=description, **kwargs)


def offset(description: str, **kwargs: Any) -> Any:
    """A character offset into ``articles.text`` (0-based, Unicode code points)."""
    return pa.Field(ge=0, description=description + " 0-based, in Unicode code points.", **kwargs)

"""Frame-level article stages: records to cleaned, dated, identified articles.

Belongs here: the polars functions that the ingest, clean, date and article
assets call, and the split of bad records into rejections. Per-document text
rules live in ``clean.py`` and ``dates.py``; duplicate detection in ``dedup.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import polars as pl

from pipelines.transforms.clean import clean_document
from pipelines.transforms.dates import parse_published_date
from pipelines.transforms.hashing import sha256_text, short_id
from pipelines.transforms.ingest import InputRecord
from pipelines.transforms.text import WORD_PATTERN, fold
from schemas.rejections import REJECTION_REASONS

RECORD_SCHEMA = {
    "source_path": pl.String,
    "source_sha256": pl.String,
    "source_bytes": pl.Int64,
    "source_record": pl.Int64,
    "encoding": pl.String,
    "text": pl.String,
    "title": pl.String,
    "date_raw": pl.String,
    "url": pl.String,
    "publisher": pl.String,
    "reason": pl.String,
    "detail": pl.String,
}


def records_frame(records: list[InputRecord]) -> pl.DataFrame:
    """One row per input record, rejected or not, in source order."""
    rows = [{k: v for k, v in asdict(r).items() if k in RECORD_SCHEMA} for r in records]
    frame = (
        pl.DataFrame(rows, schema=RECORD_SCHEMA, orient="row")
        if rows
        else pl.DataFrame(schema=RECORD_SCHEMA)
    )
    return frame.sort("source_path", "source_record", nulls_last=False)


def clean_records(records: pl.DataFrame) -> pl.DataFrame:
    """Clean every accepted record; records left with no text become rejections.

    Adds ``title`` (record title or extracted headline), ``published_date_raw``,
    ``date_source`` (``header``, ``record_field`` or ``none``) and
    ``boilerplate_removed`` (JSON array of removals with their rule).
    """
    cleaned = [
        clean_document(text, title) if reason is None else None
        for text, title, reason in records.select("text", "title", "reason").iter_rows()
    ]
    frame = records.with_columns(
        text=pl.Series([c.text if c else None for c in cleaned], dtype=pl.String),
        title=pl.Series([c.title if c else None for c in cleaned], dtype=pl.String),
        header_date=pl.Series([c.date_raw if c else None for c in cleaned], dtype=pl.String),
        boilerplate_removed=pl.Series(
            [c.removed_json() if c else None for c in cleaned], dtype=pl.String
        ),
    )
    no_text = pl.col("reason").is_null() & ~pl.col("text").str.contains(r"\w")
    return frame.with_columns(
        reason=pl.when(no_text).then(pl.lit("no_text_after_cleaning")).otherwise("reason"),
        published_date_raw=pl.coalesce("date_raw", "header_date"),
        date_source=pl.when(pl.col("date_raw").is_not_null())
        .then(pl.lit("record_field"))
        .when(pl.col("header_date").is_not_null())
        .then(pl.lit("header"))
        .otherwise(pl.lit("none")),
    ).drop("date_raw", "header_date")


def normalize_dates(frame: pl.DataFrame, latest: dt.date) -> pl.DataFrame:
    """Add ``published_date`` and ``date_issue`` from ``published_date_raw``."""
    parsed = [parse_published_date(raw, latest) for raw in frame["published_date_raw"]]
    return frame.with_columns(
        published_date=pl.Series([p.value for p in parsed], dtype=pl.Date),
        date_issue=pl.Series([p.issue for p in parsed], dtype=pl.String),
    )


def identify_articles(frame: pl.DataFrame, pipeline_version: str) -> pl.DataFrame:
    """Accepted records as candidate articles with IDs, hashes and counts.

    ``article_id`` is the first 16 hex digits of the SHA-256 of the folded text
    (casefolded words), so it does not depend on the file name, line endings,
    whitespace or encoding; ``content_hash`` is the SHA-256 of the exact text.
    """
    accepted = frame.filter(pl.col("reason").is_null())
    texts = accepted["text"].to_list()
    return accepted.with_columns(
        article_id=pl.Series([short_id(fold(t)) for t in texts], dtype=pl.String),
        content_hash=pl.Series([sha256_text(t) for t in texts], dtype=pl.String),
        word_count=pl.col("text").str.count_matches(WORD_PATTERN).cast(pl.Int64),
        char_count=pl.col("text").str.len_chars().cast(pl.Int64),
        pipeline_version=pl.lit(pipeline_version),
    )


def rejected_records(frame: pl.DataFrame) -> pl.DataFrame:
    """Rejected records with the reason code, its description and detail."""
    return (
        frame.filter(pl.col("reason").is_not_null())
        .with_columns(
            source_sha256=pl.col("source_sha256").replace("", None),
            reason_description=pl.col("reason").replace_strict(
                REJECTION_REASONS, return_dtype=pl.String
            ),
        )
        .select(
            "source_path",
            "source_record",
            "source_sha256",
            "source_bytes",
            "reason",
            "reason_description",
            "detail",
        )
        .sort("source_path", "source_record", nulls_last=False)
    )

"""Frame-level article stages: records to cleaned, dated, identified articles.

Belongs here: the polars functions that the ingest, clean, date and article
assets call, and the split of bad records into rejections. Per-document text
rules live in ``clean.py`` and ``dates.py``; duplicate detection in ``dedup.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict

import polars as pl

from pipelines.transforms.clean import clean_document
from pipelines.transforms.dates import parse_published_date
from pipelines.transforms.hashing import sha256_text, short_id
from pipelines.transforms.ingest import InputRecord
from pipelines.transforms.language import detect_language
from pipelines.transforms.text import WORD_PATTERN, fold
from schemas.fields import REMOVALS, STRINGS
from schemas.rejections import REJECTION_REASONS

_STRING = pl.String()
RECORD_SCHEMA = pl.Schema(
    {  # type: ignore[arg-type]  # classes and list instances mixed
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
        "authors": STRINGS,
        "updated_raw": pl.String,
        "date_origin": pl.String,
        "removed": REMOVALS,
        "reason": pl.String,
        "detail": pl.String,
    }
)


def records_frame(records: list[InputRecord]) -> pl.DataFrame:
    """One row per input record, rejected or not, in source order.

    ``authors`` and ``removed`` (what was left out of an HTML page) are lists.
    """
    rows = [
        {
            **{k: v for k, v in asdict(r).items() if k in RECORD_SCHEMA},
            "authors": r.authors or None,
            "removed": r.removed,
        }
        for r in records
    ]
    frame = (
        pl.DataFrame(rows, schema=RECORD_SCHEMA, orient="row")
        if rows
        else pl.DataFrame(schema=RECORD_SCHEMA)
    )
    return frame.sort("source_path", "source_record", nulls_last=False)


# Where a date the text itself prints came from, by the cleaning rule that read it.
_DATE_SOURCE_BY_RULE = {
    "date_marker": "header",
    "date_line": "date_line",
    "byline_date_line": "byline",
}


def clean_records(records: pl.DataFrame) -> pl.DataFrame:
    """Clean every accepted record; records left with no text become rejections.

    Adds ``title`` (record title or extracted headline), ``published_date_raw`` and
    ``updated_date_raw``, ``date_source`` (``record_field``, ``html_metadata``,
    ``header``, ``date_line``, ``byline`` or ``none``), ``authors`` (a list),
    ``wire_agency``, ``dateline_place`` and ``boilerplate_removed`` (the list of
    removals with their rule, an HTML page's left-out blocks first).
    """
    rows = records.select("text", "title", "reason", "removed").iter_rows()
    cleaned = [
        (clean_document(text, title), removed or []) if reason is None else None
        for text, title, reason, removed in rows
    ]

    def column(get: Callable[..., object], dtype: pl.DataType = _STRING) -> pl.Series:
        return pl.Series([get(*c) if c else None for c in cleaned], dtype=dtype)

    frame = records.with_columns(
        text=column(lambda c, _: c.text),
        title=column(lambda c, _: c.title),
        header_date=column(lambda c, _: c.date_raw),
        header_source=column(lambda c, _: _DATE_SOURCE_BY_RULE.get(c.date_rule or "")),
        header_updated=column(lambda c, _: c.updated_raw),
        byline_authors=column(lambda c, _: c.authors or None, STRINGS),
        wire_agency=column(lambda c, _: c.wire_agency),
        dateline_place=column(lambda c, _: c.dateline_place),
        boilerplate_removed=column(lambda c, before: [*before, *c.removed], REMOVALS),
    )
    no_text = pl.col("reason").is_null() & ~pl.col("text").str.contains(r"\w")
    return frame.with_columns(
        reason=pl.when(no_text).then(pl.lit("no_text_after_cleaning")).otherwise("reason"),
        published_date_raw=pl.coalesce("date_raw", "header_date"),
        updated_date_raw=pl.when(pl.col("date_raw").is_not_null())
        .then("updated_raw")
        .otherwise(pl.coalesce("updated_raw", "header_updated")),
        date_source=pl.when(pl.col("date_raw").is_not_null())
        .then(pl.col("date_origin").fill_null("record_field"))
        .when(pl.col("header_date").is_not_null())
        .then("header_source")
        .otherwise(pl.lit("none")),
        authors=pl.coalesce("authors", "byline_authors", pl.lit([], dtype=STRINGS)),
    ).drop(
        "date_raw", "header_date", "header_source", "header_updated", "updated_raw",
        "date_origin", "byline_authors", "removed",
    )  # fmt: skip


def normalize_dates(frame: pl.DataFrame, latest: dt.date) -> pl.DataFrame:
    """Add ``published_date`` and ``date_issue`` from ``published_date_raw``, and
    ``updated_date`` from ``updated_date_raw`` (null unless it parses under the same
    rules and is not before the publication date)."""
    parsed = [parse_published_date(raw, latest) for raw in frame["published_date_raw"]]
    updated = [parse_published_date(raw, latest).value for raw in frame["updated_date_raw"]]
    updated = [
        u if u is not None and (p.value is None or u >= p.value) else None
        for u, p in zip(updated, parsed, strict=True)
    ]
    return frame.with_columns(
        published_date=pl.Series([p.value for p in parsed], dtype=pl.Date),
        date_issue=pl.Series([p.issue for p in parsed], dtype=pl.String),
        updated_date=pl.Series(updated, dtype=pl.Date),
    )


def identify_articles(frame: pl.DataFrame, pipeline_version: str) -> pl.DataFrame:
    """Accepted records as candidate articles with IDs, hashes and counts.

    ``article_id`` is the first 16 hex digits of the SHA-256 of the folded text
    (casefolded words), so it does not depend on the file name, line endings,
    whitespace or encoding; ``content_hash`` is the SHA-256 of the exact text;
    ``language`` and ``language_confidence`` come from ``language.detect_language``.
    """
    accepted = frame.filter(pl.col("reason").is_null())
    texts = accepted["text"].to_list()
    languages = [detect_language(t) for t in texts]
    return accepted.with_columns(
        language=pl.Series([code for code, _ in languages], dtype=pl.String),
        language_confidence=pl.Series([conf for _, conf in languages], dtype=pl.Float64),
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

"""Frame-level article stages: records to cleaned, dated, identified articles.

Belongs here: the polars functions that the ingest, clean, date and article
assets call, and the split of bad records into rejections. Per-document text
rules live in ``clean.py`` and ``dates.py``; duplicate detection in ``dedup.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl

from pipelines.transforms.clean import clean_document
from pipelines.transforms.dates import parse_published_date
from pipelines.transforms.hashing import sha256_text, short_id
from pipelines.transforms.ingest import DEFAULT_MAX_BYTES, InputRecord, read_input
from pipelines.transforms.language import detect_language
from pipelines.transforms.provenance import Provenance, with_provenance
from pipelines.transforms.result_cache import ResultCache
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


CHUNK_ROWS = 2_000  # records turned into Python objects at a time


def read_records(
    paths: list[Path],
    root: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    provenance: dict[str, Provenance] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pl.DataFrame:
    """Every path read into records (``read_input``), with the provenance sidecar's
    URL and publisher, as one frame in source order. Built from chunks of
    ``CHUNK_ROWS`` files, so only one chunk's texts are Python objects at a time.

    Args:
        progress: Called as ``progress(done, total)`` after every chunk of files.
    """
    ordered = sorted(paths, key=lambda p: p.relative_to(root).as_posix())
    chunks = []
    for start in range(0, len(ordered), CHUNK_ROWS):
        batch = ordered[start : start + CHUNK_ROWS]
        records = [r for path in batch for r in read_input(path, root, max_bytes)]
        if provenance:
            records = with_provenance(records, provenance)
        chunks.append(records_frame(records))
        if progress is not None:
            progress(start + len(batch), len(ordered))
    if not chunks:
        return records_frame([])
    return pl.concat(chunks, rechunk=False)  # in order: the files were sorted by path


def records_frame(records: list[InputRecord]) -> pl.DataFrame:
    """One row per input record, rejected or not, in source order.

    ``authors`` and ``removed`` (what was left out of an HTML page) are lists.
    """
    # Sorted here (a record without a number first), so the frame is built once, column
    # by column: no per-row dictionaries and no second copy of the texts.
    ordered = sorted(
        records,
        key=lambda r: (r.source_path, r.source_record is not None, r.source_record or 0),
    )
    columns = {
        name: pl.Series(name, [getattr(r, name) for r in ordered], dtype=dtype)
        for name, dtype in RECORD_SCHEMA.items()
        if name not in {"authors", "removed"}
    }
    columns["authors"] = pl.Series("authors", [r.authors or None for r in ordered], STRINGS)
    columns["removed"] = pl.Series("removed", [r.removed for r in ordered], REMOVALS)
    return pl.DataFrame([columns[name] for name in RECORD_SCHEMA])


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
    removals with their rule, an HTML page's left-out blocks first). Works in chunks
    of ``CHUNK_ROWS`` records, so only one chunk's texts are Python objects at a time.
    """
    if records.height <= CHUNK_ROWS:
        return _clean_chunk(records)
    chunks = [
        _clean_chunk(records.slice(start, CHUNK_ROWS))
        for start in range(0, records.height, CHUNK_ROWS)
    ]
    return pl.concat(chunks, rechunk=False)


def _clean_chunk(records: pl.DataFrame) -> pl.DataFrame:
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


def identify_articles(
    frame: pl.DataFrame, pipeline_version: str, languages: ResultCache | None = None
) -> pl.DataFrame:
    """Accepted records as candidate articles with IDs, hashes and counts.

    ``article_id`` is the first 16 hex digits of the SHA-256 of the folded text
    (casefolded words), so it does not depend on the file name, line endings,
    whitespace or encoding; ``content_hash`` is the SHA-256 of the exact text;
    ``language`` and ``language_confidence`` come from ``language.detect_language``,
    or from ``languages``, the results of earlier builds, for a text seen there.
    """
    accepted = frame.filter(pl.col("reason").is_null())
    column = accepted["text"]
    hashes: list[str] = []
    ids: list[str] = []
    for start in range(0, len(column), CHUNK_ROWS):  # one chunk of Python strings at a time
        texts = column.slice(start, CHUNK_ROWS).to_list()
        hashes.extend(sha256_text(t) for t in texts)
        ids.extend(short_id(fold(t)) for t in texts)
    detected = _languages(column, hashes, languages)
    return accepted.with_columns(
        language=pl.Series([detected[h][0] for h in hashes], dtype=pl.String),
        language_confidence=pl.Series([detected[h][1] for h in hashes], dtype=pl.Float64),
        article_id=pl.Series(ids, dtype=pl.String),
        content_hash=pl.Series(hashes, dtype=pl.String),
        word_count=pl.col("text").str.count_matches(WORD_PATTERN).cast(pl.Int64),
        char_count=pl.col("text").str.len_chars().cast(pl.Int64),
        pipeline_version=pl.lit(pipeline_version),
    )


LANGUAGE_CACHE_SCHEMA = {
    "text_sha256": pl.String,
    "language": pl.String,
    "language_confidence": pl.Float64,
}


def _languages(
    texts: pl.Series, hashes: list[str], cache: ResultCache | None
) -> dict[str, tuple[str, float]]:
    """Language and confidence by text hash: the cache's, then detected for the rest
    (which the cache then keeps)."""
    stored = cache.load(LANGUAGE_CACHE_SCHEMA) if cache is not None else None
    known: dict[str, tuple[str, float]] = (
        {h: (code, conf) for h, code, conf in stored.iter_rows()} if stored is not None else {}
    )
    todo = [i for i, h in enumerate(hashes) if h not in known]
    fresh: dict[str, tuple[str, float]] = {}
    for index in todo:
        if hashes[index] not in fresh:
            fresh[hashes[index]] = detect_language(texts[index])
    if cache is not None and stored is not None and fresh:
        rows = [(h, code, conf) for h, (code, conf) in fresh.items()]
        added = pl.DataFrame(rows, schema=LANGUAGE_CACHE_SCHEMA, orient="row")
        cache.save(pl.concat([stored, added]))
    return {**known, **fresh}


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

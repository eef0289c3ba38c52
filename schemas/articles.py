"""The ``articles`` table: one row per canonical (deduplicated) article."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields


class Articles(pa.DataFrameModel):
    """Cleaned, dated and deduplicated news articles.

    One row per distinct article. Duplicates are listed in ``article_duplicates``
    and point to the row kept here. Within a duplicate cluster the canonical
    article is the one with the earliest ``published_date`` (undated last), then
    the longest text, then the smallest ``article_id``.
    """

    article_id: str = fields.article_id(
        "Stable identifier: first 16 hex digits of the SHA-256 of the article text folded to "
        "lowercase words. Independent of file name, encoding, line endings and whitespace.",
        unique=True,
    )
    source_path: str = fields.source_path()
    source_record: pl.Int64 = fields.source_record()
    source_sha256: str = fields.sha256("SHA-256 of the input file's raw bytes.")
    source_encoding: str = pa.Field(
        description="Text encoding the input file was decoded from (e.g. utf-8, utf-16, cp1252)."
    )
    url: str = pa.Field(nullable=True, description="Article URL from the input record, if given.")
    publisher: str = pa.Field(
        nullable=True, description="Publishing outlet from the input record's `source`, if given."
    )
    title: str = pa.Field(
        nullable=True,
        description="Headline: the record's `title`, or a headline line opening the text; "
        "null when the article has none.",
    )
    published_date: pl.Date = pa.Field(
        nullable=True,
        description="Publication date (calendar day as written). Null when the article has no "
        "date or its date could not be parsed; never inferred.",
    )
    published_date_raw: str = pa.Field(
        nullable=True, description="The publication date exactly as written in the input."
    )
    date_source: str = pa.Field(
        isin=["header", "record_field", "none"],
        description="Where the raw date came from: `header` (a leading `date` marker), "
        "`record_field` (JSON `published`/`date`), or `none`.",
    )
    date_issue: str = pa.Field(
        nullable=True,
        description="Why a raw date gave no `published_date` (unparseable, future, order); "
        "null otherwise.",
    )
    text: str = pa.Field(
        str_length={"min_value": 1},
        description="Cleaned article text: Unicode NFC, paragraphs separated by one blank line, "
        "boilerplate removed. All character offsets in other tables index this text.",
    )
    word_count: pl.Int64 = pa.Field(ge=0, description="Number of words in `text`.")
    char_count: pl.Int64 = pa.Field(ge=1, description="Number of Unicode characters in `text`.")
    content_hash: str = fields.sha256("SHA-256 of `text` encoded as UTF-8.")
    boilerplate_removed: str = pa.Field(
        description='JSON array of what cleaning removed, each {"rule", "text"}; `[]` if '
        "nothing was removed."
    )
    pipeline_version: str = pa.Field(description="Version of the pipeline that produced the row.")

    class Config:
        """Validation settings."""

        strict = True
        coerce = True

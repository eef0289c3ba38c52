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
    url: str = pa.Field(
        nullable=True,
        description="Article URL: the JSON record's `url`, or an HTML page's canonical URL.",
    )
    publisher: str = pa.Field(
        nullable=True,
        description="Publishing outlet: the JSON record's `source`, or an HTML page's site name.",
    )
    authors: fields.STRINGS = pa.Field(  # type: ignore[valid-type]
        description="List of the authors' names as written: the JSON record's "
        "`authors`/`author`, an HTML page's author metadata, or a byline under the headline "
        '("By Jane Doe and John Roe"); empty when none is given. CSV: a JSON array.'
    )
    wire_agency: str = pa.Field(
        nullable=True,
        description="News agency the story is credited to, from a byline or a wire dateline "
        "(AP, Reuters, AFP …); null otherwise.",
    )
    dateline_place: str = pa.Field(
        nullable=True,
        description='Place of a wire dateline opening the story, as written ("CAIRO", '
        '"FALLS CHURCH, Va."); the dateline itself is removed from `text`.',
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
        isin=["record_field", "html_metadata", "header", "date_line", "byline", "none"],
        description="Where the raw date came from: `record_field` (JSON `published`/`date`), "
        "`html_metadata` (an HTML page's markup, read by htmldate), `header` (a leading "
        "`date` marker), `date_line` (a line under the headline that states the date), "
        "`byline` (a byline ending with the date), or `none`.",
    )
    date_issue: str = pa.Field(
        nullable=True,
        description="Why a raw date gave no `published_date` (unparseable, future, order); "
        "null otherwise.",
    )
    updated_date: pl.Date = pa.Field(
        nullable=True,
        description='Date the article was last updated, when it says so ("Updated …", '
        "JSON `updated`, HTML markup) and it parses; never before `published_date`.",
    )
    updated_date_raw: str = pa.Field(
        nullable=True, description="The update date exactly as written in the input."
    )
    text: str = pa.Field(
        str_length={"min_value": 1},
        description="Cleaned article text: Unicode NFC, paragraphs separated by one blank line, "
        "boilerplate removed. All character offsets in other tables index this text.",
    )
    language: str = pa.Field(
        str_matches=r"^(?:[a-z]{2}|und)$",
        description="Language of `text` (ISO 639-1), detected offline with py3langid; `und` "
        "when the text is too short, the detection unsure, or the paragraphs in different "
        "languages. Quotes and entities are extracted only from articles in the language of "
        "the NLP model (English) or `und`.",
    )
    language_confidence: pl.Float64 = pa.Field(
        ge=0.0, le=1.0, description="The detector's probability for `language` (0 for too short)."
    )
    word_count: pl.Int64 = pa.Field(ge=0, description="Number of words in `text`.")
    char_count: pl.Int64 = pa.Field(ge=1, description="Number of Unicode characters in `text`.")
    content_hash: str = fields.sha256("SHA-256 of `text` encoded as UTF-8.")
    boilerplate_removed: fields.REMOVALS = pa.Field(  # type: ignore[valid-type]
        description="What cleaning removed, in order: a list of {`rule`, `text`} records; "
        'empty if nothing was removed. CSV: a JSON array of {"rule", "text"} objects.'
    )
    pipeline_version: str = pa.Field(description="Version of the pipeline that produced the row.")

    class Config:
        """Validation settings."""

        strict = True
        coerce = True

"""The ``article_duplicates`` table: links from duplicate inputs to canonical articles."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields


class ArticleDuplicates(pa.DataFrameModel):
    """Inputs that duplicate a published article, exactly or nearly.

    Near duplicates are found with MinHash-LSH over word shingles and confirmed
    by exact Jaccard similarity at or above the configured threshold.
    """

    source_path: str = fields.source_path()
    source_record: pl.Int64 = fields.source_record()
    duplicate_article_id: str = fields.article_id(
        "`article_id` the duplicate would have had (equal to `article_id` for exact copies)."
    )
    article_id: str = fields.article_id("The canonical article kept in `articles`.")
    similarity: pl.Float64 = pa.Field(
        ge=0.0,
        le=1.0,
        description="Jaccard similarity of word-shingle sets between duplicate and canonical; "
        "1.0 for exact duplicates.",
    )
    method: str = pa.Field(
        isin=["exact", "near"],
        description="`exact`: same text once folded to lowercase words; `near`: MinHash-LSH "
        "candidate confirmed by exact Jaccard similarity.",
    )

    class Config:
        """Validation settings."""

        strict = True
        coerce = True
        unique = ["source_path", "source_record"]

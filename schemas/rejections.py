"""The ``rejections`` table: inputs that did not become articles, with the reason."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields

REJECTION_REASONS = {
    "empty": "file (or JSON array) holds nothing",
    "whitespace_only": "file holds only whitespace",
    "binary": "file holds binary data (NUL bytes or non-text control bytes)",
    "undecodable": "bytes could not be decoded as text in any detected encoding",
    "too_large": "file is larger than the configured size limit",
    "unsupported_type": "file extension is not a supported input type",
    "invalid_json": "file or line is not valid JSON",
    "invalid_record": "JSON record is not an object with a string `text` or `html` field",
    "no_article_in_html": "the HTML page holds no article text (too little main text to extract)",
    "not_a_regular_file": "path is a symlink or special file; not followed",
    "unreadable": "file could not be read (permissions or I/O error)",
    "no_text_after_cleaning": "no word is left once boilerplate and invisible characters go",
}


class Rejections(pa.DataFrameModel):
    """Every input file or record that was not published as an article, and why."""

    source_path: str = fields.source_path()
    source_record: pl.Int64 = fields.source_record()
    source_sha256: str = fields.sha256(
        "SHA-256 of the input file's raw bytes; null when the file could not be read.",
        nullable=True,
    )
    source_bytes: pl.Int64 = pa.Field(ge=0, description="Size of the input file in bytes.")
    reason: str = pa.Field(
        isin=list(REJECTION_REASONS),
        description="Rejection reason code: "
        + "; ".join(f"`{code}`: {text}" for code, text in REJECTION_REASONS.items())
        + ".",
    )
    reason_description: str = pa.Field(description="What the reason code means.")
    detail: str = pa.Field(nullable=True, description="Specifics, e.g. the JSON error or size.")

    class Config:
        """Validation settings."""

        strict = True
        coerce = True
        unique = ["source_path", "source_record"]

"""The statistical NER model's spans, read from the shared parse.

Belongs here: turning parsed ``Doc``s into raw model spans of the published
types, with offsets into the article text. Not here: running the model (see
``transforms/nlp.py``) or correcting the spans (``spans.py``, ``article.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from pipelines.transforms.entities.spans import PUBLISHED_LABELS

RAW_MENTION_SCHEMA = {
    "article_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "label": pl.String,
}


def model_spans(docs: Iterable[tuple[str, Any]]) -> pl.DataFrame:
    """Model entity spans of the published types, one row per span.

    Args:
        docs: ``(article_id, Doc)`` pairs, e.g. from ``transforms.nlp.parsed_docs``.
    """
    rows = [
        (article_id, e.start_char, e.end_char, e.label_)
        for article_id, doc in docs
        for e in doc.ents
        if e.label_ in PUBLISHED_LABELS
    ]
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row")

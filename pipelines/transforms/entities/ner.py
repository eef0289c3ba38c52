"""Raw entity spans read from the shared parse: the NER model's, and speakers it missed.

Belongs here: turning parsed ``Doc``s into raw spans of the published types,
with offsets into the article text and where each came from (``ner``: the
model; ``speaker``: a reporting verb's subject the model missed, see
``speakers.py``). Not here: running the model (``transforms/nlp.py``) or
correcting the spans (``spans.py``, ``article.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from pipelines.transforms.entities.spans import PUBLISHED_LABELS
from pipelines.transforms.entities.speakers import missed_speaker_spans

RAW_MENTION_SCHEMA = {
    "article_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "label": pl.String,
    "source": pl.String,
}


def model_spans(docs: Iterable[tuple[str, Any]]) -> pl.DataFrame:
    """Raw entity spans of the published types, one row per span, with their ``source``.

    Args:
        docs: ``(article_id, Doc)`` pairs, e.g. from ``transforms.nlp.parsed_docs``.
    """
    rows: list[tuple[str, int, int, str, str]] = []
    for article_id, doc in docs:
        rows.extend(
            (article_id, e.start_char, e.end_char, e.label_, "ner")
            for e in doc.ents
            if e.label_ in PUBLISHED_LABELS
        )
        rows.extend(
            (article_id, s.start, s.end, s.label, "speaker")
            for s in missed_speaker_spans(doc.text, doc)
        )
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row")

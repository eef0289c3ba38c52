"""Raw entity spans read from the shared parse: the NER model's, and speakers it missed.

Belongs here: turning parsed ``Doc``s into raw spans of the published types,
with offsets into the article text and where each came from (``ner``: the
model; ``speaker``: a reporting verb's subject the model missed, see
``speakers.py``). A one-word span the tagger reads as a plural common noun
("Attendees", "Soldiers") is not a name, unless it is a group's name
("Texans") or a person's (surnames such as "Richards" are tagged plural too).

``cached_model_spans`` reads the spans of texts done in an earlier build from the
result cache instead of their parses. Not here: running the model
(``transforms/nlp.py``) or correcting the spans (``spans.py``, ``article.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import polars as pl

from pipelines.transforms.entities.spans import PUBLISHED_LABELS
from pipelines.transforms.entities.speakers import missed_speaker_spans
from pipelines.transforms.nlp import doc_text
from pipelines.transforms.result_cache import ResultCache

RAW_MENTION_SCHEMA = {
    "article_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "label": pl.String,
    "source": pl.String,
}


_ROWS_PER_FRAME = 50_000
_GROUP_SUFFIX = re.compile(r"(?:ans|ians|ese|is|ites|ists|ims)$")


def _common_plural(span: Any) -> bool:
    """A one-word span tagged as a plural common noun, capitalized as a common word is
    at a sentence start or in an organization's house style ("Soldiers"), and not the
    surname of a person the article names in full."""
    word = span.text
    return (
        len(span) == 1
        and span[0].tag_ == "NNS"
        and span.label_ not in ("NORP", "PERSON")  # the tagger reads "Richards" as NNS too
        and word[:1].isupper()
        and word[1:].islower()
        and not _GROUP_SUFFIX.search(word)
        and not _surname_in_doc(span)
    )


def _surname_in_doc(span: Any) -> bool:
    """The word ends a person's full name elsewhere in the article ("Bernie Sanders"
    … "Sanders said", where the tagger reads "Sanders" as a plural noun)."""
    word = span.text
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in span.doc.ents)


def model_spans(docs: Iterable[tuple[str, Any]]) -> pl.DataFrame:
    """Raw entity spans of the published types, one row per span, with their ``source``.

    Args:
        docs: ``(article_id, Doc)`` pairs, e.g. from ``transforms.nlp.parsed_docs``.
    """
    frames = []
    rows: list[tuple[str, int, int, str, str]] = []
    for article_id, doc in docs:
        rows.extend(
            (article_id, e.start_char, e.end_char, e.label_, "ner")
            for e in doc.ents
            if e.label_ in PUBLISHED_LABELS and not _common_plural(e)
        )
        rows.extend(
            (article_id, s.start, s.end, s.label, "speaker")
            for s in missed_speaker_spans(doc_text(doc), doc)
        )
        if len(rows) >= _ROWS_PER_FRAME:  # a chunk of rows as Python objects at a time
            frames.append(pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row"))
            rows = []
    frames.append(pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row"))
    return pl.concat(frames)


_SPAN = pl.Struct({"start": pl.Int64, "end": pl.Int64, "label": pl.String, "source": pl.String})
# What the result cache keeps: every text's raw spans, in model_spans order.
SPAN_CACHE_SCHEMA = {"text_sha256": pl.String, "spans": pl.List(_SPAN)}


def cached_model_spans(
    parsed: pl.DataFrame,
    docs: Callable[[pl.DataFrame], Iterable[tuple[str, Any]]],
    cache: ResultCache | None,
) -> tuple[pl.DataFrame, int]:
    """:func:`model_spans` of every parse, the same rows in the same order, reading
    texts whose spans the cache holds instead of their parses; and how many of the
    distinct texts came from the cache.

    Args:
        parsed: ``article_id`` and ``text_sha256`` of every parse (``nlp.parse_articles``).
        docs: Gives ``(article_id, Doc)`` for the rows of a frame like ``parsed``
            (e.g. ``nlp.parsed_docs``); called once, with the texts not in the cache.
        cache: The stage's results of earlier builds (for this code and model), or None.
    """
    stored = cache.load(SPAN_CACHE_SCHEMA) if cache is not None else None
    known = stored["text_sha256"] if stored is not None else pl.Series([], dtype=pl.String)
    todo = parsed.filter(~pl.col("text_sha256").is_in(known.implode())).unique(
        "text_sha256", keep="first", maintain_order=True
    )
    fresh = model_spans(docs(todo)) if todo.height else pl.DataFrame(schema=RAW_MENTION_SCHEMA)
    grouped = fresh.group_by("article_id", maintain_order=True).agg(
        spans=pl.struct("start", "end", "label", "source")
    )
    new = (
        todo.select("article_id", "text_sha256")
        .join(grouped, on="article_id", how="left", maintain_order="left")
        .select("text_sha256", pl.col("spans").fill_null(pl.lit([], dtype=pl.List(_SPAN))))
    )
    every = new if stored is None else pl.concat([stored, new])
    if cache is not None and new.height:
        cache.save(every)
    reused = parsed["text_sha256"].n_unique() - todo.height
    return (
        parsed.select("article_id", "text_sha256")
        .join(every, on="text_sha256", how="left", maintain_order="left")
        .explode("spans")
        .filter(pl.col("spans").is_not_null())
        .select("article_id", pl.col("spans").struct.unnest())
        .cast(RAW_MENTION_SCHEMA)  # type: ignore[arg-type]
    ), reused

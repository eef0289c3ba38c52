"""Running the pipeline's stages on an annotated corpus, in raw-file offsets.

Belongs here: one pass of the extraction stages over a ``Gold`` corpus's files
(the same plain functions the Dagster assets call) and mapping every quotation
from the published (cleaned) text back to offsets in the raw input file, where
the gold offsets live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.evaluation.corpus import articles_from_folder
from pipelines.evaluation.gold import Gold
from pipelines.transforms.entities.ner import model_spans
from pipelines.transforms.entities.resolve import resolve_corpus
from pipelines.transforms.nlp import in_language, parse_articles, parsed_docs
from pipelines.transforms.quotes.table import quotes_table


@dataclass(frozen=True)
class Predictions:
    """What the pipeline published for a corpus, keyed by ``doc`` (the input file name).

    Attributes:
        quotes: ``doc``, ``quote_start``, ``quote_end`` (raw-file offsets), ``speaker``,
            ``cue``, ``attribution``, ``kind``.
        entities: ``doc``, ``canonical_name``, ``type`` (one row per entity per article).
        names: ``doc``, ``mention_text`` for every entity mention (what NER found).
        dates: ``doc``, ``published_date``.
    """

    quotes: pl.DataFrame
    entities: pl.DataFrame
    names: pl.DataFrame
    dates: pl.DataFrame


@dataclass(frozen=True)
class Models:
    """The loaded NLP pipeline and the entity register, loaded once per evaluation."""

    nlp: Any
    register: Any


def predict(gold: Gold, models: Models) -> Predictions:
    """Run ingest, clean, dates, dedup, entities and quotes on ``gold``'s files."""
    every_article = articles_from_folder(gold.texts, gold.docs)
    articles = in_language(every_article, models.nlp.lang)  # as the pipeline does
    parsed = parse_articles(models.nlp, articles)
    raw = model_spans(parsed_docs(parsed, models.nlp.vocab))
    entities, mentions = resolve_corpus(articles, raw, models.register)
    quotes = quotes_table(articles, parsed_docs(parsed, models.nlp.vocab), mentions, entities)
    doc_of = articles.select("article_id", pl.col("source_path").alias("doc"))
    return Predictions(
        # a `title` is the pipeline saying "a name, not a quotation", as the gold has it
        quotes=raw_offsets(
            quotes.filter(pl.col("kind") != "title").join(doc_of, on="article_id"), gold.texts
        ),
        entities=mentions.join(entities, on="entity_id")
        .join(doc_of, on="article_id")
        .select("doc", "canonical_name", "type")
        .unique()
        .sort("doc", "canonical_name", "type"),
        names=mentions.join(doc_of, on="article_id").select("doc", "mention_text"),
        dates=every_article.select(pl.col("source_path").alias("doc"), "published_date"),
    )


def raw_offsets(quotes: pl.DataFrame, folder: Path) -> pl.DataFrame:
    """Quote offsets moved from the published text into the raw file's text.

    Cleaning only removes text (headline, boilerplate, invisible characters) and
    normalizes whitespace, so each quotation is searched in the raw text in order,
    right after an opening mark, from the end of the previous one, with any run of
    whitespace matching any other.
    A quotation that cannot be found keeps offsets of -1 (it matches no gold span).
    """
    rows = []
    for doc, group in quotes.sort("quote_start").group_by("doc", maintain_order=True):
        raw = (folder / str(doc[0])).read_text(encoding="utf-8-sig")
        position = 0
        for row in group.iter_rows(named=True):
            body = r"\s+".join(re.escape(part) for part in row["quote_text"].split())
            found = re.compile(f'[“"„«]\\s*({body})').search(raw, position)
            start, end = found.span(1) if found else (-1, -1)
            position = end if found else position
            rows.append({**row, "quote_start": start, "quote_end": end})
    schema = {k: v for k, v in quotes.schema.items()}
    return pl.DataFrame(rows, schema=schema).select(
        "doc", "quote_start", "quote_end", "speaker", "cue", "attribution", "kind"
    )

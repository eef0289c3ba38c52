"""The ``quotes`` table: quotations, speakers, and quote / utterance IDs.

Belongs here: running span finding and attribution over every article and
assembling rows. IDs:

* ``quote_id``: first 16 hex digits of SHA-256 of ``article_id:quote_start:quote_end``.
* ``utterance_id``: first 16 hex digits of SHA-256 of the quote folded to lowercase
  words (case, punctuation and whitespace ignored), so the same words reported
  by several articles share it.
* ``contained_in_utterance_id``: for a quote whose folded words appear inside a
  longer quote by the same speaker, that longer quote's ``utterance_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import polars as pl

from pipelines.transforms.hashing import short_id
from pipelines.transforms.quotes.attribution import EntityMention, attribute_quotes
from pipelines.transforms.quotes.spans import find_quotes
from pipelines.transforms.text import fold, words
from schemas.derive import polars_schema
from schemas.quotes import Quotes

QUOTE_SCHEMA = polars_schema(Quotes)


def article_mentions(
    entity_mentions: pl.DataFrame, entities: pl.DataFrame
) -> dict[str, list[EntityMention]]:
    """Entity mentions per article, with canonical name and type."""
    joined = entity_mentions.join(
        entities.select("entity_id", "canonical_name", "type"), on="entity_id"
    ).sort("article_id", "mention_start")
    out: dict[str, list[EntityMention]] = {}
    for aid, start, end, eid, name, kind in joined.select(
        "article_id", "mention_start", "mention_end", "entity_id", "canonical_name", "type"
    ).iter_rows():
        out.setdefault(aid, []).append(EntityMention(start, end, eid, name, kind))
    return out


def quotes_table(
    articles: pl.DataFrame,
    docs: Iterable[tuple[str, Any]],
    entity_mentions: pl.DataFrame,
    entities: pl.DataFrame,
    progress: Callable[[int, int], None] | None = None,
) -> pl.DataFrame:
    """Find and attribute every quotation in ``articles`` (``article_id``, ``text``).

    Args:
        articles: The published articles.
        docs: ``(article_id, Doc)``, the shared parse of every article's ``text``
            (from ``transforms.nlp.parsed_docs``).
        entity_mentions: The published entity mentions.
        entities: The published entities.
        progress: Called as ``progress(done, total)`` every 100 articles and at the end.
    """
    mentions = article_mentions(entity_mentions, entities)
    texts = dict(articles.select("article_id", "text").iter_rows())
    rows, parsed = [], set()
    for done, (aid, doc) in enumerate(docs, start=1):
        text = texts[aid]
        parsed.add(aid)
        quotes = find_quotes(text)
        for quote, who in zip(
            quotes, attribute_quotes(text, doc, quotes, mentions.get(aid, [])), strict=True
        ):
            body = text[quote.start : quote.end]
            rows.append(
                {
                    "quote_id": short_id(f"{aid}:{quote.start}:{quote.end}"),
                    "article_id": aid,
                    "quote_start": quote.start,
                    "quote_end": quote.end,
                    "quote_text": body,
                    "kind": quote.kind,
                    "is_closed": quote.is_closed,
                    "word_count": len(words(body)),
                    "speaker": who.speaker.name if who.speaker else None,
                    "speaker_entity_id": who.speaker.entity_id if who.speaker else None,
                    "speaker_description": None if who.speaker else who.description,
                    "cue": who.cue,
                    "attribution": who.method,
                    "utterance_id": short_id(fold(body)),
                }
            )
        if progress and (done % 100 == 0 or done == len(texts)):
            progress(done, len(texts))
    if unparsed := sorted(set(texts) - parsed):
        raise ValueError(f"{len(unparsed)} articles have no parse (first: {unparsed[0]})")
    frame = pl.DataFrame(
        rows, schema={k: v for k, v in QUOTE_SCHEMA.items() if k != "contained_in_utterance_id"}
    )
    return _with_containment(frame).sort("article_id", "quote_start")


def _with_containment(frame: pl.DataFrame) -> pl.DataFrame:
    """Point each quote to the longest other utterance of the same speaker containing it."""
    folded = {row["utterance_id"]: fold(row["quote_text"]) for row in frame.iter_rows(named=True)}
    by_speaker: dict[str, set[str]] = {}
    for uid, speaker in frame.select("utterance_id", "speaker_entity_id").iter_rows():
        if speaker is not None:
            by_speaker.setdefault(speaker, set()).add(uid)
    containing = []
    for uid, speaker in frame.select("utterance_id", "speaker_entity_id").iter_rows():
        mine = f" {folded[uid]} "
        longer = [
            other
            for other in by_speaker.get(speaker, set())
            if other != uid
            and len(folded[other]) > len(folded[uid])
            and mine in f" {folded[other]} "
        ]
        containing.append(min(longer, key=lambda o: (-len(folded[o]), o)) if longer else None)
    return frame.with_columns(contained_in_utterance_id=pl.Series(containing, dtype=pl.String))

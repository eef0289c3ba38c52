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
    """Entity mentions per article, with canonical name and type (every article at
    once: for small corpora and tools; ``quotes_table`` reads one article at a time)."""
    mentions = _ArticleMentions(entity_mentions, entities)
    return {aid: mentions.of(aid) for aid in mentions.offsets}


class _ArticleMentions:
    """One article's mentions at a time, read from the joined frame (sorted by article)."""

    def __init__(self, entity_mentions: pl.DataFrame, entities: pl.DataFrame):
        self.joined = (
            entity_mentions.select("article_id", "mention_start", "mention_end", "entity_id")
            .join(entities.select("entity_id", "canonical_name", "type"), on="entity_id")
            .sort("article_id", "mention_start")
        )
        counts = self.joined.group_by("article_id", maintain_order=True).len()
        self.offsets: dict[str, tuple[int, int]] = {}
        offset = 0
        for aid, length in counts.iter_rows():
            self.offsets[aid] = (offset, length)
            offset += length

    def of(self, article_id: str) -> list[EntityMention]:
        if article_id not in self.offsets:
            return []
        rows = self.joined.slice(*self.offsets[article_id]).select(
            "mention_start", "mention_end", "entity_id", "canonical_name", "type"
        )
        return [EntityMention(*row) for row in rows.iter_rows()]


_ROWS_PER_FRAME = 5_000  # quotation rows held as Python objects at a time
_SCHEMA = {k: v for k, v in QUOTE_SCHEMA.items() if k != "contained_in_utterance_id"}


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

    Texts, mentions and rows are Python objects one article (or one chunk of rows)
    at a time, so memory does not grow with a second copy of the corpus.
    """
    mentions = _ArticleMentions(entity_mentions, entities)
    row_of = {aid: i for i, aid in enumerate(articles["article_id"].to_list())}
    texts = articles["text"]
    frames: list[pl.DataFrame] = []
    rows: list[tuple] = []
    parsed: set[str] = set()
    for done, (aid, doc) in enumerate(docs, start=1):
        text = texts[row_of[aid]]
        parsed.add(aid)
        quotes = find_quotes(text)
        for quote, who in zip(
            quotes, attribute_quotes(text, doc, quotes, mentions.of(aid)), strict=True
        ):
            body = text[quote.start : quote.end]
            rows.append(
                (
                    short_id(f"{aid}:{quote.start}:{quote.end}"),
                    aid,
                    quote.start,
                    quote.end,
                    body,
                    quote.kind,
                    quote.is_closed,
                    len(words(body)),
                    who.speaker.name if who.speaker else None,
                    who.speaker.entity_id if who.speaker else None,
                    None if who.speaker else who.description,
                    who.cue,
                    who.method,
                    short_id(fold(body)),
                )
            )
        if len(rows) >= _ROWS_PER_FRAME:
            frames.append(pl.DataFrame(rows, schema=_SCHEMA, orient="row"))
            rows = []
        if progress and (done % 100 == 0 or done == len(row_of)):
            progress(done, len(row_of))
    if unparsed := sorted(set(row_of) - parsed):
        raise ValueError(f"{len(unparsed)} articles have no parse (first: {unparsed[0]})")
    frames.append(pl.DataFrame(rows, schema=_SCHEMA, orient="row"))
    return _with_containment(pl.concat(frames)).sort("article_id", "quote_start")


def _with_containment(frame: pl.DataFrame) -> pl.DataFrame:
    """Point each quote to the longest other utterance of the same speaker containing it.

    Speaker by speaker: an utterance containing a quote's words contains its rarest
    word among the speaker's utterances, so only the utterances holding that word
    are compared."""
    containing: dict[tuple[str, str], str | None] = {}
    named = frame.filter(pl.col("speaker_entity_id").is_not_null())
    for (speaker,), own in named.group_by("speaker_entity_id", maintain_order=True):
        folded = {
            uid: fold(text) for uid, text in own.select("utterance_id", "quote_text").iter_rows()
        }
        holding: dict[str, set[str]] = {}
        for uid, text in folded.items():
            for word in set(text.split()):
                holding.setdefault(word, set()).add(uid)
        for uid, text in folded.items():
            words_ = set(text.split())
            if words_:
                rarest = min(words_, key=lambda w: (len(holding[w]), w))
                candidates: Iterable[str] = holding[rarest]
            else:
                candidates = folded
            mine = f" {text} "
            longer = [
                other
                for other in candidates
                if other != uid and len(folded[other]) > len(text) and mine in f" {folded[other]} "
            ]
            best = min(longer, key=lambda o: (-len(folded[o]), o)) if longer else None
            containing[(str(speaker), uid)] = best
    column = [
        containing.get((speaker, uid)) if speaker is not None else None
        for uid, speaker in frame.select("utterance_id", "speaker_entity_id").iter_rows()
    ]
    return frame.with_columns(contained_in_utterance_id=pl.Series(column, dtype=pl.String))

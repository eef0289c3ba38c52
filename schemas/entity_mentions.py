"""The ``entity_mentions`` table: every mention of an entity, with exact offsets."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields


class EntityMentions(pa.DataFrameModel):
    """Each place an article names an entity; ``articles.text[mention_start:mention_end]``
    equals ``mention_text``."""

    article_id: str = fields.article_id("The article (`articles.article_id`).")
    entity_id: str = fields.entity_id("The entity named (`entities.entity_id`).")
    mention_start: pl.Int64 = fields.offset("Start offset of the mention in `articles.text`.")
    mention_end: pl.Int64 = fields.offset("End offset (exclusive) of the mention in the text.")
    mention_text: str = pa.Field(
        str_length={"min_value": 1},
        description="The mention as written (the article text sliced at the offsets).",
    )
    model_label: str = pa.Field(
        nullable=True,
        description="The NER model's label for the span before correction; null when the "
        "mention was found only by the register's aliases, or as the named subject of a "
        "reporting verb that the model missed.",
    )
    resolution: str = pa.Field(
        isin=["register", "acronym", "short_name", "corpus_short_name", "name"],
        description="How the mention was resolved: `register` (a register alias), `acronym` "
        "(defined in the article), `short_name` (a surname after the full name in the same "
        "article), `corpus_short_name` (the only person in the corpus with that surname), "
        "`name` (its own name).",
    )

    class Config:
        """Validation settings."""

        strict = True
        coerce = True
        unique = ["article_id", "mention_start"]

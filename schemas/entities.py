"""The ``entities`` table: one row per canonical entity across the corpus."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields

ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LAW", "EVENT"]


class Entities(pa.DataFrameModel):
    """People, organizations, places and other named entities the articles mention.

    Mentions are found by a spaCy NER model (name and version in the manifest)
    and by the curated register's aliases, corrected by general rules (titles,
    possessives, leading articles, generic phrases, demonyms), and resolved to
    one canonical entity: within an article (short names, defined acronyms)
    and across the corpus (register, surnames, one type per name).
    """

    entity_id: str = fields.entity_id(
        "Stable identifier: first 16 hex digits of SHA-256 of `TYPE:canonical_name`.",
        unique=True,
    )
    canonical_name: str = pa.Field(
        str_length={"min_value": 1},
        description="Canonical name: the register's name for registered entities, otherwise "
        "the fullest name the articles use.",
    )
    type: str = pa.Field(
        isin=ENTITY_TYPES,
        description="OntoNotes entity type: PERSON, ORG, GPE (countries, cities, states), LOC, "
        "NORP (nationalities, religious and political groups), FAC, LAW, EVENT.",
    )
    wikidata_id: str = pa.Field(
        nullable=True,
        str_matches=r"^Q[1-9][0-9]*$",
        description="Wikidata item ID from the curated register, filled only where verified; "
        "null otherwise.",
    )
    in_register: bool = pa.Field(
        description="Whether the entity is in the curated register (data/entity_register.csv)."
    )
    aliases: fields.STRINGS = pa.Field(  # type: ignore[valid-type]
        description="The distinct surface forms the mentions use, sorted (a list; CSV: a "
        "JSON array)."
    )
    mention_count: pl.Int64 = pa.Field(ge=1, description="Number of rows in `entity_mentions`.")
    article_count: pl.Int64 = pa.Field(ge=1, description="Number of articles that mention it.")

    class Config:
        """Validation settings."""

        strict = True
        coerce = True
        unique = ["canonical_name", "type"]

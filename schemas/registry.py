"""The registry of published tables: model, primary key, foreign keys, order.

Belongs here: which tables a release holds and how they relate. Column-level
facts belong in each table's model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandera.polars as pa

from schemas.article_duplicates import ArticleDuplicates
from schemas.articles import Articles
from schemas.entities import Entities
from schemas.entity_mentions import EntityMentions
from schemas.quotes import Quotes
from schemas.rejections import Rejections


@dataclass(frozen=True)
class ForeignKey:
    """Columns of one table that must match the primary key of another."""

    fields: tuple[str, ...]
    reference_table: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TextSpan:
    """Offset columns whose slice of ``articles.text`` must equal a text column."""

    start: str
    end: str
    text: str


@dataclass(frozen=True)
class TableSpec:
    """A published table: its name, model and keys."""

    name: str
    model: type[pa.DataFrameModel]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)
    sort_by: tuple[str, ...] = ()
    spans: tuple[TextSpan, ...] = ()

    @property
    def description(self) -> str:
        """The model's docstring, which describes the table."""
        return " ".join((self.model.__doc__ or "").split())


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec("articles", Articles, ("article_id",), sort_by=("article_id",)),
        TableSpec(
            "article_duplicates",
            ArticleDuplicates,
            ("source_path", "source_record"),
            (ForeignKey(("article_id",), "articles", ("article_id",)),),
            sort_by=("source_path", "source_record"),
        ),
        TableSpec(
            "rejections",
            Rejections,
            ("source_path", "source_record"),
            sort_by=("source_path", "source_record"),
        ),
        TableSpec("entities", Entities, ("entity_id",), sort_by=("entity_id",)),
        TableSpec(
            "entity_mentions",
            EntityMentions,
            ("article_id", "mention_start"),
            (
                ForeignKey(("article_id",), "articles", ("article_id",)),
                ForeignKey(("entity_id",), "entities", ("entity_id",)),
            ),
            sort_by=("article_id", "mention_start"),
            spans=(TextSpan("mention_start", "mention_end", "mention_text"),),
        ),
        TableSpec(
            "quotes",
            Quotes,
            ("quote_id",),
            (
                ForeignKey(("article_id",), "articles", ("article_id",)),
                ForeignKey(("speaker_entity_id",), "entities", ("entity_id",)),
            ),
            sort_by=("article_id", "quote_start"),
            spans=(TextSpan("quote_start", "quote_end", "quote_text"),),
        ),
    ]
}

"""Corpus-level entity resolution and the ``entities`` / ``entity_mentions`` tables.

Belongs here: resolving every article (with acronyms defined anywhere in the
corpus), linking a surname used alone to the one
person in the corpus with that surname, giving one entity per real-world name
(one type, by majority of its mentions), stable entity IDs, and table assembly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import polars as pl

from pipelines.transforms.entities.article import acronym_definitions, resolve_article
from pipelines.transforms.entities.register import Register, RegisterEntry
from pipelines.transforms.entities.spans import Span
from pipelines.transforms.hashing import short_id
from schemas.derive import polars_schema
from schemas.entities import Entities
from schemas.entity_mentions import EntityMentions

MENTION_SCHEMA = polars_schema(EntityMentions)
ENTITY_SCHEMA = polars_schema(Entities)


def entity_id(canonical_name: str, entity_type: str) -> str:
    """Stable ID: first 16 hex digits of SHA-256 of ``TYPE:canonical name``."""
    return short_id(f"{entity_type}:{canonical_name}")


def resolve_corpus(
    articles: pl.DataFrame, raw_mentions: pl.DataFrame, register: Register
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Build the ``entities`` and ``entity_mentions`` tables.

    Args:
        articles: ``article_id`` and ``text`` of every published article.
        raw_mentions: Raw spans (``article_id``, ``start``, ``end``, ``label``, ``source``:
            ``ner`` for the model's, ``speaker`` for speakers the model missed).
        register: The curated entity register.

    Articles are resolved one at a time (in ``article_id`` order) into a columnar
    frame, a chunk of articles at a time, so memory holds one chunk's mentions as
    Python objects; the corpus-level rules (surname linking, one type per name) run
    on that frame.
    """
    raw = raw_mentions.select("article_id", "start", "end", "label", "source").sort(
        "article_id", maintain_order=True
    )
    offsets: dict[str, tuple[int, int]] = {}
    offset = 0
    for aid, length in raw.group_by("article_id", maintain_order=True).len().iter_rows():
        offsets[aid] = (offset, length)
        offset += length

    def raw_spans(aid: str) -> tuple[list[Span], list[Span]]:
        """One article's model spans and missed speakers, in their order."""
        spans: list[Span] = []
        speakers: list[Span] = []
        if aid in offsets:
            for _, start, end, label, source in raw.slice(*offsets[aid]).iter_rows():
                (speakers if source == "speaker" else spans).append(Span(start, end, label))
        return spans, speakers

    ids = articles["article_id"]
    order = ids.arg_sort()
    texts = articles["text"]
    acronyms = corpus_acronyms(
        t for start in range(0, len(texts), _CHUNK) for t in texts.slice(start, _CHUNK).to_list()
    )
    entries: dict[RegisterEntry, int] = {}
    chunks = []
    for first in range(0, len(order), _CHUNK):
        rows: list[tuple] = []
        positions = order.slice(first, _CHUNK)
        for aid, text in zip(
            ids.gather(positions).to_list(), texts.gather(positions).to_list(), strict=True
        ):
            spans, speakers = raw_spans(aid)
            mentions = resolve_article(text, spans, register, acronyms, speakers)
            rows.extend(
                (
                    aid,
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    m.model_label,
                    m.resolution,
                    m.canonical_name,
                    m.type,
                    None if m.entry is None else entries.setdefault(m.entry, len(entries)),
                )
                for m in mentions
            )
        chunks.append(pl.DataFrame(rows, schema=_RESOLVED, orient="row"))
    resolved = _majority_types(_link_corpus_surnames(pl.concat(chunks)), list(entries))
    return _entities(resolved, list(entries)), _mentions(resolved)


_CHUNK = 2_000  # articles resolved into Python objects at a time
# Each mention as resolved, before entity ids: the published mention and entity columns
# (types from the models), and the register entry it matched.
_RESOLVED: dict[str, pl.DataType | type[pl.DataType]] = {
    **{name: MENTION_SCHEMA[name] for name in MENTION_SCHEMA if name != "entity_id"},
    **{name: ENTITY_SCHEMA[name] for name in ("canonical_name", "type")},
    "entry": pl.Int64,  # index of the register entry, null when unregistered
}


def corpus_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms defined in the corpus with exactly one long form."""
    forms: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for acronym, long_form in acronym_definitions(text).items():
            forms[acronym].add(long_form)
    return {acronym: next(iter(longs)) for acronym, longs in forms.items() if len(longs) == 1}


def _link_corpus_surnames(resolved: pl.DataFrame) -> pl.DataFrame:
    """A lone surname with no full name in its article names the corpus's only person
    whose full name ends with it; with several such people it stays as written."""
    people = (
        resolved.filter((pl.col("type") == "PERSON") & pl.col("canonical_name").str.contains(" "))
        .select(
            surname=pl.col("canonical_name").str.split(" ").list.last(),
            person=pl.col("canonical_name"),
            person_entry=pl.col("entry"),
        )
        .unique()
        .filter(pl.len().over("surname") == 1)
    )
    linked = resolved.join(
        people, left_on="canonical_name", right_on="surname", how="left", maintain_order="left"
    )
    lone = (
        (pl.col("resolution") == "name")
        & ~pl.col("canonical_name").str.contains(" ")
        & pl.col("person").is_not_null()
    )
    return linked.with_columns(
        canonical_name=pl.when(lone).then("person").otherwise("canonical_name"),
        type=pl.when(lone).then(pl.lit("PERSON")).otherwise("type"),
        entry=pl.when(lone).then("person_entry").otherwise("entry"),
        resolution=pl.when(lone).then(pl.lit("corpus_short_name")).otherwise("resolution"),
    ).drop("person", "person_entry")


def _majority_types(resolved: pl.DataFrame, entries: list[RegisterEntry]) -> pl.DataFrame:
    """One type per unregistered name: the most frequent label (ties: alphabetical);
    a registered mention has its entry's type. Adds ``kind`` and ``entity_id``."""
    majority = (
        resolved.group_by("canonical_name", "type")
        .len()
        .sort("canonical_name", "len", "type", descending=[False, True, False])
        .group_by("canonical_name", maintain_order=True)
        .first()
        .select("canonical_name", majority="type")
    )
    entry_types = {i: e.type for i, e in enumerate(entries)}
    with_kind = resolved.join(majority, on="canonical_name", how="left", maintain_order="left")
    kind = pl.coalesce(
        pl.col("entry").replace_strict(entry_types, default=None, return_dtype=pl.String),
        "majority",
    )
    with_kind = with_kind.with_columns(kind=kind).drop("majority")
    pairs = with_kind.select("canonical_name", "kind").unique(maintain_order=True)
    pairs = pairs.with_columns(
        entity_id=pl.Series([entity_id(name, k) for name, k in pairs.iter_rows()], dtype=pl.String)
    )
    return with_kind.join(pairs, on=["canonical_name", "kind"], how="left", maintain_order="left")


def _mentions(resolved: pl.DataFrame) -> pl.DataFrame:
    columns = list(MENTION_SCHEMA)
    return resolved.select(columns).cast(MENTION_SCHEMA).sort("article_id", "mention_start")  # type: ignore[arg-type]


def _entities(resolved: pl.DataFrame, entries: list[RegisterEntry]) -> pl.DataFrame:
    grouped = resolved.group_by("entity_id", maintain_order=True).agg(
        canonical_name=pl.col("canonical_name").first(),
        type=pl.col("kind").first(),
        entry=pl.col("entry").first(),
        aliases=pl.col("mention_text").unique().sort(),
        mention_count=pl.len(),
        article_count=pl.col("article_id").n_unique(),
    )
    wikidata = [None if i is None else entries[i].wikidata_id for i in grouped["entry"].to_list()]
    frame = grouped.with_columns(
        wikidata_id=pl.Series(wikidata, dtype=pl.String),
        in_register=pl.col("entry").is_not_null(),
    )
    return frame.select(list(ENTITY_SCHEMA)).cast(ENTITY_SCHEMA).sort("entity_id")  # type: ignore[arg-type]

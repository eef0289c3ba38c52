"""Corpus-level entity resolution and the ``entities`` / ``entity_mentions`` tables.

Belongs here: resolving every article (with acronyms defined anywhere in the
corpus), linking a surname used alone to the one
person in the corpus with that surname, giving one entity per real-world name
(one type, by majority of its mentions), stable entity IDs, and table assembly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

import polars as pl

from pipelines.transforms.entities.article import acronym_definitions, resolve_article
from pipelines.transforms.entities.mention import Mention
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
    """
    spans: dict[str, list[Span]] = defaultdict(list)
    speakers: dict[str, list[Span]] = defaultdict(list)
    for article_id, start, end, label, source in raw_mentions.select(
        "article_id", "start", "end", "label", "source"
    ).iter_rows():
        (speakers if source == "speaker" else spans)[article_id].append(Span(start, end, label))
    texts = dict(articles.select("article_id", "text").iter_rows())
    acronyms = corpus_acronyms(texts.values())
    resolved = {
        aid: resolve_article(text, spans.get(aid, []), register, acronyms, speakers.get(aid, []))
        for aid, text in sorted(texts.items())
    }
    resolved = _link_corpus_surnames(resolved)
    types = _majority_types(resolved)
    rows = []
    for aid, mentions in resolved.items():
        for m in mentions:
            kind = m.entry.type if m.entry else types[m.canonical_name]
            rows.append(
                (
                    aid,
                    entity_id(m.canonical_name, kind),
                    m.start,
                    m.end,
                    texts[aid][m.start : m.end],
                    m.model_label,
                    m.resolution,
                    m.canonical_name,
                    kind,
                    m.entry,
                )
            )
    return _entities(rows), _mentions(rows)


def corpus_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms defined in the corpus with exactly one long form."""
    forms: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for acronym, long_form in acronym_definitions(text).items():
            forms[acronym].add(long_form)
    return {acronym: next(iter(longs)) for acronym, longs in forms.items() if len(longs) == 1}


def _link_corpus_surnames(resolved: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A lone surname with no full name in its article names the corpus's only person
    whose full name ends with it; with several such people it stays as written."""
    by_surname: dict[str, set[tuple[str, RegisterEntry | None]]] = defaultdict(set)
    for mentions in resolved.values():
        for m in mentions:
            if m.type == "PERSON" and " " in m.canonical_name:
                by_surname[m.canonical_name.split()[-1]].add((m.canonical_name, m.entry))
    linked = {}
    for aid, mentions in resolved.items():
        out = []
        for m in mentions:
            people = by_surname.get(m.canonical_name, set())
            if m.resolution == "name" and " " not in m.canonical_name and len(people) == 1:
                name, entry = next(iter(people))
                m = replace(
                    m,
                    canonical_name=name,
                    type="PERSON",
                    entry=entry,
                    resolution="corpus_short_name",
                )
            out.append(m)
        linked[aid] = out
    return linked


def _majority_types(resolved: dict[str, list[Mention]]) -> dict[str, str]:
    """One type per unregistered name: the most frequent label (ties: alphabetical)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for mentions in resolved.values():
        for m in mentions:
            counts[m.canonical_name][m.type] += 1
    return {name: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for name, c in counts.items()}


def _mentions(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame([r[:7] for r in rows], schema=MENTION_SCHEMA, orient="row").sort(
        "article_id", "mention_start"
    )


def _entities(rows: list[tuple]) -> pl.DataFrame:
    grouped: dict[str, dict] = {}
    for aid, eid, _, _, surface, _, _, name, kind, entry in rows:
        item = grouped.setdefault(
            eid,
            {
                "name": name,
                "type": kind,
                "entry": entry,
                "aliases": set(),
                "articles": set(),
                "mentions": 0,
            },
        )
        item["aliases"].add(surface)
        item["articles"].add(aid)
        item["mentions"] += 1
    records = [
        (
            eid,
            g["name"],
            g["type"],
            g["entry"].wikidata_id if g["entry"] else None,
            g["entry"] is not None,
            sorted(g["aliases"]),
            g["mentions"],
            len(g["articles"]),
        )
        for eid, g in grouped.items()
    ]
    return pl.DataFrame(records, schema=ENTITY_SCHEMA, orient="row").sort("entity_id")

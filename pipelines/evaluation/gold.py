"""Gold standards we may commit: the seeds' and the development corpus's.

Belongs here: reading ``tests/gold`` into uniform frames and checking that the
annotation is sound (offsets slice, splits are disjoint, licences recorded).
Every gold quotation is keyed by ``(doc, quote_start, quote_end)`` with offsets
into the raw input file's text, so seeds, the development corpus and external
corpora are scored the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from pipelines.resources import PROJECT_ROOT
from pipelines.transforms.entities.register import Register

GOLD_ROOT = PROJECT_ROOT / "tests" / "gold"
DEV_CORPUS = GOLD_ROOT / "dev"
SPLITS = ("dev", "test")
SPEAKER_KINDS = ("person", "organization", "document", "description", "crowd", "none")
SOURCE_KINDS = ("wire", "national", "local", "broadcast", "magazine", "public body", "community")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LAW", "EVENT")
_OPENING = re.compile(r"[“\"„«]\s*")

GOLD_QUOTE_SCHEMA = {
    "doc": pl.String,
    "quote_start": pl.Int64,
    "quote_end": pl.Int64,
    "speaker": pl.String,
    "speaker_kind": pl.String,
    "speaker_mention": pl.String,
    "cue": pl.String,
    "note": pl.String,
}


@dataclass(frozen=True)
class Gold:
    """One annotated corpus: where its files are and what they should yield.

    Attributes:
        name: Row label in reports.
        texts: Folder of the raw input files (file names are the ``doc`` keys).
        docs: The files that belong to this corpus (a split may use only some).
        quotes: ``GOLD_QUOTE_SCHEMA`` rows.
        entities: ``doc``, ``canonical_name``, ``type``, ``status`` (or None: not annotated).
        dates: ``doc``, ``published_date`` (or None: not annotated).
        lenient_speakers: Gold speakers are source spans as written ("Clinton"), not
            canonical names: a predicted speaker is right when they share a name word.
    """

    name: str
    texts: Path
    docs: tuple[str, ...]
    quotes: pl.DataFrame
    entities: pl.DataFrame | None
    dates: pl.DataFrame | None
    lenient_speakers: bool = False


def _read_csv(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False)


def dev_corpus(split: str, root: Path = DEV_CORPUS) -> Gold:
    """The ``dev`` or ``test`` half of the development corpus.

    Raises:
        ValueError: for an unknown split.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {SPLITS}")
    manifest = _read_csv(root / "manifest.csv").filter(pl.col("split") == split)
    docs = manifest["file"].to_list()
    quotes = (
        _read_csv(root / "quotes.csv")
        .filter(pl.col("file").is_in(docs))
        .rename({"file": "doc"})
        .with_columns(pl.col("quote_start", "quote_end").cast(pl.Int64))
        .select(list(GOLD_QUOTE_SCHEMA))
    )
    entities = (
        _read_csv(root / "entities.csv").filter(pl.col("file").is_in(docs)).rename({"file": "doc"})
    )
    dates = manifest.select(
        pl.col("file").alias("doc"), pl.col("published_date").str.to_date("%Y-%m-%d")
    )
    return Gold(f"dev corpus, {split} half", root / "texts", tuple(docs), quotes, entities, dates)


def seeds_gold(seeds: Path = PROJECT_ROOT / "seeds", root: Path = GOLD_ROOT) -> Gold:
    """The seeds' gold (``tests/gold/quotes.csv``, ``entities.csv``), located in the files.

    Raises:
        ValueError: naming a quotation not found exactly once after an opening mark.
    """
    rows = []
    for row in _read_csv(root / "quotes.csv").iter_rows(named=True):
        text = (seeds / row["source_path"]).read_text(encoding="utf-8-sig")
        start = locate_quote(text, row["quote_text"], row["source_path"])
        rows.append(
            {
                "doc": row["source_path"],
                "quote_start": start,
                "quote_end": start + len(row["quote_text"]),
                "speaker": row["speaker"],
                "speaker_kind": "person" if row["speaker"] else "none",
                "speaker_mention": None,
                "cue": None,
                "note": None,
            }
        )
    entities = (
        _read_csv(root / "entities.csv")
        .rename({"source_path": "doc"})
        .with_columns(status=pl.lit("required"))
    )
    docs = tuple(sorted(p.name for p in seeds.iterdir() if p.is_file()))
    quotes = pl.DataFrame(rows, schema=GOLD_QUOTE_SCHEMA)
    return Gold("seeds", seeds, docs, quotes, entities, None)


def with_register_names(gold: Gold, register: Register) -> Gold:
    """Gold speaker and entity names that the register knows, as its canonical names.

    The register is the dataset's naming convention ("Donald J. Trump" is published
    as "Donald Trump"); annotators wrote the fullest name the article uses.
    """

    def canonical(column: str) -> pl.Expr:
        return pl.col(column).map_elements(
            lambda name: entry.canonical_name if (entry := register.lookup(name)) else name,
            return_dtype=pl.String,
        )

    quotes = gold.quotes.with_columns(canonical("speaker").alias("speaker"))
    entities = (
        None
        if gold.entities is None
        else gold.entities.with_columns(canonical("canonical_name").alias("canonical_name"))
    )
    return replace(gold, quotes=quotes, entities=entities)


def locate_quote(text: str, quote: str, doc: str) -> int:
    """Offset of ``quote`` in ``text``: it must occur exactly once after an opening mark.

    Raises:
        ValueError: naming the document and quotation otherwise.
    """
    starts = [m.end() for m in _OPENING.finditer(text) if text.startswith(quote, m.end())]
    if len(starts) != 1:
        raise ValueError(
            f"{doc}: quotation {quote[:40]!r} found {len(starts)} times after an opening mark"
        )
    return starts[0]

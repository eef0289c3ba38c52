"""Exact and near-duplicate detection over article texts.

Belongs here: shingling, MinHash-LSH candidate search, exact Jaccard
confirmation, clustering, and the canonical-article rule. The input is a frame
of candidate articles; the output splits it into canonical articles and a
duplicates link table. No I/O, no Dagster.

Canonical rule (stated in the schema too): within a cluster, the article with
the earliest ``published_date`` (undated last), then the longest text, then the
smallest ``article_id``, then the smallest source path and record.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from datasketch import MinHash, MinHashLSH

from pipelines.transforms.text import fold
from schemas.article_duplicates import ArticleDuplicates
from schemas.derive import polars_schema

DEFAULT_THRESHOLD = 0.7
DEFAULT_SHINGLE_WORDS = 5
NUM_PERM = 128
# LSH finds candidates a little below the threshold; exact Jaccard decides.
_LSH_MARGIN = 0.1


@dataclass(frozen=True)
class DedupSettings:
    """Settings for near-duplicate detection."""

    threshold: float = DEFAULT_THRESHOLD
    shingle_words: int = DEFAULT_SHINGLE_WORDS


def shingles(text: str, size: int = DEFAULT_SHINGLE_WORDS) -> frozenset[str]:
    """Word ``size``-grams of the folded text (the whole text if it is shorter)."""
    tokens = fold(text).split()
    if len(tokens) <= size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def near_duplicate_pairs(sets: list[frozenset[str]], threshold: float) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, whose exact Jaccard is at least ``threshold``.

    Candidates come from MinHash-LSH (fixed seed, so results are reproducible)
    and are confirmed by exact Jaccard similarity.
    """
    lsh = MinHashLSH(threshold=max(0.05, threshold - _LSH_MARGIN), num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for index, shingle_set in enumerate(sets):
        if not shingle_set:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
        for other in lsh.query(signature):
            if jaccard(sets[other], shingle_set) >= threshold:
                pairs.add((other, index))
        lsh.insert(index, signature)
    return sorted(pairs)


def deduplicate(
    candidates: pl.DataFrame, settings: DedupSettings = DedupSettings()
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split candidate articles into canonical articles and duplicate links.

    Args:
        candidates: One row per cleaned article with at least ``article_id``,
            ``source_path``, ``source_record``, ``text``, ``published_date``
            and ``char_count``.
        settings: Jaccard threshold and shingle size.

    Returns:
        ``(canonical, duplicates)``: the canonical rows (same columns as the
        input) and one row per non-canonical article with ``source_path``,
        ``source_record``, ``duplicate_article_id``, ``article_id`` (the
        canonical one), ``similarity`` and ``method``.
    """
    ordered = candidates.sort(
        pl.col("published_date"),
        pl.col("char_count"),
        "article_id",
        "source_path",
        "source_record",
        descending=[False, True, False, False, False],
        nulls_last=True,
    )
    texts = ordered["text"].to_list()
    sets = [shingles(t, settings.shingle_words) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    folded = [fold(t) for t in texts]
    first_seen: dict[str, int] = {}
    exact_pairs = [(first_seen.setdefault(f, i), i) for i, f in enumerate(folded)]
    # Rows are in canonical order, so the smaller index always becomes the root.
    for i, j in exact_pairs + near_duplicate_pairs(sets, settings.threshold):
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)
    roots = [root(i) for i in range(len(texts))]
    links = [
        (i, r, 1.0 if folded[i] == folded[r] else jaccard(sets[i], sets[r]))
        for i, r in enumerate(roots)
        if i != r
    ]
    is_canonical = pl.Series([i == r for i, r in enumerate(roots)])
    canonical = ordered.filter(is_canonical).sort("article_id", "source_path")
    duplicates = _duplicate_frame(ordered, links, folded)
    return canonical, duplicates


def _duplicate_frame(
    ordered: pl.DataFrame, links: list[tuple[int, int, float]], folded: list[str]
) -> pl.DataFrame:
    ids = ordered["article_id"].to_list()
    paths = ordered["source_path"].to_list()
    records = ordered["source_record"].to_list()
    return pl.DataFrame(
        {
            "source_path": [paths[i] for i, _, _ in links],
            "source_record": [records[i] for i, _, _ in links],
            "duplicate_article_id": [ids[i] for i, _, _ in links],
            "article_id": [ids[r] for _, r, _ in links],
            "similarity": [round(s, 6) for _, _, s in links],
            "method": ["exact" if folded[i] == folded[r] else "near" for i, r, _ in links],
        },
        schema=polars_schema(ArticleDuplicates),
    ).sort("source_path", "source_record")

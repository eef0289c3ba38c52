"""Exact and near-duplicate detection over article texts.

Belongs here: shingling, MinHash-LSH candidate search, exact Jaccard
confirmation, clustering, and the canonical-article rule. Shingles are held as
sorted arrays of 64-bit BLAKE2b hashes (8 bytes each instead of a Python string
each, so memory stays small at 100,000 articles); Jaccard over them equals
Jaccard over the shingles unless two distinct shingles of a pair share a hash
(about one chance in 10^13 per pair of articles). The input is a frame
of candidate articles; the output splits it into canonical articles and a
duplicates link table. No I/O, no Dagster.

Canonical rule (stated in the schema too): within a cluster, the article with
the earliest ``published_date`` (undated last), then the longest text, then the
smallest ``article_id``, then the smallest source path and record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
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
_CHUNK = 2_000  # texts turned into Python strings at a time


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


def shingle_hashes(text: str, size: int = DEFAULT_SHINGLE_WORDS) -> np.ndarray:
    """The text's shingles as a sorted array of distinct 64-bit BLAKE2b hashes."""
    digests = [
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
        for s in shingles(text, size)
    ]
    return np.unique(np.array(digests, dtype=np.uint64))


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two :func:`shingle_hashes` arrays (1.0 for two empty ones)."""
    if not len(a) and not len(b):
        return 1.0
    both = len(np.intersect1d(a, b, assume_unique=True))
    return both / (len(a) + len(b) - both)


def _low32(value: np.uint64) -> int:
    """The MinHash input hash of a shingle hash: its low 32 bits (already uniform)."""
    return int(value) & 0xFFFFFFFF


def near_duplicate_pairs(
    count: int, hashes_of: Callable[[int], np.ndarray], threshold: float
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, among ``count`` texts whose Jaccard is at
    least ``threshold``.

    Candidates come from MinHash-LSH (fixed seed, so results are reproducible)
    and are confirmed by Jaccard over the hashed shingles. ``hashes_of(i)`` gives
    text ``i``'s :func:`shingle_hashes`; it is called once per text in index order
    and again only for a candidate's earlier text, so no text's shingles are kept.
    """
    lsh = MinHashLSH(threshold=max(0.05, threshold - _LSH_MARGIN), num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    scheme = MinHash(num_perm=NUM_PERM, seed=1)  # its permutations, drawn once, not per text
    for index in range(count):
        hashes = hashes_of(index)
        if not len(hashes):
            continue
        signature = MinHash(
            num_perm=NUM_PERM,
            seed=1,
            hashfunc=_low32,
            permutations=scheme.permutations,
            scheme=scheme.scheme,
        )
        signature.update_batch(hashes)
        for other in lsh.query(signature):
            if hashed_jaccard(hashes_of(other), hashes) >= threshold:
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

    Two texts are exact duplicates when their folded texts are equal (compared by
    a 128-bit BLAKE2b digest of each). Texts are read from the frame one at a
    time and no text's shingles are kept, so memory does not grow with a copy of
    the corpus.
    """
    order = (
        candidates.select(
            "published_date", "char_count", "article_id", "source_path", "source_record"
        )
        .with_row_index("row")
        .sort(
            pl.col("published_date"),
            pl.col("char_count"),
            "article_id",
            "source_path",
            "source_record",
            descending=[False, True, False, False, False],
            nulls_last=True,
        )["row"]
    )  # the candidates' rows in canonical order
    ordered = candidates.select("article_id", "source_path", "source_record")[order]
    ids = ordered["article_id"].to_list()
    rows, texts = order.to_list(), candidates["text"]
    size = settings.shingle_words

    def hashes_of(index: int) -> np.ndarray:
        return shingle_hashes(texts[rows[index]], size)

    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    folded = [
        hashlib.blake2b(fold(text).encode("utf-8"), digest_size=16).digest()
        for start in range(0, len(rows), _CHUNK)
        for text in texts.gather(order.slice(start, _CHUNK)).to_list()
    ]
    first_seen: dict[bytes, int] = {}
    exact_pairs = [(first_seen.setdefault(f, i), i) for i, f in enumerate(folded)]
    # Rows are in canonical order, so the smaller index always becomes the root.
    for i, j in exact_pairs + near_duplicate_pairs(len(ids), hashes_of, settings.threshold):
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)
    roots = [root(i) for i in range(len(ids))]
    links = [
        (i, r, 1.0 if folded[i] == folded[r] else hashed_jaccard(hashes_of(i), hashes_of(r)))
        for i, r in enumerate(roots)
        if i != r
    ]
    kept = order.filter(pl.Series([i == r for i, r in enumerate(roots)]))
    by_id = (  # the canonical rows in (article_id, source_path) order: one copy of the texts
        candidates.select("article_id", "source_path")
        .with_row_index("row")[kept.sort()]
        .sort("article_id", "source_path")["row"]
    )
    canonical = candidates[by_id]
    duplicates = _duplicate_frame(ordered, links, folded)
    return canonical, duplicates


def _duplicate_frame(
    ordered: pl.DataFrame, links: list[tuple[int, int, float]], folded: list[bytes]
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

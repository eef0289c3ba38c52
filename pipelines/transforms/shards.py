"""Which shard an article belongs to, when the per-article work is split into shards.

Belongs here: the shard names and the pure polars rule that puts each article in
exactly one shard, by its ``article_id`` (the first hex digits of the SHA-256 of its
folded text), so the split is stable across builds, machines and versions of polars
(no ``Expr.hash``, whose values polars does not promise to keep). Not here: the
Dagster partitions built from these names (``pipelines/partitions.py``).
"""

from __future__ import annotations

import polars as pl

_PREFIX = "shard-"
_HEX_DIGITS = 8  # 32 bits of the id: far more than any shard count


def shard_names(count: int) -> list[str]:
    """The names of ``count`` shards: ``shard-00``, ``shard-01``, … (zero-padded, so they
    sort in shard order).

    Raises:
        ValueError: if ``count`` is below 2 (one shard is no split).
    """
    if count < 2:
        raise ValueError(f"a split needs at least 2 shards, not {count}")
    width = max(2, len(str(count - 1)))
    return [f"{_PREFIX}{index:0{width}d}" for index in range(count)]


def shard_index(name: str) -> int:
    """The number of a shard from its name (``shard-07`` → 7)."""
    if not name.startswith(_PREFIX) or not name[len(_PREFIX) :].isdigit():
        raise ValueError(f"not a shard name: {name!r} (expected e.g. {_PREFIX}00)")
    return int(name[len(_PREFIX) :])


def shard_of(count: int, article_id: str | pl.Expr = "article_id") -> pl.Expr:
    """The shard number (0 … count-1) of each article, from its hex ``article_id``."""
    column = pl.col(article_id) if isinstance(article_id, str) else article_id
    return column.str.slice(0, _HEX_DIGITS).str.to_integer(base=16) % count


def in_shards(frame: pl.DataFrame, names: list[str], count: int) -> pl.DataFrame:
    """The rows of ``frame`` whose article falls in one of the shards ``names``."""
    wanted = [shard_index(name) for name in names]
    return frame.filter(shard_of(count).is_in(wanted))


def split_shards(frame: pl.DataFrame, names: list[str], count: int) -> dict[str, pl.DataFrame]:
    """``frame`` cut into the shards ``names`` (each row in the shard of its article, row
    order kept; a shard with no rows gets an empty frame of the same columns)."""
    numbered = frame.with_columns(shard_of(count).alias("__shard"))
    return {
        name: numbered.filter(pl.col("__shard") == shard_index(name)).drop("__shard")
        for name in names
    }


def in_article_order(frame: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """``frame``'s rows in the order of their articles in ``articles`` (stable: rows of one
    article keep their order), so shards joined back give the unsplit frame."""
    order = articles.select("article_id").with_row_index("__order")
    return (
        frame.join(order, on="article_id", how="left", maintain_order="left")
        .sort("__order", maintain_order=True)
        .drop("__order")
    )

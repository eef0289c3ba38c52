"""Shards: the per-article NLP work as Dagster partitions (opt-in, ``NEWSDATA_SHARDS``).

Belongs here: the Dagster side of sharding. With ``NEWSDATA_SHARDS=N`` (N ≥ 2) the
per-article stages (``SHARDED_ASSETS``: the shared parse and the raw entity spans) get
a static partitions definition of N hash shards of the articles, so a backfill runs one
run per shard, each on whatever executor the deployment configured (the multiprocess
executor, or a Dask cluster spanning machines). Corpus-wide stages (ingest, dedup,
entity resolution, quotes, release) stay unpartitioned and read every shard. Without
the setting nothing is partitioned and a build is one run, as before.

Also here: which shards a step covers, joining a sharded input into one frame, cutting
an output into its shards, and the run tags that build every shard in one run (what
``python -m pipelines.build`` and the seeds sensor use). Which article falls in which
shard is pure polars in ``transforms/shards.py``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetsDefinition,
    BackfillPolicy,
    StaticPartitionsDefinition,
)

from pipelines.transforms.shards import in_article_order, in_shards, shard_names, split_shards

SHARDED_ASSETS = ("parsed_articles", "model_entity_spans")
# A sharded asset's value downstream: one frame, or shard name → frame. Annotated as Any
# because Dagster cannot type-check a union; ``one_frame`` makes it one frame.
MaybeSharded = Any
SHARDS_VARIABLE = "NEWSDATA_SHARDS"
_RANGE_START = "dagster/asset_partition_range_start"
_RANGE_END = "dagster/asset_partition_range_end"


def shard_count(value: str | None = None) -> int:
    """The number of shards ``NEWSDATA_SHARDS`` asks for (0: no sharding).

    Raises:
        ValueError: if the value is not a whole number, or is 1 or negative.
    """
    raw = os.environ.get(SHARDS_VARIABLE, "") if value is None else value
    if raw.strip() in ("", "0"):
        return 0
    if not raw.strip().isdigit() or int(raw) < 2:
        raise ValueError(
            f"{SHARDS_VARIABLE}={raw!r}: give a whole number of shards, 2 or more "
            "(or 0 / unset for no sharding)"
        )
    return int(raw)


def sharded(assets: Sequence[Any], count: int) -> list[Any]:
    """``assets`` with the ``SHARDED_ASSETS`` partitioned into ``count`` shards (one
    shard per backfill run); unchanged when ``count`` is 0."""
    if not count:
        return list(assets)
    shards = StaticPartitionsDefinition(shard_names(count))
    out = []
    for definition in assets:
        if isinstance(definition, AssetsDefinition) and any(
            key.to_user_string() in SHARDED_ASSETS for key in definition.keys
        ):
            definition = definition.map_asset_specs(
                lambda spec: spec.replace_attributes(partitions_def=shards)
            ).with_attributes(backfill_policy=BackfillPolicy.multi_run(1))
        out.append(definition)
    return out


@dataclass(frozen=True)
class Shards:
    """The shards one step builds (``names``) out of a split into ``count``."""

    names: list[str]
    count: int

    def select(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows of ``frame`` whose article is in these shards."""
        return in_shards(frame, self.names, self.count)

    def output(self, frame: pl.DataFrame):
        """What the step returns: ``frame`` for one shard, else shard name → that shard's
        rows (the IO manager stores each shard in its own file)."""
        if len(self.names) == 1:
            return frame
        return split_shards(frame, self.names, self.count)


def covered_shards(context: AssetExecutionContext) -> Shards | None:
    """The shards this step builds (one in a backfill run, all in a whole-build run), or
    None when the asset is not sharded."""
    if not (context.has_partition_key or context.has_partition_key_range):
        return None
    split = context.assets_def.partitions_def
    return Shards(list(context.partition_keys), len(split.get_partition_keys()))


def one_frame(
    value: pl.DataFrame | dict[str, pl.DataFrame], articles: pl.DataFrame
) -> pl.DataFrame:
    """A sharded input (shard name → frame) as one frame in the articles' order; an
    unsharded frame as it is."""
    if isinstance(value, pl.DataFrame):
        return value
    if not value:
        raise ValueError("a sharded input has no shards: build every shard first")
    return in_article_order(pl.concat([value[k] for k in sorted(value)]), articles)


def whole_build_tags(count: int | None = None) -> dict[str, str]:
    """Run tags that build every shard in one run (none when not sharded)."""
    count = shard_count() if count is None else count
    if not count:
        return {}
    names = shard_names(count)
    return {_RANGE_START: names[0], _RANGE_END: names[-1]}

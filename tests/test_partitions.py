"""Sharding the NLP stages (``NEWSDATA_SHARDS``): the setting, the partitioned assets,
and a whole build over every shard in one run giving the unsharded tables."""

import polars as pl
import pytest
from dagster import AssetKey, BackfillPolicy

from pipelines.definitions import build_defs
from pipelines.partitions import SHARDED_ASSETS, shard_count, whole_build_tags
from pipelines.transforms.shards import shard_of
from tests.conftest import SEEDS, run_build


@pytest.mark.parametrize(("value", "count"), [("", 0), ("0", 0), (" 4 ", 4), ("16", 16)])
def test_the_shard_setting_is_a_count_or_nothing(value, count):
    assert shard_count(value) == count


@pytest.mark.parametrize("value", ["1", "-3", "two", "2.5"])
def test_a_bad_shard_setting_is_refused_with_its_name(value):
    with pytest.raises(ValueError, match="NEWSDATA_SHARDS"):
        shard_count(value)


def test_only_the_nlp_stages_are_partitioned_one_shard_per_backfill_run():
    graph = build_defs(shards=4).resolve_asset_graph()
    partitioned = {
        key.to_user_string()
        for key in graph.get_all_asset_keys()
        if graph.get(key).partitions_def is not None
    }
    assert partitioned == set(SHARDED_ASSETS)
    parse = graph.get(AssetKey("parsed_articles"))
    assert parse.partitions_def.get_partition_keys() == [f"shard-0{i}" for i in range(4)]
    assert graph.get(AssetKey("model_entity_spans")).backfill_policy == BackfillPolicy.multi_run(1)


def test_without_the_setting_nothing_is_partitioned():
    graph = build_defs(shards=0).resolve_asset_graph()
    assert all(graph.get(k).partitions_def is None for k in graph.get_all_asset_keys())
    assert whole_build_tags(0) == {}


def test_a_whole_build_run_covers_the_first_to_the_last_shard():
    assert whole_build_tags(3) == {
        "dagster/asset_partition_range_start": "shard-00",
        "dagster/asset_partition_range_end": "shard-02",
    }


def test_a_sharded_build_in_one_run_publishes_the_unsharded_tables(seeds_build, tmp_path):
    build = run_build(SEEDS, tmp_path, shards=3)
    assert build.result.success
    for table in ("articles", "article_duplicates", "entities", "entity_mentions", "quotes"):
        assert build.table(table).equals(seeds_build.table(table)), table
    # each shard in its own file, holding exactly the articles of that shard
    parsed = []
    for index in range(3):
        shard = pl.read_parquet(
            tmp_path / "storage" / "parsed_articles" / f"shard-0{index}.parquet"
        )
        assert set(shard.select(shard_of(3))["article_id"]) <= {index}
        parsed.append(shard)
    assert sorted(pl.concat(parsed)["article_id"]) == sorted(
        seeds_build.table("articles")["article_id"]
    )

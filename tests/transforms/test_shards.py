"""Shards: stable names, each article in exactly one shard, order restored."""

import polars as pl
import pytest

from pipelines.transforms.shards import (
    in_article_order,
    in_shards,
    shard_index,
    shard_names,
    shard_of,
    split_shards,
)

IDS = ["00000000aaaaaaaa", "00000005bbbbbbbb", "ffffffffcccccccc", "0000000a11111111"]


def test_shard_names_are_zero_padded_and_sort_in_order():
    assert shard_names(3) == ["shard-00", "shard-01", "shard-02"]
    assert shard_names(120)[-1] == "shard-119"
    assert shard_names(120)[:2] == ["shard-000", "shard-001"]


@pytest.mark.parametrize("count", [0, 1, -2])
def test_fewer_than_two_shards_is_no_split(count):
    with pytest.raises(ValueError, match="at least 2 shards"):
        shard_names(count)


def test_shard_index_reads_the_number_and_refuses_other_names():
    assert shard_index("shard-07") == 7
    with pytest.raises(ValueError, match="not a shard name"):
        shard_index("part-07")


def test_the_shard_of_an_article_is_its_id_prefix_modulo_the_count():
    frame = pl.DataFrame({"article_id": IDS})
    # 0x0, 0x5, 0xffffffff (4294967295) and 0xa, modulo 3
    assert frame.select(shard_of(3))["article_id"].to_list() == [0, 2, 0, 1]


def test_split_puts_every_row_in_the_shard_of_its_article_in_order():
    frame = pl.DataFrame({"article_id": IDS + IDS[:1], "n": [1, 2, 3, 4, 5]})
    split = split_shards(frame, shard_names(3), 3)
    assert {k: v["n"].to_list() for k, v in split.items()} == {
        "shard-00": [1, 3, 5],
        "shard-01": [4],
        "shard-02": [2],
    }
    assert split["shard-01"].columns == ["article_id", "n"]
    assert in_shards(frame, ["shard-01", "shard-02"], 3)["n"].to_list() == [2, 4]


def test_shards_joined_back_in_article_order_give_the_unsplit_frame():
    articles = pl.DataFrame({"article_id": IDS})
    frame = pl.DataFrame({"article_id": [IDS[0], IDS[1], IDS[1], IDS[3]], "n": [1, 2, 3, 4]})
    split = split_shards(frame, shard_names(3), 3)
    joined = pl.concat([split[k] for k in sorted(split)])
    assert joined["n"].to_list() == [1, 4, 2, 3]
    assert in_article_order(joined, articles).equals(frame)

"""Intermediate storage is any fsspec URL: a whole build through ``memory://``."""

import fsspec

from tests.conftest import SEEDS, run_build


def test_a_build_with_intermediates_in_a_non_local_filesystem_publishes_the_same_tables(
    seeds_build, tmp_path
):
    memory = fsspec.filesystem("memory")
    build = run_build(SEEDS, tmp_path, storage="memory://newsdata-test/intermediate")
    try:
        assert build.result.success
        stored = {path.rsplit("/", 1)[-1] for path in memory.find("/newsdata-test/intermediate")}
        assert {"parsed_articles.parquet", "quotes.parquet", "entities.parquet"} <= stored
        assert not (tmp_path / "storage").exists()  # nothing went to the local default
        for table in ("articles", "entities", "entity_mentions", "quotes"):
            assert build.table(table).equals(seeds_build.table(table)), table
    finally:
        memory.rm("/newsdata-test", recursive=True)

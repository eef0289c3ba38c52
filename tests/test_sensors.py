"""The seeds sensor requests a build when the seeds folder changes."""

import os

from dagster import DagsterInstance, RunRequest, SkipReason, build_sensor_context

from pipelines.resources import PipelineSettings
from pipelines.sensors import seeds_sensor


def evaluate(folder, cursor):
    with DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(
            instance=instance,
            cursor=cursor,
            resources={"settings": PipelineSettings(seeds_dir=str(folder))},
        )
        result = seeds_sensor(context)
        return result, context.cursor


def test_first_tick_records_state_then_changes_request_runs(tmp_path):
    (tmp_path / "a.txt").write_text("First article.")
    result, cursor = evaluate(tmp_path, None)
    assert isinstance(result, SkipReason) and cursor
    result, same = evaluate(tmp_path, cursor)
    assert isinstance(result, SkipReason) and same == cursor
    (tmp_path / "b.txt").write_text("Second article.")
    result, added = evaluate(tmp_path, cursor)
    assert isinstance(result, RunRequest) and result.run_key == added != cursor
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    result, changed = evaluate(tmp_path, added)
    assert isinstance(result, RunRequest) and changed != added


def test_with_sharded_nlp_stages_a_requested_run_covers_every_shard(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDATA_SHARDS", "3")
    (tmp_path / "a.txt").write_text("First article.")
    _, cursor = evaluate(tmp_path, None)
    (tmp_path / "b.txt").write_text("Second article.")
    result, _ = evaluate(tmp_path, cursor)
    assert isinstance(result, RunRequest)
    assert result.tags["dagster/asset_partition_range_start"] == "shard-00"
    assert result.tags["dagster/asset_partition_range_end"] == "shard-02"

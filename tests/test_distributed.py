"""Builds on a distributed engine, chosen by configuration only: Dask.

First, the real ``dagster job execute`` command on the ``build_dataset`` job with
``NEWSDATA_EXECUTOR=dask`` and a run config that starts a local Dask cluster of
two worker processes (``cluster: local``; on several machines the same config
names an existing scheduler instead, see docs/deployment.md): every step runs on
a Dask worker. Then a sharded backfill (``NEWSDATA_SHARDS=3``) through the real
webserver and daemon, its runs sharing one Dask cluster. Both must publish the
in-process build's tables.
"""

import os
import re
import subprocess
import sys
import time

import polars as pl
import yaml
from distributed import LocalCluster
from distributed.diagnostics.plugin import SchedulerPlugin

from pipelines.executors import task_key
from pipelines.transforms.shards import shard_names
from tests.conftest import SEEDS
from tests.ui.conftest import serve

RUN_CONFIG = {
    "execution": {"config": {"cluster": {"local": {"n_workers": 2, "threads_per_worker": 1}}}}
}


def test_the_dask_executor_on_a_local_cluster_publishes_the_in_process_tables(
    seeds_build, tmp_path
):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump(RUN_CONFIG))
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "NEWSDATA_EXECUTOR": "dask",
        "NEWSDATA_SEEDS_DIR": str(SEEDS),
        "NEWSDATA_DATASET_ROOT": str(tmp_path / "datasets"),
        "NEWSDATA_STORAGE_DIR": str(tmp_path / "storage"),
        "NEWSDATA_PARSE_CACHE": "off",
    }
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    run = subprocess.run(
        [dagster, "job", "execute", "-m", "pipelines.definitions", "-j", "build_dataset",
         "-c", str(config)],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-6000:]
    # the run's own process orchestrates; every step starts in a Dask worker process
    (orchestrator,) = set(re.findall(r" - (\d+) - RUN_START", log))
    workers = set(re.findall(r" - (\d+) - \w+ - STEP_START", log))
    assert workers and orchestrator not in workers
    (version,) = [p for p in (tmp_path / "datasets").iterdir() if p.is_dir()]
    for table in ("articles", "article_duplicates", "entities", "entity_mentions", "quotes"):
        published = pl.read_parquet(version / f"{table}.parquet")
        assert published.equals(seeds_build.table(table)), table


LAUNCH_BACKFILL = """mutation($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename ... on LaunchBackfillSuccess { backfillId } ... on Error { message } } }"""
BACKFILL = """query($id: String!) { partitionBackfillOrError(backfillId: $id) {
  __typename ... on PartitionBackfill { status
    runs { runId status tags { key value } } } } }"""
ASSET_KEYS = "{ assetNodes { assetKey { path } } }"
SHARDS = 3


class _FinishedTasks(SchedulerPlugin):
    """Records the key of every task the Dask scheduler saw finish."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def transition(self, key, start, finish, *args, **kwargs) -> None:
        if finish == "memory":
            self.keys.add(str(key))


def _wait_for_backfill(server, backfill_id: str, timeout: float = 900) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        backfill = server.graphql(BACKFILL, {"id": backfill_id})["partitionBackfillOrError"]
        if backfill["status"] not in {"REQUESTED", "CANCELING", "FAILING"}:
            return backfill
        time.sleep(3)
    raise TimeoutError(f"backfill {backfill_id} did not finish within {timeout}s")


def test_a_sharded_backfill_on_one_dask_cluster_publishes_the_in_process_tables(
    seeds_build, tmp_path, monkeypatch
):
    """The real webserver and daemon, ``NEWSDATA_SHARDS=3`` and the Dask executor: a
    backfill of every asset over every shard runs one run per shard, concurrently, on one
    shared Dask cluster (as several machines would share a scheduler), and the tables
    it publishes equal the unsharded in-process build's."""
    env = {
        "NEWSDATA_SHARDS": str(SHARDS),
        "NEWSDATA_EXECUTOR": "dask",
        "NEWSDATA_SEEDS_DIR": str(SEEDS),
        "NEWSDATA_DATASET_ROOT": str(tmp_path / "datasets"),
        "NEWSDATA_STORAGE_DIR": str(tmp_path / "storage"),
        "NEWSDATA_PARSE_CACHE": "off",  # parses travel in the intermediate files
        "NEWSDATA_RESULT_CACHE": "off",  # every shard really computed
        "DAGSTER_HOME": str(tmp_path / "home"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
    }
    for name, value in env.items():  # the Dask workers start with this environment
        monkeypatch.setenv(name, value)
    finished = _FinishedTasks()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, serve(tmp_path, **env) as server:  # fmt: skip
        cluster.scheduler.add_plugin(finished)
        keys = [n["assetKey"] for n in server.graphql(ASSET_KEYS)["assetNodes"]]
        shared = {"existing": {"address": cluster.scheduler_address}}
        params = {
            "assetSelection": keys,
            "allPartitions": True,
            "runConfigData": {"execution": {"config": {"cluster": shared}}},
        }
        launched = server.graphql(LAUNCH_BACKFILL, {"params": params})["launchPartitionBackfill"]
        assert launched["__typename"] == "LaunchBackfillSuccess", launched
        backfill = _wait_for_backfill(server, launched["backfillId"])

    assert backfill["status"] == "COMPLETED_SUCCESS", backfill
    runs = backfill["runs"]
    assert {r["status"] for r in runs} == {"SUCCESS"}
    by_shard = {}  # a backfill run of one shard is tagged with a range of that shard
    for run in runs:
        tags = {tag["key"]: tag["value"] for tag in run["tags"]}
        first, last = (tags.get(f"dagster/asset_partition_range_{e}") for e in ("start", "end"))
        if first is not None:
            assert first == last, tags
            by_shard[first] = run["runId"]
    assert sorted(by_shard) == shard_names(SHARDS)  # one run per shard
    assert len(runs) == SHARDS + 2  # and one before them, one after: the corpus-wide stages
    for run_id in by_shard.values():  # each shard's steps ran on the Dask cluster
        for step in ("parsed_articles", "model_entity_spans"):
            assert task_key("__ASSET_JOB", step, run_id) in finished.keys
    for shard in shard_names(SHARDS):
        assert (tmp_path / "storage" / "parsed_articles" / f"{shard}.parquet").is_file()
    (version,) = [p for p in (tmp_path / "datasets").iterdir() if p.is_dir()]
    for table in ("articles", "article_duplicates", "entities", "entity_mentions", "quotes"):
        published = pl.read_parquet(version / f"{table}.parquet")
        assert published.equals(seeds_build.table(table)), table

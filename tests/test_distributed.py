"""A build on a distributed engine, chosen by configuration only: Dask.

Runs the real ``dagster job execute`` command on the ``build_dataset`` job with
``NEWSDATA_EXECUTOR=dask`` and a run config that starts a local Dask cluster of
two worker processes (``cluster: local``; on several machines the same config
names an existing scheduler instead, see docs/deployment.md). Every step runs on
a Dask worker; the published tables must equal the in-process build's.
"""

import os
import re
import subprocess
import sys

import polars as pl
import yaml

from tests.conftest import SEEDS

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

"""`python -m pipelines.build`: the job runs, the summary closes the output, and
validation never publishes."""

import os
import shutil
import subprocess
import sys

from pipelines.resources import PROJECT_ROOT
from tests.conftest import SEEDS


def _build(tmp_path, *args, seeds=SEEDS, datasets=None, **extra):
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "home"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "NEWSDATA_SEEDS_DIR": str(seeds),
        "NEWSDATA_DATASET_ROOT": str(datasets or tmp_path / "datasets"),
        "NEWSDATA_STORAGE_DIR": str(tmp_path / "storage"),
    }
    env = {**env, **extra}
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return subprocess.run(
        [sys.executable, "-m", "pipelines.build", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_validation_publishes_nothing_and_refuses_an_unpublished_version(tmp_path):
    done = _build(tmp_path, "--job", "ci_validation")
    assert done.returncode == 1
    assert "is not published" in done.stdout + done.stderr
    assert "failed step dataset_release" in done.stdout
    assert not any((tmp_path / "datasets").glob("*/SHA256SUMS"))


def test_a_build_ends_with_its_summary_then_validation_reproduces_it(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    built = _build(tmp_path, seeds=seeds)
    assert built.returncode == 0, built.stderr[-2000:]
    tail = built.stdout.strip().splitlines()[-6:]
    assert tail[0].startswith("build_dataset succeeded in ")
    assert tail[1:5] == [
        "  inputs:     5 files",
        "  articles:   5; duplicates: 0; rejections: 0",
        "  entities:   30; mentions: 160; quotes: 26",
        "  checks:     14 passed, 0 failed",
    ]
    assert tail[5].startswith("  dataset:    version ") and "published (pinned)" in tail[5]
    assert "DEBUG" not in built.stderr
    validated = _build(tmp_path, "--job", "ci_validation", seeds=seeds)
    assert validated.returncode == 0
    assert "unchanged (verify)" in validated.stdout.splitlines()[-1]


def test_a_sharded_build_runs_every_shard_in_its_one_run(tmp_path):
    built = _build(tmp_path, NEWSDATA_SHARDS="2")
    assert built.returncode == 0, built.stderr[-2000:]
    tail = built.stdout.strip().splitlines()[-6:]
    assert tail[2:5] == [
        "  articles:   5; duplicates: 0; rejections: 0",
        "  entities:   30; mentions: 160; quotes: 26",
        "  checks:     14 passed, 0 failed",
    ]
    shards = sorted(p.name for p in (tmp_path / "storage" / "parsed_articles").iterdir())
    assert shards == ["shard-00.parquet", "shard-01.parquet"]

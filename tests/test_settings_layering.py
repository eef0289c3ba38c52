"""Settings from the environment and from a run config layer: a run config that sets
one field keeps the folders the environment names."""

import os
import subprocess
import sys

from pipelines.resources import PROJECT_ROOT

PROBE = """
from dagster import Definitions, asset
from pipelines.resources import PipelineSettings

@asset
def probe(settings: PipelineSettings) -> None:
    print("SETTINGS", settings.seeds_dir, settings.dataset_root, settings.version)

defs = Definitions(assets=[probe], resources={"settings": PipelineSettings()})
config = {"resources": {"settings": {"config": {"version": "9.9.9"}}}}
defs.resolve_implicit_global_asset_job_def().execute_in_process(run_config=config)
"""


def test_a_run_config_keeps_the_environment_folders(tmp_path):
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path),
        "NEWSDATA_SEEDS_DIR": "/elsewhere/seeds",
        "NEWSDATA_DATASET_ROOT": "/elsewhere/datasets",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (line,) = [x for x in done.stdout.splitlines() if x.startswith("SETTINGS")]
    assert line == "SETTINGS /elsewhere/seeds /elsewhere/datasets 9.9.9"

"""Through the real daemon: with the seeds sensor on, adding an article publishes the
next version by itself, with its CHANGELOG entry."""

import shutil
import time

import pytest

from pipelines.resources import PROJECT_ROOT, load_dataset_metadata
from tests.conftest import SEEDS
from tests.ui.conftest import serve

START_SENSOR = """mutation($selector: SensorSelector!) { startSensor(sensorSelector: $selector) {
  __typename ... on Sensor { sensorState { status } } ... on PythonError { message } } }"""
TICKS = """query($selector: SensorSelector!) { sensorOrError(sensorSelector: $selector) {
  __typename ... on Sensor { sensorState { ticks(limit: 10) { status runIds skipReason } } } } }"""
TICK_TIMEOUT = 240


def _ticks(server, selector):
    data = server.graphql(TICKS, {"selector": selector})["sensorOrError"]
    return data["sensorState"]["ticks"]


def _wait_for_tick(server, selector, predicate):
    deadline = time.monotonic() + TICK_TIMEOUT
    while time.monotonic() < deadline:
        ticks = [t for t in _ticks(server, selector) if predicate(t)]
        if ticks:
            return ticks[0]
        time.sleep(3)
    raise TimeoutError(
        f"no matching sensor tick within {TICK_TIMEOUT}s: {_ticks(server, selector)}"
    )


@pytest.fixture(scope="module")
def sensor_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("sensor_dev")
    seeds = work / "seeds"
    shutil.copytree(SEEDS, seeds)
    # The published state of the repository: its current version and changelog.
    current = load_dataset_metadata().version
    datasets = work / "datasets"
    datasets.mkdir()
    shutil.copytree(PROJECT_ROOT / "datasets" / current, datasets / current)
    shutil.copy(PROJECT_ROOT / "datasets" / "CHANGELOG.md", datasets / "CHANGELOG.md")
    with serve(work, NEWSDATA_SEEDS_DIR=str(seeds)) as server:
        yield server, seeds, current


def test_adding_an_article_publishes_the_next_version(sensor_server):
    server, seeds, current = sensor_server
    selector = {
        "repositoryLocationName": server.location,
        "repositoryName": "__repository__",
        "sensorName": "seeds_sensor",
    }
    started = server.graphql(START_SENSOR, {"selector": selector})["startSensor"]
    assert started["sensorState"]["status"] == "RUNNING", started
    _wait_for_tick(server, selector, lambda t: t["status"] == "SKIPPED")  # state recorded
    (seeds / "harbor_ferry.txt").write_text(
        "Harbor ferry to run all winter\n\nMarch 4, 2025\n\n"
        "The Harbor Transit Authority said on Monday that the ferry between the two piers "
        "will run all winter for the first time in a decade.\n\n"
        "“Riders asked for it and we listened,” said Omar Haddad, a spokesman.\n",
        encoding="utf-8",
    )
    tick = _wait_for_tick(server, selector, lambda t: t["status"] == "SUCCESS" and t["runIds"])
    (run_id,) = tick["runIds"]
    assert server.wait_for_run(run_id) == "SUCCESS"
    major, minor, _ = (int(p) for p in current.split("."))
    expected = f"{major}.{minor + 1}.0"  # an article added: a minor release
    assert (server.dataset_root / "latest").read_text() == f"{expected}\n"
    assert (server.dataset_root / expected / "SHA256SUMS").exists()
    log = (server.dataset_root / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = log[log.index(f"## {expected} — ") : log.index(f"## {current} — ")]
    assert f"Published automatically: a minor release over {current}" in entry
    assert "- `articles`: 1 row added.\n" in entry

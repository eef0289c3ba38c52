"""A real ``dagster dev`` (webserver and daemon) on a free 127.0.0.1 port, per test module.

Builds go to a temporary dataset root and storage (``NEWSDATA_*`` variables), the
instance lives in a temporary ``DAGSTER_HOME`` with telemetry off, and the whole
process group is stopped whatever happens.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from pipelines.resources import PROJECT_ROOT

LOCATION_QUERY = """{ workspaceOrError { __typename ... on Workspace { locationEntries {
  name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }"""
RUN_QUERY = """query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"""
LOAD_TIMEOUT = 240
RUN_TIMEOUT = 600


@dataclass
class DagsterServer:
    """Where the server listens and where its builds go."""

    url: str
    home: Path
    dataset_root: Path
    location: str

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        response = requests.post(
            f"{self.url}/graphql", json={"query": query, "variables": variables or {}}, timeout=30
        )
        response.raise_for_status()
        payload = response.json()
        assert "errors" not in payload, payload["errors"]
        return payload["data"]

    def wait_for_run(self, run_id: str) -> str:
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline:
            status = self.graphql(RUN_QUERY, {"id": run_id})["runOrError"]["status"]
            if status in {"SUCCESS", "FAILURE", "CANCELED"}:
                return status
            time.sleep(2)
        raise TimeoutError(f"run {run_id} did not finish within {RUN_TIMEOUT}s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_loaded(server: DagsterServer, process: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + LOAD_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dagster dev exited early:\n{log.read_text()[-3000:]}")
        try:
            data = server.graphql(LOCATION_QUERY)["workspaceOrError"]
        except (requests.RequestException, AssertionError):
            time.sleep(1)
            continue
        for entry in data.get("locationEntries", []):
            loaded = entry["locationOrLoadError"] or {}
            if loaded.get("__typename") == "PythonError":
                raise RuntimeError(f"code location failed to load: {loaded['message']}")
            if entry["loadStatus"] == "LOADED" and loaded.get("__typename") == (
                "RepositoryLocation"
            ):
                return entry["name"]
        time.sleep(1)
    raise TimeoutError(
        f"code location not loaded within {LOAD_TIMEOUT}s:\n{log.read_text()[-3000:]}"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under ``tests/ui`` is a ``ui`` test."""
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.ui)


@pytest.fixture(scope="module")
def dagster_server(tmp_path_factory) -> DagsterServer:
    with serve(tmp_path_factory.mktemp("dagster_dev")) as server:
        yield server


def dev_environment(work: Path, **env_extra: str) -> tuple[Path, dict[str, str]]:
    """A ``DAGSTER_HOME`` under ``work`` (telemetry off) and the environment that puts the
    instance, datasets and intermediate storage there."""
    home = work / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "NEWSDATA_DATASET_ROOT": str(work / "datasets"),
        "NEWSDATA_STORAGE_DIR": str(work / "storage"),
        **env_extra,
    }
    return home, env


def start_dev(port: int, env: dict[str, str], log: Path, **popen: Any) -> subprocess.Popen:
    """``python -m pipelines.dev`` (what ``make dev`` runs) in a session of its own,
    its output in ``log``."""
    with log.open("w") as out:
        return subprocess.Popen(
            [os.sys.executable, "-m", "pipelines.dev", "--port", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **popen,
        )


@contextmanager
def serve(work: Path, **env_extra: str) -> Iterator[DagsterServer]:
    """``dagster dev`` with its instance, datasets and storage under ``work`` (and any
    other ``NEWSDATA_*`` variables), stopped on exit."""
    home, env = dev_environment(work, **env_extra)
    port = _free_port()
    log = work / "dagster_dev.log"
    process = start_dev(port, env, log)
    try:
        server = DagsterServer(f"http://127.0.0.1:{port}", home, work / "datasets", "")
        server.location = _wait_loaded(server, process, log)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

"""``make dev`` (``python -m pipelines.dev``) serves the ``newsdata`` location and stops
cleanly on SIGTERM, even when started in the background with SIGINT ignored."""

import os
import signal
import time

from tests.ui.conftest import (
    DagsterServer,
    _free_port,
    _stop,
    _wait_loaded,
    dev_environment,
    start_dev,
)


def _ignore_sigint() -> None:
    """What a shell does to a background job: SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_every_process_and_the_location_is_newsdata(tmp_path):
    home, env = dev_environment(tmp_path)
    port = _free_port()
    log = tmp_path / "dev.log"
    process = start_dev(port, env, log, preexec_fn=_ignore_sigint)
    try:
        server = DagsterServer(f"http://127.0.0.1:{port}", home, tmp_path / "datasets", "")
        assert _wait_loaded(server, process, log) == "newsdata"
        process.send_signal(signal.SIGTERM)  # the one process make or a supervisor signals
        assert process.wait(timeout=60) is not None
        deadline = time.monotonic() + 30
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(1)
        assert not _group_alive(process.pid), log.read_text()[-2000:]
        assert "Shutting down Dagster services" in log.read_text()
    finally:
        _stop(process)

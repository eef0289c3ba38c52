"""``make dev``: the Dagster UI and daemon (``dagster dev``) on the ``newsdata`` location.

Belongs here: starting ``dagster dev`` so that it stops cleanly on SIGTERM as well as
on SIGINT. ``dagster dev`` maps SIGTERM to whatever SIGINT does; a process started in
the background by a script inherits SIGINT *ignored*, so it then ignored SIGTERM too
and needed SIGKILL. Here SIGINT is restored to its default before ``dagster dev``
replaces this process (same PID, so ``make`` and supervisors signal it directly).

Usage: ``python -m pipelines.dev [--host 127.0.0.1] [--port 3000]``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

WORKSPACE = Path(__file__).resolve().parents[1] / "workspace.yaml"


def command(host: str, port: int) -> list[str]:
    """The ``dagster dev`` command line for the project's workspace."""
    dagster = str(Path(sys.executable).parent / "dagster")
    return [dagster, "dev", "-w", str(WORKSPACE), "-h", host, "-p", str(port)]


def main(argv: list[str] | None = None) -> None:
    """Replace this process with ``dagster dev``, SIGINT and SIGTERM handled."""
    parser = argparse.ArgumentParser(prog="python -m pipelines.dev", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # not ignored: Python installs its handler
    argv_ = command(args.host, args.port)
    os.execv(argv_[0], argv_)


if __name__ == "__main__":
    main()

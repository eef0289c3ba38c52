"""The client installs alone, in a fresh virtual environment, and works over real HTTP.

Installs ``client/`` with uv from the package index into a new environment (no
pipeline, no Dagster, no spaCy), then runs the installed ``newsdata`` command and
``load()`` against a server on 127.0.0.1 serving a built dataset, and ``load()``
once more with the server stopped.
"""

import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.e2e

MAX_INSTALLED_MB = 100


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _uv() -> str:
    local = PROJECT_ROOT / ".tools" / "bin" / "uv"
    found = str(local) if local.is_file() else shutil.which("uv")
    if found is None:
        pytest.skip("uv is not installed (`make install` puts it in .tools/bin)")
    return found


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def test_the_client_alone_installs_small_and_downloads_and_loads_offline(seeds_build, tmp_path):
    uv, venv = _uv(), tmp_path / "venv"
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(python), str(PROJECT_ROOT / "client")],
        check=True,
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    installed = {p.name.split("-")[0].lower() for p in site.glob("*.dist-info")}
    assert "newsdata_client" in installed
    assert not installed & {"dagster", "spacy", "polars", "newsdata"}
    assert _size_mb(site) < MAX_INSTALLED_MB

    root = tmp_path / "www"
    shutil.copytree(seeds_build.dataset_root, root, ignore=shutil.ignore_patterns(".*"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    env = {**os.environ, "NEWSDATA_CACHE": str(tmp_path / "cache"), "NEWSDATA_BASE_URL": base}
    newsdata = str(venv / "bin" / "newsdata")
    load = [str(python), "-c", "from newsdata_client import load; print(load('quotes').shape[0])"]
    try:
        versions = subprocess.run(
            [newsdata, "versions"], env=env, check=True, capture_output=True, text=True
        )
        assert versions.stdout == "0.0.1  (latest)\n"
        fetched = subprocess.run(
            [newsdata, "download", "--quiet", "--dest", str(tmp_path / "d")],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        assert fetched.stdout == f"verified {tmp_path / 'd' / '0.0.1'}\n"
        rows = subprocess.run(load, env=env, check=True, capture_output=True, text=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
    expected = f"{seeds_build.table('quotes').height}\n"
    assert rows.stdout == expected
    offline = subprocess.run(load, env=env, check=True, capture_output=True, text=True)
    assert offline.stdout == expected  # the verified cache, with no server
    # The database command works in the lean install too (a plain folder as source).
    out = tmp_path / "news.duckdb"
    source = str(seeds_build.dataset_root)
    made = subprocess.run(
        [newsdata, "database", "--quiet", "--base-url", source, "--out", str(out)],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert made.stdout == f"wrote {out}\n"
    query = f"import duckdb; print(duckdb.connect({str(out)!r}).sql('FROM quotes').shape[0])"
    counted = subprocess.run([str(python), "-c", query], check=True, capture_output=True, text=True)
    assert counted.stdout == expected

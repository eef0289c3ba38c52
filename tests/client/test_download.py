"""Download command and load() against a real HTTP server on 127.0.0.1."""

import hashlib
import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from newsdata_client import DownloadError, available_versions, download, load
from newsdata_client.cli import main


class _Handler(SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # the name http.server calls
        type(self).requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(seeds_build, tmp_path):
    """Serve a copy of a built dataset root over HTTP; yields (base_url, root)."""
    root = tmp_path / "www"
    shutil.copytree(seeds_build.dataset_root, root, ignore=shutil.ignore_patterns(".*"))
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    path = tmp_path / "cache"
    monkeypatch.setenv("NEWSDATA_CACHE", str(path))
    return path


def test_download_verifies_every_file_and_reuses_the_cache(server, seeds_build, tmp_path):
    base, root = server
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "README.md").write_text("mine")  # a file of the user's, never touched
    assert main(["--base-url", base, "download", "--version", "0.0.1", "--dest", str(dest)]) == 0
    sums = (root / "0.0.1" / "SHA256SUMS").read_text().splitlines()
    for line in sums:
        expected, name = line.split("  ")
        path = dest / "0.0.1" / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected
        assert path.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in dest.iterdir()) == ["0.0.1", "README.md"]
    assert (dest / "README.md").read_text() == "mine"
    assert len(list((dest / "0.0.1").iterdir())) == len(sums) + 1
    first = len(_Handler.requests)
    assert first == len(sums) + 2  # index, SHA256SUMS, every file
    # Options after the subcommand work too.
    assert main(["download", "--base-url", base, "--version", "0.0.1", "--dest", str(dest)]) == 0
    assert _Handler.requests[first:] == ["/versions.json"]  # files were reused


def test_a_version_folder_as_dest_is_refused(server, tmp_path, capsys):
    base, _ = server
    dest = tmp_path / "dest"
    assert main(["--base-url", base, "download", "--dest", str(dest), "--quiet"]) == 0
    assert main(["--base-url", base, "download", "--dest", str(dest / "0.0.1")]) == 1
    assert "holds a dataset version's files itself" in capsys.readouterr().err


def test_a_plain_folder_is_a_source(server, tmp_path):
    _, root = server
    assert available_versions(str(root))["latest"] == "0.0.1"
    folder = download("0.0.1", dest=tmp_path / "d", base_url=str(root), progress=False)
    assert folder == tmp_path / "d" / "0.0.1"
    assert (folder / "quotes.parquet").is_file()


def test_load_fetches_only_its_table_then_works_offline(server, seeds_build, cache):
    base, _ = server
    quotes = load("quotes", version="latest", base_url=base, to="polars")
    assert quotes.equals(seeds_build.table("quotes"))
    assert _Handler.requests == [
        "/versions.json",
        "/0.0.1/SHA256SUMS",
        "/0.0.1/manifest.json",
        "/0.0.1/quotes.parquet",
    ]
    assert sorted(p.name for p in (cache / "0.0.1").iterdir()) == [
        "SHA256SUMS",
        "manifest.json",
        "quotes.parquet",
    ]
    before = len(_Handler.requests)
    # A verified cache is read without the server: no request at all.
    assert load("quotes", base_url=base, to="polars").equals(quotes)
    offline = load("quotes", version="0.0.1", base_url="http://127.0.0.1:9")
    assert offline.pl().equals(quotes)  # a DuckDB relation by default
    assert len(_Handler.requests) == before
    # refresh=True asks the server again; another table fetches that table only.
    assert load("quotes", base_url=base, refresh=True, to="polars").equals(quotes)
    assert list(load("articles", base_url=base, to="pandas").columns) == quotes_columns(
        seeds_build, "articles"
    )
    assert _Handler.requests[before:] == [
        "/versions.json",
        "/versions.json",
        "/0.0.1/articles.parquet",
    ]
    with pytest.raises(DownloadError, match="no table 'nope'.*tables: articles"):
        load("nope", base_url=base)


def test_a_tampered_cache_is_fetched_again(server, seeds_build, cache):
    base, _ = server
    load("quotes", base_url=base)
    (cache / "0.0.1" / "quotes.parquet").write_bytes(b"not parquet")
    before = len(_Handler.requests)
    assert load("quotes", base_url=base, to="polars").equals(seeds_build.table("quotes"))
    assert "/0.0.1/quotes.parquet" in _Handler.requests[before:]


def test_corrupted_file_gives_a_clear_error_and_leaves_nothing_in_the_cache(server, cache):
    base, root = server
    target = root / "0.0.1" / "articles.parquet"
    target.write_bytes(target.read_bytes()[:-100])  # truncated
    with pytest.raises(DownloadError, match="does not match its SHA-256.*not kept"):
        download("0.0.1", base_url=base, progress=False)
    assert not (cache / "0.0.1" / "articles.parquet").exists()
    assert not [p for p in (cache / "0.0.1").iterdir() if p.name.startswith("tmp")]


def test_unknown_version_lists_the_available_ones(server, capsys):
    base, _ = server
    assert main(["--base-url", base, "download", "--version", "9.9.9"]) == 1
    assert "version '9.9.9' is not published" in capsys.readouterr().err
    assert "available: 0.0.1" in str(
        pytest.raises(DownloadError, download, "9.9.9", base_url=base).value
    )
    assert main(["--base-url", base, "versions"]) == 0
    assert capsys.readouterr().out == "0.0.1  (latest)\n"


def test_path_escaping_file_name_is_refused(server, tmp_path):
    base, root = server
    folder = root / "0.0.1"
    evil = f"{'0' * 64}  ../../escaped.txt\n"
    (folder / "SHA256SUMS").write_text((folder / "SHA256SUMS").read_text() + evil)
    index = json.loads((root / "versions.json").read_text())
    index["versions"][0]["checksums_sha256"] = hashlib.sha256(
        (folder / "SHA256SUMS").read_bytes()
    ).hexdigest()
    (root / "versions.json").write_text(json.dumps(index))
    dest = tmp_path / "dest"
    with pytest.raises(DownloadError, match="not a plain file name"):
        download("0.0.1", dest=dest, base_url=base, progress=False)
    assert not (tmp_path / "escaped.txt").exists()
    assert available_versions(base)["latest"] == "0.0.1"


def quotes_columns(build, table):
    return build.table(table).columns


def test_no_base_url_anywhere_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("NEWSDATA_BASE_URL", raising=False)
    with pytest.raises(DownloadError, match="pass --base-url .* or set NEWSDATA_BASE_URL"):
        available_versions()


def test_the_client_default_location_is_the_published_distribution():
    import json as json_module

    from newsdata_client.fetch import DISTRIBUTION

    from pipelines.resources import load_dataset_metadata

    published = load_dataset_metadata().distribution.base_url
    assert json_module.loads(DISTRIBUTION.read_text()) == {"base_url": published}


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(
        DownloadError, match="could not fetch http://127.0.0.1:9/versions.json"
    ) as e:
        available_versions("http://127.0.0.1:9")
    assert "\n" not in str(e.value) and len(str(e.value)) < 300

"""Fetching a dataset version: index, checksums, verified files, local cache.

Trust runs down a chain: ``versions.json`` at the base URL gives the SHA-256 of
each version's ``SHA256SUMS``; that file gives the SHA-256 of every other file.
pooch downloads each file to a temporary name, checks its hash, and only then
moves it into place, so a corrupted or truncated download never stays in the
cache; files already cached with the right hash are not fetched again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

import polars as pl
import pooch

from pipelines.resources import PROJECT_ROOT

INDEX = "versions.json"
CHECKSUMS = "SHA256SUMS"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class DownloadError(RuntimeError):
    """A version could not be fetched or verified; the message says why and what to do."""


def default_base_url() -> str:
    """``NEWSDATA_BASE_URL``, else the ``datasets/`` folder this project publishes into."""
    return os.environ.get("NEWSDATA_BASE_URL") or (PROJECT_ROOT / "datasets").as_uri()


def default_cache() -> Path:
    """``NEWSDATA_CACHE``, else the user cache folder for newsdata."""
    return Path(os.environ.get("NEWSDATA_CACHE") or pooch.os_cache("newsdata"))


def available_versions(base_url: str | None = None) -> dict[str, Any]:
    """The published index: ``{"latest": …, "versions": [{"version", "checksums_sha256"}]}``."""
    base = (base_url or default_base_url()).rstrip("/")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / INDEX
        _fetch(f"{base}/{INDEX}", target, progress=False)
        try:
            return json.loads(target.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise DownloadError(f"{base}/{INDEX} is not a valid version index: {exc}") from exc


def download(
    version: str = "latest",
    dest: Path | None = None,
    base_url: str | None = None,
    progress: bool = True,
) -> Path:
    """Fetch every file of ``version`` into ``dest`` (default: the cache) and verify it.

    Returns:
        The folder holding the verified files.

    Raises:
        DownloadError: unknown version (listing the available ones), a file whose
            hash does not match, an unsafe file name, or an unreachable server.
    """
    base = (base_url or default_base_url()).rstrip("/")
    pooch.get_logger().setLevel("INFO" if progress else "WARNING")
    index = available_versions(base)
    entry = _entry(index, version, base)
    folder = Path(dest) if dest is not None else default_cache() / entry["version"]
    folder.mkdir(parents=True, exist_ok=True)
    url = f"{base}/{entry['version']}"
    sums = _retrieve(f"{url}/{CHECKSUMS}", entry["checksums_sha256"], folder, CHECKSUMS, False)
    for expected, name in _parse_checksums(sums, folder):
        _retrieve(f"{url}/{urllib.parse.quote(name)}", expected, folder, name, progress)
    return folder


def load(table: str, version: str = "latest", base_url: str | None = None) -> pl.DataFrame:
    """Download (or reuse from the cache) ``version`` and return ``table`` as a DataFrame."""
    folder = download(version, base_url=base_url, progress=False)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if table not in manifest["tables"]:
        raise DownloadError(
            f"no table {table!r} in version {manifest['version']}; tables: "
            f"{', '.join(manifest['tables'])}"
        )
    return pl.read_parquet(folder / f"{table}.parquet")


def _entry(index: dict[str, Any], version: str, base: str) -> dict[str, Any]:
    wanted = index.get("latest") if version == "latest" else version
    for entry in index.get("versions", []):
        if entry.get("version") == wanted:
            return entry
    available = ", ".join(e["version"] for e in index.get("versions", [])) or "none"
    raise DownloadError(f"version {version!r} is not published at {base}; available: {available}")


def _parse_checksums(path: Path, folder: Path) -> list[tuple[str, str]]:
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        expected, _, name = line.partition("  ")
        inside = (folder / name).resolve().parent == folder.resolve()
        if not _SAFE_NAME.match(name) or not inside:
            raise DownloadError(
                f"{CHECKSUMS} line {number} names {name!r}, which is not a "
                "plain file name; refusing to write outside the destination"
            )
        if not re.fullmatch(r"[0-9a-f]{64}", expected):
            raise DownloadError(f"{CHECKSUMS} line {number} has no valid SHA-256")
        entries.append((expected, name))
    return entries


def _retrieve(url: str, sha256: str, folder: Path, name: str, progress: bool) -> Path:
    try:
        return Path(
            pooch.retrieve(
                url,
                known_hash=f"sha256:{sha256}",
                fname=name,
                path=folder,
                progressbar=progress,
                downloader=_downloader(url, progress),
            )
        )
    except ValueError as exc:
        raise DownloadError(
            f"{url}: the downloaded file does not match its SHA-256 "
            "(corrupted or truncated); it was not kept. Try again; if it "
            "persists, the published copy is damaged."
        ) from exc
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, DownloadError):
            raise
        raise DownloadError(f"could not fetch {url}: {exc}") from exc


def _fetch(url: str, target: Path, progress: bool) -> None:
    try:
        _downloader(url, progress)(url, str(target), None)
    except DownloadError:
        raise
    except Exception as exc:  # requests' HTTP and connection errors, I/O errors
        raise DownloadError(f"could not fetch {url}: {exc}") from exc


def _downloader(url: str, progress: bool) -> Any:
    scheme = urllib.parse.urlparse(url).scheme
    if scheme == "file":
        return _copy_file
    if scheme in {"http", "https"}:
        return pooch.HTTPDownloader(progressbar=progress, timeout=60)
    raise DownloadError(f"unsupported URL scheme in {url!r}; use http, https or file")


def _copy_file(url: str, output_file: str, pooch_obj: Any, check_only: bool = False) -> bool:
    """A pooch downloader for ``file://`` URLs."""
    source = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    if check_only:
        return source.is_file()
    if not source.is_file():
        raise DownloadError(f"{url} does not exist")
    shutil.copyfile(source, output_file)
    return True

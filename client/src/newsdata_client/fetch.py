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
from typing import TYPE_CHECKING, Any

import pooch

from newsdata_client.checksums import ChecksumFormatError, sha256_file
from newsdata_client.checksums import parse_checksums as read_checksums

if TYPE_CHECKING:
    import duckdb

# Where the dataset's maintainers publish versions (``distribution`` in dataset.yaml).
DISTRIBUTION = Path(__file__).with_name("distribution.json")
INDEX = "versions.json"
CHECKSUMS = "SHA256SUMS"
MANIFEST = "manifest.json"
FILE_MODE = 0o644
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class DownloadError(RuntimeError):
    """A version could not be fetched or verified; the message says why and what to do."""


def default_base_url() -> str | None:
    """``NEWSDATA_BASE_URL``, else the published distribution's base URL (None when the
    dataset has no public host yet)."""
    published = json.loads(DISTRIBUTION.read_text(encoding="utf-8")).get("base_url")
    return os.environ.get("NEWSDATA_BASE_URL") or published


def _base(base_url: str | None) -> str:
    source = base_url or default_base_url()
    if not source:
        raise DownloadError(
            "no dataset location: pass --base-url (a URL, or a folder such as a "
            "checkout's datasets/) or set NEWSDATA_BASE_URL; this release names no "
            "public host"
        )
    return as_url(source)


def default_cache() -> Path:
    """``NEWSDATA_CACHE``, else the user cache folder for newsdata."""
    return Path(os.environ.get("NEWSDATA_CACHE") or pooch.os_cache("newsdata"))


def as_url(source: str) -> str:
    """A base URL from a URL or a plain folder path ("datasets/", "/srv/newsdata")."""
    if urllib.parse.urlparse(source).scheme in {"http", "https", "file"}:
        return source.rstrip("/")
    return Path(source).expanduser().resolve().as_uri()


def available_versions(base_url: str | None = None) -> dict[str, Any]:
    """The published index: ``{"latest": …, "versions": [{"version", "checksums_sha256"}]}``."""
    base = _base(base_url)
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
    only: set[str] | None = None,
) -> Path:
    """Fetch the files of ``version`` into ``<dest>/<version>/`` (default ``dest``: the
    cache) and verify each against ``SHA256SUMS``.

    Args:
        only: File names to fetch (``SHA256SUMS`` always is); default every file.

    Returns:
        The version folder holding the verified files. Nothing outside it is touched.

    Raises:
        DownloadError: unknown version (listing the available ones), a ``dest`` that
            is itself a version folder, a file whose hash does not match, an unsafe
            file name, or an unreachable server.
    """
    base = _base(base_url)
    pooch.get_logger().setLevel("WARNING")
    index = available_versions(base)
    entry = _entry(index, version, base)
    root = Path(dest) if dest is not None else default_cache()
    if (root / MANIFEST).exists() or (root / CHECKSUMS).exists():
        raise DownloadError(
            f"{root} holds a dataset version's files itself; versions are written to "
            f"<dest>/<version>/, so pass its parent folder (or another one) as dest"
        )
    folder = root / entry["version"]
    folder.mkdir(parents=True, exist_ok=True)
    url = f"{base}/{entry['version']}"
    sums = _retrieve(f"{url}/{CHECKSUMS}", entry["checksums_sha256"], folder, CHECKSUMS)
    wanted = [(h, n) for h, n in parse_checksums(sums, folder) if only is None or n in only]
    bar = _progress_bar(len(wanted), entry["version"]) if progress else None
    for expected, name in wanted:
        _retrieve(f"{url}/{urllib.parse.quote(name)}", expected, folder, name)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return folder


def load(
    table: str,
    version: str = "latest",
    base_url: str | None = None,
    refresh: bool = False,
    to: str = "duckdb",
) -> Any:
    """``table`` of ``version``, fetching only what it needs.

    A version already in the cache whose table file matches its ``SHA256SUMS`` is
    read without contacting the server ("latest" is then the newest cached
    version); ``refresh=True`` asks the server for its latest version first.
    Otherwise ``manifest.json``, ``SHA256SUMS`` and the table's Parquet file are
    fetched and verified; the other tables are not.

    Args:
        to: ``duckdb`` (a DuckDB relation over the verified Parquet file: print it,
            query it, or call ``.fetchall()``, ``.pl()``, ``.df()``, ``.arrow()``),
            ``polars``, ``pandas`` or ``arrow`` (need the extra of that name).
    """
    if to not in READERS:
        raise ValueError(f"to={to!r}: use one of {', '.join(READERS)}")
    folder = None if refresh else _cached(version, table)
    if folder is None:
        folder = download(
            version, base_url=base_url, progress=False, only={MANIFEST, f"{table}.parquet"}
        )
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if table not in manifest["tables"]:
        raise DownloadError(
            f"no table {table!r} in version {manifest['version']}; tables: "
            f"{', '.join(manifest['tables'])}"
        )
    relation = _relation(folder / f"{table}.parquet")
    return relation if to == "duckdb" else getattr(relation, READERS[to])()


READERS = {"duckdb": "", "polars": "pl", "pandas": "df", "arrow": "arrow"}


def _relation(path: Path) -> duckdb.DuckDBPyRelation:
    import duckdb

    return duckdb.read_parquet(str(path))


def _cached(version: str, table: str) -> Path | None:
    """The cached version folder holding a verified ``table``, or None."""
    cache = default_cache()
    if not cache.is_dir():
        return None
    names = [version] if version != "latest" else _newest_first(cache)
    for name in names:
        folder = cache / name
        sums = folder / CHECKSUMS
        if not sums.is_file() or not (folder / MANIFEST).is_file():
            continue
        expected = dict((n, h) for h, n in parse_checksums(sums, folder))
        for needed in (MANIFEST, f"{table}.parquet"):
            path = folder / needed
            if not path.is_file() or sha256_file(path) != expected.get(needed):
                break
        else:
            return folder
        if version != "latest":
            return None
    return None


def _newest_first(cache: Path) -> list[str]:
    versions = [p.name for p in cache.iterdir() if _VERSION.match(p.name)]
    return sorted(versions, key=lambda v: tuple(int(x) for x in v.split(".")), reverse=True)


def _progress_bar(total: int, version: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc=f"newsdata {version}", leave=False)


def _entry(index: dict[str, Any], version: str, base: str) -> dict[str, Any]:
    wanted = index.get("latest") if version == "latest" else version
    for entry in index.get("versions", []):
        if entry.get("version") == wanted:
            return entry
    available = ", ".join(e["version"] for e in index.get("versions", [])) or "none"
    raise DownloadError(f"version {version!r} is not published at {base}; available: {available}")


def parse_checksums(path: Path, folder: Path) -> list[tuple[str, str]]:
    """``(sha256, file name)`` per line of a ``SHA256SUMS`` file, refusing names that are
    not plain files inside ``folder``."""
    try:
        entries = read_checksums(path.read_text(encoding="utf-8"))
    except ChecksumFormatError as exc:
        raise DownloadError(f"{CHECKSUMS} {exc}") from exc
    for number, (_, name) in enumerate(entries, start=1):
        inside = (folder / name).resolve().parent == folder.resolve()
        if not _SAFE_NAME.match(name) or not inside:
            raise DownloadError(
                f"{CHECKSUMS} line {number} names {name!r}, which is not a "
                "plain file name; refusing to write outside the destination"
            )
    return entries


def _retrieve(url: str, sha256: str, folder: Path, name: str) -> Path:
    try:
        path = Path(
            pooch.retrieve(
                url,
                known_hash=f"sha256:{sha256}",
                fname=name,
                path=folder,
                progressbar=False,
                downloader=_downloader(url),
            )
        )
        path.chmod(FILE_MODE)  # pooch writes through a private temporary file (0600)
        return path
    except ValueError as exc:
        raise DownloadError(
            f"{url}: the downloaded file does not match its SHA-256 "
            "(corrupted or truncated); it was not kept. Try again; if it "
            "persists, the published copy is damaged."
        ) from exc
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, DownloadError):
            raise
        raise DownloadError(f"could not fetch {url}: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    """An exception as one short readable line ("IncompleteRead(…)" becomes its kind)."""
    text = " ".join(str(exc).split())
    if not text or "(" in text.split(" ")[0]:
        text = type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _fetch(url: str, target: Path, progress: bool) -> None:
    try:
        _downloader(url)(url, str(target), None)
    except DownloadError:
        raise
    except Exception as exc:  # requests' HTTP and connection errors, I/O errors
        raise DownloadError(f"could not fetch {url}: {_one_line(exc)}") from exc


def _downloader(url: str) -> Any:
    scheme = urllib.parse.urlparse(url).scheme
    if scheme == "file":
        return _copy_file
    if scheme in {"http", "https"}:
        return pooch.HTTPDownloader(progressbar=False, timeout=60)
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

"""Publishing a dataset version atomically, immutably and reproducibly.

Belongs here: staging a version folder, the manifest and ``SHA256SUMS``,
read-back verification, the refusal to overwrite a published version with
different content, the single-writer lock and the ``latest`` pointer.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl
from newsdata_client.checksums import ChecksumFormatError, format_checksums, parse_checksums

from pipelines.release.card import citation, dataset_card
from pipelines.release.changelog import changelog_entry, diff_tables, prepend_entry
from pipelines.release.croissant import croissant
from pipelines.release.datapackage import datapackage
from pipelines.release.files import write_csv, write_parquet
from pipelines.release.policy import (
    SEMVER,
    VersionPolicyError,
    enforce,
    next_version,
    parse_version,
    required_change,
)
from pipelines.release.summary import summary_lines, write_figures
from pipelines.transforms.hashing import sha256_file
from schemas.registry import TABLES
from schemas.versioning import schema_fingerprint

MANIFEST = "manifest.json"
DATAPACKAGE = "datapackage.json"
CROISSANT = "croissant.json"
CARD = "README.md"
INDEX = "versions.json"
CHECKSUMS = "SHA256SUMS"
LATEST = "latest"
LOCK = ".lock"
STAGING_PREFIX = ".staging-"
CHANGELOG = "CHANGELOG.md"
VERSIONING_MODES = ("pinned", "auto", "verify")


class PublishError(RuntimeError):
    """A version cannot be published; the message says what to do."""


@dataclass
class Release:
    """Everything that goes into one dataset version."""

    version: str
    tables: dict[str, pl.DataFrame]
    metadata: dict[str, Any]
    provenance: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PublishResult:
    """Where a version lives and whether this run wrote it."""

    path: Path
    status: str  # "published" or "unchanged"
    manifest: dict[str, Any]


def publish(
    release: Release, dataset_root: Path, mode: str = "pinned", released: str | None = None
) -> PublishResult:
    """Write ``release`` to ``dataset_root/<version>/`` atomically.

    Files are written to a hidden staging folder, verified by reading them
    back, then renamed into place in one step.

    Args:
        release: The tables and metadata; ``release.version`` is the version to
            publish (``pinned``) or the first version when none is published yet (``auto``).
        dataset_root: Where versions live (with ``versions.json``, ``latest`` and
            ``CHANGELOG.md``).
        mode: ``pinned``: publish ``release.version``; identical content again is a
            no-op, different content under a published version or a bump that
            understates the change raises ``PublishError`` naming the version that
            would be accepted. ``auto``: tables identical to the latest version's
            are a no-op; otherwise the next version is computed from the policy
            (patch / minor / major over the latest), ``released`` is set to
            ``released`` and an entry describing the difference is added to
            ``CHANGELOG.md``. ``verify`` (CI validation): publish nothing; the version
            must already be published with exactly these files, else ``PublishError``.
        released: The build date (ISO) for ``auto`` releases.
    """
    if mode not in VERSIONING_MODES:
        raise PublishError(f"versioning mode {mode!r} is not one of {', '.join(VERSIONING_MODES)}")
    dataset_root.mkdir(parents=True, exist_ok=True)
    with _writer_lock(dataset_root):
        # Holding the lock, no other writer exists: staging folders left by a killed
        # build are garbage.
        for stale in dataset_root.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        entry = None
        if mode == "auto":
            automatic = _automatic_release(release, dataset_root, released)
            if isinstance(automatic, PublishResult):
                return automatic
            release, entry = automatic
        target = dataset_root / release.version
        staging = dataset_root / f"{STAGING_PREFIX}{release.version}-{os.getpid()}"
        staging.mkdir()
        try:
            manifest = _write_files(release, staging)
            verify_version(staging)
            if target.exists():
                return _compare_existing(target, staging, manifest, release.version, release.tables)
            if mode == "verify":
                raise PublishError(
                    f"dataset version {release.version} is not published in {dataset_root}: "
                    "validation never publishes. Build it with `make dataset` and commit it."
                )
            _enforce_policy(dataset_root, release)
            _fsync_tree(staging)
            os.rename(staging, target)
            _update_index(dataset_root, release.metadata.get("distribution", {}).get("base_url"))
            if entry is not None:
                prepend_entry(dataset_root / CHANGELOG, entry)
            return PublishResult(target, "published", manifest)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _automatic_release(
    release: Release, dataset_root: Path, released: str | None
) -> PublishResult | tuple[Release, str | None]:
    """The release to publish in ``auto`` mode and its CHANGELOG entry, or the latest
    version's result when the tables are the same as its."""
    versions = published_versions(dataset_root)
    if not versions:
        return release, None  # the first version: as written in dataset.yaml
    latest = versions[-1]
    latest_dir = dataset_root / latest
    manifest = json.loads((latest_dir / MANIFEST).read_text(encoding="utf-8"))
    if _table_hashes(release, dataset_root) == _manifest_table_hashes(manifest):
        return PublishResult(latest_dir, "unchanged", manifest)
    change = required_change(latest_dir, release.tables)
    version = next_version(latest, change.level)
    if parse_version(release.version) > parse_version(version):
        version = release.version  # dataset.yaml asks for more than the policy does
    date = released or str(release.metadata.get("released", ""))
    metadata = {**release.metadata, "version": version, "released": date}
    entry = changelog_entry(
        version, date, latest, change.level, diff_tables(latest_dir, release.tables)
    )
    return replace(release, version=version, metadata=metadata), entry


def _table_hashes(release: Release, dataset_root: Path) -> dict[str, str]:
    """SHA-256 of each table file the release would write (written to a scratch folder)."""
    scratch = dataset_root / f"{STAGING_PREFIX}compare-{os.getpid()}"
    scratch.mkdir()
    try:
        hashes = {}
        for name, spec in TABLES.items():
            frame = release.tables[name].sort(list(spec.sort_by), nulls_last=False)
            for fmt, writer in (("parquet", write_parquet), ("csv", write_csv)):
                path = scratch / f"{name}.{fmt}"
                writer(frame, spec, path)
                hashes[path.name] = sha256_file(path)
        return hashes
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _manifest_table_hashes(manifest: dict[str, Any]) -> dict[str, str]:
    return {
        entry["path"]: entry["sha256"]
        for table in manifest["tables"].values()
        for entry in table["files"].values()
    }


def verify_version(folder: Path) -> None:
    """Read every file back: each must match ``SHA256SUMS``, and every table file the
    manifest lists must be there with the manifest's hash. Raise on any mismatch."""
    sums = {}
    try:
        entries = parse_checksums((folder / CHECKSUMS).read_text(encoding="utf-8"))
    except ChecksumFormatError as exc:
        raise PublishError(f"{folder / CHECKSUMS}: {exc}; rebuild the version") from exc
    for expected, name in entries:
        sums[name] = expected
        path = folder / name
        if not path.is_file() or sha256_file(path) != expected:
            raise PublishError(f"{path}: content does not match {CHECKSUMS}; rebuild the version")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for table in manifest["tables"].values():
        for entry in table["files"].values():
            if sums.get(entry["path"]) != entry["sha256"]:
                raise PublishError(
                    f"{folder / entry['path']}: differs from {MANIFEST}; rebuild the version"
                )


def _write_files(release: Release, folder: Path) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for name, spec in TABLES.items():
        frame = release.tables[name].sort(list(spec.sort_by), nulls_last=False)
        files = {}
        for fmt, writer in (("parquet", write_parquet), ("csv", write_csv)):
            path = folder / f"{name}.{fmt}"
            writer(frame, spec, path)
            files[fmt] = {
                "path": path.name,
                "bytes": path.stat().st_size,
                "sha256": sha256_file(path),
            }
        tables[name] = {"rows": frame.height, "files": files}
    manifest = {
        "name": release.metadata["name"],
        "title": release.metadata.get("title"),
        "version": release.version,
        "schema_version": schema_fingerprint(),
        **release.provenance,
        "tables": tables,
    }
    _write_json(folder / MANIFEST, manifest)
    table_files = {f["path"]: f for t in tables.values() for f in t["files"].values()}
    _write_json(folder / DATAPACKAGE, datapackage(release.metadata, release.version, table_files))
    cite_as = citation(release.metadata, release.version)
    _write_json(
        folder / CROISSANT, croissant(release.metadata, release.version, table_files, cite_as)
    )
    figures = write_figures(release.tables, folder)
    card = dataset_card(release.metadata, manifest, summary_lines(release.tables))
    (folder / CARD).write_text(card, encoding="utf-8")
    # Table files were hashed as they were written; hash only the metadata files here.
    hashes = {path: entry["sha256"] for path, entry in table_files.items()}
    for extra in (MANIFEST, DATAPACKAGE, CROISSANT, CARD, *figures):
        hashes[extra] = sha256_file(folder / extra)
    (folder / CHECKSUMS).write_text(format_checksums(hashes), encoding="utf-8")
    return manifest


def _compare_existing(
    target: Path,
    staging: Path,
    manifest: dict[str, Any],
    version: str,
    release_tables: dict[str, pl.DataFrame],
) -> PublishResult:
    existing = (
        (target / CHECKSUMS).read_text(encoding="utf-8") if (target / CHECKSUMS).exists() else ""
    )
    if existing == (staging / CHECKSUMS).read_text(encoding="utf-8"):
        return PublishResult(target, "unchanged", manifest)
    accepted = next_version(version, required_change(target, release_tables).level)
    raise PublishError(
        f"dataset version {version} is already published at {target} with different "
        f"content. Published versions are immutable: bump `version` in dataset.yaml "
        f"to {accepted} (or set `versioning: auto`) and build again."
    )


@contextmanager
def _writer_lock(dataset_root: Path) -> Iterator[None]:
    """Hold an exclusive lock so that only one build publishes at a time."""
    with (dataset_root / LOCK).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise PublishError(
                f"another build is publishing into {dataset_root} right now; "
                "wait for it to finish and run again"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def published_versions(dataset_root: Path) -> list[str]:
    """Versions under ``dataset_root`` (complete MAJOR.MINOR.PATCH folders), oldest first."""
    if not dataset_root.is_dir():
        return []
    names = [
        p.name
        for p in dataset_root.iterdir()
        if p.is_dir() and SEMVER.match(p.name) and (p / CHECKSUMS).exists()
    ]
    return sorted(names, key=parse_version)


def _enforce_policy(dataset_root: Path, release: Release) -> None:
    """Compare with the nearest lower published version; refuse an understated bump."""
    try:
        new = parse_version(release.version)
        lower = [v for v in published_versions(dataset_root) if parse_version(v) < new]
        if lower:
            enforce(lower[-1], dataset_root / lower[-1], release.version, release.tables)
    except VersionPolicyError as exc:
        raise PublishError(str(exc)) from exc


def _update_index(dataset_root: Path, base_url: str | None = None) -> None:
    """Rewrite ``latest`` and ``versions.json`` (what download clients read), with the
    distribution's public ``base_url`` (null before the dataset has a host)."""
    versions = published_versions(dataset_root)
    if not versions:
        return
    index = {
        "base_url": base_url,
        "latest": versions[-1],
        "versions": [
            {"version": v, "checksums_sha256": sha256_file(dataset_root / v / CHECKSUMS)}
            for v in reversed(versions)
        ],
    }
    for name, content in (
        (LATEST, versions[-1] + "\n"),
        (INDEX, json.dumps(index, indent=2) + "\n"),
    ):
        tmp = dataset_root / f".{name}.tmp"
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, dataset_root / name)


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

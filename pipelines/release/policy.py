"""The versioning policy, enforced: a version number may not understate the change.

Belongs here: comparing a new release with the previous published version.
Removing or renaming a table or column, or changing a column's type, needs a
major bump; adding tables, columns or rows a minor one; any other change
(corrected values, removed rows, new files) at least a patch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from schemas.derive import arrow_schema
from schemas.registry import TABLES

LEVELS = ("none", "patch", "minor", "major")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


class VersionPolicyError(ValueError):
    """The version number understates the change, or is not MAJOR.MINOR.PATCH."""


@dataclass(frozen=True)
class Change:
    """The size of a change and why."""

    level: str
    reasons: tuple[str, ...]


def parse_version(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` to ``(1, 2, 3)``.

    Raises:
        VersionPolicyError: when ``version`` is not MAJOR.MINOR.PATCH.
    """
    match = SEMVER.match(version)
    if not match:
        raise VersionPolicyError(f"version {version!r} is not MAJOR.MINOR.PATCH (e.g. 1.4.0)")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bump_level(previous: str, new: str) -> str:
    """Which part of the version ``new`` increases over ``previous`` (or ``none``)."""
    old, cur = parse_version(previous), parse_version(new)
    if cur <= old:
        return "none"
    if cur[0] > old[0]:
        return "major"
    return "minor" if cur[1] > old[1] else "patch"


def next_version(previous: str, level: str) -> str:
    """The smallest version over ``previous`` that makes a ``level`` bump."""
    major, minor, patch = parse_version(previous)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def required_change(previous_dir: Path, tables: dict[str, pl.DataFrame]) -> Change:
    """The smallest bump the policy requires from the version in ``previous_dir``."""
    reasons: list[tuple[str, str]] = []
    old_tables = {p.stem for p in previous_dir.glob("*.parquet")}
    for name in sorted(old_tables - set(tables)):
        reasons.append(("major", f"table {name} removed"))
    for name in sorted(set(tables) - old_tables):
        reasons.append(("minor", f"table {name} added"))
    for name in sorted(old_tables & set(tables)):
        reasons.extend(_table_changes(name, previous_dir / f"{name}.parquet", tables[name]))
    if not reasons:
        reasons.append(("patch", "files or values changed"))
    level = max((lvl for lvl, _ in reasons), key=LEVELS.index)
    return Change(level, tuple(text for _, text in reasons))


def _table_changes(name: str, old_path: Path, new: pl.DataFrame) -> list[tuple[str, str]]:
    spec = TABLES[name]
    old_schema = pq.read_schema(old_path)
    new_schema = arrow_schema(spec.model)
    out: list[tuple[str, str]] = []
    for field in old_schema:
        if field.name not in new_schema.names:
            out.append(("major", f"column {name}.{field.name} removed or renamed"))
        elif not new_schema.field(field.name).type.equals(field.type):
            out.append(
                (
                    "major",
                    f"column {name}.{field.name} type changed from {field.type} "
                    f"to {new_schema.field(field.name).type}",
                )
            )
    out.extend(
        ("minor", f"column {name}.{c} added") for c in new_schema.names if c not in old_schema.names
    )
    keys = list(spec.primary_key)
    if set(keys) <= set(old_schema.names):
        old_keys = pl.read_parquet(old_path, columns=keys)
        added = new.select(keys).join(old_keys, on=keys, how="anti", nulls_equal=True)
        if added.height:
            out.append(("minor", f"{added.height} rows added to {name}"))
    return out


def enforce(
    previous_version: str, previous_dir: Path, new_version: str, tables: dict[str, pl.DataFrame]
) -> Change:
    """Raise ``VersionPolicyError`` when ``new_version`` understates the change."""
    change = required_change(previous_dir, tables)
    given = bump_level(previous_version, new_version)
    if LEVELS.index(given) < LEVELS.index(change.level):
        accepted = next_version(previous_version, change.level)
        raise VersionPolicyError(
            f"version {new_version} is a {given} bump over {previous_version}, but the change "
            f"needs a {change.level} bump: {'; '.join(change.reasons)}. Set `version: "
            f"{accepted}` in dataset.yaml, or `versioning: auto` to have it computed "
            f"(see Versioning in README.md)."
        )
    return change

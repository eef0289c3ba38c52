"""Per-article results kept between builds, so an unchanged article is not worked on again.

Belongs here: where a stage keeps what it derived from one article's text or parse
(its language, its raw entity spans), keyed by the SHA-256 of the text, and the
key that says which code and models made them. The key holds a digest of every
source file of ``pipelines/transforms`` (any change to a rule invalidates every
cached result: never a stale one) and whatever else the stage names (the model,
its version). One Parquet file per stage and key, replaced atomically. Not here:
the parses themselves (``parse_cache.py``), or what a stage computes.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

_TRANSFORMS = Path(__file__).resolve().parent


@functools.cache
def code_version() -> str:
    """First 16 hex digits of the SHA-256 of every ``.py`` file under
    ``pipelines/transforms`` (paths and contents, in path order)."""
    digest = hashlib.sha256()
    for path in sorted(_TRANSFORMS.rglob("*.py")):
        digest.update(path.relative_to(_TRANSFORMS).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ResultCache:
    """One stage's results: a frame with a ``text_sha256`` column, in one file."""

    path: Path

    @classmethod
    def for_stage(cls, root: Path, stage: str, *key: str) -> ResultCache:
        """The cache of ``stage`` for this code and the ``key`` parts (e.g. the model)."""
        parts = "\0".join((code_version(), *key))
        digest = hashlib.sha256(parts.encode()).hexdigest()[:16]
        return cls(Path(root) / f"{stage}-{digest}.parquet")

    def load(self, schema: Mapping[str, Any]) -> pl.DataFrame:
        """The stored results (an empty frame of ``schema`` when there are none, or the
        file is unreadable or of another schema: it is then rebuilt, never trusted)."""
        try:
            frame = pl.read_parquet(self.path)
        except (OSError, pl.exceptions.PolarsError):
            return pl.DataFrame(schema=schema)
        if dict(frame.schema) != dict(schema):
            return pl.DataFrame(schema=schema)
        return frame

    def save(self, frame: pl.DataFrame) -> None:
        """Store ``frame`` (write a temporary file, then rename: never half a file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        frame.write_parquet(tmp)
        os.replace(tmp, self.path)

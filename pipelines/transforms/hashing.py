"""SHA-256 helpers shared by every stage: file and text digests, and short IDs.

Belongs here: the one definition of how the pipeline hashes bytes, text and
IDs, so that ``article_id``, ``entity_id``, ``quote_id`` and file checksums
all follow the same rule.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ID_HEX_DIGITS = 16


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_text(text: str) -> str:
    """SHA-256 of ``text`` encoded as UTF-8, as hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(text: str) -> str:
    """A stable ID: the first 16 hex digits of ``sha256_text(text)``."""
    return sha256_text(text)[:ID_HEX_DIGITS]

"""SHA-256 helpers shared by every stage: file and text digests, and short IDs.

Belongs here: the one definition of how the pipeline hashes text and IDs, so
that ``article_id``, ``entity_id`` and ``quote_id`` follow the same rule. Files
are hashed as the download client verifies them (``newsdata_client.checksums``).
"""

from __future__ import annotations

import hashlib

from newsdata_client.checksums import sha256_file

__all__ = ["ID_HEX_DIGITS", "sha256_file", "sha256_text", "short_id"]

ID_HEX_DIGITS = 16


def sha256_text(text: str) -> str:
    """SHA-256 of ``text`` encoded as UTF-8, as hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(text: str) -> str:
    """A stable ID: the first 16 hex digits of ``sha256_text(text)``."""
    return sha256_text(text)[:ID_HEX_DIGITS]

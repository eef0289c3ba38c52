"""The ``SHA256SUMS`` format, in one place: ``<sha256>  <file name>`` per line.

Belongs here: writing and reading the checksum file of a version (the format
``sha256sum -c`` reads) and hashing a file. Standard library only: the pipeline
that publishes a version and this client that verifies it share this module.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_LINE = re.compile(r"^([0-9a-f]{64})  (.+)$")


class ChecksumFormatError(ValueError):
    """A line that is not ``<64 hex digits>  <name>``."""


def format_checksums(hashes: dict[str, str]) -> str:
    """File name to SHA-256 as the text of ``SHA256SUMS``, sorted by name."""
    return "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))


def parse_checksums(text: str) -> list[tuple[str, str]]:
    """``(sha256, name)`` per line of a ``SHA256SUMS`` text.

    Raises:
        ChecksumFormatError: naming the first malformed line.
    """
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line)
        if match is None:
            raise ChecksumFormatError(f"line {number} is not '<sha256>  <file name>'")
        entries.append((match.group(1), match.group(2)))
    return entries


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

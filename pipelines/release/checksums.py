"""The ``SHA256SUMS`` format, in one place: ``<sha256>  <file name>`` per line.

Belongs here: writing and reading the checksum file of a version (the format
``sha256sum -c`` reads). Imports nothing but the standard library, so the
download client uses it too.
"""

from __future__ import annotations

import re

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

"""Provenance a collector writes beside the inputs: ``provenance.csv`` in the seeds folder.

Belongs here: reading that sidecar file and filling ``url`` and ``publisher`` of
the records it names where the input itself does not say them (a plain-text file
has no fields; a JSON record or HTML page that gives its own URL keeps it).
Authors are not taken from it: a byline in the text says them. Not here: reading
the inputs (``ingest.py``).

The file is UTF-8 CSV with a header: ``file`` (the input's path relative to the
seeds folder, ``/``-separated, as in ``articles.source_path``) and either or
both of ``url`` and ``publisher``; an empty cell says nothing. It is metadata,
not an input: it is never read as an article, and the manifest lists its SHA-256.
A malformed file stops the ingest with the line at fault, since silently ignoring
it would publish rows without the provenance their collector wrote down.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from pipelines.transforms.ingest import InputRecord

PROVENANCE_FILE = "provenance.csv"
COLUMNS = ("file", "url", "publisher")


class ProvenanceError(ValueError):
    """``provenance.csv`` cannot be used as written."""


@dataclass(frozen=True)
class Provenance:
    """What the sidecar says about one input file."""

    url: str | None = None
    publisher: str | None = None


def read_provenance(path: Path, known_files: set[str]) -> dict[str, Provenance]:
    """The sidecar's rows by input path.

    Args:
        path: The ``provenance.csv`` file.
        known_files: The input paths (relative, ``/``-separated) it may name.

    Raises:
        ProvenanceError: naming the line, for an unknown column, a missing ``file``
            column, a file named twice, or a file that is not among the inputs.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProvenanceError(f"{path.name}: not UTF-8 ({error.reason})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [c for c in header if c not in COLUMNS]
    if "file" not in header or unknown:
        raise ProvenanceError(
            f"{path.name}: the header must hold `file` and url, publisher or both"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    rows: dict[str, Provenance] = {}
    for line, row in enumerate(reader, start=2):
        if None in row:
            raise ProvenanceError(f"{path.name} line {line}: more cells than columns")
        name = (row.get("file") or "").strip()
        if name not in known_files:
            raise ProvenanceError(
                f"{path.name} line {line}: {name!r} is not an input file of this folder"
            )
        if name in rows:
            raise ProvenanceError(f"{path.name} line {line}: {name!r} is named twice")
        rows[name] = Provenance(
            url=(row.get("url") or "").strip() or None,
            publisher=(row.get("publisher") or "").strip() or None,
        )
    return rows


def with_provenance(
    records: list[InputRecord], provenance: dict[str, Provenance]
) -> list[InputRecord]:
    """Records with the sidecar's URL and publisher where the record has none."""
    out = []
    for record in records:
        given = provenance.get(record.source_path)
        if given is None or record.reason is not None:
            out.append(record)
            continue
        out.append(
            replace(
                record,
                url=record.url or given.url,
                publisher=record.publisher or given.publisher,
            )
        )
    return out

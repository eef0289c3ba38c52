"""Reading raw input files into records: discovery, decoding and record parsing.

Belongs here: walking the seeds folder, byte-level checks (empty, binary, too
large), text decoding, and splitting JSON / JSON Lines files into records.
Not here: any cleaning of the text itself (see ``clean.py``) or Dagster code.

Every file yields at least one record. A record either carries decoded text
(``reason`` is null) or a rejection ``reason`` from ``schemas.rejections.REJECTION_REASONS``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from pipelines.transforms.hashing import sha256_file
from pipelines.transforms.html import MIN_ARTICLE_WORDS, extract_html
from schemas.rejections import REJECTION_REASONS

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DEFAULT_MAX_BYTES = 5_000_000


_SURROGATES = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Control bytes other than tab, LF, FF, CR and ESC strongly indicate binary content.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass
class InputRecord:
    """One record read from an input file (a whole text file, or one JSON record)."""

    source_path: str
    source_sha256: str
    source_bytes: int
    source_record: int | None = None
    encoding: str | None = None
    text: str | None = None
    title: str | None = None
    date_raw: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: list[str] | None = None
    updated_raw: str | None = None
    date_origin: str | None = None  # where date_raw came from: record_field or html_metadata
    removed: list[dict[str, str]] = field(default_factory=list)  # dropped before cleaning
    reason: str | None = None
    detail: str | None = None


def discover_files(root: Path) -> list[Path]:
    """List every entry under ``root`` recursively (files and symlinks), sorted.

    Hidden files and folders (leading dot) are skipped. Symlinks are listed so
    they can be rejected, never followed.
    """
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        found.extend(base / d for d in dirnames if (base / d).is_symlink())
        found.extend(base / f for f in filenames if not f.startswith("."))
    return sorted(found)


def folder_fingerprint(root: Path) -> str:
    """A SHA-256 over every listed entry's path, size and modification time.

    Changes when a file is added, removed, renamed, or rewritten.
    """
    digest = hashlib.sha256()
    for path in discover_files(root):
        try:
            stat = path.lstat()
        except OSError:
            continue
        rel = path.relative_to(root).as_posix()
        digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def sniff_binary(data: bytes) -> bool:
    """Return True when ``data`` looks binary rather than text.

    UTF-16 text with a BOM contains NUL bytes, so it is checked first.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > max(2, len(sample) // 100)


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """Decode ``data`` to text, returning ``(text, encoding)`` or None.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded directly;
    anything else is detected with charset-normalizer, which handles legacy
    single-byte encodings such as cp1252 without producing mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    # Single-byte code pages often decode English text identically; name the most
    # common one (cp1252) when it gives exactly the same characters.
    if best.encoding != "cp1252" and "cp1252" in best.could_be_from_charset:
        try:
            if data.decode("cp1252") == text:
                return text, "cp1252"
        except UnicodeDecodeError:
            pass
    return text, best.encoding


def read_input(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputRecord]:
    """Read one input path into records; never raises for bad content.

    Args:
        path: The file to read.
        root: The seeds root; ``source_path`` is recorded relative to it.
        max_bytes: Files larger than this are rejected as ``too_large``.

    Returns:
        One record per article found, or a single rejection record.
    """
    rel = path.relative_to(root).as_posix()
    if path.is_symlink() or not path.is_file():
        return [InputRecord(rel, "", 0, reason="not_a_regular_file")]
    try:
        size = path.stat().st_size
        if size > max_bytes:
            digest = sha256_file(path)
            return [
                InputRecord(
                    rel,
                    digest,
                    size,
                    reason="too_large",
                    detail=f"{size} bytes > limit {max_bytes}",
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return [InputRecord(rel, "", 0, reason="unreadable", detail=exc.strerror or str(exc))]
    base = InputRecord(rel, hashlib.sha256(data).hexdigest(), len(data))
    return list(_records_from_bytes(base, data, path.suffix.lower()))


def _reject(base: InputRecord, reason: str, detail: str | None = None) -> InputRecord:
    if reason not in REJECTION_REASONS:
        raise ValueError(f"unknown rejection reason {reason!r}; add it to REJECTION_REASONS")
    return InputRecord(
        base.source_path,
        base.source_sha256,
        base.source_bytes,
        base.source_record,
        base.encoding,
        reason=reason,
        detail=detail,
    )


def _records_from_bytes(base: InputRecord, data: bytes, suffix: str) -> Iterator[InputRecord]:
    if not data:
        yield _reject(base, "empty")
        return
    if suffix not in TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES:
        yield _reject(base, "unsupported_type", f"extension {suffix!r}")
        return
    if sniff_binary(data):
        yield _reject(base, "binary")
        return
    decoded = decode_bytes(data)
    if decoded is None:
        yield _reject(base, "undecodable")
        return
    text, base.encoding = decoded
    if not text.strip():
        yield _reject(base, "whitespace_only")
        return
    if suffix in JSON_SUFFIXES:
        yield from _json_records(base, text)
    elif suffix in JSONL_SUFFIXES:
        yield from _jsonl_records(base, text)
    elif suffix in HTML_SUFFIXES:
        yield _from_html(base, text)
    else:
        base.text = text
        yield base


def _json_records(base: InputRecord, text: str) -> Iterator[InputRecord]:
    try:
        payload = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield _reject(base, "invalid_json", _json_error(exc))
        return
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        yield _reject(base, "empty", "JSON array has no records")
        return
    for index, item in enumerate(items):
        yield _record_from_object(base, index, item)


def _jsonl_records(base: InputRecord, text: str) -> Iterator[InputRecord]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for number, line in lines:
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            rejected = _reject(base, "invalid_json", f"line {number}: {_json_error(exc)}")
            rejected.source_record = number
            yield rejected
            continue
        yield _record_from_object(base, number, item)


def _json_error(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply"
    return str(exc)


def _record_from_object(base: InputRecord, index: int, item: Any) -> InputRecord:
    record = InputRecord(
        base.source_path, base.source_sha256, base.source_bytes, index, base.encoding
    )
    has_text = isinstance(item, dict) and isinstance(item.get("text"), str)
    has_html = isinstance(item, dict) and isinstance(item.get("html"), str)
    if not (has_text or has_html):
        return _reject(
            record, "invalid_record", f"record {index} has no string 'text' or 'html' field"
        )
    if not has_text:
        record = _from_html(record, _SURROGATES.sub("", item["html"]))
        if record.reason is not None:
            return record
    else:
        # Lone surrogates ("\ud800" in JSON) are not text and cannot be stored as UTF-8.
        record.text = _SURROGATES.sub("", item["text"])
    # The record's own fields win over what the page's markup says.
    record.title = _string_field(item, "title") or record.title
    date_raw = _string_field(item, "published") or _string_field(item, "date")
    if date_raw is not None:
        record.date_raw, record.date_origin = date_raw, "record_field"
    record.updated_raw = _string_field(item, "updated") or record.updated_raw
    record.url = _string_field(item, "url") or record.url
    record.publisher = _string_field(item, "source") or record.publisher
    record.authors = _string_list(item, "authors") or _string_list(item, "author") or record.authors
    return record


def _from_html(record: InputRecord, html: str) -> InputRecord:
    """A record whose text, title, dates, URL, publisher and authors come from a page."""
    page = extract_html(html)
    if page is None:
        return _reject(
            record, "no_article_in_html", f"fewer than {MIN_ARTICLE_WORDS} words of main text"
        )
    record.text = page.text
    record.title = page.title
    record.date_raw = page.published_raw
    record.date_origin = "html_metadata" if page.published_raw else None
    record.updated_raw = page.updated_raw
    record.url = page.url
    record.publisher = page.publisher
    record.authors = page.authors or None
    record.removed = page.removed
    return record


def _string_field(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    # Lone surrogates (JSON "\ud800") and control characters cannot be published.
    text = _UNPRINTABLE.sub("", str(value)).strip()
    return text or None


def _string_list(item: dict[str, Any], key: str) -> list[str] | None:
    """A list of strings, or one string, from a record field ("authors": ["A", "B"])."""
    value = item.get(key)
    values = value if isinstance(value, list) else [value]
    cleaned = [_UNPRINTABLE.sub("", v).strip() for v in values if isinstance(v, str)]
    return [v for v in cleaned if v] or None

import codecs
import hashlib
import json
import os
from pathlib import Path

import pytest

from pipelines.transforms.ingest import decode_bytes, discover_files, read_input, sniff_binary

TEXT = "“Café déjà vu,” she said — it’s 5 °C."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    assert decode_bytes(data) == (TEXT, encoding)


def test_cp1252_is_detected_without_mojibake():
    text = (
        "The mayor’s office said “no comment” on the café’s permit — again. "
        "Residents were not surprised; they had heard it all before, she said."
    )
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding == "cp1252"


def test_binary_is_sniffed_but_utf16_is_not():
    assert sniff_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not sniff_binary(codecs.BOM_UTF16_LE + "text".encode("utf-16-le"))
    assert not sniff_binary(b"plain\ttext\r\n")


def _read(tmp_path, name, data, **kwargs):
    path = tmp_path / name
    path.write_bytes(data)
    return read_input(path, tmp_path, **kwargs)


def test_text_file_records_path_hash_and_size(tmp_path):
    data = b"Body text.\n"
    (record,) = _read(tmp_path, "a.txt", data)
    assert (record.source_path, record.source_sha256, record.source_bytes) == (
        "a.txt",
        hashlib.sha256(data).hexdigest(),
        len(data),
    )
    assert (record.text, record.reason, record.source_record) == ("Body text.\n", None, None)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n", "whitespace_only"),
        ("image.txt", b"GIF89a\x00\x01\x00\x00\xff\xff", "binary"),
        ("data.bin", b"hello", "unsupported_type"),
        ("broken.json", b'{"text": ', "invalid_json"),
        ("notext.json", b'{"title": "x"}', "invalid_record"),
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "no_article_in_html",
        ),
        ("menu.json", b'{"html": "<nav>Home</nav>"}', "no_article_in_html"),
        ("emptylist.json", b"[]", "empty"),
    ],
)
def test_bad_files_become_rejections(tmp_path, name, data, reason):
    (record,) = _read(tmp_path, name, data)
    assert record.reason == reason
    assert record.text is None


def test_too_large_file_is_rejected_with_size(tmp_path):
    (record,) = _read(tmp_path, "big.txt", b"x" * 101, max_bytes=100)
    assert (record.reason, record.detail) == ("too_large", "101 bytes > limit 100")


def test_json_array_gives_one_record_per_object(tmp_path):
    payload = [
        {"title": "One", "text": "First.", "published": "2025-01-02", "url": "u1", "source": "S"},
        {"text": "Second.", "date": "Jan 3, 2025"},
        "not an object",
    ]
    records = _read(tmp_path, "batch.json", json.dumps(payload).encode())
    assert [(r.source_record, r.title, r.date_raw, r.reason) for r in records] == [
        (0, "One", "2025-01-02", None),
        (1, None, "Jan 3, 2025", None),
        (2, None, None, "invalid_record"),
    ]
    assert (records[0].url, records[0].publisher) == ("u1", "S")


def test_json_lines_number_records_by_line_and_reject_bad_lines(tmp_path):
    data = b'{"text": "A."}\n\n{"text": \n{"text": "C."}\n'
    records = _read(tmp_path, "feed.jsonl", data)
    assert [(r.source_record, r.text, r.reason) for r in records] == [
        (1, "A.", None),
        (3, None, "invalid_json"),
        (4, "C.", None),
    ]


def test_deeply_nested_json_is_rejected_not_crashing(tmp_path):
    (record,) = _read(tmp_path, "deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert record.reason == "invalid_json"


def test_symlinks_are_listed_but_not_followed(tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret")
    root = tmp_path / "seeds"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("A")
    (root / ".hidden.txt").write_text("H")
    os.symlink(outside, root / "link.txt")
    assert [p.relative_to(root).as_posix() for p in discover_files(root)] == [
        "link.txt",
        "sub/a.txt",
    ]
    (record,) = read_input(root / "link.txt", root)
    assert record.reason == "not_a_regular_file"


PAGE = (Path(__file__).parents[1] / "fixtures" / "real_world" / "saved_page.html").read_bytes()


def test_an_html_page_becomes_one_record_with_its_metadata(tmp_path):
    (record,) = _read(tmp_path, "page.html", PAGE)
    assert record.reason is None
    assert (record.title, record.authors, record.publisher, record.date_raw) == (
        "Harbor ferry to run all winter",
        ["Dana Whitfield"],
        "The Harbor Gazette",
        "2025-03-04",
    )
    assert (record.date_origin, record.updated_raw) == ("html_metadata", "2025-03-05")
    assert record.url == "https://harborgazette.example/news/2025/03/ferry-winter"
    assert "Privacy policy" not in record.text
    assert {"rule": "html_boilerplate", "text": "Privacy policy | Terms of use"} in record.removed


def test_a_json_record_with_html_takes_its_own_fields_first(tmp_path):
    item = {"html": PAGE.decode(), "source": "Harbor Wire", "published": "2025-03-03"}
    (record,) = _read(tmp_path, "pages.json", json.dumps(item).encode())
    assert (record.publisher, record.date_raw, record.date_origin) == (
        "Harbor Wire",
        "2025-03-03",
        "record_field",
    )
    assert record.title == "Harbor ferry to run all winter"


def test_json_authors_are_read_as_a_list(tmp_path):
    item = {"text": "Body.", "authors": ["Ana Ruiz", " ", 3], "author": "ignored"}
    (record,) = _read(tmp_path, "a.json", json.dumps(item).encode())
    assert record.authors == ["Ana Ruiz"]
    (record,) = _read(
        tmp_path, "b.json", json.dumps({"text": "Body.", "author": "Ida Berg"}).encode()
    )
    assert record.authors == ["Ida Berg"]

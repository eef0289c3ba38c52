"""The provenance sidecar: parsing, refusals, and filling records."""

import pytest

from pipelines.transforms.ingest import InputRecord
from pipelines.transforms.provenance import (
    Provenance,
    ProvenanceError,
    read_provenance,
    with_provenance,
)

KNOWN = {"a.txt", "feeds/b.json"}


def sidecar(tmp_path, text):
    path = tmp_path / "provenance.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_by_file_with_empty_cells_as_nothing(tmp_path):
    path = sidecar(
        tmp_path,
        "file,url,publisher\n"
        "a.txt,https://harbor.example/a,Harbor Gazette\n"
        "feeds/b.json,,Harbor Wire\n",
    )
    assert read_provenance(path, KNOWN) == {
        "a.txt": Provenance("https://harbor.example/a", "Harbor Gazette"),
        "feeds/b.json": Provenance(None, "Harbor Wire"),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("url,publisher\nx,y\n", "header must hold `file`"),
        ("file,url,author\na.txt,u,v\n", "unknown: author"),
        ("file,url\nc.txt,https://x.example\n", "line 2: 'c.txt' is not an input file"),
        ("file,url\na.txt,u\na.txt,v\n", "line 3: 'a.txt' is named twice"),
        ("file,url\na.txt,u,extra\n", "line 2: more cells than columns"),
    ],
)
def test_a_malformed_sidecar_is_refused_with_the_line(tmp_path, text, message):
    with pytest.raises(ProvenanceError, match=message):
        read_provenance(sidecar(tmp_path, text), KNOWN)


def test_a_sidecar_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "provenance.csv"
    path.write_bytes("file,publisher\na.txt,Gazette Montréal\n".encode("latin-1"))
    with pytest.raises(ProvenanceError, match="not UTF-8"):
        read_provenance(path, KNOWN)


def test_records_keep_what_they_say_and_take_the_rest():
    plain = InputRecord("a.txt", "0" * 64, 10, text="Body.")
    own_url = InputRecord("feeds/b.json", "1" * 64, 10, 0, text="Body.", url="https://own")
    rejected = InputRecord("feeds/b.json", "1" * 64, 10, 1, reason="invalid_record")
    given = {
        "a.txt": Provenance("https://harbor.example/a", "Harbor Gazette"),
        "feeds/b.json": Provenance("https://sidecar", "Harbor Wire"),
    }
    out = with_provenance([plain, own_url, rejected], given)
    assert [(r.url, r.publisher) for r in out] == [
        ("https://harbor.example/a", "Harbor Gazette"),
        ("https://own", "Harbor Wire"),
        (None, None),
    ]

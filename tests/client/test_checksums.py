"""The SHA256SUMS format: written sorted, read back, malformed lines named."""

import pytest
from newsdata_client.checksums import ChecksumFormatError, format_checksums, parse_checksums


def test_round_trip_sorted_by_name():
    hashes = {"b.csv": "b" * 64, "a.csv": "a" * 64}
    text = format_checksums(hashes)
    assert text == f"{'a' * 64}  a.csv\n{'b' * 64}  b.csv\n"
    assert parse_checksums(text) == [("a" * 64, "a.csv"), ("b" * 64, "b.csv")]


def test_a_malformed_line_is_named():
    with pytest.raises(ChecksumFormatError, match="line 2 is not"):
        parse_checksums(f"{'a' * 64}  a.csv\nnot a checksum\n")

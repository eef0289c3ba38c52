"""The pandera models and the schema forms derived from them."""

import datetime as dt

import pandera.polars as pa
import polars as pl
import pyarrow as pa_arrow
import pytest

from schemas.articles import Articles
from schemas.derive import arrow_schema, list_columns, polars_schema, to_csv_frame
from schemas.registry import TABLES
from schemas.versioning import schema_fingerprint


def _article(**overrides):
    row = {
        "article_id": "0123456789abcdef",
        "source_path": "a.txt",
        "source_record": None,
        "source_sha256": "0" * 64,
        "source_encoding": "utf-8",
        "url": None,
        "publisher": None,
        "authors": [],
        "wire_agency": None,
        "dateline_place": None,
        "title": None,
        "published_date": dt.date(2025, 1, 1),
        "published_date_raw": "2025-01-01",
        "date_source": "header",
        "date_issue": None,
        "updated_date": None,
        "updated_date_raw": None,
        "text": "Body.",
        "language": "en",
        "language_confidence": 0.99,
        "word_count": 1,
        "char_count": 5,
        "content_hash": "f" * 64,
        "boilerplate_removed": [],
        "pipeline_version": "0.1.0",
    }
    row.update(overrides)
    return pl.DataFrame([row], schema=polars_schema(Articles))


def test_valid_article_passes():
    assert Articles.validate(_article()).height == 1


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("article_id", "NOT-HEX"),
        ("date_source", "guess"),
        ("word_count", -1),
        ("text", ""),
        ("source_sha256", "abc"),
    ],
)
def test_invalid_values_fail_with_the_column_named(column, value):
    with pytest.raises(pa.errors.SchemaErrors) as info:
        Articles.validate(_article(**{column: value}), lazy=True)
    assert info.value.failure_cases["column"].to_list() == [column]


def test_every_column_of_every_table_is_described():
    for spec in TABLES.values():
        for name, column in spec.model.to_schema().columns.items():
            assert column.description and len(column.description) > 10, (spec.name, name)


def test_arrow_schema_carries_types_nullability_and_descriptions():
    schema = arrow_schema(Articles)
    assert schema.field("published_date").type == pa_arrow.date32()
    assert schema.field("published_date").nullable is True
    assert schema.field("article_id").nullable is False
    assert schema.field("word_count").metadata[b"description"] == b"Number of words in `text`."


def test_list_columns_are_arrow_lists_and_json_arrays_in_csv():
    assert list_columns(Articles) == ["authors", "boilerplate_removed"]
    removed = arrow_schema(Articles).field("boilerplate_removed").type
    assert pa_arrow.types.is_large_list(removed) and removed.value_type.names == ["rule", "text"]
    frame = _article(
        authors=["Ana Ruiz", "Zoë Lin"],
        boilerplate_removed=[{"rule": "byline", "text": "By “Ana”"}],
    )
    csv = to_csv_frame(frame, Articles).row(0, named=True)
    assert csv["authors"] == '["Ana Ruiz","Zoë Lin"]'
    assert csv["boilerplate_removed"] == '[{"rule":"byline","text":"By “Ana”"}]'
    assert to_csv_frame(_article(), Articles)["authors"].to_list() == ["[]"]


def test_schema_fingerprint_is_stable_and_prefixed():
    assert schema_fingerprint() == schema_fingerprint()
    assert schema_fingerprint().startswith("sha256:") and len(schema_fingerprint()) == 23

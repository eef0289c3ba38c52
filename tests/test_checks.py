"""Blocking checks: a failing check stops publication and reports failing rows."""

import dataclasses

import pandera.polars as pa
import polars as pl

from pipelines.checks import accounted_inputs, check_foreign_key, check_spans
from schemas.articles import Articles
from schemas.registry import TABLES, ForeignKey, TextSpan
from tests.conftest import run_build


class ShortArticles(Articles):
    """Articles, but a test model that allows at most 400 words (three seeds have more)."""

    word_count: pl.Int64 = pa.Field(ge=0, le=400, description="At most 400 words.")


def test_failing_schema_check_blocks_publication(seeds_copy, tmp_path, monkeypatch):
    strict = dataclasses.replace(TABLES["articles"], model=ShortArticles)
    monkeypatch.setitem(TABLES, "articles", strict)
    build = run_build(seeds_copy, tmp_path)
    assert not build.result.success
    evaluation = next(
        e
        for e in build.result.get_asset_check_evaluations()
        if e.check_name == "schema" and e.asset_key.to_user_string() == "articles"
    )
    assert evaluation.passed is False
    assert evaluation.metadata["failure_count"].value == 3
    assert "less_than_or_equal_to(400)" in evaluation.metadata["failing_rows_sample"].value
    assert not (tmp_path / "datasets" / build.version).exists()


def test_foreign_key_check_lists_orphans():
    child = pl.DataFrame({"article_id": ["a", "b", None]})
    parent = pl.DataFrame({"article_id": ["a"]})
    result = check_foreign_key(
        child, parent, ForeignKey(("article_id",), "articles", ("article_id",))
    )
    assert result.passed is False
    assert result.metadata["orphan_rows"].value == 1


def test_accounting_check_finds_a_lost_record():
    records = pl.DataFrame({"source_path": ["a", "b", "c"], "source_record": [None, 1, 2]})
    articles = pl.DataFrame(
        {"source_path": ["a"], "source_record": [None]},
        schema={"source_path": pl.String, "source_record": pl.Int64},
    )
    rejected = pl.DataFrame({"source_path": ["b"], "source_record": [1]})
    result = accounted_inputs(records, articles, rejected)
    assert result.passed is False
    assert result.metadata["unaccounted"].value == 1
    assert accounted_inputs(records.head(2), articles, rejected).passed is True


def test_span_check_finds_offsets_that_do_not_slice_to_the_text():
    articles = pl.DataFrame({"article_id": ["a"], "text": ["Ana met “Bo” in Rome."]})
    spans = pl.DataFrame(
        {
            "article_id": ["a", "a", "a", "z"],
            "mention_start": [0, 9, 16, 0],
            "mention_end": [3, 11, 21, 3],
            "mention_text": ["Ana", "Bo", "Roma.", "Ana"],
        }
    )
    span = TextSpan("mention_start", "mention_end", "mention_text")
    result = check_spans(spans, articles, span)
    assert result.passed is False
    assert result.metadata["bad_spans"].value == 2  # wrong text, unknown article
    assert check_spans(spans.head(2), articles, span).passed is True

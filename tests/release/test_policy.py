"""The versioning policy: the publish step refuses a bump that understates the change."""

import polars as pl
import pytest

from pipelines.release import policy
from pipelines.release.policy import (
    VersionPolicyError,
    bump_level,
    enforce,
    next_version,
    parse_version,
    required_change,
)
from schemas.articles import Articles


@pytest.fixture(scope="module")
def previous(seeds_build):
    """A published folder and its tables, as the previous version."""
    tables = {
        name: seeds_build.table(name)
        for name in (
            "articles",
            "article_duplicates",
            "rejections",
            "entities",
            "entity_mentions",
            "quotes",
        )
    }
    return seeds_build.folder, tables


def test_bump_levels():
    assert bump_level("1.2.3", "2.0.0") == "major"
    assert bump_level("1.2.3", "1.3.0") == "minor"
    assert bump_level("1.2.3", "1.2.4") == "patch"
    assert bump_level("1.2.3", "1.2.3") == "none"
    with pytest.raises(VersionPolicyError, match="not MAJOR.MINOR.PATCH"):
        parse_version("1.2")


def test_dropped_column_under_a_minor_bump_is_refused(previous, monkeypatch):
    folder, tables = previous
    real = policy.arrow_schema

    def without_url(model):
        schema = real(model)
        return schema.remove(schema.get_field_index("url")) if model is Articles else schema

    monkeypatch.setattr(policy, "arrow_schema", without_url)
    with pytest.raises(
        VersionPolicyError,
        match=r"needs a major bump: column articles.url "
        r"removed or renamed",
    ):
        enforce("1.0.0", folder, "1.1.0", tables)
    assert enforce("1.0.0", folder, "2.0.0", tables).level == "major"


def test_removed_table_needs_major_and_added_rows_need_minor(previous):
    folder, tables = previous
    without_quotes = {k: v for k, v in tables.items() if k != "quotes"}
    assert required_change(folder, without_quotes).level == "major"
    extra = tables["articles"].head(1).with_columns(article_id=pl.lit("f" * 16))
    more = {**tables, "articles": pl.concat([tables["articles"], extra])}
    change = required_change(folder, more)
    assert (change.level, change.reasons) == ("minor", ("1 rows added to articles",))
    with pytest.raises(VersionPolicyError, match="needs a minor bump"):
        enforce("1.0.0", folder, "1.0.1", more)


def test_corrected_values_need_only_a_patch(previous):
    folder, tables = previous
    fixed = {**tables, "articles": tables["articles"].with_columns(title=pl.lit("Fixed"))}
    assert required_change(folder, fixed).level == "patch"
    assert enforce("1.0.0", folder, "1.0.1", fixed).level == "patch"


def test_next_version_is_the_smallest_bump_of_each_level():
    assert [next_version("1.4.2", level) for level in ("patch", "minor", "major")] == [
        "1.4.3",
        "1.5.0",
        "2.0.0",
    ]

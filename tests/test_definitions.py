"""Smoke test: the definitions load and hold the expected assets, checks and jobs."""

from dagster import AssetKey

from pipelines.definitions import defs
from tests.conftest import ALL_CHECKS


def test_expected_assets_checks_and_jobs():
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == {
        "input_records",
        "cleaned_records",
        "dated_records",
        "articles",
        "article_duplicates",
        "rejections",
        "parsed_articles",
        "model_entity_spans",
        "entities",
        "entity_mentions",
        "quotes",
        "dataset_release",
    }
    assert {f"{k.asset_key.to_user_string()}/{k.name}" for k in graph.asset_check_keys} == (
        ALL_CHECKS
    )
    assert {j.name for j in defs.resolve_all_job_defs()} >= {"build_dataset", "ci_validation"}


def test_table_assets_carry_column_schema_from_models():
    spec = defs.resolve_assets_def(AssetKey("articles")).specs_by_key[AssetKey("articles")]
    schema = spec.metadata["dagster/column_schema"]
    by_name = {c.name: c for c in schema.columns}
    assert list(by_name)[:3] == ["article_id", "source_path", "source_record"]
    assert by_name["published_date"].type == "Date"
    assert by_name["published_date"].constraints.nullable is True
    assert by_name["article_id"].constraints.unique is True
    assert by_name["text"].description.startswith("Cleaned article text")


def test_every_asset_has_a_group_and_description():
    for assets_def in defs.resolve_asset_graph().assets_defs:
        for spec in assets_def.specs:
            assert spec.group_name and spec.group_name != "default", spec.key
            assert spec.description, spec.key


def test_published_tables_are_described_by_their_table_models():
    from pipelines.metadata import describe
    from schemas.registry import TABLES

    graph = defs.resolve_asset_graph()
    for name, spec in TABLES.items():
        node = graph.get(AssetKey(name))
        assert node.description == describe(spec.model), name


def test_previews_mark_cut_text_with_an_ellipsis():
    import polars as pl

    from pipelines.metadata import preview

    table = preview(pl.DataFrame({"text": ["word " * 40, "two  words"]})).value
    rows = table.splitlines()[2:]
    assert rows[0].rstrip(" |").endswith("word…")
    assert "| two words" in rows[1]

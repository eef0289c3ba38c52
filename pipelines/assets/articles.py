"""The published article tables: articles, article_duplicates and rejections."""

import polars as pl
from dagster import AssetExecutionContext, AssetOut, Output, asset, multi_asset

from pipelines.metadata import asset_metadata, describe, frame_metadata
from pipelines.resources import PipelineSettings, pipeline_version
from pipelines.transforms.articles import identify_articles, rejected_records
from pipelines.transforms.dedup import deduplicate
from pipelines.transforms.language import language_model_version
from schemas.article_duplicates import ArticleDuplicates
from schemas.articles import Articles
from schemas.derive import conform
from schemas.rejections import Rejections


@multi_asset(
    group_name="tables",
    outs={
        "articles": AssetOut(
            description=describe(Articles),
            metadata=asset_metadata(Articles),
            kinds={"polars", "table"},
        ),
        "article_duplicates": AssetOut(
            description=describe(ArticleDuplicates),
            metadata=asset_metadata(ArticleDuplicates),
            kinds={"polars", "table"},
        ),
    },
)
def articles_and_duplicates(
    context: AssetExecutionContext, dated_records: pl.DataFrame, settings: PipelineSettings
):
    """Deduplicate the accepted records into canonical articles and duplicate links."""
    languages = settings.results("languages", language_model_version())
    candidates = identify_articles(dated_records, pipeline_version(), languages)
    canonical, duplicates = deduplicate(candidates, settings.dedup())
    articles = conform(canonical.rename({"encoding": "source_encoding"}), Articles)
    context.log.info(f"articles written: {articles.height}; duplicates: {duplicates.height}")
    methods = dict(duplicates.group_by("method").len().sort("method").iter_rows())
    yield Output(
        articles,
        output_name="articles",
        metadata=frame_metadata(
            articles.drop("text"),
            dates_missing=articles.filter(pl.col("published_date").is_null()).height,
        ),
    )
    yield Output(
        conform(duplicates, ArticleDuplicates),
        output_name="article_duplicates",
        metadata=frame_metadata(
            duplicates,
            exact=methods.get("exact", 0),
            near=methods.get("near", 0),
            threshold=settings.dedup_threshold,
        ),
    )


@asset(
    group_name="tables",
    kinds={"polars", "table"},
    description=describe(Rejections),
    metadata=asset_metadata(Rejections),
)
def rejections(dated_records: pl.DataFrame) -> Output[pl.DataFrame]:
    """Every input file or record that did not become an article, with the reason."""
    frame = conform(rejected_records(dated_records), Rejections)
    by_reason = dict(frame.group_by("reason").len().sort("reason").iter_rows())
    return Output(
        frame, metadata=frame_metadata(frame, **{f"rejected_{k}": v for k, v in by_reason.items()})
    )

"""The quotes stage: quotations, attributed to the entities that said them."""

import polars as pl
from dagster import AssetExecutionContext, Output, asset

from pipelines.metadata import asset_metadata, describe, frame_metadata
from pipelines.partitions import MaybeSharded, one_frame
from pipelines.resources import NlpPipeline
from pipelines.transforms.nlp import in_language, parsed_docs
from pipelines.transforms.quotes.table import quotes_table
from schemas.derive import conform
from schemas.quotes import Quotes


@asset(
    group_name="quotes",
    kinds={"spacy", "polars", "table"},
    description=describe(Quotes),
    metadata=asset_metadata(Quotes),
)
def quotes(
    context: AssetExecutionContext,
    articles: pl.DataFrame,
    parsed_articles: MaybeSharded,
    entity_mentions: pl.DataFrame,
    entities: pl.DataFrame,
    nlp: NlpPipeline,
) -> Output[pl.DataFrame]:
    """Every direct quotation with exact offsets, kind, speaker, cue and attribution method
    (articles in the model's language only)."""
    texts = in_language(articles, nlp.info()["lang"]).select("article_id", "text")
    parsed = one_frame(parsed_articles, articles)  # every shard, when sharded
    frame = quotes_table(
        texts,
        parsed_docs(parsed, nlp.load().vocab, dict(texts.iter_rows()), nlp.cache()),
        entity_mentions,
        entities,
        progress=lambda done, total: context.log.info(f"quotes: {done}/{total} articles"),
    )
    by_kind = dict(frame.group_by("kind").len().sort("kind").iter_rows())
    return Output(
        conform(frame, Quotes),
        metadata=frame_metadata(
            frame,
            quotes_unattributed=frame.filter(pl.col("speaker").is_null()).height,
            quotes_unclosed=frame.filter(~pl.col("is_closed")).height,
            **{f"kind_{k}": v for k, v in by_kind.items()},
        ),
    )

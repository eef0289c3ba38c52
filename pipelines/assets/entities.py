"""The entity stage: model mentions, then the ``entities`` and ``entity_mentions`` tables."""

import polars as pl
from dagster import AssetExecutionContext, AssetOut, Output, asset, multi_asset

from pipelines.metadata import asset_metadata, describe, frame_metadata, intermediate_metadata
from pipelines.partitions import MaybeSharded, covered_shards, one_frame
from pipelines.resources import NlpPipeline, PipelineSettings
from pipelines.transforms.entities.ner import cached_model_spans
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.entities.resolve import resolve_corpus
from pipelines.transforms.nlp import in_language, parsed_docs
from pipelines.transforms.parse_cache import model_key
from schemas.derive import conform
from schemas.entities import Entities
from schemas.entity_mentions import EntityMentions


@asset(group_name="entities", kinds={"spacy", "polars"})
def model_entity_spans(
    context: AssetExecutionContext,
    articles: pl.DataFrame,
    parsed_articles: MaybeSharded,
    nlp: NlpPipeline,
    settings: PipelineSettings,
) -> Output:
    """Raw entity spans read from the shared parse, before correction: the NER model's
    (published types only, `source` = ner) and the named subjects of reporting verbs it
    missed (`source` = speaker), so every speaker can be an entity. A text whose spans an
    earlier build found with the same code and model is read from the result cache.
    Sharded like the parse it reads (``NEWSDATA_SHARDS``)."""
    shards = covered_shards(context)
    parsed = one_frame(parsed_articles, articles)
    texts = dict(articles.select("article_id", "text").iter_rows())
    info = nlp.info()
    parses = nlp.cache()
    spans, reused = cached_model_spans(
        parsed,
        lambda todo: parsed_docs(todo, nlp.load().vocab, texts, parses),  # loaded if needed
        settings.results("model_spans", model_key(info)),
    )
    return Output(
        spans if shards is None else shards.output(spans),
        metadata=intermediate_metadata(
            spans, model=info["name"], model_version=info["version"], spans_from_cache=reused
        ),
    )


@multi_asset(
    group_name="entities",
    outs={
        "entities": AssetOut(
            description=describe(Entities),
            metadata=asset_metadata(Entities),
            kinds={"polars", "table"},
        ),
        "entity_mentions": AssetOut(
            description=describe(EntityMentions),
            metadata=asset_metadata(EntityMentions),
            kinds={"polars", "table"},
        ),
    },
)
def entity_tables(
    articles: pl.DataFrame,
    model_entity_spans: MaybeSharded,
    settings: PipelineSettings,
    nlp: NlpPipeline,
):
    """Correct, link and resolve the model spans into canonical entities and mentions
    (articles in the model's language only)."""
    register = load_register(settings.register_path())
    readable = in_language(articles, nlp.info()["lang"])
    spans = one_frame(model_entity_spans, articles)  # every shard, when sharded
    entities, mentions = resolve_corpus(readable, spans, register)
    unlinked = entities.filter(~pl.col("in_register")).height
    yield Output(
        conform(entities, Entities),
        output_name="entities",
        metadata=frame_metadata(
            entities,
            entities_unlinked=unlinked,
            entities_with_wikidata=entities.filter(pl.col("wikidata_id").is_not_null()).height,
        ),
    )
    by_resolution = dict(mentions.group_by("resolution").len().sort("resolution").iter_rows())
    yield Output(
        conform(mentions, EntityMentions),
        output_name="entity_mentions",
        metadata=frame_metadata(
            mentions, **{f"resolved_by_{k}": v for k, v in by_resolution.items()}
        ),
    )

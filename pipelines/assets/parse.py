"""The shared NLP pass: every article parsed once, for entities and quotes alike."""

import polars as pl
from dagster import AssetExecutionContext, Output, asset

from pipelines.metadata import intermediate_metadata
from pipelines.resources import NlpPipeline
from pipelines.transforms.nlp import in_language, parse_articles


@asset(group_name="nlp", kinds={"spacy", "polars"})
def parsed_articles(
    context: AssetExecutionContext, articles: pl.DataFrame, nlp: NlpPipeline
) -> Output[pl.DataFrame]:
    """Each article's text parsed once by the spaCy pipeline (tags, lemmas, dependency
    parse and named entities), stored as spaCy DocBin bytes with the SHA-256 of the text
    parsed. Entities and quotes are both read from it."""
    info = nlp.info()
    readable = in_language(articles, info["lang"])
    processes = nlp.processes(readable.height)
    context.log.info(f"parse: {readable.height} articles in {processes} process(es)")
    parsed = parse_articles(
        nlp.load(),
        readable.select("article_id", "text"),
        batch_size=nlp.batch_size,
        n_process=processes,
        progress=lambda done, total: context.log.info(f"parse: {done}/{total} articles"),
    )
    return Output(
        parsed,
        metadata=intermediate_metadata(
            parsed,
            articles_in_other_languages=articles.height - readable.height,
            processes=processes,
            model=info["name"],
            model_version=info["version"],
            parse_bytes=int(parsed["doc"].bin.size().sum() or 0),
        ),
    )

"""The shared NLP pass: every article parsed once, for entities and quotes alike."""

import polars as pl
from dagster import AssetExecutionContext, Output, asset

from pipelines.metadata import intermediate_metadata
from pipelines.partitions import covered_shards
from pipelines.resources import NlpPipeline
from pipelines.transforms.nlp import in_language, parse_articles


@asset(group_name="nlp", kinds={"spacy", "polars"})
def parsed_articles(
    context: AssetExecutionContext, articles: pl.DataFrame, nlp: NlpPipeline
) -> Output:
    """Each article's text parsed once by the spaCy pipeline (tags, lemmas, dependency
    parse and named entities), stored as spaCy DocBin bytes with the SHA-256 of the text
    parsed. Entities and quotes are both read from it. Only articles in the model's
    language (or ``und``) are parsed; the others get no entities or quotes. A text
    the parse cache holds for this model is not parsed again. With the cache on, the
    parses live there only (the frame holds the text hashes; downstream stages read
    one parse at a time), so memory does not grow with the corpus. When sharded
    (``NEWSDATA_SHARDS``), a step parses the articles of its shards only."""
    info = nlp.info()
    shards = covered_shards(context)
    readable = in_language(articles, info["lang"])
    other_languages = articles.height - readable.height
    if shards is not None:
        readable = shards.select(readable)
    cache = nlp.cache()
    reused = cache.count(readable["text"].to_list()) if cache is not None else 0
    processes = nlp.processes(readable.height - reused)
    context.log.info(
        f"parse: {readable.height} articles, {reused} from the parse cache, "
        f"the others in {processes} process(es)"
    )
    parsed = parse_articles(
        nlp.load(),
        readable.select("article_id", "text"),
        batch_size=nlp.batch_size,
        n_process=processes,
        progress=lambda done, total: context.log.info(f"parse: {done}/{total} articles"),
        cache=cache,
        keep_docs=cache is None,
    )
    return Output(
        parsed if shards is None else shards.output(parsed),
        metadata=intermediate_metadata(
            parsed,
            articles_in_other_languages=other_languages,
            processes=processes,
            parsed_from_cache=reused,
            model=info["name"],
            model_version=info["version"],
            parses_stored_in="parse cache" if cache is not None else "this frame",
        ),
    )

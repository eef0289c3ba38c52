"""Candidate articles: IDs, hashes and languages, with the language result cache."""

import polars as pl

from pipelines.transforms import articles
from pipelines.transforms.articles import identify_articles
from pipelines.transforms.result_cache import ResultCache

ENGLISH = "The harbor board met on Tuesday and voted to keep the ferry running all winter."
SPANISH = (
    "La junta del puerto se reunió el martes y votó mantener el transbordador todo el invierno."
)


def records(*texts):
    return pl.DataFrame(
        {"text": [*texts, "rejected"], "reason": [None] * len(texts) + ["empty"]},
        schema={"text": pl.String, "reason": pl.String},
    )


def test_languages_come_from_the_cache_for_texts_seen_before(tmp_path, monkeypatch):
    calls = []
    detect = articles.detect_language

    def counted(text):
        calls.append(text)
        return detect(text)

    monkeypatch.setattr(articles, "detect_language", counted)
    cache = ResultCache(tmp_path / "languages.parquet")
    first = identify_articles(records(ENGLISH, SPANISH, ENGLISH), "1", cache)
    assert first["language"].to_list() == ["en", "es", "en"]
    assert calls == [ENGLISH, SPANISH]  # once per distinct text
    again = identify_articles(records(SPANISH, ENGLISH), "1", cache)
    assert calls == [ENGLISH, SPANISH]  # nothing detected again
    assert again.select("language", "language_confidence").to_dicts() == (
        first[[1, 0]].select("language", "language_confidence").to_dicts()
    )
    plain = identify_articles(records(ENGLISH, SPANISH, ENGLISH), "1")
    assert plain.equals(first)  # the same frame with or without the cache

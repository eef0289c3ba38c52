"""Candidate articles: IDs, hashes and languages, with the language result cache."""

import json

import polars as pl

from pipelines.transforms import articles
from pipelines.transforms.articles import clean_records, identify_articles, read_records
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


def test_chunked_reading_and_cleaning_give_the_one_frame_order_and_all(tmp_path, monkeypatch):
    root = tmp_path / "seeds"
    (root / "a").mkdir(parents=True)
    (root / "a.txt").write_text(f"A headline\n\n{ENGLISH}")
    (root / "a" / "b.txt").write_text(f"Other headline\n\n{SPANISH}")
    (root / "a-b.txt").write_text("")  # a rejection
    records = [{"title": f"T{i}", "text": f"{ENGLISH} Number {i}."} for i in range(3)]
    (root / "z.json").write_text(json.dumps(records))
    paths = [root / "z.json", root / "a-b.txt", root / "a" / "b.txt", root / "a.txt"]
    whole = clean_records(read_records(paths, root))
    monkeypatch.setattr(articles, "CHUNK_ROWS", 2)
    chunked = clean_records(read_records(paths, root))
    assert chunked.equals(whole)
    assert whole.select("source_path", "source_record").rows() == [
        ("a-b.txt", None),
        ("a.txt", None),
        ("a/b.txt", None),
        ("z.json", 0),
        ("z.json", 1),
        ("z.json", 2),
    ]
    assert whole["reason"].to_list() == ["empty", None, None, None, None, None]

"""The committed gold: the development corpus is sound, licensed, split fairly; seeds locate."""

import re
import unicodedata

import polars as pl
import pytest

from pipelines.evaluation.gold import (
    DEV_CORPUS,
    ENTITY_TYPES,
    SOURCE_KINDS,
    SPEAKER_KINDS,
    dev_corpus,
    locate_quote,
    seeds_gold,
)

MANIFEST = pl.read_csv(DEV_CORPUS / "manifest.csv", infer_schema=False)
QUOTES = pl.read_csv(DEV_CORPUS / "quotes.csv", infer_schema=False)
ENTITIES = pl.read_csv(DEV_CORPUS / "entities.csv", infer_schema=False)


def test_corpus_size_and_variety():
    assert MANIFEST.height >= 40
    assert MANIFEST["outlet"].n_unique() >= 6
    assert QUOTES.height >= 400
    assert set(MANIFEST["source_kind"]) <= set(SOURCE_KINDS)
    assert MANIFEST["source_kind"].n_unique() >= 4


def test_every_article_has_licence_url_and_date_and_a_file():
    for column in ("url", "licence", "licence_url", "outlet", "published_date", "retrieved_from"):
        assert MANIFEST[column].null_count() == 0, column
    assert MANIFEST["url"].str.starts_with("http").all()
    files = {p.name for p in (DEV_CORPUS / "texts").iterdir()}
    assert files == set(MANIFEST["file"])
    assert MANIFEST["file"].is_unique().all()


def test_no_source_kept_for_independent_evaluation():
    kept = "go" + "thamist"  # spelled apart so no file under tests/gold names it
    for column in ("url", "outlet", "retrieved_from"):
        assert not MANIFEST[column].str.to_lowercase().str.contains(kept).any()


def test_texts_are_nfc_with_lf_line_ends():
    for name in MANIFEST["file"]:
        text = (DEV_CORPUS / "texts" / name).read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, name
        assert "\r" not in text, name


def test_every_gold_quotation_slices_out_of_its_file_after_an_opening_mark():
    texts = {
        name: (DEV_CORPUS / "texts" / name).read_text(encoding="utf-8") for name in MANIFEST["file"]
    }
    for row in QUOTES.iter_rows(named=True):
        text, start, end = texts[row["file"]], int(row["quote_start"]), int(row["quote_end"])
        assert text[start:end] == row["quote_text"], row
        opened = re.search(r"[“\"„«]\s*$", text[:start])
        unbalanced = "unbalanced" in (row["note"] or "") and text[:start].endswith("\n")
        assert opened or unbalanced, row
    assert QUOTES.select("file", "quote_start").is_unique().all()


def test_annotation_values_are_from_the_guidelines():
    assert set(QUOTES["kind"]) <= {"full", "partial", "fragment"}
    assert set(QUOTES["speaker_kind"]) <= set(SPEAKER_KINDS)
    unnamed_kinds = QUOTES.filter(pl.col("speaker_kind").is_in(["description", "none"]))
    assert unnamed_kinds["speaker"].null_count() == unnamed_kinds.height
    assert QUOTES.filter(pl.col("speaker_kind") == "person")["speaker"].null_count() == 0
    assert set(ENTITIES["type"]) <= set(ENTITY_TYPES)
    assert set(ENTITIES["status"]) <= {"required", "borderline"}
    assert ENTITIES.select("file", "canonical_name", "type").is_unique().all()
    assert set(QUOTES["file"]) | set(ENTITIES["file"]) <= set(MANIFEST["file"])


def test_halves_are_disjoint_and_alternate_within_each_outlet():
    dev, test = dev_corpus("dev"), dev_corpus("test")
    assert not set(dev.docs) & set(test.docs)
    assert set(dev.docs) | set(test.docs) == set(MANIFEST["file"])
    for _, group in MANIFEST.sort("file").group_by("outlet", maintain_order=True):
        expected = ["dev" if i % 2 == 0 else "test" for i in range(group.height)]
        assert group["split"].to_list() == expected, group["outlet"][0]


def test_dev_corpus_reader_keeps_quotes_and_dates_of_its_half():
    dev = dev_corpus("dev")
    assert set(dev.quotes["doc"]) <= set(dev.docs)
    assert dev.dates is not None and dev.dates.height == len(dev.docs)
    assert dev.dates["published_date"].null_count() == 0
    with pytest.raises(ValueError, match="unknown split"):
        dev_corpus("train")


def test_seeds_gold_locates_every_quotation():
    gold = seeds_gold()
    assert gold.quotes.height == 26
    assert gold.entities is not None and gold.entities.height == 55
    assert gold.quotes["speaker"].null_count() == 1


def test_locate_quote_refuses_ambiguous_or_absent_quotes():
    text = "“yes” and “yes” and “no”"
    assert locate_quote(text, "no", "doc") == text.index("no")
    with pytest.raises(ValueError, match="found 2 times"):
        locate_quote(text, "yes", "doc")
    with pytest.raises(ValueError, match="found 0 times"):
        locate_quote(text, "maybe", "doc")

import polars as pl

from pipelines.transforms.entities.ner import RAW_MENTION_SCHEMA
from pipelines.transforms.entities.register import Register, RegisterEntry
from pipelines.transforms.entities.resolve import entity_id, resolve_corpus


def raw(rows):
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row")


def span_row(article_id, text, surface, label, occurrence=0, source="ner"):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return (article_id, start, start + len(surface), label, source)


def test_corpus_tables_link_surnames_across_articles_and_count():
    a = "Senator Lena Ortiz filed a bill. Ortiz called it urgent."
    b = "Ortiz was not available for comment, a spokesperson for Harbor Bank said."
    articles = pl.DataFrame({"article_id": ["a" * 16, "b" * 16], "text": [a, b]})
    mentions_in = raw(
        [
            span_row("a" * 16, a, "Senator Lena Ortiz", "PERSON"),
            span_row("a" * 16, a, "Ortiz", "PERSON", occurrence=1),
            span_row("b" * 16, b, "Ortiz", "GPE"),
            span_row("b" * 16, b, "Harbor Bank", "ORG"),
        ]
    )
    register = Register([RegisterEntry("Harbor Bank", "ORG", (), "Q42")])
    entities, mentions = resolve_corpus(articles, mentions_in, register)
    ortiz = entities.filter(pl.col("canonical_name") == "Lena Ortiz").row(0, named=True)
    assert ortiz["entity_id"] == entity_id("Lena Ortiz", "PERSON")
    assert (ortiz["type"], ortiz["mention_count"], ortiz["article_count"]) == ("PERSON", 3, 2)
    assert ortiz["aliases"] == ["Lena Ortiz", "Ortiz"]
    bank = entities.filter(pl.col("canonical_name") == "Harbor Bank").row(0, named=True)
    assert (bank["wikidata_id"], bank["in_register"]) == ("Q42", True)
    assert mentions["resolution"].to_list() == [
        "name",
        "short_name",
        "corpus_short_name",
        "register",
    ]
    for aid, start, end, surface in mentions.select(
        "article_id", "mention_start", "mention_end", "mention_text"
    ).iter_rows():
        assert {"a" * 16: a, "b" * 16: b}[aid][start:end] == surface


def test_same_name_gets_one_entity_with_the_majority_type():
    texts = ["Visitors love Marlow.", "Marlow is growing.", "Marlow hired staff."]
    ids = [c * 16 for c in "abc"]
    articles = pl.DataFrame({"article_id": ids, "text": texts})
    labels = ["GPE", "GPE", "ORG"]
    mentions_in = raw(
        [span_row(i, t, "Marlow", lab) for i, t, lab in zip(ids, texts, labels, strict=True)]
    )
    entities, mentions = resolve_corpus(articles, mentions_in, Register([]))
    assert entities.select("canonical_name", "type", "mention_count").rows() == [
        ("Marlow", "GPE", 3)
    ]
    assert mentions["entity_id"].n_unique() == 1


def test_entity_id_is_stable():
    assert entity_id("Lena Ortiz", "PERSON") == entity_id("Lena Ortiz", "PERSON")
    assert entity_id("Lena Ortiz", "PERSON") != entity_id("Lena Ortiz", "ORG")
    assert len(entity_id("x", "ORG")) == 16


def test_acronym_defined_in_one_article_resolves_in_another():
    a = "The Department of Buildings (DOB) issued a permit."
    b = "The DOB later revoked it."
    articles = pl.DataFrame({"article_id": ["a" * 16, "b" * 16], "text": [a, b]})
    mentions_in = raw(
        [
            span_row("a" * 16, a, "Department of Buildings", "ORG"),
            span_row("b" * 16, b, "DOB", "ORG"),
        ]
    )
    entities, mentions = resolve_corpus(articles, mentions_in, Register([]))
    assert entities["canonical_name"].to_list() == ["Department of Buildings"]
    assert mentions["resolution"].to_list() == ["name", "acronym"]


def test_a_speaker_the_model_missed_becomes_a_mention_without_model_label():
    text = "The bridge opened. Dana Whitfield said it was late. Whitfield left."
    mentions_in = raw(
        [
            span_row("a" * 16, text, "Dana Whitfield", "PERSON", source="speaker"),
            span_row("a" * 16, text, "Whitfield", "PERSON", occurrence=1),
        ]
    )
    articles = pl.DataFrame({"article_id": ["a" * 16], "text": [text]})
    entities, mentions = resolve_corpus(articles, mentions_in, Register([]))
    assert entities.select("canonical_name", "type", "mention_count").rows() == [
        ("Dana Whitfield", "PERSON", 2)
    ]
    assert mentions.select("mention_text", "model_label", "resolution").rows() == [
        ("Dana Whitfield", None, "name"),
        ("Whitfield", "PERSON", "short_name"),
    ]

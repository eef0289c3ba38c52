"""Raw spans read from a parsed Doc (tags and entities set by hand, no model)."""

import polars as pl
import spacy
from spacy.tokens import Doc, Span

from pipelines.transforms.entities.ner import cached_model_spans, model_spans
from pipelines.transforms.result_cache import ResultCache


def spans_of(words, tags, ents):
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return [
        (doc.text[row["start"] : row["end"]], row["label"])
        for row in model_spans([("a1", doc)]).iter_rows(named=True)
    ]


def test_a_one_word_plural_common_noun_is_not_a_name():
    words = ["Attendees", "met", "Soldiers", "of", "Harbor", "Guard", "."]
    tags = ["NNS", "VBD", "NNS", "IN", "NNP", "NNP", "."]
    ents = [(0, 1, "ORG"), (2, 3, "ORG"), (4, 6, "ORG")]
    assert spans_of(words, tags, ents) == [("Harbor Guard", "ORG")]


def test_a_plural_tag_keeps_groups_people_and_acronyms():
    words = ["Texans", "and", "Richards", "met", "FARCS", "."]
    tags = ["NNS", "CC", "NNS", "VBD", "NNS", "."]
    ents = [(0, 1, "ORG"), (2, 3, "PERSON"), (4, 5, "ORG")]
    assert spans_of(words, tags, ents) == [
        ("Texans", "ORG"),
        ("Richards", "PERSON"),
        ("FARCS", "ORG"),
    ]


def test_a_plural_tag_keeps_the_surname_of_a_person_named_in_full():
    words = ["Kofi", "Sanders", "spoke", ".", "Sanders", "left", ";", "Soldiers", "stayed", "."]
    tags = ["NNP", "NNP", "VBD", ".", "NNS", "VBD", ":", "NNS", "VBD", "."]
    ents = [(0, 2, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG")]
    assert spans_of(words, tags, ents) == [("Kofi Sanders", "PERSON"), ("Sanders", "ORG")]


def test_cached_spans_equal_fresh_ones_and_only_new_texts_are_read(tmp_path):
    vocab = spacy.blank("en").vocab

    def doc(words, tags, ents):
        made = Doc(vocab, words=words, tags=tags)
        made.ents = [Span(made, start, end, label=label) for start, end, label in ents]
        return made

    docs = {
        "h1": doc(["Kofi", "Mensah", "met", "Ida", "Berg", "."], ["NNP"] * 5 + ["."],
                  [(0, 2, "PERSON"), (3, 5, "PERSON")]),
        "h2": doc(["Harbor", "Guard", "left", "."], ["NNP", "NNP", "VBD", "."], [(0, 2, "ORG")]),
        "h3": doc(["Nothing", "here", "."], ["NN", "RB", "."], []),
    }  # fmt: skip
    read = []

    def parses(frame):
        read.append(frame["text_sha256"].to_list())
        return [(a, docs[sha]) for a, sha in frame.select("article_id", "text_sha256").iter_rows()]

    def parsed(*pairs):
        return pl.DataFrame(pairs, schema=["article_id", "text_sha256"], orient="row")

    corpus = parsed(("a", "h1"), ("b", "h2"), ("c", "h1"), ("d", "h3"))
    fresh = model_spans((a, docs[sha]) for a, sha in corpus.iter_rows())
    assert fresh["article_id"].to_list() == ["a", "a", "b", "c", "c"]
    cache = ResultCache(tmp_path / "spans.parquet")
    first, reused = cached_model_spans(corpus, parses, cache)
    assert (first.to_dicts(), reused, read) == (fresh.to_dicts(), 0, [["h1", "h2", "h3"]])
    again, reused = cached_model_spans(corpus, parses, cache)
    assert (again.to_dicts(), reused, len(read)) == (fresh.to_dicts(), 3, 1)  # no parse read
    # a new article of a known text and one of a new text: only the new text is read
    grown = parsed(("e", "h2"), ("a", "h1"), ("f", "h4"))
    docs["h4"] = doc(["Lena", "Park", "."], ["NNP", "NNP", "."], [(0, 2, "PERSON")])
    spans, reused = cached_model_spans(grown, parses, cache)
    assert (reused, read[-1]) == (2, ["h4"])
    assert (
        spans.to_dicts() == model_spans((a, docs[sha]) for a, sha in grown.iter_rows()).to_dicts()
    )
    # without a cache, every text is read
    assert cached_model_spans(corpus, parses, None)[0].to_dicts() == fresh.to_dicts()


def test_spans_built_in_chunks_are_the_same_rows(monkeypatch):
    from pipelines.transforms.entities import ner

    vocab = spacy.blank("en").vocab

    def doc(words, ents):
        made = Doc(vocab, words=words, tags=["NNP"] * (len(words) - 1) + ["."])
        made.ents = [Span(made, start, end, label=label) for start, end, label in ents]
        return made

    docs = [
        ("a1", doc(["Kofi", "Sanders", "Ida", "Berg", "."], [(0, 2, "PERSON"), (2, 4, "PERSON")])),
        ("a2", doc(["Harbor", "Guard", "."], [(0, 2, "ORG")])),
        ("a3", doc(["Lena", "Park", "."], [(0, 2, "PERSON")])),
    ]
    whole = model_spans(docs)
    monkeypatch.setattr(ner, "_ROWS_PER_FRAME", 2)  # a frame after a1, none after a2
    chunked = model_spans(docs)
    assert chunked.to_dicts() == whole.to_dicts()
    assert chunked.select("article_id", "start", "label").rows() == [
        ("a1", 0, "PERSON"),
        ("a1", 13, "PERSON"),
        ("a2", 0, "ORG"),
        ("a3", 0, "PERSON"),
    ]

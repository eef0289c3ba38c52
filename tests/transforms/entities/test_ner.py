"""Raw spans read from a parsed Doc (tags and entities set by hand, no model)."""

import spacy
from spacy.tokens import Doc, Span

from pipelines.transforms.entities.ner import model_spans


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

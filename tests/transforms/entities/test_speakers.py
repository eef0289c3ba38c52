"""Speakers the NER model missed, found as the subjects of reporting verbs."""

import pytest

from pipelines.resources import DEFAULT_SPACY_MODEL
from pipelines.transforms.entities.speakers import missed_speaker_spans
from pipelines.transforms.nlp import load_pipeline
from tests.parses import hand_parsed


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def found(nlp, text, ents=None):
    doc = nlp(text)
    if ents is not None:
        doc.ents = ents(doc)
    return [(s.text(text), s.label) for s in missed_speaker_spans(text, doc)]


def test_a_two_word_subject_of_said_becomes_a_person_when_ner_missed_it(nlp):
    text = "“We are ready,” Kofi Mensah said on Tuesday."
    assert found(nlp, text, ents=lambda doc: []) == [("Kofi Mensah", "PERSON")]


def test_a_name_ner_found_is_not_repeated(nlp):
    text = "“We are ready,” Kofi Mensah said on Tuesday."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Kofi"), text.index(" said"), label="PERSON")]
    assert missed_speaker_spans(text, doc) == []


def test_titles_alone_plural_names_and_single_words_are_not_speakers(nlp):
    assert found(nlp, "“It is over,” the Prime Minister said.", ents=lambda d: []) == []
    assert found(nlp, "“We sold out,” the Founding Fathers said.", ents=lambda d: []) == []
    assert found(nlp, "“It is over,” Mensah said.", ents=lambda d: []) == []


def test_an_organization_head_makes_an_org(nlp):
    text = "“Service resumes Monday,” the Lagos Transit Authority said."
    assert found(nlp, text, ents=lambda doc: []) == [("Lagos Transit Authority", "ORG")]


def test_a_subject_inside_a_quotation_is_not_a_speaker(nlp):
    text = "She wrote: “Kofi Mensah said nothing.” Then she left."
    assert found(nlp, text, ents=lambda doc: []) == []


def test_a_surname_subject_brings_the_full_name_the_article_gives(nlp):
    text = "Ann Ebeling runs the shop. “We live here,” Ebeling said."
    assert found(nlp, text, ents=lambda doc: []) == [
        ("Ann Ebeling", "PERSON"),
        ("Ebeling", "PERSON"),
    ]


def test_a_surname_subject_without_a_full_name_is_left_alone(nlp):
    text = "“We live here,” Ebeling said."
    assert found(nlp, text, ents=lambda doc: []) == []


def test_a_name_inside_a_span_of_an_unpublished_label_is_still_missed(nlp):
    text = "“It is over,” Kofi Mensah said."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Kofi"), text.index(" said"), label="WORK_OF_ART")]
    assert [(s.text(text), s.label) for s in missed_speaker_spans(text, doc)] == [
        ("Kofi Mensah", "PERSON")
    ]


def test_a_surname_right_after_an_inverted_cue_brings_the_full_name(nlp):
    text = "But Bill Skara vouched for them. “It is valuable,” said Skara, explaining why."
    assert found(nlp, text, ents=lambda doc: []) == [("Bill Skara", "PERSON"), ("Skara", "PERSON")]


def test_a_capitalized_word_after_a_cue_not_after_a_quotation_is_left_alone(nlp):
    text = "Bill Skara left early. Reporters said Skara, the mayor, was late."
    assert found(nlp, text, ents=lambda doc: []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Al From led the council. Many saw it as "the party of government," From said.',
            [("Al From", "PERSON"), ("From", "PERSON")],
        ),
        (
            "Brett O’Donnell ran it. “I don’t think it was,” O’Donnell said.",
            [("Brett O’Donnell", "PERSON"), ("O’Donnell", "PERSON")],
        ),
    ],
)
def test_a_capitalized_subject_the_tagger_misread_is_still_a_name(nlp, text, expected):
    assert found(nlp, text, ents=lambda doc: []) == expected


def test_a_capitalized_word_opening_a_sentence_is_not_taken_for_a_name(nlp):
    text = "Al Many spoke. Many said the plan failed."
    assert ("Many", "PERSON") not in found(nlp, text, ents=lambda doc: [])


def as_noun(nlp, text, word):
    """The parse with ``word``'s second occurrence tagged as a common noun (as the
    tagger often reads a sentence-initial surname such as "Sanders")."""
    doc = nlp(text)
    doc.ents = []
    second = [t for t in doc if t.text == word][1]
    second.pos_, second.tag_ = "NOUN", "NNS"
    return doc


def test_a_sentence_initial_surname_read_as_a_noun_is_a_speaker(nlp):
    text = "Ann Rivers runs the shop. Rivers said the ferry would stay."
    doc = as_noun(nlp, text, "Rivers")
    assert [(s.text(text), s.label) for s in missed_speaker_spans(text, doc)] == [
        ("Ann Rivers", "PERSON"),
        ("Rivers", "PERSON"),
    ]


def test_a_sentence_initial_word_the_article_writes_in_lowercase_is_not(nlp):
    text = "Jo Banks runs the shop. Banks said the ferry would stay. The river banks flooded."
    doc = as_noun(nlp, text, "Banks")
    assert missed_speaker_spans(text, doc) == []


def parsed(rows, ents=None):
    return hand_parsed(rows, {"said": "say", "notes": "note"}, ents)


def test_the_name_ending_an_inverted_clause_whatever_the_parse(nlp):
    # the parse of a real sentence: the name hangs as an object from "ranking"
    doc = parsed(
        [
            ("“", False, "``", "PUNCT", "punct", 3),
            ("Ready", False, "JJ", "ADJ", "ccomp", 5),
            (",", False, ",", "PUNCT", "punct", 5),
            ("”", True, "''", "PUNCT", "punct", 5),
            ("said", True, "VBD", "VERB", "ROOT", 5),
            ("Oversight", True, "NN", "NOUN", "npadvmod", 6),
            ("ranking", True, "VBG", "VERB", "ccomp", 4),
            ("Democrat", True, "NNP", "PROPN", "compound", 9),
            ("Kofi", True, "NNP", "PROPN", "compound", 9),
            ("Mensah", True, "NNP", "PROPN", "dobj", 6),
            ("(", False, "-LRB-", "PUNCT", "punct", 9),
            ("D-Md.", False, "NNP", "PROPN", "appos", 9),
            (")", False, "-RRB-", "PUNCT", "punct", 9),
            (".", False, ".", "PUNCT", "punct", 4),
        ],
        ents=["O"] * 7 + ["B-NORP"] + ["O"] * 6,
    )
    found = [(s.text(doc.text), s.label) for s in missed_speaker_spans(doc.text, doc)]
    assert found == [("Kofi Mensah", "PERSON")]


def test_name_words_between_the_closing_mark_and_the_cue_whatever_the_parse(nlp):
    # "Ebeling" parsed as a compound of the verb "notes", as the model did on a real text
    doc = parsed(
        [
            ("Ann", True, "NNP", "PROPN", "compound", 1),
            ("Ebeling", True, "NNP", "PROPN", "nsubj", 2),
            ("spoke", False, "VBD", "VERB", "ROOT", 2),
            (".", True, ".", "PUNCT", "punct", 2),
            ("“", False, "``", "PUNCT", "punct", 5),
            ("Ready", False, "JJ", "ADJ", "ccomp", 9),
            (",", False, ",", "PUNCT", "punct", 9),
            ("”", True, "''", "PUNCT", "punct", 9),
            ("Ebeling", True, "NNP", "PROPN", "compound", 9),
            ("notes", False, "VBZ", "VERB", "ROOT", 9),
            (".", False, ".", "PUNCT", "punct", 9),
        ],
        ents=["B-PERSON", "I-PERSON"] + ["O"] * 9,
    )
    found = [(s.text(doc.text), s.label) for s in missed_speaker_spans(doc.text, doc)]
    assert found == [("Ebeling", "PERSON")]


def test_a_party_word_before_the_name_is_a_title_not_the_name(nlp):
    text = "“We are ready,” said ranking Democrat Kofi Mensah. He left."

    def party(doc):
        start = text.index("Democrat")
        return [doc.char_span(start, start + len("Democrat"), label="NORP")]

    assert found(nlp, text, ents=party) == [("Kofi Mensah", "PERSON")]


def test_an_inverted_clause_with_a_preposition_or_verb_names_nobody(nlp):
    assert found(nlp, "“We are ready,” said a report by Kofi Mensah.", ents=lambda d: []) == []
    text = "“We are ready,” said the man who met Kofi Mensah."
    assert found(nlp, text, ents=lambda d: []) == []


def test_a_name_of_several_words_read_as_a_group_is_a_speaker(nlp):
    text = "“We are ready,” stated Roman Mensah, a historian."

    def group(doc):
        start = text.index("Roman")
        return [doc.char_span(start, start + len("Roman Mensah"), label="NORP")]

    assert found(nlp, text, ents=group) == [("Roman Mensah", "PERSON")]
    # a one-word group stays a group
    text = "“We are ready,” the Republican said."
    assert (
        found(
            nlp,
            text,
            ents=lambda doc: [doc.char_span(text.index("Rep"), text.index(" said"), label="NORP")],
        )
        == []
    )

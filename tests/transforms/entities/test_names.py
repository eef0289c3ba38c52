"""Partial names and datelines, on invented sentences."""

from pipelines.transforms.entities.article import resolve_article
from pipelines.transforms.entities.names import is_dateline
from pipelines.transforms.entities.register import Register
from pipelines.transforms.entities.spans import Span

EMPTY = Register([])


def spans(text, *items):
    out = []
    for surface, label, occurrence in items:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        out.append(Span(start, start + len(surface), label))
    return out


def names(text, mentions):
    return [(text[m.start : m.end], m.canonical_name, m.type, m.resolution) for m in mentions]


def test_a_shorter_name_ending_a_longer_one_of_the_same_type_is_that_name():
    text = "Operation Desert Lion began in May. Desert Lion ended in June."
    found = spans(text, ("Operation Desert Lion", "EVENT", 0), ("Desert Lion", "EVENT", 1))
    assert names(text, resolve_article(text, found, EMPTY)) == [
        ("Operation Desert Lion", "Operation Desert Lion", "EVENT", "name"),
        ("Desert Lion", "Operation Desert Lion", "EVENT", "short_name"),
    ]


def test_a_place_inside_an_organization_name_stays_a_place():
    text = "The State University of Nova Terra opened. Nova Terra cheered."
    found = spans(text, ("State University of Nova Terra", "ORG", 0), ("Nova Terra", "GPE", 1))
    assert names(text, resolve_article(text, found, EMPTY))[1] == (
        "Nova Terra",
        "Nova Terra",
        "GPE",
        "name",
    )


def test_a_longer_name_with_an_owner_or_leading_the_is_not_the_full_name():
    text = "Then the Harbor Board’s Safety Division met. The Safety Division agreed."
    found = spans(
        text,
        ("Harbor Board’s Safety Division", "ORG", 0),
        ("Safety Division", "ORG", 1),
    )
    assert names(text, resolve_article(text, found, EMPTY))[1][1] == "Safety Division"


def test_one_word_is_never_merged_into_a_longer_name():
    text = "Lockwood Martin Systems won. Martin Systems lost. Systems rose."
    found = spans(text, ("Lockwood Martin Systems", "ORG", 0), ("Martin Systems", "ORG", 1))
    assert names(text, resolve_article(text, found, EMPTY))[1][1] == "Lockwood Martin Systems"


def test_wire_datelines_are_recognized_and_body_places_are_not():
    text = "NAIROBI — Officials met.\nKAMPALA, Uganda - Rain fell.\nIn NAIROBI — a city — rain."
    assert is_dateline(0, 7, text)
    assert is_dateline(text.index("KAMPALA"), text.index("KAMPALA") + 7, text)
    assert not is_dateline(text.rindex("NAIROBI"), text.rindex("NAIROBI") + 7, text)
    assert not is_dateline(text.index("Officials"), text.index("Officials") + 9, text)


def test_a_dateline_place_is_not_an_entity_mention():
    text = "LUSAKA — The Zambian cabinet met in Lusaka on Monday."
    found = spans(text, ("LUSAKA", "GPE", 0), ("Lusaka", "GPE", 0))
    assert names(text, resolve_article(text, found, EMPTY)) == [("Lusaka", "Lusaka", "GPE", "name")]


def test_a_city_and_state_name_means_the_state_in_a_states_context():
    from pipelines.transforms.entities.register import RegisterEntry

    register = Register(
        [
            RegisterEntry("New York City", "GPE", ("New York", "NYC"), None),
            RegisterEntry("New York State", "GPE", ("New York state",), None),
        ]
    )
    text = (
        "The Governor of New York spoke. New York’s attorney general sued. "
        "New York state agreed. New York has five boroughs."
    )
    found = [(text[m.start : m.end], m.canonical_name) for m in resolve_article(text, [], register)]
    assert found == [
        ("New York", "New York State"),
        ("New York", "New York State"),
        ("New York state", "New York State"),
        ("New York", "New York City"),
    ]


def test_a_named_operation_is_an_event_and_its_short_name_is_that_event():
    text = "It began Operation Dune Hawk in May. Dune Hawk ended in June."
    found = spans(text, ("Dune Hawk", "FAC", 0), ("Dune Hawk", "PERSON", 1))
    assert names(text, resolve_article(text, found, EMPTY)) == [
        ("Operation Dune Hawk", "Operation Dune Hawk", "EVENT", "name"),
        ("Dune Hawk", "Operation Dune Hawk", "EVENT", "short_name"),
    ]


def test_a_group_singular_joins_its_plural_only_when_the_article_uses_both():
    text = "Many Velorans voted. A Veloran official spoke. A Tamrian minister left."
    found = spans(text, ("Velorans", "NORP", 0), ("Veloran", "NORP", 1), ("Tamrian", "NORP", 0))
    assert [(n[1], n[3]) for n in names(text, resolve_article(text, found, EMPTY))] == [
        ("Velorans", "name"),
        ("Velorans", "short_name"),
        ("Tamrian", "name"),
    ]

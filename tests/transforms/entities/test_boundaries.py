"""Span repair: one model span that is two names, or a name cut short."""

from pipelines.transforms.entities.boundaries import repair_span
from pipelines.transforms.entities.spans import Span


def repaired(text, surface, label):
    start = text.index(surface)
    return [
        (s.text(text), s.label) for s in repair_span(Span(start, start + len(surface), label), text)
    ]


def test_an_owner_before_a_possessive_is_a_name_of_its_own():
    text = "Then the Harbor Board’s Safety Division met."
    assert repaired(text, "Harbor Board’s Safety Division", "ORG") == [
        ("Harbor Board", "ORG"),
        ("Safety Division", "ORG"),
    ]


def test_a_person_span_with_a_possessive_is_left_to_the_span_rules():
    text = "Then Lena Ortiz’s Aunt Rosa spoke."
    assert repaired(text, "Lena Ortiz’s Aunt Rosa", "PERSON") == [
        ("Lena Ortiz’s Aunt Rosa", "PERSON")
    ]


def test_two_heads_joined_by_and_are_two_names_but_one_name_with_and_stays():
    text = "The Department of Parks and Department of Roads met the Board of Trade and Industry."
    assert repaired(text, "Department of Parks and Department of Roads", "ORG") == [
        ("Department of Parks", "ORG"),
        ("Department of Roads", "ORG"),
    ]
    assert repaired(text, "Board of Trade and Industry", "ORG") == [
        ("Board of Trade and Industry", "ORG")
    ]


def test_operation_belongs_to_the_name_and_makes_it_an_event():
    text = "During Operation Sea Lion, ships sailed."
    assert repaired(text, "Sea Lion", "PERSON") == [("Operation Sea Lion", "EVENT")]


def test_treaties_and_acts_are_laws_and_scores_are_cut():
    text = "The Lakes Treaty was signed. Ghana 2-1 won."
    assert repaired(text, "Lakes Treaty", "ORG") == [("Lakes Treaty", "LAW")]
    assert repaired(text, "Ghana 2-1", "ORG") == [("Ghana", "ORG")]


def test_a_stray_s_after_an_apostrophe_is_dropped():
    text = "The Office’s Greg Barr spoke."
    assert repaired(text, "s Greg Barr", "PERSON") == [("Greg Barr", "PERSON")]


def test_the_last_word_of_a_name_types_it():
    text = "The Lakeside Jazz Festival, the Harbor Institute and Kuril Oblast met."
    assert repaired(text, "Lakeside Jazz Festival", "ORG") == [("Lakeside Jazz Festival", "EVENT")]
    assert repaired(text, "Harbor Institute", "FAC") == [("Harbor Institute", "ORG")]
    assert repaired(text, "Kuril Oblast", "PERSON") == [("Kuril Oblast", "GPE")]


def test_a_nickname_inside_a_name_joins_the_two_halves():
    from pipelines.transforms.entities.boundaries import join_nicknames, without_nickname

    text = "said retired Gen. Ray J. “Ace” Okafor, a veteran."
    halves = [
        Span(text.index("Ray"), text.index("Ace"), "PERSON"),
        Span(text.index("Okafor"), text.index("Okafor") + 6, "PERSON"),
    ]
    joined = join_nicknames(halves, text)
    assert [s.text(text) for s in joined] == ["Ray J. “Ace” Okafor"]
    assert without_nickname(joined[0].text(text)) == "Ray J. Okafor"


def test_two_people_around_a_quotation_stay_two():
    from pipelines.transforms.entities.boundaries import join_nicknames

    text = "Ann Lee “We won,” Tom Eze said."
    people = [Span(0, 7, "PERSON"), Span(text.index("Tom"), text.index("Tom") + 7, "PERSON")]
    assert [s.text(text) for s in join_nicknames(people, text)] == ["Ann Lee", "Tom Eze"]

from pipelines.transforms.entities.article import (
    acronym_definitions,
    acronym_matches,
    heading_ranges,
    resolve_article,
)
from pipelines.transforms.entities.register import Register, RegisterEntry
from pipelines.transforms.entities.spans import Span

EMPTY = Register([])


def spans(text, *items):
    out = []
    for surface, label in items:
        start = text.index(surface)
        out.append(Span(start, start + len(surface), label))
    return out


def names(text, mentions):
    return [(text[m.start : m.end], m.canonical_name, m.type, m.resolution) for m in mentions]


def test_acronym_must_be_built_from_initials():
    assert acronym_matches("FDNY", "Fire Department of New York")
    assert acronym_matches("EPA", "Environmental Protection Agency")
    assert acronym_matches("CBP", "U.S. Customs and Border Protection")
    assert not acronym_matches("ICE", "U.S. Customs and Border Protection")


def test_acronym_definitions_after_and_before_in_brackets():
    text = (
        "Officials at the Metropolitan Transportation Authority (MTA) met. Later the "
        "EPA [Environmental Protection Agency] wrote. The Parks Bureau (XYZ) did not."
    )
    assert acronym_definitions(text) == {
        "MTA": "Metropolitan Transportation Authority",
        "EPA": "Environmental Protection Agency",
    }


def test_acronym_mention_resolves_to_its_expansion():
    text = "The Metropolitan Transportation Authority (MTA) raised fares. The MTA said so."
    mentions = resolve_article(
        text,
        spans(text, ("Metropolitan Transportation Authority", "ORG"))
        + [Span(text.rindex("MTA"), text.rindex("MTA") + 3, "ORG")],
        EMPTY,
    )
    assert names(text, mentions)[-1] == (
        "MTA",
        "Metropolitan Transportation Authority",
        "ORG",
        "acronym",
    )


def test_short_name_resolves_to_earlier_full_name_even_if_mislabelled():
    text = "Councilwoman Ana Reyes spoke first. Later, Reyes said the vote would wait."
    mentions = resolve_article(
        text, spans(text, ("Councilwoman Ana Reyes", "PERSON"), ("Reyes said", "ORG")), EMPTY
    )
    assert names(text, mentions) == [
        ("Ana Reyes", "Ana Reyes", "PERSON", "name"),
        ("Reyes", "Ana Reyes", "PERSON", "short_name"),
    ]


def test_full_name_typed_org_is_a_person_when_its_surname_is_one():
    text = "Minister Aurelija Kaunaite signed. “It is done,” Kaunaite said. Acme Group agreed."
    short = text.index("Kaunaite said")
    found = spans(text, ("Aurelija Kaunaite", "ORG"), ("Acme Group", "ORG"))
    found.insert(1, Span(short, short + len("Kaunaite"), "PERSON"))
    mentions = resolve_article(text, found, EMPTY)
    assert names(text, mentions) == [
        ("Aurelija Kaunaite", "Aurelija Kaunaite", "PERSON", "name"),
        ("Kaunaite", "Aurelija Kaunaite", "PERSON", "short_name"),
        ("Acme Group", "Acme Group", "ORG", "name"),
    ]


def test_person_after_an_owner_typed_org():
    text = "said Ohio State’s Aurelija Kaunaite, who led it. Kaunaite said more."
    short = text.index("Kaunaite said")
    found = [
        *spans(text, ("Ohio State’s Aurelija Kaunaite", "ORG")),
        Span(short, short + 8, "PERSON"),
    ]
    assert names(text, resolve_article(text, found, EMPTY)) == [
        ("Ohio State", "Ohio State", "ORG", "name"),  # the owner is named too
        ("Aurelija Kaunaite", "Aurelija Kaunaite", "PERSON", "name"),
        ("Kaunaite", "Aurelija Kaunaite", "PERSON", "short_name"),
    ]


def test_organization_named_after_a_person_keeps_its_type():
    text = "The Kaunaite Foundation paid. Kaunaite said so."
    short = text.index("Kaunaite said")
    found = [*spans(text, ("Kaunaite Foundation", "ORG")), Span(short, short + 8, "PERSON")]
    mentions = resolve_article(text, found, EMPTY)
    assert names(text, mentions)[0] == (
        "Kaunaite Foundation",
        "Kaunaite Foundation",
        "ORG",
        "name",
    )


def test_register_alias_links_and_longest_overlap_wins():
    register = Register(
        [
            RegisterEntry(
                "Port Authority of New York and New Jersey", "ORG", ("Port Authority",), "Q1"
            )
        ]
    )
    text = "The Port Authority said the Port Authority Bus Terminal will close."
    model = spans(text, ("Port Authority Bus Terminal", "FAC"))
    found = names(text, resolve_article(text, model, register))
    assert found == [
        ("Port Authority", "Port Authority of New York and New Jersey", "ORG", "register"),
        ("Port Authority Bus Terminal", "Port Authority Bus Terminal", "FAC", "name"),
    ]


def test_names_only_capitalized_by_a_heading_are_dropped():
    text = (
        "Rising Rents Across Queens\n\nRents in Queens rose. Tenant Union leaders "
        "protested.\n\nTenant Union Response"
    )
    assert heading_ranges(text) == [(0, 26), (len(text) - 21, len(text))]
    model = spans(text, ("Rising Rents", "ORG"), ("Tenant Union Response", "ORG"))
    model.append(
        Span(text.index("Tenant Union leaders"), text.index("Tenant Union leaders") + 12, "ORG")
    )
    found = [n[0] for n in names(text, resolve_article(text, model, EMPTY))]
    assert found == ["Tenant Union"]


def test_single_common_word_capitalized_is_not_a_name():
    text = "Transit Commissioner Lee said transit must improve."
    assert resolve_article(text, spans(text, ("Transit", "ORG")), EMPTY) == []


def test_a_first_name_alone_names_the_one_person_with_it():
    text = "Marta Ruiz and Tomas Ruiz came home. Marta thanked everyone."
    found = [
        Span(0, 10, "PERSON"),
        Span(text.index("Tomas"), text.index("Tomas") + 10, "PERSON"),
        Span(text.index("Marta thanked"), text.index("Marta thanked") + 5, "PERSON"),
    ]
    assert names(text, resolve_article(text, found, EMPTY))[2] == (
        "Marta",
        "Marta Ruiz",
        "PERSON",
        "short_name",
    )


def test_a_first_name_shared_by_two_people_stays_as_written():
    text = "Marta Ruiz met Marta Lopez. Marta left."
    found = [
        Span(0, 10, "PERSON"),
        Span(15, 26, "PERSON"),
        Span(text.index("Marta left"), text.index("Marta left") + 5, "PERSON"),
    ]
    assert names(text, resolve_article(text, found, EMPTY))[2][1] == "Marta"


def test_a_phrase_the_article_also_writes_in_lowercase_is_not_a_name():
    text = "Rules on Artificial Intelligence came. Firms use artificial intelligence daily."
    found = [Span(9, 32, "GPE")]
    assert resolve_article(text, found, EMPTY) == []


def test_full_name_and_surname_both_typed_org_are_a_person():
    text = "Aurelija Kaunaite led the study. Kaunaite said it took years. Acme Group paid."
    short = text.index("Kaunaite said")
    found = spans(text, ("Aurelija Kaunaite", "ORG"), ("Acme Group", "ORG"))
    found.insert(1, Span(short, short + len("Kaunaite"), "ORG"))
    assert names(text, resolve_article(text, found, EMPTY)) == [
        ("Aurelija Kaunaite", "Aurelija Kaunaite", "PERSON", "name"),
        ("Kaunaite", "Aurelija Kaunaite", "PERSON", "short_name"),
        ("Acme Group", "Acme Group", "ORG", "name"),
    ]


def test_organization_whose_last_word_stands_alone_as_a_place_keeps_its_type():
    text = "West Virginia Coal Group sued. Group members met in Virginia."
    found = spans(text, ("West Virginia Coal Group", "ORG"), ("Virginia.", "GPE"))
    found[1] = Span(found[1].start, found[1].end - 1, "GPE")
    assert [m.type for m in resolve_article(text, found, EMPTY)] == ["ORG", "GPE"]


def test_a_word_the_article_also_writes_in_lowercase_singular_or_plural_is_not_a_name():
    text = "Attendees cheered. One attendee left early. Then Move ended it; a move nobody liked."
    found = spans(text, ("Attendees", "ORG"), ("Move", "PERSON"))
    assert resolve_article(text, found, EMPTY) == []


def test_a_person_whose_name_is_also_a_common_word_is_kept_when_named_in_full():
    text = "Columnist Maria Rose wrote it. Rose said the rose garden was closed."
    short = text.index("Rose said")
    found = [*spans(text, ("Maria Rose", "PERSON")), Span(short, short + 4, "PERSON")]
    assert [m.canonical_name for m in resolve_article(text, found, EMPTY)] == [
        "Maria Rose",
        "Maria Rose",
    ]


def test_an_organization_called_by_its_last_word_with_an_article_keeps_its_type():
    text = "The U.S. Army sent medics. Later the Army built a hospital. Army said no."
    found = spans(text, ("U.S. Army", "ORG"), ("Army built", "ORG"), ("Army said", "ORG"))
    found[1] = Span(found[1].start, found[1].start + 4, "ORG")
    found[2] = Span(found[2].start, found[2].start + 4, "ORG")
    assert {m.type for m in resolve_article(text, found, EMPTY)} == {"ORG"}


def test_a_demonym_naming_a_language_is_not_a_people():
    text = "She is learning Spanish. Arabic-language papers ran it. Spanish cities voted."
    found = spans(text, ("Spanish", "NORP"), ("Arabic", "NORP"), ("Spanish cities", "NORP"))
    found[2] = Span(found[2].start, found[2].start + len("Spanish"), "NORP")
    assert [text[m.start : m.end] + f"@{m.start}" for m in resolve_article(text, found, EMPTY)] == [
        f"Spanish@{text.index('Spanish cities')}"
    ]


def test_editorial_brackets_leave_the_canonical_name():
    text = "Envoy Steve [Witkoff] flew in."
    found = [Span(text.index("Steve"), text.index(" flew"), "PERSON")]
    assert names(text, resolve_article(text, found, EMPTY))[0][1] == "Steve Witkoff"

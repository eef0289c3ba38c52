"""Bylines and wire datelines, on lines written for the tests."""

import pytest

from pipelines.transforms.byline import (
    Byline,
    Dateline,
    read_author_line,
    read_byline,
    read_dateline,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Dana Whitfield and Omar Haddad", Byline(["Dana Whitfield", "Omar Haddad"], None)),
        ("By Dana Whitfield, Reuters", Byline(["Dana Whitfield"], "Reuters")),
        ("By Lena Park, Associated Press", Byline(["Lena Park"], "AP")),
        ("BY RAY OKAFOR | Staff Writer", Byline(["RAY OKAFOR"], None)),
        ("By Ana de la Cruz", Byline(["Ana de la Cruz"], None)),
        ("By Kofi Mensah, Harbor Transit Public Affairs", Byline(["Kofi Mensah"], None)),
        (
            "By Ida Berg, Lena Park & Ray Okafor",
            Byline(["Ida Berg", "Lena Park", "Ray Okafor"], None),
        ),
    ],
)
def test_bylines_give_authors_and_agency(line, expected):
    assert read_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the way, the ferry was late.",
        "By Tuesday the council had voted, and the mayor signed the order within an hour "
        "of the vote being counted.",
        "Dana Whitfield and Omar Haddad",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line):
    assert read_byline(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dana Whitfield, Professor of Maritime History, Harbor University", ["Dana Whitfield"]),
        ("Ida K. Berg, Senior Lecturer in Law, School of Law, Bay College", ["Ida K. Berg"]),
        ("Omar Haddad, Postdoctoral researcher of port cities, Coast Institute", ["Omar Haddad"]),
        (
            "Lena Park, Reader in Economics, Bay College; Ray Okafor, Associate Professor, "
            "Department of Trade, Port University",
            ["Lena Park", "Ray Okafor"],
        ),
    ],
)
def test_credit_lines_without_by_give_authors(line, expected):
    assert read_author_line(line) == Byline(expected, None)


@pytest.mark.parametrize(
    "line",
    [
        "Dana Whitfield, a professor at Harbor University, said the ferry was late.",
        "Dana Whitfield, Professor of Maritime History, Harbor University.",  # a sentence
        "Harbor City, Maine, United States",  # a place, no role
        "Dana Whitfield, Reuters",  # no role or institution
        "Dana Whitfield, who teaches at Harbor University",  # a lowercase clause
        "Whitfield, Professor of History, Harbor University",  # one word is not a name
    ],
)
def test_other_lines_are_not_credit_lines(line):
    assert read_author_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("CAIRO (AP) — The ministry said.", Dateline("CAIRO (AP) — ", "CAIRO", "AP")),
        (
            "LONDON, Jan 5 (Reuters) - Britain said.",
            Dateline("LONDON, Jan 5 (Reuters) - ", "LONDON", "Reuters"),
        ),
        (
            "HARBORVILLE, Maine (AP) — The board met.",
            Dateline("HARBORVILLE, Maine (AP) — ", "HARBORVILLE, Maine", "AP"),
        ),
        ("WASHINGTON — The Senate voted.", Dateline("WASHINGTON — ", "WASHINGTON", None)),
        (
            "BASE CITY, Va. (AFNS) -- Airmen met.",
            Dateline("BASE CITY, Va. (AFNS) -- ", "BASE CITY, Va.", "AFNS"),
        ),
    ],
)
def test_wire_datelines_give_place_and_agency(paragraph, expected):
    assert read_dateline(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "NASA (FILE) — The agency said.",  # a label, not a credit
        "UN — a short acronym with no agency is not a place line",
        "The FBI — the bureau — said so.",
        "Cairo (AP) — lower-case places are not datelines",
    ],
)
def test_other_openings_are_not_datelines(paragraph):
    assert read_dateline(paragraph) is None

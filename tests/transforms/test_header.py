"""The date line news pages print under the headline."""

import pytest

from pipelines.transforms.clean import clean_document
from pipelines.transforms.header import find_date_line, separate_header_lines


@pytest.mark.parametrize(
    ("lines", "index", "raw", "rule"),
    [
        (["Feb 09, 2024", "The body starts."], 0, "Feb 09, 2024", "date_line"),
        (["Thursday, October 3, 2024", "Body."], 0, "October 3, 2024", "date_line"),
        (["6 May 2012", "Body."], 0, "6 May 2012", "date_line"),
        (["Published: September 29, 2026", "Body."], 0, "September 29, 2026", "date_line"),
        (
            ["Ana Ruiz, Professor, Harbor University", "Published: May 2, 2025"],
            1,
            "May 2, 2025",
            "date_line",
        ),
        (["By Ana Ruiz", "18 September 2013", "Body."], 1, "18 September 2013", "date_line"),
        (
            ["By Ana Ruiz, Harbor Command, August 6, 2013", "Body."],
            0,
            "August 6, 2013",
            "byline_date_line",
        ),
        (
            ["By Ana Ruiz, Public Affairs / Published January 14, 2016"],
            0,
            "January 14, 2016",
            "byline_date_line",
        ),
        (["March 3, 2024 10:30 a.m. ET", "Body."], 0, "March 3, 2024", "date_line"),
        (["Published March 1, 2024 | Updated March 3, 2024"], 0, "March 1, 2024", "date_line"),
        (["Updated March 3, 2024; Published March 1, 2024"], 0, "March 1, 2024", "date_line"),
        (["2024-03-05T09:15:00-05:00", "Body."], 0, "2024-03-05T09:15:00-05:00", "date_line"),
        (["Posted 03/05/2024", "Body."], 0, "03/05/2024", "date_line"),
    ],
)
def test_date_lines_in_the_forms_news_sites_print(lines, index, raw, rule):
    found = find_date_line(lines)
    assert (found.index, found.date_raw, found.rule) == (index, raw, rule)


def test_an_updated_date_alone_is_not_a_publication_date():
    found = find_date_line(["Updated: March 3, 2024 10:30 a.m. ET", "Body."])
    assert (found.index, found.date_raw, found.updated_raw) == (0, None, "March 3, 2024")


def test_published_and_updated_are_both_kept():
    found = find_date_line(["Updated March 3, 2024; Published March 1, 2024"])
    assert (found.date_raw, found.updated_raw) == ("March 1, 2024", "March 3, 2024")


def test_the_byline_before_a_date_is_kept_for_its_authors():
    found = find_date_line(["By Ana Ruiz and Ida Berg, Reuters, August 6, 2013", "Body."])
    assert (found.byline, found.date_raw) == ("By Ana Ruiz and Ida Berg, Reuters", "August 6, 2013")


@pytest.mark.parametrize(
    "lines",
    [
        ["On April 25, 2012, the Duma passed a law restoring direct elections.", "More."],
        ["LAGOS, Jan 5 (Reuters) - Officials said the port would reopen.", "More."],
        ["May 5", "Body."],
        ["A long body paragraph " * 8 + "ends on May 5, 2012", "May 6, 2012"],
    ],
)
def test_dates_in_sentences_datelines_without_a_year_and_body_text_are_not_date_lines(lines):
    assert find_date_line(lines) is None


def test_a_date_hard_wrapped_under_the_headline_is_its_own_line():
    text = "Harbor Ferry Runs All Winter\nJune 29, 2023\n\nThe ferry ran."
    assert separate_header_lines(text) == (
        "Harbor Ferry Runs All Winter\n\nJune 29, 2023\n\nThe ferry ran."
    )
    doc = clean_document(text)
    assert (doc.title, doc.date_raw, doc.text) == (
        "Harbor Ferry Runs All Winter",
        "June 29, 2023",
        "The ferry ran.",
    )
    assert doc.removed == [{"rule": "date_line", "text": "June 29, 2023"}]


def test_a_header_marker_still_wins():
    doc = clean_document("date 2024-03-05 Harbor news\n\nJune 29, 2023\n\nThe ferry ran.")
    assert doc.date_raw == "2024-03-05"

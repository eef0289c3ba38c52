from pipelines.transforms.clean import clean_document


def test_date_marker_is_parsed_and_rest_of_line_is_body():
    doc = clean_document(" date 2024-03-05 The council met on Tuesday.\n\nIt adjourned.")
    assert doc.date_raw == "2024-03-05"
    assert doc.title is None
    assert doc.text == "The council met on Tuesday.\n\nIt adjourned."


def test_date_marker_with_time_and_offset():
    doc = clean_document("Date: 2024-03-05T09:15:00-05:00\nThe council met.")
    assert doc.date_raw == "2024-03-05T09:15:00-05:00"
    assert doc.text == "The council met."


def test_word_date_at_start_of_sentence_is_not_a_marker():
    doc = clean_document("Date night returns to the park this summer.\n\nTickets are free.")
    assert doc.date_raw is None


def test_headline_first_line_becomes_title():
    doc = clean_document(
        "Council Approves Budget\n\nThe council approved the budget.\n\nIt passed."
    )
    assert doc.title == "Council Approves Budget"
    assert doc.text == "The council approved the budget.\n\nIt passed."


def test_first_sentence_is_not_taken_as_headline():
    doc = clean_document("The council approved the budget.\n\nIt passed 7-2.")
    assert doc.title is None
    assert doc.text.startswith("The council approved")


def test_record_title_is_kept_and_repeated_headline_removed():
    doc = clean_document("Budget Passes\n\nThe vote was 7-2.", title="Budget passes")
    assert doc.title == "Budget passes"
    assert doc.text == "The vote was 7-2."
    assert doc.removed == [{"rule": "headline_repeated", "text": "Budget Passes"}]


def test_image_caption_repeating_headline_is_removed_and_recorded():
    raw = (
        "Storm Floods Lower Manhattan\n\nPhoto: Storm floods lower Manhattan\n\n"
        "Water rose overnight.\n\nImage of a flooded street in SoHo"
    )
    doc = clean_document(raw)
    assert doc.title == "Storm Floods Lower Manhattan"
    assert doc.text == "Water rose overnight.\n\nImage of a flooded street in SoHo"
    assert doc.removed == [
        {"rule": "image_caption_repeats_headline", "text": "Photo: Storm floods lower Manhattan"}
    ]


def test_trailing_link_list_is_removed_from_last_paragraph():
    raw = (
        "Rents rose again.\n\nThe board votes in June. Find more at Housing data portal. "
        "Learn about Tenant unions. Explore Rent guidelines."
    )
    doc = clean_document(raw)
    assert doc.text == "Rents rose again.\n\nThe board votes in June."
    assert doc.removed == [
        {
            "rule": "trailing_link_list",
            "text": "Find more at Housing data portal. Learn about Tenant unions. "
            "Explore Rent guidelines.",
        }
    ]


def test_single_learn_more_sentence_in_body_is_kept():
    raw = "Students learn about budgets.\n\nLearn more about the program at the library."
    doc = clean_document(raw)
    assert doc.removed == []
    assert doc.text.endswith("at the library.")


def test_share_and_subscribe_lines_are_removed():
    raw = (
        "The park reopened.\n\nShare this article\n\nIt has new benches.\n\n"
        "Subscribe to our newsletter today!\n\nFollow us on Twitter"
    )
    doc = clean_document(raw)
    assert doc.text == "The park reopened.\n\nIt has new benches."
    assert [r["rule"] for r in doc.removed] == ["share_or_subscribe_line"] * 3


def test_sentence_starting_with_share_is_kept():
    doc = clean_document("Share prices fell sharply on Monday after the report.")
    assert doc.removed == []


def test_a_removal_records_its_rule_and_text():
    doc = clean_document("Title Here\n\nPhoto: Title here\n\nBody “text”.")
    assert doc.removed == [{"rule": "image_caption_repeats_headline", "text": "Photo: Title here"}]


def test_crlf_bom_and_zero_width_give_same_text_as_plain():
    plain = clean_document("A headline\n\nBody one.\n\nBody two.")
    messy = clean_document("\ufeffA headline\r\n\r\nBody\u200b one.\r\n\r\n  Body   two.  ")
    assert (messy.title, messy.text) == (plain.title, plain.text)


def test_only_boilerplate_leaves_empty_text():
    assert clean_document("Share this article").text == ""


def test_a_byline_goes_to_the_authors_and_out_of_the_text():
    doc = clean_document(
        "Ferry terminal approved\n\nBy Dana Whitfield and Omar Haddad\n\nMarch 4, 2025\n\n"
        "The board met on Tuesday.\n\nIt voted."
    )
    assert (doc.title, doc.date_raw, doc.text) == (
        "Ferry terminal approved",
        "March 4, 2025",
        "The board met on Tuesday.\n\nIt voted.",
    )
    assert doc.authors == ["Dana Whitfield", "Omar Haddad"]
    assert {"rule": "byline", "text": "By Dana Whitfield and Omar Haddad"} in doc.removed


def test_a_credit_line_goes_to_the_authors_and_out_of_the_text():
    credit = "Dana Whitfield, Professor of Maritime History, Harbor University"
    doc = clean_document(
        f"Ferry terminal approved\n\n{credit}\n\nPublished: March 4, 2025\n\n"
        "The board met on Tuesday.\n\nIt voted."
    )
    assert (doc.title, doc.date_raw, doc.text, doc.authors) == (
        "Ferry terminal approved",
        "March 4, 2025",
        "The board met on Tuesday.\n\nIt voted.",
        ["Dana Whitfield"],
    )
    assert {"rule": "byline", "text": credit} in doc.removed


def test_a_byline_alone_is_not_taken_for_a_headline():
    doc = clean_document("By Lena Park\n\nThe board met on Tuesday.")
    assert (doc.title, doc.authors, doc.text) == (None, ["Lena Park"], "The board met on Tuesday.")


def test_a_wire_dateline_leaves_the_text_and_keeps_its_place_and_agency():
    doc = clean_document(
        "Ferry terminal approved\n\nBy Lena Park, Reuters, March 4, 2025\n\n"
        "HARBORVILLE, Maine, March 4 (Reuters) - The board met.\n\nIt voted."
    )
    assert (doc.text, doc.dateline_place, doc.wire_agency, doc.authors) == (
        "The board met.\n\nIt voted.",
        "HARBORVILLE, Maine",
        "Reuters",
        ["Lena Park"],
    )
    assert doc.removed == [
        {"rule": "byline_date_line", "text": "By Lena Park, Reuters, March 4, 2025"},
        {"rule": "wire_dateline", "text": "HARBORVILLE, Maine, March 4 (Reuters) -"},
    ]


def test_published_and_updated_dates_from_the_header():
    doc = clean_document(
        "Ferry terminal approved\n\nPublished March 4, 2025 | Updated March 5, 2025\n\nBody."
    )
    assert (doc.date_raw, doc.updated_raw, doc.date_rule) == (
        "March 4, 2025",
        "March 5, 2025",
        "date_line",
    )

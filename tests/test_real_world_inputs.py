"""Real-world input forms, built end to end: a saved HTML page, JSON records holding
HTML, a wire story with a byline and a dateline, Spanish and French articles, and a
date line that does not fit the date order."""

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import run_build

FIXTURES = Path(__file__).parent / "fixtures" / "real_world"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    result = run_build(FIXTURES, tmp_path_factory.mktemp("real_world"))
    assert result.result.success
    return result


def _article(build, path, record=None):
    articles = build.table("articles")
    rows = articles.filter(
        (pl.col("source_path") == path)
        & (
            pl.col("source_record").is_null()
            if record is None
            else pl.col("source_record") == record
        )
    )
    return rows.row(0, named=True)


def test_every_input_is_an_article_or_a_rejection_with_its_reason(build):
    landed = sorted(build.table("articles").select("source_path", "source_record").rows())
    assert landed == [
        ("ambiguous_date.txt", None),
        ("french.txt", None),
        ("pages.json", 0),
        ("saved_page.html", None),
        ("spanish.txt", None),
        ("wire_story.txt", None),
    ]
    assert build.table("rejections").select("source_path", "source_record", "reason").rows() == [
        ("pages.json", 1, "no_article_in_html")
    ]


def test_a_saved_page_is_an_article_with_its_metadata_and_no_navigation(build):
    page = _article(build, "saved_page.html")
    assert (page["title"], page["publisher"], page["url"]) == (
        "Harbor ferry to run all winter",
        "The Harbor Gazette",
        "https://harborgazette.example/news/2025/03/ferry-winter",
    )
    assert page["authors"] == ["Dana Whitfield"]
    assert (page["published_date"], page["updated_date"], page["date_source"]) == (
        dt.date(2025, 3, 4),
        dt.date(2025, 3, 5),
        "html_metadata",
    )
    assert page["text"].startswith("The Harbor Transit Authority said on Monday")
    assert page["text"].endswith("Fares will stay at $2.75.")
    removed = {r["text"] for r in page["boilerplate_removed"]}
    assert {"Home", "Privacy policy | Terms of use", "Bridge repairs to start in May"} <= removed


def test_a_json_record_with_html_keeps_its_own_source(build):
    record = _article(build, "pages.json", 0)
    assert (record["publisher"], record["title"]) == (
        "Harbor Wire",
        "Harbor ferry schedule set for spring",
    )


def test_a_wire_story_gives_authors_agency_dateline_and_both_dates(build):
    story = _article(build, "wire_story.txt")
    assert story["authors"] == ["Dana Whitfield", "Omar Haddad"]
    assert (story["wire_agency"], story["dateline_place"]) == ("AP", "HARBORVILLE, Maine")
    assert (story["published_date"], story["updated_date"], story["date_source"]) == (
        dt.date(2025, 3, 4),
        dt.date(2025, 3, 5),
        "date_line",
    )
    assert story["text"].startswith("The port authority on Tuesday approved")
    mentions = build.table("entity_mentions").filter(pl.col("article_id") == story["article_id"])
    # Neither the authors, the dateline's place nor the agency are entities of the story.
    assert mentions["mention_text"].to_list() == ["Lena Park"]
    quotes = build.table("quotes").filter(pl.col("article_id") == story["article_id"])
    assert quotes["speaker"].to_list() == ["Lena Park", "Lena Park"]


def test_articles_in_other_languages_are_published_without_entities_or_quotes(build):
    for path, language in (("spanish.txt", "es"), ("french.txt", "fr")):
        article = _article(build, path)
        assert article["language"] == language
        assert article["language_confidence"] > 0.9
        for table in ("entity_mentions", "quotes"):
            assert (
                build.table(table).filter(pl.col("article_id") == article["article_id"]).is_empty()
            )
    assert _article(build, "wire_story.txt")["language"] == "en"


def test_a_date_line_out_of_order_is_reported_not_swapped(build):
    article = _article(build, "ambiguous_date.txt")
    assert (article["published_date"], article["published_date_raw"], article["date_source"]) == (
        None,
        "25/03/2025",
        "date_line",
    )
    assert article["date_issue"] == "numeric date '25/03/2025' does not fit MDY order; not swapped"
    assert article["title"] == "Council delays vote on bus lanes"


def test_the_provenance_sidecar_fills_what_the_inputs_do_not_say(build):
    story = _article(build, "wire_story.txt")
    assert (story["url"], story["publisher"]) == (
        "https://harborwire.example/2025/03/ferry-strike",
        "Harbor Wire",
    )
    page = _article(build, "saved_page.html")  # the page's own canonical URL wins
    assert page["url"] == "https://harborgazette.example/news/2025/03/ferry-winter"
    manifest = json.loads((build.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["provenance_file"]["path"] == "provenance.csv"
    assert "provenance.csv" not in {i["path"] for i in manifest["inputs"]}

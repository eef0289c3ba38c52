"""HTML pages to articles: main text and metadata, what was left out, and empty pages."""

from pathlib import Path

from pipelines.transforms.html import extract_html

PAGE = Path(__file__).parents[1] / "fixtures" / "real_world" / "saved_page.html"


def test_a_saved_page_gives_its_article_text_and_metadata():
    page = extract_html(PAGE.read_text(encoding="utf-8"))
    assert page is not None
    assert (page.title, page.authors, page.publisher, page.url) == (
        "Harbor ferry to run all winter",
        ["Dana Whitfield"],
        "The Harbor Gazette",
        "https://harborgazette.example/news/2025/03/ferry-winter",
    )
    assert (page.published_raw, page.updated_raw) == ("2025-03-04", "2025-03-05")
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0] == "Harbor ferry to run all winter"  # the headline, dropped by cleaning
    assert paragraphs[2].startswith("“The ferry will run all winter,” said Omar Haddad")
    assert len(paragraphs) == 4


def test_navigation_ads_related_links_and_footer_are_left_out_and_recorded():
    page = extract_html(PAGE.read_text(encoding="utf-8"))
    assert page is not None
    for gone in ("Sports", "Boat World", "Related stories", "Privacy policy", "All rights"):
        assert gone not in page.text
    assert [r["text"] for r in page.removed] == [
        "Home",
        "News",
        "Sports",
        "Advertisement: Buy the best boats at Boat World today!",
        "By Dana Whitfield",
        "Related stories",
        "Bridge repairs to start in May",
        "Council votes on bus lanes",
        "© 2025 The Harbor Gazette. All rights reserved.",
        "Privacy policy | Terms of use",
    ]
    assert {r["rule"] for r in page.removed} == {"html_boilerplate"}


def test_a_page_without_an_article_gives_none():
    menu = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    assert extract_html(menu) is None
    assert extract_html("") is None


def test_a_date_only_in_the_url_is_not_guessed():
    html = PAGE.read_text(encoding="utf-8")
    for tag in ("article:published_time", "article:modified_time"):
        html = "\n".join(line for line in html.splitlines() if tag not in line)
    page = extract_html(html)
    assert page is not None
    assert (page.published_raw, page.updated_raw) == (None, None)

"""Saved news pages (HTML) to article parts: main text and metadata.

Belongs here: turning one HTML document into the article it carries, with
trafilatura (main text, title, authors, site name, canonical URL) and htmldate
(publication and update dates from the page's markup), and recording the
page's other visible text (navigation, advertisements, related links,
footers) as removed boilerplate. Not here: reading files (``ingest.py``) or
cleaning the extracted text (``clean.py``), which every article goes through.

Dates are read from the page's markup only (``extensive_search`` off: no
guessing from the URL or free text), and with a fixed latest date, so the same
page always gives the same result; whether a date is acceptable (not after
ingestion) is decided later, as for every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from htmldate import find_date

# A fixed upper bound keeps extraction reproducible (htmldate's default is today).
_MAX_DATE = "2099-12-31"
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": _MAX_DATE}
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "form")
_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption",
     "blockquote", "pre", "div", "section", "aside", "nav", "footer", "header", "article",
     "main", "ul", "ol", "table", "tr", "figure", "address"}
)  # fmt: skip
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
# Fewer words of main text than this is not an article (menus, error pages, stubs).
MIN_ARTICLE_WORDS = 25


@dataclass(frozen=True)
class HtmlArticle:
    """The article a page carries, and what of the page was left out."""

    text: str  # paragraphs separated by a blank line
    title: str | None
    authors: list[str]
    publisher: str | None
    url: str | None
    published_raw: str | None
    updated_raw: str | None
    removed: list[dict[str, str]] = field(default_factory=list)


def extract_html(html: str) -> HtmlArticle | None:
    """The article in ``html``, or None when the page holds no extractable article text."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None:
        return None
    if not isinstance(document, dict):
        document = document.as_dict()
    paragraphs = [line.strip() for line in (document["text"] or "").split("\n") if line.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        return None  # a navigation page, an error page, a stub
    published = document["date"]
    updated = _updated_date(html)
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=_clean(document["title"]),
        authors=[a for a in _AUTHOR_SEPARATOR.split(document["author"] or "") if a.strip()],
        publisher=_clean(document["sitename"]),
        url=_clean(document["url"]),
        published_raw=published,
        updated_raw=updated if updated and updated != published else None,
        removed=[
            {"rule": "html_boilerplate", "text": block}
            for block in _left_out(html, paragraphs, document["title"])
        ],
    )


def _updated_date(html: str) -> str | None:
    params = {**_DATE_PARAMS, "original_date": False}
    try:
        return find_date(html, **params)  # type: ignore[arg-type]
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _left_out(html: str, paragraphs: list[str], title: str | None) -> list[str]:
    """The page's visible text blocks that are not part of the article, in page order."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for element in root.xpath("|".join(f"//{tag}" for tag in _INVISIBLE)):
        element.drop_tree()
    kept = _squash(" ".join([*paragraphs, title or ""]))
    left_out: list[str] = []
    for block in _text_blocks(root):
        if _squash(block) not in kept and block not in left_out:
            left_out.append(block)
    return left_out


def _text_blocks(root: lxml.html.HtmlElement) -> list[str]:
    """Text of each innermost block element (one without block children), and text
    that sits directly in a block around other blocks."""
    blocks: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in element.iterdescendants()):
            own = " ".join((element.text or "").split())
            if own:
                blocks.append(own)
            continue
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text)
    return blocks


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()

"""Article cleaning: header conventions, headline, and boilerplate removal.

Belongs here: turning one decoded document into its published text, title and
raw date, recording every removal with the rule that made it. Rules are
general patterns of news pages, never keyed to particular articles.
Character-level normalization lives in ``text.py``; finding a printed date line in
``header.py``; date parsing in ``dates.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.transforms.byline import read_author_line, read_byline, read_dateline
from pipelines.transforms.header import find_date_line, separate_header_lines
from pipelines.transforms.text import fold, join_paragraphs, normalize_characters, split_paragraphs

# "date 2025-06-25 Body text…" or "Date: 2025-06-25" on the first line.
_DATE_MARKER = re.compile(
    r"^\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2}"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?=\s|$)[ \t]*",
    re.IGNORECASE,
)
_MAX_HEADLINE_WORDS = 25
_BYLINE_SCAN = 2  # paragraphs under the headline where a byline may stand
_TERMINAL = (".", "!", "?", '"', "”", "…", ":", ";")
_CAPTION = re.compile(
    r"^(?:image|photo|picture|illustration|caption)"
    r"(?:\s+(?:for|of))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_LINK_VERBS = r"(?:find|learn|explore|understand|discover|visit|read|see|check out|get|browse)"
_LINK_TAIL_START = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:find more at|read more\b|learn more\b|learn about|see more\b|"
    r"more at\b|find out more\b)",
    re.IGNORECASE,
)
_LINK_SENTENCE = re.compile(rf"^{_LINK_VERBS}\b[^.!?]{{0,80}}[.!?]?$", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_SHARE_LINE = re.compile(
    r"^(?:(?:share|tweet|email|print|save)(?: this)?(?: (?:article|story|post|page|link))?"
    r"(?: (?:on|via) \w+)?"
    r"|(?:subscribe|sign up|join|register)\b.{0,60}\b(?:newsletter|updates|alerts|free|today|now)"
    r"|follow us\b.{0,60}|(?:like|follow) (?:us )?on \w+.{0,40}|click here\b.{0,60}"
    r"|advertisement|sponsored content|(?:share|subscribe)(?: (?:and|&|/) (?:share|subscribe))+)"
    r"[.!:]?$",
    re.IGNORECASE,
)
_MAX_SHARE_WORDS = 15


@dataclass
class CleanedDocument:
    """The result of cleaning one document."""

    text: str
    title: str | None
    date_raw: str | None
    removed: list[dict[str, str]] = field(default_factory=list)
    date_rule: str | None = None  # date_marker, date_line or byline_date_line
    updated_raw: str | None = None
    authors: list[str] = field(default_factory=list)
    wire_agency: str | None = None
    dateline_place: str | None = None


def clean_document(raw: str, title: str | None = None) -> CleanedDocument:
    """Clean one decoded document into published text.

    Args:
        raw: The decoded file or record text.
        title: A title given by the record (JSON ``title``), if any. When None,
            a headline on the first line is taken as the title.

    Returns:
        The cleaned text (paragraphs separated by a blank line), the title,
        the raw date from a header marker or else from the date line printed under
        the headline (the line is removed), and what was removed and why.
    """
    text = normalize_characters(raw).lstrip()
    doc = CleanedDocument("", title, None)
    marker = _DATE_MARKER.match(text)
    if marker:
        doc.date_raw, doc.date_rule = marker.group(1), "date_marker"
        text = text[marker.end() :]
    paragraphs = split_paragraphs(separate_header_lines(text) if marker is None else text)
    if doc.title is None and _is_headline(paragraphs):
        doc.title = paragraphs.pop(0)
    if doc.title is not None:
        doc.title = " ".join(normalize_characters(doc.title).split()) or None
    if marker is None and (printed := find_date_line(paragraphs)) is not None:
        doc.date_raw, doc.date_rule = printed.date_raw, printed.rule
        doc.updated_raw = printed.updated_raw
        doc.removed.append({"rule": printed.rule, "text": paragraphs.pop(printed.index)})
        if printed.byline and (by := read_byline(printed.byline)) is not None:
            doc.authors, doc.wire_agency = by.authors, by.agency
    paragraphs = _drop_byline(paragraphs, doc)
    paragraphs = _drop_repeated_headline(paragraphs, doc.title, doc.removed)
    paragraphs = _drop_dateline(paragraphs, doc)
    paragraphs = [p for p in paragraphs if not _is_share_line(p, doc.removed)]
    paragraphs = _drop_trailing_links(paragraphs, doc.removed)
    doc.text = join_paragraphs(paragraphs)
    return doc


def _is_headline(paragraphs: list[str]) -> bool:
    """A first paragraph is a headline when it is short, unpunctuated, not a byline,
    and not alone."""
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    if read_byline(first) is not None:
        return False
    return len(first.split()) <= _MAX_HEADLINE_WORDS and not first.endswith(_TERMINAL)


def _drop_byline(paragraphs: list[str], doc: CleanedDocument) -> list[str]:
    """A byline line ("By …") or a credit line ("Jane Doe, Professor of History, Example
    University") among the first paragraphs goes to the authors (and agency)."""
    for index, paragraph in enumerate(paragraphs[:_BYLINE_SCAN]):
        byline = read_byline(paragraph) or read_author_line(paragraph)
        if byline is not None:
            doc.authors = doc.authors or byline.authors
            doc.wire_agency = doc.wire_agency or byline.agency
            doc.removed.append({"rule": "byline", "text": paragraph})
            return paragraphs[:index] + paragraphs[index + 1 :]
    return paragraphs


def _drop_dateline(paragraphs: list[str], doc: CleanedDocument) -> list[str]:
    """A wire dateline opening the body ("CAIRO (AP) — …") leaves the text; its place
    and agency are kept."""
    if not paragraphs or (dateline := read_dateline(paragraphs[0])) is None:
        return paragraphs
    doc.dateline_place = dateline.place
    doc.wire_agency = doc.wire_agency or dateline.agency
    doc.removed.append({"rule": "wire_dateline", "text": dateline.text.strip()})
    return [paragraphs[0][len(dateline.text) :], *paragraphs[1:]]


def _drop_repeated_headline(
    paragraphs: list[str], title: str | None, removed: list[dict[str, str]]
) -> list[str]:
    """Remove paragraphs that only repeat the headline, bare or as an image caption."""
    if not title:
        return paragraphs
    folded_title = fold(title)
    kept = []
    for paragraph in paragraphs:
        caption = _CAPTION.match(paragraph)
        if caption and fold(paragraph[caption.end() :]) == folded_title:
            removed.append({"rule": "image_caption_repeats_headline", "text": paragraph})
        elif fold(paragraph) == folded_title:
            removed.append({"rule": "headline_repeated", "text": paragraph})
        else:
            kept.append(paragraph)
    return kept


def _is_share_line(paragraph: str, removed: list[dict[str, str]]) -> bool:
    if len(paragraph.split()) <= _MAX_SHARE_WORDS and _SHARE_LINE.match(paragraph):
        removed.append({"rule": "share_or_subscribe_line", "text": paragraph})
        return True
    return False


def _drop_trailing_links(paragraphs: list[str], removed: list[dict[str, str]]) -> list[str]:
    """Remove a trailing run of link-list sentences ("Find more at … Learn about …").

    The run must start with a "find/read/learn more" phrase, hold at least two
    sentences, reach the end of the article, and every sentence in it must be a
    short imperative naming a destination.
    """
    if not paragraphs:
        return paragraphs
    last = paragraphs[-1]
    for start in _LINK_TAIL_START.finditer(last):
        tail = last[start.start() :]
        sentences = [s for s in _SENTENCE_SPLIT.split(tail.strip()) if s]
        if len(sentences) >= 2 and all(_LINK_SENTENCE.match(s) for s in sentences):
            removed.append({"rule": "trailing_link_list", "text": tail.strip()})
            body = last[: start.start()].rstrip()
            return paragraphs[:-1] + ([body] if body else [])
    return paragraphs

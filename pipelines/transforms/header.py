"""The date a news page prints near its headline.

Belongs here: finding, among the first short paragraphs under the headline,
the line that states the publication date as news sites print it ("Feb 09,
2024", "Thursday, October 3, 2024", "6 May 2012", "Published: September 29,
2026", "2024-03-05T09:15:00-05:00", "03/05/2024", a byline ending with the date "By Jane
Doe, Agency, August 6, 2013" or "By Jane Doe / Published January 14, 2016"),
with the raw date as written. Only a line that holds nothing but the date, its
label ("Published", "Posted", "Updated"), a weekday, a time, a time zone and a
byline counts; a date inside a sentence of the body never does. "Published"
wins over "Updated" (both are kept); a line with only an updated date gives no
publication date. A date without a year (a wire dateline "CITY, Jan 5") is not a full
date and is never read. Not here: parsing the date (``dates.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{4})"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_TIME = (
    r"(?:(?:,|at|-|–|—|\|)?\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)?"
    r"(?:\s*\(?[A-Z]{2,4}\)?)?)"
)
_LABEL = r"(?:Published|Posted|Updated|Last updated|Date|First published)\s*(?:on|:)?"
_STAMP = rf"(?:{_LABEL})?\s*(?:{_WEEKDAY}\s+)?{_DATE}\s*{_TIME}?"
_DATE_LINE = re.compile(rf"^\s*{_STAMP}(?:\s*(?:[|/·•,;]|and)?\s*{_STAMP})*\s*\.?\s*$", re.I)
_ONE_STAMP = re.compile(
    rf"(?P<label>{_LABEL})?\s*(?:{_WEEKDAY}\s+)?(?P<date>{_DATE})\s*{_TIME}?", re.I
)
_BYLINE = re.compile(rf"^\s*By\s+[^\n]{{2,160}}?(?:,|/|\||—|–|-)\s*(?={_STAMP}\s*\.?\s*$)", re.I)
_MAX_LINE_WORDS = 30
_SCAN_PARAGRAPHS = 3


_FIRST_BLOCK = re.compile(r"\n[ \t]*\n")
_MAX_HEADER_LINES = 4


def separate_header_lines(text: str) -> str:
    """Put the lines of the first block on paragraphs of their own when one of them,
    after the first, is a date line ("Headline⏎June 29, 2023⏎⏎Body"), so the date is
    never read as part of a hard-wrapped headline."""
    blank = _FIRST_BLOCK.search(text)
    if blank is None:
        return text
    lines = [line for line in text[: blank.start()].split("\n") if line.strip()]
    if not 2 <= len(lines) <= _MAX_HEADER_LINES:
        return text
    if any(len(line.split()) > _MAX_LINE_WORDS for line in lines):
        return text
    if find_date_line(lines[1:]) is None:
        return text
    return "\n\n".join(lines) + text[blank.start() :]


@dataclass(frozen=True)
class HeaderDate:
    """The printed date line: where it is, the raw publication date, and the rule."""

    index: int  # which paragraph
    date_raw: str | None  # None when the line gives only an updated date
    rule: str  # date_line or byline_date_line
    updated_raw: str | None = None  # the "Updated …" date, when the line gives one
    byline: str | None = None  # the byline before the date ("By Jane Doe, Agency,")


def find_date_line(paragraphs: list[str]) -> HeaderDate | None:
    """The date line among the first paragraphs (after the headline), if any."""
    for index, paragraph in enumerate(paragraphs[:_SCAN_PARAGRAPHS]):
        if len(paragraph.split()) > _MAX_LINE_WORDS:
            break  # the body has started
        byline = _BYLINE.match(paragraph)
        rest = paragraph[byline.end() :] if byline else paragraph
        if _DATE_LINE.match(rest):
            rule = "byline_date_line" if byline else "date_line"
            published, updated = _stamps(rest)
            by = byline.group(0).rstrip(" ,/|—–-") if byline else None
            return HeaderDate(index, published, rule, updated, by)
    return None


def _stamps(line: str) -> tuple[str | None, str | None]:
    """The first published and the first updated date of a date line, as written."""
    stamps = list(_ONE_STAMP.finditer(line))
    published = [s for s in stamps if "updated" not in (s.group("label") or "").lower()]
    updated = [s for s in stamps if "updated" in (s.group("label") or "").lower()]
    return (
        published[0].group("date") if published else None,
        updated[0].group("date") if updated else None,
    )

"""Publication-date normalization.

Belongs here: turning a raw date string into a calendar date, or into null with
a stated issue. Parsing uses dateparser with explicit settings: absolute dates
only (no "yesterday", no weekday-relative guesses, no bare timestamps), all of
day, month and year required, month-day-year order for numeric dates, and no
date later than the reference date. A numeric date that only fits day-month
order is reported, never silently swapped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

DATE_ORDER = "MDY"
_SETTINGS = {
    "DATE_ORDER": DATE_ORDER,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ])")


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date, or None with the reason it could not be parsed."""

    value: dt.date | None
    issue: str | None = None


def parse_published_date(raw: str | None, latest: dt.date) -> ParsedDate:
    """Parse a raw publication date.

    Args:
        raw: The date as written (header marker or record field); None if absent.
        latest: The latest acceptable date (the ingestion date); later dates
            are rejected as future dates.

    Returns:
        The date (the calendar day as written, in the writer's own time zone)
        or None with an issue. Never raises for bad input.
    """
    if raw is None or not raw.strip():
        return ParsedDate(None)
    text = raw.strip()
    numeric = _NUMERIC.match(text)
    if numeric and int(numeric.group(1)) > 12:
        return ParsedDate(
            None, f"numeric date {text!r} does not fit {DATE_ORDER} order; not swapped"
        )
    iso = _ISO_DAY.match(text)
    try:
        value = _iso_date(iso) if iso else _dateparser_date(text)
    except (ValueError, OverflowError, RecursionError) as exc:
        return ParsedDate(None, f"unparseable date {text!r}: {exc}")
    if value is None:
        return ParsedDate(None, f"unparseable date {text!r}")
    if value > latest:
        return ParsedDate(
            None, f"date {value.isoformat()} is after ingestion date {latest.isoformat()}"
        )
    return ParsedDate(value)


def _iso_date(match: re.Match[str]) -> dt.date:
    """ISO 8601 dates keep the calendar day as written, whatever the offset."""
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


def _dateparser_date(text: str) -> dt.date | None:
    parsed = dateparser.parse(text[:200], languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None

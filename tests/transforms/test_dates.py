import datetime as dt

import pytest

from pipelines.transforms.dates import parse_published_date

LATEST = dt.date(2026, 1, 31)


@pytest.mark.parametrize(
    "raw",
    [
        "2025-12-08",
        "December 8, 2025",
        "Dec. 8, 2025",
        "8 Dec 2025",
        "12/08/2025",
        "2025-12-08T10:32:00-05:00",
        "Monday, December 8, 2025",
        "2025-12-08 23:59",
    ],
)
def test_common_forms_give_the_same_day(raw):
    assert parse_published_date(raw, LATEST).value == dt.date(2025, 12, 8)
    assert parse_published_date(raw, LATEST).issue is None


def test_iso_datetime_keeps_calendar_day_as_written_not_utc():
    assert parse_published_date("2025-12-08T23:30:00-05:00", LATEST).value == dt.date(2025, 12, 8)


def test_missing_date_is_null_without_issue():
    assert parse_published_date(None, LATEST) == parse_published_date("  ", LATEST)
    assert parse_published_date(None, LATEST).value is None
    assert parse_published_date(None, LATEST).issue is None


@pytest.mark.parametrize(
    "raw", ["yesterday", "3 days ago", "Tuesday", "December 2025", "soon", "2025-13-45"]
)
def test_relative_partial_and_impossible_dates_are_null_with_issue(raw):
    parsed = parse_published_date(raw, LATEST)
    assert parsed.value is None
    assert parsed.issue is not None and raw in parsed.issue


def test_day_month_order_is_never_silently_swapped():
    parsed = parse_published_date("13/08/2025", LATEST)
    assert parsed.value is None
    assert "does not fit MDY order" in parsed.issue


def test_future_date_is_rejected():
    parsed = parse_published_date("2026-02-01", LATEST)
    assert parsed.value is None
    assert parsed.issue == "date 2026-02-01 is after ingestion date 2026-01-31"


def test_date_on_ingestion_day_is_accepted():
    assert parse_published_date("January 31, 2026", LATEST).value == LATEST

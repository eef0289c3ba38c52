"""Error classes for the dev half's confusion summary."""

import datetime as dt
from pathlib import Path

import polars as pl

from pipelines.evaluation.errors import (
    _cue_known,
    date_error_classes,
    entity_error_classes,
    quote_error_classes,
)
from pipelines.evaluation.gold import GOLD_QUOTE_SCHEMA, Gold
from pipelines.evaluation.predict import Predictions

TEXT = (
    "Title\n\n"
    "“We will win,” said Jane Doe, a nurse. “And soon.”\n\n"
    "“It is late,” she said.\n\n"
    "“Move on,” the ministry harrumphed.\n\n"
    "Crowds chanted “no more.”\n\n"
    "“Fine,” said Doe.\n\n"
    "Mayor Bob Lee: “Thanks.”\n"
)


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def gold_row(part, speaker, kind, mention, cue):
    start, end = span(part)
    return {
        "doc": "a.txt",
        "quote_start": start,
        "quote_end": end,
        "speaker": speaker,
        "speaker_kind": kind,
        "speaker_mention": mention,
        "cue": cue,
        "note": None,
    }


def test_quote_error_classes(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold_rows = [
        gold_row("We will win", "Jane Doe", "person", "Jane Doe", "said"),
        gold_row("And soon.", "Jane Doe", "person", "Jane Doe", "said"),
        gold_row("It is late", "Jane Doe", "person", "she", "said"),
        gold_row("Move on", "Ministry of Health", "organization", "the ministry", "harrumphed"),
        gold_row("no more.", None, "crowd", "Crowds", "chanted"),
        gold_row("Fine", "Jane Doe", "person", "Doe", "said"),
        gold_row("Thanks.", "Bob Lee", "person", "Mayor Bob Lee", ":"),
    ]
    gold = Gold(
        "t", tmp_path, ("a.txt",), pl.DataFrame(gold_rows, schema=GOLD_QUOTE_SCHEMA), None, None
    )
    found = [
        (*span("We will win"), "Jane Doe"),
        (*span("And soon."), None),
        (*span("It is late"), "John Roe"),
        (*span("Move on"), None),
        (*span("no more."), "Jane Doe"),
        (*span("Title"), None),
        (*span("Fine"), "Doe"),
        (*span("Thanks."), None),
    ]
    predicted = Predictions(
        quotes=pl.DataFrame(
            [{"doc": "a.txt", "quote_start": s, "quote_end": e, "speaker": w} for s, e, w in found]
        ),
        entities=pl.DataFrame(),
        names=pl.DataFrame({"doc": ["a.txt"], "mention_text": ["Jane Doe"]}),
        dates=pl.DataFrame(),
    )
    assert dict(quote_error_classes(gold, predicted)) == {
        "span: extra quotation": 1,
        "speaker left null: interrupted quotation": 1,
        "speaker wrong: pronoun": 1,
        "speaker left null: organization or document speaker": 1,
        "speaker given to an unnamed quotation (crowd)": 1,
        "speaker wrong: short or long form of the right name": 1,
        "speaker left null: colon lead-in or name label": 1,
    }


def test_cue_known_by_rough_lemma():
    assert _cue_known("said") and _cue_known("told reporters") and _cue_known("according to")
    assert _cue_known("replied") and _cue_known("warns")
    assert not _cue_known("harrumphed")


def test_entity_and_date_error_classes():
    gold = pl.DataFrame(
        {
            "doc": ["a"] * 4,
            "canonical_name": ["Jane Doe", "Ohio", "Acme Corp", "Senate"],
            "type": ["PERSON", "GPE", "ORG", "ORG"],
            "status": ["required", "required", "required", "borderline"],
        }
    )
    predicted = pl.DataFrame(
        {
            "doc": ["a"] * 4,
            "canonical_name": ["Jane Doe", "Ohio", "Acme", "Senate"],
            "type": ["PERSON", "ORG", "ORG", "ORG"],
        }
    )
    assert dict(entity_error_classes(gold, predicted)) == {
        "entity: wrong type": 1,
        "entity: other name or boundary": 1,
        "entity: spurious": 0,
    }
    dates = pl.DataFrame({"doc": ["a", "b"], "published_date": [dt.date(2020, 1, 1)] * 2})
    got = pl.DataFrame({"doc": ["a", "b"], "published_date": [None, dt.date(2020, 1, 2)]})
    assert dict(date_error_classes(dates, got)) == {"date: not read": 1, "date: read wrong": 1}

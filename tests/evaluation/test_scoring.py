"""Scores: exact spans, speakers over named quotations, entities without borderline, dates."""

import datetime as dt
from pathlib import Path

import polars as pl

from pipelines.evaluation.gold import GOLD_QUOTE_SCHEMA, Gold
from pipelines.evaluation.scoring import (
    PRF,
    date_scores,
    entity_scores,
    same_speaker,
    span_scores,
    speaker_scores,
)


def quotes(rows):
    return pl.DataFrame(
        [
            {"doc": d, "quote_start": s, "quote_end": e, "speaker": who}
            | {k: None for k in ("speaker_kind", "speaker_mention", "cue", "note")}
            for d, s, e, who in rows
        ],
        schema=GOLD_QUOTE_SCHEMA,
    )


def gold_of(rows, lenient=False):
    return Gold("t", Path("."), ("a",), quotes(rows), None, None, lenient_speakers=lenient)


def test_prf_arithmetic():
    scores = PRF(predicted=4, gold=5, hits=2)
    assert (scores.precision, scores.recall) == (0.5, 0.4)
    assert round(scores.f1, 4) == 0.4444
    assert PRF(0, 0, 0).f1 == 0.0


def test_span_scores_are_exact():
    gold = quotes([("a", 0, 5, "X"), ("a", 10, 20, None)])
    predicted = quotes([("a", 0, 5, None), ("a", 10, 19, None), ("b", 0, 5, None)])
    assert span_scores(gold, predicted) == PRF(predicted=3, gold=2, hits=1)


def test_speaker_scores_count_missed_named_quotes_as_wrong():
    gold = gold_of(
        [
            ("a", 0, 5, "Jane Doe"),  # right
            ("a", 6, 9, "Jane Doe"),  # left null
            ("a", 10, 15, "Jane Doe"),  # wrong
            ("a", 16, 20, "Jane Doe"),  # not found: counts as left null
            ("a", 21, 25, None),  # unnamed, left null
            ("a", 26, 30, None),  # unnamed, attributed
            ("a", 31, 35, None),  # unnamed, not found: not counted
        ]
    )
    predicted = quotes(
        [
            ("a", 0, 5, "jane doe"),
            ("a", 6, 9, None),
            ("a", 10, 15, "John Roe"),
            ("a", 21, 25, None),
            ("a", 26, 30, "John Roe"),
        ]
    )
    scores = speaker_scores(gold, predicted)
    assert (scores.named_right, scores.named_null, scores.named_wrong) == (1, 2, 1)
    assert (scores.unnamed_null, scores.unnamed_attributed) == (1, 1)
    assert scores.accuracy == 0.25 and scores.unnamed_left_null == 0.5


def test_same_speaker_exact_and_lenient():
    assert same_speaker("The Associated Press", "Associated Press")
    assert not same_speaker("Hillary Clinton", "Clinton")
    assert same_speaker("Hillary Clinton", "Clinton", lenient=True)
    assert same_speaker("Hillary Clinton", "Clinton’s campaign manager", lenient=False) is False
    assert not same_speaker("Donald Trump", "Clinton", lenient=True)
    assert not same_speaker(None, "Clinton", lenient=True)
    assert same_speaker("Donald Trump", "Trump's", lenient=True)
    assert same_speaker("Carl Moss", "Moss’", lenient=True)
    assert not same_speaker("Carl Moss", "Moss’ campaign manager", lenient=True)
    assert same_speaker("Federal Bureau of Investigation", "the FBI", lenient=True)
    assert not same_speaker("Federal Bureau of Investigation", "the CIA", lenient=True)
    assert not same_speaker("Federal Bureau of Investigation", "the FBI", lenient=False)


def test_entity_scores_ignore_borderline():
    gold = pl.DataFrame(
        {
            "doc": ["a", "a", "a"],
            "canonical_name": ["Jane Doe", "Senate", "Ohio"],
            "type": ["PERSON", "ORG", "GPE"],
            "status": ["required", "borderline", "required"],
        }
    )
    predicted = pl.DataFrame(
        {
            "doc": ["a", "a", "a"],
            "canonical_name": ["Jane Doe", "Senate", "Ohio"],
            "type": ["PERSON", "NORP", "ORG"],
        }
    )
    assert entity_scores(gold, predicted) == PRF(predicted=2, gold=2, hits=1)


def test_date_scores():
    gold = pl.DataFrame(
        {"doc": ["a", "b", "c", "d"], "published_date": [dt.date(2020, 1, 2)] * 3 + [None]}
    )
    predicted = pl.DataFrame(
        {"doc": ["a", "b", "c"], "published_date": [dt.date(2020, 1, 2), dt.date(2020, 2, 1), None]}
    )
    assert date_scores(gold, predicted) == (1, 1, 1)

"""Quotation span F1 and speaker accuracy on the seeds hold the targets (>= 0.95 each)."""

import polars as pl
import pytest

from pipelines.evaluation.corpus import articles_from_seeds
from pipelines.evaluation.quotes import gold_quotes, predicted_quotes, score
from pipelines.resources import DEFAULT_REGISTER, DEFAULT_SPACY_MODEL, PROJECT_ROOT

TARGET = 0.95


@pytest.fixture(scope="module")
def articles():
    return articles_from_seeds(PROJECT_ROOT / "seeds")


def test_score_counts_missed_quotes_as_wrong_speakers():
    gold = {("a", 0, 1): "P", ("a", 2, 3): None, ("a", 4, 5): "Q"}
    predicted = {("a", 0, 1): "P", ("a", 2, 3): "P", ("a", 6, 7): None}
    result = score(predicted, gold)
    assert (result.precision, result.recall, result.speaker_accuracy) == (2 / 3, 2 / 3, 1 / 3)
    assert result.false_negatives == [("a", 4, 5)]


def test_gold_quotes_locate_exactly_once(articles, tmp_path):
    gold = gold_quotes(articles)
    assert len(gold) == 26
    texts = dict(articles.select("source_path", "text").iter_rows())
    stand_up = [k for k in gold if texts[k[0]][k[1] : k[2]] == "stand up"]
    assert len(stand_up) == 1 and texts[stand_up[0][0]][stand_up[0][1] - 1] == "“"
    bad = tmp_path / "gold.csv"
    bad.write_text(f"source_path,quote_text,speaker,kind\n{stand_up[0][0]},not in the text,,full\n")
    with pytest.raises(ValueError, match="found 0 times"):
        gold_quotes(articles, bad)


def test_quote_span_f1_and_speaker_accuracy_meet_targets(articles):
    assert isinstance(articles, pl.DataFrame)
    result = score(
        predicted_quotes(articles, DEFAULT_SPACY_MODEL, DEFAULT_REGISTER), gold_quotes(articles)
    )
    assert result.f1 >= TARGET, (result.false_positives, result.false_negatives)
    assert result.speaker_accuracy >= TARGET, result.wrong_speakers

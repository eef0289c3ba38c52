"""Quotation quality: exact-span precision, recall and F1, and speaker accuracy.

Run ``python -m pipelines.evaluation.quotes`` (or ``make evaluate``) to print the
scores on the seeds against ``tests/gold/quotes.csv``, with every error.
Spans must match exactly (same article, same start and end offsets). Speaker
accuracy is over all gold quotations: a missed quotation counts as a wrong
speaker; a gold speaker left empty must be predicted empty.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.evaluation.corpus import articles_from_seeds, evaluation_arguments
from pipelines.resources import PROJECT_ROOT
from pipelines.transforms.entities.ner import load_model, model_mentions
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.entities.resolve import resolve_corpus
from pipelines.transforms.quotes.parse import load_parser
from pipelines.transforms.quotes.table import quotes_table

GOLD = PROJECT_ROOT / "tests" / "gold" / "quotes.csv"

Key = tuple[str, int, int]  # (source_path, quote_start, quote_end)


@dataclass(frozen=True)
class QuoteScores:
    """Span scores, speaker accuracy, and the errors behind them."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    false_positives: list[Key]
    false_negatives: list[Key]
    wrong_speakers: list[tuple[Key, str | None, str | None]]


def score(predicted: dict[Key, str | None], gold: dict[Key, str | None]) -> QuoteScores:
    """Exact-span P/R/F1 and speaker accuracy over all gold quotations."""
    hits = set(predicted) & set(gold)
    precision = len(hits) / len(predicted) if predicted else 0.0
    recall = len(hits) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    wrong = sorted(
        (key, gold[key], predicted.get(key))
        for key in gold
        if key not in predicted or predicted[key] != gold[key]
    )
    accuracy = (len(gold) - len(wrong)) / len(gold) if gold else 0.0
    return QuoteScores(
        precision,
        recall,
        f1,
        accuracy,
        sorted(set(predicted) - set(gold)),
        sorted(set(gold) - set(predicted)),
        wrong,
    )


def predicted_quotes(
    articles: pl.DataFrame, model: str, register_path: Path
) -> dict[Key, str | None]:
    """Every quotation the pipeline finds in ``articles``, with its speaker's canonical name."""
    raw = model_mentions(load_model(model), articles)
    entities, mentions = resolve_corpus(articles, raw, load_register(register_path))
    quotes = quotes_table(load_parser(model), articles, mentions, entities).join(
        articles.select("article_id", "source_path"), on="article_id"
    )
    return {
        (path, start, end): speaker
        for path, start, end, speaker in quotes.select(
            "source_path", "quote_start", "quote_end", "speaker"
        ).iter_rows()
    }


def gold_quotes(articles: pl.DataFrame, path: Path = GOLD) -> dict[Key, str | None]:
    """The gold quotations located in the article texts, with speakers (empty: none).

    Each gold quotation must occur exactly once right after an opening quote mark.

    Raises:
        ValueError: naming the quotation that cannot be located unambiguously.
    """
    texts = dict(articles.select("source_path", "text").iter_rows())
    gold: dict[Key, str | None] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text, quote = texts[row["source_path"]], row["quote_text"]
            starts = [
                m.end() for m in re.finditer(r"[“\"]\s*", text) if text.startswith(quote, m.end())
            ]
            if len(starts) != 1:
                raise ValueError(
                    f"{path}: {row['source_path']}: quotation {quote[:40]!r} "
                    f"found {len(starts)} times after an opening mark"
                )
            gold[(row["source_path"], starts[0], starts[0] + len(quote))] = row["speaker"] or None
    return gold


def main() -> None:
    """Print the scores and every error."""
    args = evaluation_arguments(__doc__, GOLD)
    articles = articles_from_seeds(args.seeds)
    texts = dict(articles.select("source_path", "text").iter_rows())
    result = score(
        predicted_quotes(articles, args.model, args.register), gold_quotes(articles, args.gold)
    )
    print(
        f"quotes: span precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"F1 {result.f1:.3f}  speaker accuracy {result.speaker_accuracy:.3f}"
    )

    def show(key: Key) -> str:
        return f"{key[0]} [{key[1]}:{key[2]}] {texts[key[0]][key[1] : key[2]][:60]!r}"

    for key in result.false_positives:
        print(f"  extra quotation: {show(key)}")
    for key in result.false_negatives:
        print(f"  missed quotation: {show(key)}")
    for key, expected, got in result.wrong_speakers:
        print(f"  speaker: {show(key)} | gold {expected} | got {got}")


if __name__ == "__main__":
    main()

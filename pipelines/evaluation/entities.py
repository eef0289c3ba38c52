"""Entity extraction quality: precision, recall and F1 over (article, entity, type).

Run ``python -m pipelines.evaluation.entities`` (or ``make evaluate``) to print
the scores on the seeds against ``tests/gold/entities.csv``, with every error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.evaluation.corpus import articles_from_seeds, evaluation_arguments
from pipelines.resources import PROJECT_ROOT
from pipelines.transforms.entities.ner import load_model, model_mentions
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.entities.resolve import resolve_corpus

GOLD = PROJECT_ROOT / "tests" / "gold" / "entities.csv"

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the triples behind them."""

    precision: float
    recall: float
    f1: float
    false_positives: list[Triple]
    false_negatives: list[Triple]


def score(predicted: set[Triple], gold: set[Triple]) -> Scores:
    """Set-based precision, recall and F1."""
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, sorted(predicted - gold), sorted(gold - predicted))


def predicted_triples(seeds: Path, model: str, register_path: Path) -> set[Triple]:
    """(source_path, canonical name, type) for every entity the pipeline finds per article."""
    articles = articles_from_seeds(seeds)
    raw = model_mentions(load_model(model), articles)
    entities, mentions = resolve_corpus(articles, raw, load_register(register_path))
    joined = (
        mentions.join(entities, on="entity_id")
        .join(articles.select("article_id", "source_path"), on="article_id")
        .select("source_path", "canonical_name", "type")
        .unique()
    )
    return set(joined.iter_rows())


def gold_triples(path: Path = GOLD) -> set[Triple]:
    """The gold standard's (source_path, canonical name, type) triples."""
    return set(pl.read_csv(path).select("source_path", "canonical_name", "type").iter_rows())


def main() -> None:
    """Print the scores and every false positive and false negative."""
    args = evaluation_arguments(__doc__, GOLD)
    result = score(
        predicted_triples(args.seeds, args.model, args.register), gold_triples(args.gold)
    )
    print(
        f"entities: precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"F1 {result.f1:.3f}"
    )
    for label, triples in (
        ("false positive", result.false_positives),
        ("false negative", result.false_negatives),
    ):
        for triple in triples:
            print(f"  {label}: {' | '.join(triple)}")


if __name__ == "__main__":
    main()

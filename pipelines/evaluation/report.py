"""``make evaluate``: one table of extraction quality on every yardstick we have.

Rows: the seeds, the development corpus's dev and test halves, and, when a
local copy is given (``--polnear PATH`` or ``NEWSDATA_POLNEAR``), PolNeAR's
train and dev splits. Under the table: the dev half's errors by class (the
only corpus we tune on; the test half is reported, never broken down).

Run ``python -m pipelines.evaluation.report --help`` for the options.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipelines.evaluation.errors import (
    date_error_classes,
    entity_error_classes,
    quote_error_classes,
)
from pipelines.evaluation.gold import (
    DEV_CORPUS,
    Gold,
    dev_corpus,
    seeds_gold,
    with_register_names,
)
from pipelines.evaluation.polnear import polnear_gold
from pipelines.evaluation.predict import Models, Predictions, predict
from pipelines.evaluation.scoring import (
    PRF,
    SpeakerScores,
    date_scores,
    entity_scores,
    span_scores,
    speaker_scores,
)
from pipelines.resources import DEFAULT_REGISTER, DEFAULT_SPACY_MODEL, PROJECT_ROOT
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.nlp import load_pipeline


@dataclass(frozen=True)
class Row:
    """One corpus's figures."""

    gold: Gold
    spans: PRF
    speakers: SpeakerScores
    entities: PRF | None
    dates: tuple[int, int, int] | None


def evaluate(gold: Gold, models: Models) -> tuple[Row, Predictions]:
    """Run the pipeline on ``gold``'s files and score it (names as the register has them)."""
    if not gold.lenient_speakers:
        gold = with_register_names(gold, models.register)
    predicted = predict(gold, models)
    return Row(
        gold,
        span_scores(gold.quotes, predicted.quotes),
        speaker_scores(gold, predicted.quotes),
        None if gold.entities is None else entity_scores(gold.entities, predicted.entities),
        None if gold.dates is None else date_scores(gold.dates, predicted.dates),
    ), predicted


def format_table(rows: list[Row]) -> str:
    """The figures as a Markdown table (what the README shows)."""
    lines = [
        "| corpus | articles | gold quotes | span P / R / F1 | speaker accuracy (named) "
        "| unnamed left null | entity P / R / F1 | dates right |",
        "| --- | ---: | ---: | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        s, sp = row.spans, row.speakers
        unnamed = (
            f"{sp.unnamed_left_null:.2f} ({sp.unnamed_null}/{sp.unnamed})"
            if not row.gold.lenient_speakers and sp.unnamed
            else "–"
        )
        ents = (
            f"{row.entities.precision:.3f} / {row.entities.recall:.3f} / {row.entities.f1:.3f}"
            if row.entities
            else "–"
        )
        dates = f"{row.dates[0]}/{sum(row.dates)}" if row.dates else "–"
        lines.append(
            f"| {row.gold.name} | {len(row.gold.docs)} | {s.gold} "
            f"| {s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} "
            f"| {sp.accuracy:.3f} ({sp.named_right}/{sp.named}: {sp.named_null} null, "
            f"{sp.named_wrong} wrong) | {unnamed} | {ents} | {dates} |"
        )
    return "\n".join(lines)


def format_classes(title: str, classes: Counter[str]) -> str:
    """Error classes, most frequent first."""
    lines = [title]
    for name, count in sorted(classes.items(), key=lambda item: (-item[1], item[0])):
        if count:
            lines.append(f"  {count:4d}  {name}")
    return "\n".join(lines)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds")
    parser.add_argument("--dev-corpus", type=Path, default=DEV_CORPUS)
    parser.add_argument(
        "--polnear",
        type=Path,
        default=os.environ.get("NEWSDATA_POLNEAR") or None,
        help="a local copy of github.com/networkdynamics/PolNeAR (default: $NEWSDATA_POLNEAR)",
    )
    parser.add_argument("--model", default=DEFAULT_SPACY_MODEL)
    parser.add_argument("--register", type=Path, default=DEFAULT_REGISTER)
    return parser.parse_args()


def main() -> None:
    """Evaluate every corpus and print the table and the dev half's error classes."""
    args = _arguments()
    try:  # read every gold standard first: a wrong path fails before any model loads
        corpora = [
            seeds_gold(args.seeds),
            dev_corpus("dev", args.dev_corpus),
            dev_corpus("test", args.dev_corpus),
        ]
        if args.polnear:
            corpora += [polnear_gold(args.polnear, "train"), polnear_gold(args.polnear, "dev")]
    except (FileNotFoundError, ValueError) as exc:
        sys.exit(f"error: {exc}")
    models = Models(load_pipeline(args.model), load_register(args.register))
    rows, dev_predictions = [], None
    for gold in corpora:
        began = time.monotonic()
        print(f"evaluating {gold.name} ({len(gold.docs)} articles)…", file=sys.stderr)
        row, predicted = evaluate(gold, models)
        print(f"  done in {time.monotonic() - began:.0f} s", file=sys.stderr)
        rows.append(row)
        if gold.name.startswith("dev corpus, dev"):
            dev_predictions = (row.gold, predicted)  # with the register's names, as scored
    print(f"model {args.model}, register {args.register.relative_to(PROJECT_ROOT)}\n")
    print(format_table(rows))
    for row in rows:
        if row.gold.lenient_speakers:
            sp = row.speakers
            print(
                f"\n{row.gold.name}: of {sp.unnamed} found quotations whose source is a pronoun "
                f"or a description, {sp.unnamed_attributed} attributed, {sp.unnamed_null} left "
                "null (not checkable automatically)."
            )
    if not args.polnear:
        print("\nPolNeAR: skipped (no local copy; pass --polnear PATH or set NEWSDATA_POLNEAR).")
    if dev_predictions:
        gold, predicted = dev_predictions
        classes = quote_error_classes(gold, predicted)
        assert gold.entities is not None and gold.dates is not None
        classes += entity_error_classes(gold.entities, predicted.entities)
        classes += date_error_classes(gold.dates, predicted.dates)
        print()
        print(format_classes(f"Errors on the {gold.name}, by class:", classes))


if __name__ == "__main__":
    main()

"""Building the published article texts from a seeds folder, without Dagster."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import polars as pl

from pipelines.resources import DEFAULT_REGISTER, DEFAULT_SPACY_MODEL, PROJECT_ROOT
from pipelines.transforms.articles import (
    clean_records,
    identify_articles,
    normalize_dates,
    records_frame,
)
from pipelines.transforms.dedup import deduplicate
from pipelines.transforms.ingest import discover_files, read_input


def articles_from_seeds(seeds: Path, latest: dt.date | None = None) -> pl.DataFrame:
    """The canonical articles (``article_id``, ``source_path``, ``text``…) of a seeds folder."""
    records = [r for path in discover_files(seeds) for r in read_input(path, seeds)]
    dated = normalize_dates(
        clean_records(records_frame(records)), latest or dt.datetime.now(dt.UTC).date()
    )
    canonical, _ = deduplicate(identify_articles(dated, "evaluation"))
    return canonical


def evaluation_arguments(description: str | None, gold: Path) -> argparse.Namespace:
    """The command-line options every evaluation script takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=gold)
    parser.add_argument("--model", default=DEFAULT_SPACY_MODEL)
    parser.add_argument("--register", type=Path, default=DEFAULT_REGISTER)
    return parser.parse_args()

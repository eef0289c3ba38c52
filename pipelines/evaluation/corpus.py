"""Building the published article texts from a seeds folder, without Dagster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

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

"""Building the published article texts from a folder of input files, without Dagster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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


def articles_from_folder(
    folder: Path, docs: Iterable[str] | None = None, latest: dt.date | None = None
) -> pl.DataFrame:
    """The canonical articles (``article_id``, ``source_path``, ``text``…) of a folder.

    Args:
        folder: The input root, as the pipeline's ``seeds_dir``.
        docs: Only these files (paths relative to ``folder``); all when None.
        latest: The ingestion date (no published date after it); today when None.
    """
    wanted = None if docs is None else set(docs)
    paths = [
        path
        for path in discover_files(folder)
        if wanted is None or path.relative_to(folder).as_posix() in wanted
    ]
    records = [r for path in paths for r in read_input(path, folder)]
    dated = normalize_dates(
        clean_records(records_frame(records)), latest or dt.datetime.now(dt.UTC).date()
    )
    canonical, _ = deduplicate(identify_articles(dated, "evaluation"))
    return canonical

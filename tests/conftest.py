"""Shared fixtures: running the whole pipeline in-process on a seeds folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from dagster import DagsterInstance, ExecuteInProcessResult

from pipelines.definitions import build_defs
from pipelines.resources import PROJECT_ROOT, PipelineSettings

SEEDS = PROJECT_ROOT / "seeds"
INGEST_DATE = "2026-11-21"
ALL_CHECKS = {
    "articles_schema",
    "article_duplicates_schema",
    "rejections_schema",
    "entities_schema",
    "entity_mentions_schema",
    "article_duplicates_article_id_in_articles",
    "entity_mentions_article_id_in_articles",
    "entity_mentions_entity_id_in_entities",
    "entity_mentions_mention_start_mention_end_slice_text",
    "every_input_accounted_for",
    "quotes_schema",
    "quotes_article_id_in_articles",
    "quotes_speaker_entity_id_in_entities",
    "quotes_quote_start_quote_end_slice_text",
}


@dataclass
class Build:
    """The outcome of one in-process build."""

    result: ExecuteInProcessResult
    dataset_root: Path
    version: str

    @property
    def folder(self) -> Path:
        return self.dataset_root / self.version

    def table(self, name: str) -> pl.DataFrame:
        return pl.read_parquet(self.folder / f"{name}.parquet")


def run_build(
    seeds: Path, work: Path, version: str = "0.0.1", tags: dict | None = None, **settings
) -> Build:
    """Materialize every asset and check in-process, publishing under ``work/datasets``
    (``tags``: run tags, e.g. the versioning mode)."""
    dataset_root = work / "datasets"
    defs = build_defs(
        PipelineSettings(
            seeds_dir=str(seeds),
            dataset_root=str(dataset_root),
            version=version,
            ingest_date=INGEST_DATE,
            **settings,
        ),
        storage_dir=str(work / "storage"),
    )
    job = defs.resolve_implicit_global_asset_job_def()
    with DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=tags)
    return Build(result, dataset_root, version)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Build:
    """One build of the repository's seeds, shared by the tests that only read it."""
    return run_build(SEEDS, tmp_path_factory.mktemp("seeds_build"))


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the repository's seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target

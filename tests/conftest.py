"""Shared fixtures: running the whole pipeline in-process on a seeds folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from dagster import DagsterInstance, ExecuteInProcessResult

from pipelines.definitions import build_defs
from pipelines.partitions import whole_build_tags
from pipelines.resources import PROJECT_ROOT, NlpPipeline, PipelineSettings

SEEDS = PROJECT_ROOT / "seeds"
INGEST_DATE = "2026-11-21"
# Every check, as "asset/check" (check names are short and unique per asset).
ALL_CHECKS = {
    "articles/schema",
    "article_duplicates/schema",
    "article_duplicates/article_id_in_articles",
    "rejections/schema",
    "rejections/every_input_accounted_for",
    "entities/schema",
    "entity_mentions/schema",
    "entity_mentions/article_id_in_articles",
    "entity_mentions/entity_id_in_entities",
    "entity_mentions/spans_slice_text",
    "quotes/schema",
    "quotes/article_id_in_articles",
    "quotes/speaker_entity_id_in_entities",
    "quotes/spans_slice_text",
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
    seeds: Path,
    work: Path,
    version: str = "0.0.1",
    tags: dict | None = None,
    nlp: NlpPipeline | None = None,
    storage: str | None = None,
    shards: int = 0,
    **settings,
) -> Build:
    """Materialize every asset and check in-process, publishing under ``work/datasets``
    (``tags``: run tags, e.g. the versioning mode; ``storage``: where intermediates go,
    any fsspec URL, default ``work/storage``; ``shards``: split the NLP stages into that
    many partitions, all built in this one run)."""
    dataset_root = work / "datasets"
    defs = build_defs(
        PipelineSettings(
            seeds_dir=str(seeds),
            dataset_root=str(dataset_root),
            version=version,
            ingest_date=INGEST_DATE,
            **settings,
        ),
        storage_dir=storage or str(work / "storage"),
        nlp=nlp,
        shards=shards,
    )
    job = defs.resolve_job_def("build_dataset")
    tags = {**whole_build_tags(shards), **(tags or {})}
    with DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=tags)
    return Build(result, dataset_root, version)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that builds the whole pipeline (directly, or through a build fixture) is ``e2e``."""
    for item in items:
        uses_build = {"seeds_build", "build", "sensor_server", "dagster_server"} & set(
            getattr(item, "fixturenames", ())
        )
        if (
            uses_build
            or "run_build" in getattr(item.module, "__dict__", {})
            or "_build" in getattr(item.module, "__dict__", {})
        ):
            item.add_marker(pytest.mark.e2e)


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

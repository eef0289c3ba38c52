"""The one place that assembles the Dagster ``Definitions``.

``build_defs`` accepts overrides (settings, intermediate storage, executor) so
tests can redirect inputs and outputs; ``defs`` is what ``dagster dev`` loads, with
``NEWSDATA_SEEDS_DIR``, ``NEWSDATA_DATASET_ROOT`` and ``NEWSDATA_STORAGE_DIR``
overriding the folders when set (the UI tests use them to build elsewhere) and
``NEWSDATA_EXECUTOR`` choosing where steps run: ``in_process`` (the default),
``multiprocess``, or ``dask`` (a Dask cluster: a local one, or an existing
scheduler on other machines, chosen in the run config; see docs/deployment.md).
``NEWSDATA_SHARDS=N`` splits the per-article NLP stages into N hash shards, Dagster
partitions that a backfill runs one run each (``pipelines/partitions.py``).
"""

from __future__ import annotations

import os

from dagster import Definitions, load_assets_from_modules

from pipelines.assets import articles, clean, entities, ingest, parse, quotes, release
from pipelines.checks import build_checks
from pipelines.executors import executor_named
from pipelines.io_managers import PolarsParquetIOManagerFactory
from pipelines.jobs import build_dataset, ci_validation
from pipelines.partitions import shard_count, sharded
from pipelines.resources import (
    PROJECT_ROOT,
    NlpPipeline,
    PipelineSettings,
    load_dataset_metadata,
)
from pipelines.sensors import seeds_sensor

DEFAULT_STORAGE = PROJECT_ROOT / "build" / "intermediate"


def build_defs(
    settings: PipelineSettings | None = None,
    storage_dir: str | None = None,
    nlp: NlpPipeline | None = None,
    executor: str | None = None,
    shards: int | None = None,
) -> Definitions:
    """Assemble assets, checks, jobs and resources.

    Args:
        settings: Pipeline settings; defaults read ``seeds/`` and write ``datasets/``.
        storage_dir: Folder for intermediate Parquet files between steps.
        nlp: The spaCy pipeline; defaults to the default model, in one process.
        executor: ``in_process`` (default, or ``NEWSDATA_EXECUTOR``), ``multiprocess``
            or ``dask``.
        shards: Split the per-article NLP stages into this many partitions (default
            ``NEWSDATA_SHARDS``; 0: no split).
    """
    load_dataset_metadata()  # a broken dataset.yaml fails here, not at publish time
    if settings is None:
        settings = PipelineSettings()  # folders from NEWSDATA_SEEDS_DIR / _DATASET_ROOT
    storage_dir = storage_dir or os.environ.get("NEWSDATA_STORAGE_DIR") or str(DEFAULT_STORAGE)
    return Definitions(
        assets=sharded(
            load_assets_from_modules([ingest, clean, articles, parse, entities, quotes, release]),
            shard_count() if shards is None else shards,
        ),
        asset_checks=build_checks(),
        jobs=[build_dataset, ci_validation],
        sensors=[seeds_sensor],
        executor=executor_named(executor or os.environ.get("NEWSDATA_EXECUTOR") or "in_process"),
        resources={
            "settings": settings,
            "nlp": nlp or NlpPipeline(),
            "io_manager": PolarsParquetIOManagerFactory(base_dir=storage_dir),
        },
    )


defs = build_defs()

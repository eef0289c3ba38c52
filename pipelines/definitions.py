"""The one place that assembles the Dagster ``Definitions``.

``build_defs`` accepts overrides (settings, intermediate storage) so tests can
redirect inputs and outputs; ``defs`` is what ``dagster dev`` loads, with
``NEWSDATA_SEEDS_DIR``, ``NEWSDATA_DATASET_ROOT`` and ``NEWSDATA_STORAGE_DIR``
overriding the folders when set (the UI tests use them to build elsewhere).
"""

from __future__ import annotations

import os

from dagster import Definitions, in_process_executor, load_assets_from_modules

from pipelines.assets import articles, clean, entities, ingest, parse, quotes, release
from pipelines.checks import build_checks
from pipelines.io_managers import PolarsParquetIOManagerFactory
from pipelines.jobs import build_dataset, ci_validation
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
) -> Definitions:
    """Assemble assets, checks, jobs and resources.

    Args:
        settings: Pipeline settings; defaults read ``seeds/`` and write ``datasets/``.
        storage_dir: Folder for intermediate Parquet files between steps.
        nlp: The spaCy pipeline; defaults to the default model, in one process.
    """
    load_dataset_metadata()  # a broken dataset.yaml fails here, not at publish time
    if settings is None:
        settings = PipelineSettings()  # folders from NEWSDATA_SEEDS_DIR / _DATASET_ROOT
    storage_dir = storage_dir or os.environ.get("NEWSDATA_STORAGE_DIR") or str(DEFAULT_STORAGE)
    return Definitions(
        assets=load_assets_from_modules(
            [ingest, clean, articles, parse, entities, quotes, release]
        ),
        asset_checks=build_checks(),
        jobs=[build_dataset, ci_validation],
        sensors=[seeds_sensor],
        # One process per run: the stages are sequential, and a process per step re-imports
        # spaCy and Dagster (minutes on two cores).
        executor=in_process_executor,
        resources={
            "settings": settings,
            "nlp": nlp or NlpPipeline(),
            "io_manager": PolarsParquetIOManagerFactory(base_dir=storage_dir),
        },
    )


defs = build_defs()

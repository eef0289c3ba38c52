"""The one place that assembles the Dagster ``Definitions``.

``build_defs`` accepts overrides (settings, intermediate storage) so tests can
redirect inputs and outputs; ``defs`` is what ``dagster dev`` loads.
"""

from __future__ import annotations

from dagster import Definitions, load_assets_from_modules

from pipelines.assets import articles, clean, entities, ingest, quotes, release
from pipelines.checks import build_checks
from pipelines.io_managers import PolarsParquetIOManagerFactory
from pipelines.jobs import build_dataset, ci_validation
from pipelines.resources import PROJECT_ROOT, PipelineSettings

DEFAULT_STORAGE = PROJECT_ROOT / "build" / "intermediate"


def build_defs(
    settings: PipelineSettings | None = None, storage_dir: str | None = None
) -> Definitions:
    """Assemble assets, checks, jobs and resources.

    Args:
        settings: Pipeline settings; defaults read ``seeds/`` and write ``datasets/``.
        storage_dir: Folder for intermediate Parquet files between steps.
    """
    return Definitions(
        assets=load_assets_from_modules([ingest, clean, articles, entities, quotes, release]),
        asset_checks=build_checks(),
        jobs=[build_dataset, ci_validation],
        resources={
            "settings": settings or PipelineSettings(),
            "io_manager": PolarsParquetIOManagerFactory(
                base_dir=storage_dir or str(DEFAULT_STORAGE)
            ),
        },
    )


defs = build_defs()

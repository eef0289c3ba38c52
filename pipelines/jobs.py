"""Named jobs: building and publishing the dataset, and the CI validation run.

Belongs here: job definitions (asset selections). Schedules and sensors live
in ``sensors.py``.
"""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job

from pipelines.resources import VERSIONING_TAG

build_dataset = define_asset_job(
    "build_dataset",
    selection=AssetSelection.all(),
    description="Materialize every asset, run every check, and publish the dataset version.",
)

ci_validation = define_asset_job(
    "ci_validation",
    selection=AssetSelection.all(),
    description="CI validation: materialize everything and run every blocking check; any "
    "failed check or error fails the run. Publishes nothing: the version in dataset.yaml "
    "must already be published with exactly the files this run builds.",
    tags={VERSIONING_TAG: "verify"},
)

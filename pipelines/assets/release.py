"""The release stage: writing the validated tables as a dataset version."""

from pathlib import Path

import polars as pl
from dagster import AssetExecutionContext, AssetIn, MaterializeResult, MetadataValue, asset

from pipelines.release.publish import Release, publish
from pipelines.resources import (
    VERSIONING_TAG,
    NlpPipeline,
    PipelineSettings,
    dataset_metadata,
    load_dataset_metadata,
    pipeline_version,
)
from pipelines.transforms.hashing import sha256_file
from pipelines.transforms.provenance import PROVENANCE_FILE
from schemas.registry import TABLES


# Every published table is an input, by the registry's names: a new table is published
# by adding it to ``schemas.registry.TABLES`` (and producing the asset), nothing here.
@asset(
    group_name="release",
    kinds={"parquet", "csv"},
    ins={"input_records": AssetIn(), **{name: AssetIn() for name in TABLES}},
)
def dataset_release(
    context: AssetExecutionContext,
    settings: PipelineSettings,
    nlp: NlpPipeline,
    input_records: pl.DataFrame,
    **tables: pl.DataFrame,
) -> MaterializeResult:
    """The published version ``datasets/<version>/``: every table as Parquet and CSV,
    a manifest and ``SHA256SUMS``. Runs only after every blocking check passed;
    refuses to change a version that is already published. The versioning mode is the
    run's ``newsdata/versioning`` tag (the seeds sensor sets ``auto``), else
    ``dataset.yaml``'s ``versioning``.
    """
    inputs = (
        input_records.select(path="source_path", sha256="source_sha256", bytes="source_bytes")
        .unique("path")
        .sort("path")
    )
    release = Release(
        version=settings.dataset_version(),
        tables={name: tables[name] for name in TABLES},
        metadata=dataset_metadata(),
        provenance={
            "pipeline_version": pipeline_version(),
            "settings": {
                "dedup_threshold": settings.dedup_threshold,
                "shingle_words": settings.shingle_words,
                "max_file_bytes": settings.max_file_bytes,
                "entity_register": settings.entity_register,
            },
            "ner_model": nlp.info(),
            "inputs": inputs.to_dicts(),
            **_provenance_file(settings.seeds_path()),
        },
    )
    mode = context.run.tags.get(VERSIONING_TAG) or load_dataset_metadata().versioning
    result = publish(
        release, settings.dataset_path(), mode=mode, released=settings.latest_date().isoformat()
    )
    version = result.manifest["version"]
    context.log.info(f"dataset version {version} {result.status} at {result.path} ({mode})")
    rows = {name: table["rows"] for name, table in result.manifest["tables"].items()}
    return MaterializeResult(
        metadata={
            "version": version,
            "versioning": mode,
            "status": result.status,
            "path": MetadataValue.path(str(result.path)),
            **{f"rows_{name}": count for name, count in rows.items()},
        }
    )


def _provenance_file(seeds: Path) -> dict[str, dict[str, str]]:
    """The manifest's ``provenance_file`` (path and SHA-256), when the seeds have one."""
    path = seeds / PROVENANCE_FILE
    if not path.is_file():
        return {}
    return {"provenance_file": {"path": PROVENANCE_FILE, "sha256": sha256_file(path)}}

"""The ingest stage: every file under the seeds folder as records."""

import polars as pl
from dagster import AssetExecutionContext, Output, asset

from pipelines.metadata import intermediate_metadata
from pipelines.resources import PipelineSettings
from pipelines.transforms.articles import read_records
from pipelines.transforms.ingest import discover_files
from pipelines.transforms.provenance import PROVENANCE_FILE, read_provenance


@asset(group_name="ingest", kinds={"polars"})
def input_records(
    context: AssetExecutionContext, settings: PipelineSettings
) -> Output[pl.DataFrame]:
    """Every input file decoded into records (one per text file or JSON record).

    Files that cannot become articles (empty, binary, undecodable, too large,
    invalid JSON, symlinks…) are kept as rows with a rejection reason, so every
    input is accounted for. A ``provenance.csv`` at the folder's top is not an input:
    it fills ``url`` and ``publisher`` of the files it names.
    """
    root = settings.seeds_path()
    if not root.is_dir():
        raise FileNotFoundError(
            f"seeds folder {root} does not exist; create it or set "
            "`seeds_dir` in the PipelineSettings resource"
        )
    sidecar = root / PROVENANCE_FILE
    paths = [p for p in discover_files(root) if p != sidecar]
    provenance = None
    if sidecar.is_file():
        known = {p.relative_to(root).as_posix() for p in paths}
        provenance = read_provenance(sidecar, known)
        context.log.info(f"{PROVENANCE_FILE}: provenance for {len(provenance)} files")
    frame = read_records(
        paths,
        root,
        settings.max_file_bytes,
        provenance,
        lambda done, total: context.log.info(f"ingested {done}/{total} files"),
    )
    rejected = frame.filter(pl.col("reason").is_not_null())
    return Output(
        frame,
        metadata=intermediate_metadata(
            frame,
            files=len(paths),
            records_rejected=rejected.height,
            encodings=", ".join(sorted(frame["encoding"].drop_nulls().unique().to_list())),
        ),
    )

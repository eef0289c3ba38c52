"""The ingest stage: every file under the seeds folder as records."""

import polars as pl
from dagster import AssetExecutionContext, Output, asset

from pipelines.metadata import intermediate_metadata
from pipelines.resources import PipelineSettings
from pipelines.transforms.articles import records_frame
from pipelines.transforms.ingest import InputRecord, discover_files, read_input
from pipelines.transforms.provenance import PROVENANCE_FILE, read_provenance, with_provenance

PROGRESS_EVERY = 500


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
    records: list[InputRecord] = []
    for count, path in enumerate(paths, start=1):
        records.extend(read_input(path, root, settings.max_file_bytes))
        if count % PROGRESS_EVERY == 0 or count == len(paths):
            context.log.info(f"ingested {count}/{len(paths)} files")
    if sidecar.is_file():
        known = {p.relative_to(root).as_posix() for p in paths}
        provenance = read_provenance(sidecar, known)
        records = with_provenance(records, provenance)
        context.log.info(f"{PROVENANCE_FILE}: provenance for {len(provenance)} files")
    frame = records_frame(records)
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

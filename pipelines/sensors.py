"""Sensors: starting a build when the seeds folder changes.

Belongs here: the seeds sensor. It is off by default; turn it on in the UI
(Automation → seeds_sensor) with the daemon running (``make dev`` starts it).
"""

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SkipReason, sensor

from pipelines.jobs import build_dataset
from pipelines.partitions import whole_build_tags
from pipelines.resources import VERSIONING_TAG, PipelineSettings
from pipelines.transforms.ingest import folder_fingerprint


@sensor(
    job=build_dataset,
    minimum_interval_seconds=30,
    default_status=DefaultSensorStatus.STOPPED,
    description="Requests a build_dataset run when a file under seeds/ is added, "
    "changed or removed. The first evaluation records the current state.",
)
def seeds_sensor(context: SensorEvaluationContext, settings: PipelineSettings):
    """Compare the seeds folder's fingerprint with the last one seen (the cursor)."""
    fingerprint = folder_fingerprint(settings.seeds_path())
    previous = context.cursor
    if previous == fingerprint:
        return SkipReason("no change in the seeds folder")
    context.update_cursor(fingerprint)
    if previous is None:
        return SkipReason("recorded the current state of the seeds folder")
    # A sensor's build publishes the next version itself (see Versioning in README.md).
    # Every shard in the one run, when the NLP stages are sharded (NEWSDATA_SHARDS).
    return RunRequest(run_key=fingerprint, tags={VERSIONING_TAG: "auto", **whole_build_tags()})

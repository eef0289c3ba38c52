"""The command line of ``make dataset`` and ``make validate``: run a job here, then
print a short summary of what it built.

Belongs here: running a job of ``pipelines.definitions`` in this process against the
project's Dagster instance (``DAGSTER_HOME``, so the run shows in the UI), the
console log level, and the closing summary read from the run's own events. Not
here: what the job does (the assets).

Usage: ``python -m pipelines.build [--job build_dataset|ci_validation] [--log-level
DEBUG]``. The log level defaults to ``NEWSDATA_LOG_LEVEL`` or INFO (Dagster's DEBUG
events stay in the event log either way).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def main(argv: list[str] | None = None) -> int:
    """Run the job; print the summary; return 0 on success, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m pipelines.build", description=__doc__)
    parser.add_argument(
        "--job", default="build_dataset", choices=("build_dataset", "ci_validation")
    )
    parser.add_argument(
        "--log-level",
        default=os.environ.get("NEWSDATA_LOG_LEVEL", "INFO").upper(),
        choices=LEVELS,
        help="console log level (default: NEWSDATA_LOG_LEVEL or INFO)",
    )
    args = parser.parse_args(argv)

    from dagster import DagsterInstance

    from pipelines.definitions import defs
    from pipelines.partitions import whole_build_tags

    job = defs.resolve_job_def(args.job)
    run_config = {"loggers": {"console": {"config": {"log_level": args.log_level}}}}
    started = time.monotonic()
    with DagsterInstance.get() as instance:
        result = job.execute_in_process(  # every shard in this run, when sharded
            instance=instance, run_config=run_config, raise_on_error=False, tags=whole_build_tags()
        )
    print(summary(result, time.monotonic() - started))
    return 0 if result.success else 1


def summary(result: Any, seconds: float) -> str:
    """What the run built, in a few lines: inputs, tables, checks, the version."""
    meta = _materialization_metadata(result)
    checks = result.get_asset_check_evaluations()
    failed = [c for c in checks if not c.passed]
    head = "succeeded" if result.success else "FAILED"
    lines = [f"{result.job_def.name} {head} in {seconds:.0f} s (run {result.run_id[:8]})"]
    if "input_records" in meta:
        inputs = meta["input_records"]
        lines.append(f"  inputs:     {inputs.get('files', '?')} files")
    release = meta.get("dataset_release", {})
    rows = {k.removeprefix("rows_"): v for k, v in release.items() if k.startswith("rows_")}
    if not rows:  # no release: take the tables' own row counts
        rows = {name: m.get("dagster/row_count") for name, m in meta.items()}
    if "articles" in rows:
        rejected = {
            k.removeprefix("rejected_"): v
            for k, v in meta.get("rejections", {}).items()
            if k.startswith("rejected_")
        }
        why = f" ({', '.join(f'{k} {v}' for k, v in sorted(rejected.items()))})" if rejected else ""
        lines.append(
            f"  articles:   {rows.get('articles')}; duplicates: {rows.get('article_duplicates')}; "
            f"rejections: {rows.get('rejections')}{why}"
        )
    if "entities" in rows:
        lines.append(
            f"  entities:   {rows.get('entities')}; mentions: {rows.get('entity_mentions')}; "
            f"quotes: {rows.get('quotes')}"
        )
    lines.append(f"  checks:     {len(checks) - len(failed)} passed, {len(failed)} failed")
    lines += [f"    failed: {c.check_name} on {c.asset_key.to_user_string()}" for c in failed]
    if release:
        path = Path(str(release.get("path", "")))
        with contextlib.suppress(ValueError):  # outside the working folder: absolute
            path = path.relative_to(Path.cwd())
        lines.append(
            f"  dataset:    version {release.get('version')} {release.get('status')} "
            f"({release.get('versioning')}) in {path}/"
        )
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            message = error.message.strip().splitlines()[-1] if error else "failed"
            lines.append(f"  failed step {event.step_key}: {message}")
    return "\n".join(lines)


def _materialization_metadata(result: Any) -> dict[str, dict[str, Any]]:
    """Asset name to its materialization's metadata values (plain Python values)."""
    out: dict[str, dict[str, Any]] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.materialization
        out[materialization.asset_key.to_user_string()] = {
            key: getattr(value, "value", value) for key, value in materialization.metadata.items()
        }
    return out


if __name__ == "__main__":
    sys.exit(main())

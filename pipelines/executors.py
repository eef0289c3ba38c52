"""Executors: where a run's steps execute (``NEWSDATA_EXECUTOR``).

Belongs here: choosing the executor by name, and ``dask``, dagster-dask's executor
with one fix. Upstream names each Dask task ``<job>.<step>``, so two runs of the same
job on one Dask cluster at once (the runs of a backfill, one per shard, all of them
``__ASSET_JOB``) submit the same task key: Dask runs the step once and hands the
second run the first run's events (dagster-io/dagster#21418, closed unfixed). Here
the key also carries the run id; everything else (config, cluster types, step
submission) is dagster-dask's. Not here: the jobs (``jobs.py``).
"""

from __future__ import annotations

import dask.distributed
from dagster import (
    ExecutorDefinition,
    in_process_executor,
    multiple_process_executor_requirements,
    multiprocess_executor,
)
from dagster._core.definitions.executor_definition import executor
from dagster._core.errors import raise_execution_interrupts
from dagster._core.events import DagsterEvent
from dagster._core.execution.context.system import PlanOrchestrationContext
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._utils import iterate_with_context
from dagster_dask.executor import (
    DaskExecutor,
    dask_executor,
    get_dask_resource_requirements,
    query_on_dask_worker,
)

EXECUTORS = ("in_process", "multiprocess", "dask")

# dagster-dask's cluster types other than "existing" and "local": module, class.
_CLUSTERS = {
    "yarn": ("dask_yarn", "YarnCluster"),
    "ssh": ("dask.distributed", "SSHCluster"),
    "pbs": ("dask_jobqueue", "PBSCluster"),
    "moab": ("dask_jobqueue", "MoabCluster"),
    "sge": ("dask_jobqueue", "SGECluster"),
    "lsf": ("dask_jobqueue", "LSFCluster"),
    "slurm": ("dask_jobqueue", "SLURMCluster"),
    "oar": ("dask_jobqueue", "OARCluster"),
    "kube": ("dask_kubernetes", "KubeCluster"),
}


def task_key(job_name: str, step_key: str, run_id: str) -> str:
    """The Dask task key of one step of one run: unique across concurrent runs."""
    return f"{job_name}.{step_key}.{run_id}"


class RunScopedDaskExecutor(DaskExecutor):
    """dagster-dask's executor, with task keys unique to the run (see the module doc)."""

    def _cluster(self, job_name: str):
        if self.cluster_type == "existing":
            return self.cluster_configuration["address"]
        if self.cluster_type == "local":
            return dask.distributed.LocalCluster(**self.build_dict(job_name))
        module, name = _CLUSTERS[self.cluster_type]
        cluster_class = getattr(__import__(module, fromlist=[name]), name)
        return cluster_class(**self.build_dict(job_name))

    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan):
        """Submit every step to the cluster, each after the steps it reads from, and yield
        the events the workers return (dagster-dask's ``execute``, run-scoped keys)."""
        if not plan_context.instance.is_persistent:
            raise ValueError("Dask execution needs a persistent Dagster instance (DAGSTER_HOME)")
        job_name = plan_context.job_name
        run = plan_context.dagster_run
        with dask.distributed.Client(self._cluster(job_name)) as client:
            futures: dict[str, dask.distributed.Future] = {}
            for level in execution_plan.get_steps_to_execute_by_level():
                for step in level:
                    dependencies = [
                        futures[key] for put in step.step_inputs for key in put.dependency_keys
                    ]
                    futures[step.key] = client.submit(
                        query_on_dask_worker,
                        dependencies,
                        plan_context.reconstructable_job,
                        run,
                        plan_context.run_config,
                        [step.key],
                        plan_context.instance.get_ref(),
                        execution_plan.known_state,
                        key=task_key(job_name, step.key, run.run_id),
                        resources=get_dask_resource_requirements(step.tags),
                    )
            done = dask.distributed.as_completed(list(futures.values()), with_results=True)
            for _future, events in iterate_with_context(raise_execution_interrupts, done):
                for event in events:
                    if not isinstance(event, DagsterEvent):
                        raise TypeError(f"a Dask worker returned {type(event).__name__}")
                    yield event


@executor(
    name="dask",
    requirements=multiple_process_executor_requirements(),
    config_schema=dask_executor.config_schema.as_field(),
)
def run_scoped_dask_executor(init_context) -> RunScopedDaskExecutor:
    """dagster-dask's executor (same config: ``cluster: existing | local | …``) with task
    keys unique to the run, so concurrent runs share one cluster safely."""
    ((cluster_type, cluster_configuration),) = init_context.executor_config["cluster"].items()
    return RunScopedDaskExecutor(cluster_type, cluster_configuration)


def executor_named(name: str) -> ExecutorDefinition:
    """The executor for ``NEWSDATA_EXECUTOR``. One process per run is the default: the
    stages are sequential, and a process per step re-imports spaCy and Dagster."""
    if name == "in_process":
        return in_process_executor
    if name == "multiprocess":
        return multiprocess_executor
    if name == "dask":
        return run_scoped_dask_executor
    raise ValueError(f"NEWSDATA_EXECUTOR={name!r}: use one of {', '.join(EXECUTORS)}")

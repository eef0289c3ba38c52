"""Launch the full build through the real webserver's GraphQL API and watch it succeed."""

import json

from dagster import DagsterEventType, DagsterInstance

from pipelines.resources import dataset_metadata
from tests.conftest import ALL_CHECKS

LAUNCH = """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
  __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message }
  ... on RunConfigValidationInvalid { errors { message } } } }"""


def test_full_materialization_through_graphql(dagster_server):
    params = {
        "selector": {
            "repositoryLocationName": dagster_server.location,
            "repositoryName": "__repository__",
            "jobName": "build_dataset",
        },
        "runConfigData": {},
    }
    launched = dagster_server.graphql(LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]
    assert dagster_server.wait_for_run(run_id) == "SUCCESS"

    with DagsterInstance.from_config(str(dagster_server.home)) as instance:
        events = instance.all_logs(run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION)
        evaluations = [e.dagster_event.event_specific_data for e in events]
        results = {f"{e.asset_key.to_user_string()}/{e.check_name}": e.passed for e in evaluations}
    assert results == dict.fromkeys(ALL_CHECKS, True)
    version = str(dataset_metadata()["version"])
    manifest = json.loads((dagster_server.dataset_root / version / "manifest.json").read_text())
    assert manifest["tables"]["articles"]["rows"] == 5

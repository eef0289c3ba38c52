"""A real browser (Debian's Chromium via Playwright) materializes everything in the UI."""

import time
from pathlib import Path

import pytest

from pipelines.resources import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install Debian's chromium package (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1400, "height": 900})
        finally:
            browser.close()


RUNS = "{ runsOrError(limit: 5) { ... on Runs { results { runId } } } }"


def _launched_run(server, timeout: float = 60) -> str:
    """The run the click launched (the server had none before)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = server.graphql(RUNS)["runsOrError"]["results"]
        if runs:
            assert len(runs) == 1, runs
            return runs[0]["runId"]
        time.sleep(1)
    raise TimeoutError("clicking Materialize all launched no run")


def _dismiss_community_dialog(page) -> None:
    """Dagster shows a newsletter dialog on a first visit, a moment after loading."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        return
    skip.click()
    page.locator(".dagster-backdrop").wait_for(state="detached", timeout=15_000)


def test_materialize_all_from_the_asset_graph(dagster_server, page):
    page.goto(f"{dagster_server.url}/asset-groups", wait_until="networkidle")
    _dismiss_community_dialog(page)
    for group in ("ingest", "clean", "tables", "entities", "quotes", "release"):
        assert page.get_by_text(group, exact=True).first.is_visible()
    page.get_by_role("button", name="Materialize all").click()
    run_id = _launched_run(dagster_server)
    page.goto(f"{dagster_server.url}/runs/{run_id}", wait_until="networkidle")
    assert dagster_server.wait_for_run(run_id) == "SUCCESS"
    page.get_by_text("Success", exact=True).first.wait_for(timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "run.png"))
    page.goto(f"{dagster_server.url}/asset-groups", wait_until="networkidle")
    page.wait_for_timeout(2000)
    page.screenshot(path=str(SCREENSHOTS / "asset-graph.png"))
    assert any(dagster_server.dataset_root.glob("*/manifest.json"))

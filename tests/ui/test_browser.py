"""A real browser (Debian's Chromium via Playwright) materializes everything in the UI.

The browser is ``NEWSDATA_CHROMIUM`` (default ``/usr/bin/chromium``). Without one the
test is skipped with the reason, so the README's test command passes on a fresh
machine; CI installs Chromium and sets ``NEWSDATA_REQUIRE_BROWSER=1``, which turns a
missing browser into a failure.
"""

import os
import time
from pathlib import Path

import pytest

from pipelines.resources import PROJECT_ROOT, dataset_metadata

CHROMIUM = Path(os.environ.get("NEWSDATA_CHROMIUM", "/usr/bin/chromium"))
BROWSER_REQUIRED = os.environ.get("NEWSDATA_REQUIRE_BROWSER") == "1"
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


def browser_missing_reason(chromium: Path) -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    if chromium.is_file() and os.access(chromium, os.X_OK):
        return None
    return (
        f"no Chromium at {chromium}: install Debian's chromium package or set "
        "NEWSDATA_CHROMIUM to a Chromium binary (.ci/run installs it)"
    )


@pytest.fixture(scope="module", autouse=True)
def chromium_available():
    """Skip (or, where CI requires the browser, fail) before any server starts."""
    reason = browser_missing_reason(CHROMIUM)
    if reason and BROWSER_REQUIRED:
        pytest.fail(f"NEWSDATA_REQUIRE_BROWSER=1 but {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture
def page(tmp_path):
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
    # The whole graph, every group expanded (the graph's own context menu).
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(f"{dagster_server.url}/asset-groups", wait_until="networkidle")
    page.mouse.click(1000, 300, button="right")
    page.get_by_role("menuitem", name="Expand all groups").click()
    page.get_by_text("dataset_release", exact=True).last.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "asset-graph.png"))
    # The release asset's page: the version this run published or found unchanged.
    version = str(dataset_metadata()["version"])
    page.goto(f"{dagster_server.url}/assets/dataset_release", wait_until="networkidle")
    page.get_by_text(version, exact=True).first.wait_for(timeout=30_000)
    # Down to the version, versioning and status rows (the path below is a temporary one).
    page.screenshot(
        path=str(SCREENSHOTS / "release.png"), clip={"x": 0, "y": 0, "width": 1600, "height": 755}
    )
    assert any(dagster_server.dataset_root.glob(f"{version}/manifest.json"))

"""Publishing: reproducible bytes, immutability, atomicity and the writer lock."""

import fcntl
import hashlib
import json
import shutil

import polars as pl
import pytest

from pipelines.release import publish as publish_module
from pipelines.release.publish import PublishError, Release, publish, published_versions
from pipelines.resources import VERSIONING_TAG, NlpPipeline, dataset_metadata
from schemas.derive import polars_schema
from schemas.registry import TABLES
from tests.conftest import INGEST_DATE, run_build


def _tree(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_rebuilding_gives_byte_identical_files(seeds_copy, tmp_path):
    first = run_build(seeds_copy, tmp_path / "one")
    second = run_build(seeds_copy, tmp_path / "two")
    assert first.result.success and second.result.success
    assert _tree(first.folder) == _tree(second.folder)
    assert len(_tree(first.folder)) == 21  # 6 tables × 2 formats, 5 metadata files, 4 figures


def test_republishing_same_content_is_a_no_op(seeds_copy, tmp_path):
    run_build(seeds_copy, tmp_path)
    again = run_build(seeds_copy, tmp_path)
    assert again.result.success
    release = again.result.asset_materializations_for_node("dataset_release")[0]
    assert release.metadata["status"].value == "unchanged"


def test_changed_content_under_same_version_is_refused(seeds_copy, tmp_path):
    first = run_build(seeds_copy, tmp_path)
    before = _tree(first.folder)
    (seeds_copy / "new.txt").write_text("A brand new article about ferries.\n\nIt has text.")
    second = run_build(seeds_copy, tmp_path)
    assert not second.result.success
    failure = second.result.failure_data_for_node("dataset_release")
    assert "already published" in str(failure.error)
    assert "bump `version` in dataset.yaml to 0.1.0" in str(failure.error)  # rows were added
    assert _tree(first.folder) == before
    assert not list((tmp_path / "datasets").glob(".staging-*"))


def test_new_version_is_published_beside_the_old_and_becomes_latest(seeds_copy, tmp_path):
    run_build(seeds_copy, tmp_path, version="1.0.0")
    (seeds_copy / "new.txt").write_text("A brand new article about ferries.\n\nIt has text.")
    build = run_build(seeds_copy, tmp_path, version="1.1.0")
    assert build.result.success
    root = tmp_path / "datasets"
    assert published_versions(root) == ["1.0.0", "1.1.0"]
    assert (root / "latest").read_text() == "1.1.0\n"
    assert build.table("articles").height == 6


def _release(version="1.0.0"):
    """A tiny release: one rejection, no articles."""
    tables = {name: pl.DataFrame(schema=polars_schema(spec.model)) for name, spec in TABLES.items()}
    tables["rejections"] = pl.DataFrame(
        {
            "source_path": ["a.txt"],
            "source_record": [None],
            "source_sha256": [None],
            "source_bytes": [0],
            "reason": ["empty"],
            "reason_description": ["holds nothing"],
            "detail": [None],
        },
        schema=polars_schema(TABLES["rejections"].model),
    )
    return Release(version, tables, dataset_metadata())


def test_interrupted_write_leaves_no_version_and_no_staging(tmp_path, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(publish_module, "write_csv", crash)
    with pytest.raises(KeyboardInterrupt):
        publish(_release(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock"]
    monkeypatch.undo()
    result = publish(_release(), tmp_path)
    assert result.status == "published"
    assert published_versions(tmp_path) == ["1.0.0"]


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    with (tmp_path / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(PublishError, match="another build is publishing"):
            publish(_release(), tmp_path)
    assert published_versions(tmp_path) == []


def test_tampered_file_fails_verification(tmp_path):
    result = publish(_release(), tmp_path)
    target = result.path / "rejections.csv"
    target.write_bytes(target.read_bytes() + b"x")
    with pytest.raises(PublishError, match="does not match SHA256SUMS"):
        publish_module.verify_version(result.path)
    shutil.rmtree(result.path)


def test_publish_refuses_a_patch_bump_that_adds_rows(seeds_copy, tmp_path):
    run_build(seeds_copy, tmp_path, version="1.0.0")
    (seeds_copy / "new.txt").write_text("A brand new article about ferries.\n\nIt has text.")
    build = run_build(seeds_copy, tmp_path, version="1.0.1")
    assert not build.result.success
    error = str(build.result.failure_data_for_node("dataset_release").error)
    assert "needs a minor bump" in error and "rows added to articles" in error
    assert "Set `version: 1.1.0` in dataset.yaml" in error
    assert published_versions(tmp_path / "datasets") == ["1.0.0"]


AUTO = {VERSIONING_TAG: "auto"}


def _status(build):
    release = build.result.asset_materializations_for_node("dataset_release")[0]
    return release.metadata["status"].value, release.metadata["version"].value


def test_auto_versions_publish_themselves_with_a_changelog_entry(seeds_copy, tmp_path):
    root = tmp_path / "datasets"
    assert _status(run_build(seeds_copy, tmp_path, version="1.0.0")) == ("published", "1.0.0")
    # Same tables: nothing to publish, whatever version dataset.yaml names.
    assert _status(run_build(seeds_copy, tmp_path, tags=AUTO)) == ("unchanged", "1.0.0")
    assert not (root / "CHANGELOG.md").exists()

    (seeds_copy / "new.txt").write_text("A brand new article about ferries.\n\nIt has text.")
    added = run_build(seeds_copy, tmp_path, tags=AUTO)
    assert added.result.success
    assert _status(added) == ("published", "1.1.0")
    assert (root / "latest").read_text() == "1.1.0\n"
    card = (root / "1.1.0" / "README.md").read_text(encoding="utf-8")
    assert f"Released {INGEST_DATE}" in card
    log = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith(
        f"# Dataset changelog\n\n## 1.1.0 — {INGEST_DATE}\n\n"
        "Published automatically: a minor release over 1.0.0"
    )
    assert "- `articles`: 1 row added.\n" in log

    (seeds_copy / "new.txt").unlink()
    removed = run_build(seeds_copy, tmp_path, tags=AUTO)
    assert _status(removed) == ("published", "1.1.1")  # rows removed: a patch
    log = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.index("## 1.1.1") < log.index("## 1.1.0")
    assert "Published automatically: a patch release over 1.1.0" in log
    assert "- `articles`: 1 row removed.\n" in log
    assert published_versions(root) == ["1.0.0", "1.1.0", "1.1.1"]


KILLED_WRITER = """
import sys, time
from pathlib import Path
from pipelines.release import publish as module
from tests.release.test_publish import _release
real = module.write_csv
def slow(frame, spec, path):
    real(frame, spec, path)
    Path(sys.argv[2]).touch()
    time.sleep(60)
module.write_csv = slow
module.publish(_release("2.0.0"), Path(sys.argv[1]))
"""


def test_build_killed_during_publication_leaves_previous_version_intact(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from pipelines.resources import PROJECT_ROOT

    root = tmp_path / "datasets"
    publish(_release("1.0.0"), root)
    before = _tree(root / "1.0.0")
    ready = tmp_path / "ready"
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(root), str(ready)], cwd=PROJECT_ROOT
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ready.exists(), "the writer never reached the middle of publication"
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait(timeout=10)
    assert published_versions(root) == ["1.0.0"]
    assert list(root.glob(".staging-2.0.0-*"))  # the killed writer's debris, hidden
    assert _tree(root / "1.0.0") == before
    assert (root / "latest").read_text() == "1.0.0\n"
    assert publish(_release("2.0.0"), root).status == "published"
    assert published_versions(root) == ["1.0.0", "2.0.0"]
    assert not list(root.glob(".staging-*"))


def test_verification_also_holds_files_to_the_manifest(tmp_path):
    result = publish(_release(), tmp_path)
    manifest = json.loads((result.path / "manifest.json").read_text())
    manifest["tables"]["quotes"]["files"]["csv"]["sha256"] = "0" * 64
    (result.path / "manifest.json").write_text(json.dumps(manifest))
    sums = (result.path / "SHA256SUMS").read_text().splitlines()
    fixed = [
        f"{hashlib.sha256((result.path / 'manifest.json').read_bytes()).hexdigest()}  manifest.json"
        if line.endswith("  manifest.json")
        else line
        for line in sums
    ]
    (result.path / "SHA256SUMS").write_text("\n".join(fixed) + "\n")
    with pytest.raises(PublishError, match="quotes.csv: differs from manifest.json"):
        publish_module.verify_version(result.path)


def test_a_rebuild_after_one_new_article_parses_only_it(seeds_copy, tmp_path):
    nlp = NlpPipeline(parse_cache=str(tmp_path / "parse-cache"))
    results = str(tmp_path / "results")
    first = run_build(seeds_copy, tmp_path / "one", nlp=nlp, result_cache=results)
    (seeds_copy / "new.txt").write_text("A brand new article about ferries.\n\nIt has text.")
    second = run_build(seeds_copy, tmp_path / "two", nlp=nlp, version="0.1.0", result_cache=results)
    full = run_build(
        seeds_copy,
        tmp_path / "three",
        nlp=NlpPipeline(parse_cache="off"),
        version="0.1.0",
        result_cache="off",
    )

    def meta(build, node, key):
        (event,) = build.result.asset_materializations_for_node(node)
        return event.metadata[key].value

    def parse_meta(build):
        return meta(build, "parsed_articles", "parsed_from_cache")

    def spans_meta(build):
        return meta(build, "model_entity_spans", "spans_from_cache")

    assert (parse_meta(first), parse_meta(second), parse_meta(full)) == (0, 5, 0)
    assert (spans_meta(first), spans_meta(second), spans_meta(full)) == (0, 5, 0)
    assert _tree(second.folder) == _tree(full.folder)  # incremental = full rebuild
    # the languages of the five seeds were kept by the first build, the new text added
    (languages,) = (tmp_path / "results").glob("languages-*.parquet")
    assert pl.read_parquet(languages).height == 6

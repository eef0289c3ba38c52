"""The synthetic corpus generator and the benchmark's dedup scoring."""

import csv
import datetime as dt

from pipelines.bench.benchmark import dedup_quality
from pipelines.bench.generate import generate
from pipelines.transforms.articles import (
    clean_records,
    identify_articles,
    normalize_dates,
    records_frame,
)
from pipelines.transforms.dedup import deduplicate
from pipelines.transforms.ingest import discover_files, read_input


def test_generation_is_deterministic_with_known_duplicates(tmp_path):
    generate(tmp_path / "a", 120, seed=7)
    generate(tmp_path / "b", 120, seed=7)
    files_a = sorted((tmp_path / "a" / "corpus").iterdir())
    assert len(files_a) == 120
    assert [p.read_bytes() for p in files_a] == [
        p.read_bytes() for p in sorted((tmp_path / "b" / "corpus").iterdir())
    ]
    with (tmp_path / "a" / "truth.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    roles = {r["role"] for r in rows}
    assert roles == {"original", "exact", "near"}
    originals = {r["file"] for r in rows if r["role"] == "original"}
    assert all(r["cluster"] in originals for r in rows)


def test_dedup_finds_the_generated_duplicates_and_nothing_else(tmp_path):
    generate(tmp_path, 200, seed=3)
    corpus = tmp_path / "corpus"
    records = records_frame([r for p in discover_files(corpus) for r in read_input(p, corpus)])
    dated = normalize_dates(clean_records(records), dt.date(2026, 1, 1))
    canonical, duplicates = deduplicate(identify_articles(dated, "test"))
    with (tmp_path / "truth.csv").open() as handle:
        expected = sum(1 for r in csv.DictReader(handle) if r["role"] != "original")
    assert duplicates.height == expected
    assert dedup_quality(tmp_path / "truth.csv", canonical, duplicates) == (1.0, 1.0)

"""The per-article result cache: keys, loading, atomic saving."""

import polars as pl

from pipelines.transforms import result_cache
from pipelines.transforms.result_cache import ResultCache, code_version

SCHEMA = {"text_sha256": pl.String, "language": pl.String}


def test_the_key_holds_the_code_and_the_stage_parts(tmp_path):
    a = ResultCache.for_stage(tmp_path, "languages", "model-1")
    assert a == ResultCache.for_stage(tmp_path, "languages", "model-1")
    assert a.path.parent == tmp_path and a.path.name.startswith("languages-")
    assert a != ResultCache.for_stage(tmp_path, "languages", "model-2")
    assert a.path.name != ResultCache.for_stage(tmp_path, "model_spans", "model-1").path.name
    assert len(code_version()) == 16 and int(code_version(), 16) >= 0


def test_the_code_version_changes_with_any_transforms_source(tmp_path, monkeypatch):
    (tmp_path / "rules.py").write_text("WORDS = 1\n")
    monkeypatch.setattr(result_cache, "_TRANSFORMS", tmp_path)
    code_version.cache_clear()
    try:
        before = code_version()
        (tmp_path / "rules.py").write_text("WORDS = 2\n")
        code_version.cache_clear()
        assert code_version() != before
    finally:
        code_version.cache_clear()


def test_missing_unreadable_or_other_schema_files_load_empty(tmp_path):
    cache = ResultCache(tmp_path / "x.parquet")
    assert cache.load(SCHEMA).to_dicts() == [] and cache.load(SCHEMA).schema == SCHEMA
    cache.path.write_bytes(b"not parquet")
    assert cache.load(SCHEMA).height == 0
    pl.DataFrame({"text_sha256": ["h"], "other": [1]}).write_parquet(cache.path)
    assert cache.load(SCHEMA).height == 0


def test_saved_results_load_back_and_no_temporary_file_stays(tmp_path):
    cache = ResultCache(tmp_path / "deep" / "x.parquet")
    frame = pl.DataFrame({"text_sha256": ["h1", "h2"], "language": ["en", "es"]})
    cache.save(frame)
    assert cache.load(SCHEMA).to_dicts() == frame.to_dicts()
    assert [p.name for p in (tmp_path / "deep").iterdir()] == ["x.parquet"]

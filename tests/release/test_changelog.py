"""The difference between two versions, and the CHANGELOG entry written from it."""

import polars as pl

from pipelines.release.changelog import changelog_entry, diff_tables, prepend_entry
from pipelines.release.publish import publish
from tests.release.test_publish import _release


def _rejections(release, **changes):
    frame = release.tables["rejections"]
    return frame.with_columns(**{k: pl.lit(v, dtype=frame[k].dtype) for k, v in changes.items()})


def test_changed_values_are_counted_by_column(tmp_path):
    old = publish(_release(), tmp_path)
    new = _release()
    new.tables["rejections"] = pl.concat(
        [
            _rejections(new, detail="now explained"),
            _rejections(new, source_path="b.txt"),
        ]
    )
    diffs = {d.name: d for d in diff_tables(old.path, new.tables)}
    assert (diffs["rejections"].rows_added, diffs["rejections"].rows_changed) == (1, 1)
    assert diffs["rejections"].changed_columns == {"detail": 1}
    assert diffs["rejections"].lines() == [
        "`rejections`: 1 row added, 1 row changed (changed values by column: detail 1)."
    ]
    assert all(d.status == "same" for name, d in diffs.items() if name != "rejections")


def test_removed_rows_and_an_entry_without_table_changes(tmp_path):
    old = publish(_release(), tmp_path)
    new = _release()
    new.tables["rejections"] = new.tables["rejections"].clear()
    (diff,) = [d for d in diff_tables(old.path, new.tables) if d.status != "same"]
    assert diff.lines() == ["`rejections`: 1 row removed."]
    entry = changelog_entry("1.0.1", "2026-01-02", "1.0.0", "patch", [])
    assert entry == (
        "## 1.0.1 — 2026-01-02\n\nPublished automatically: a patch release over 1.0.0, "
        "computed from the difference below.\n\n"
        "- No table changed; metadata files (card, manifest, package) did.\n"
    )


def test_entries_go_above_the_newest_one(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Dataset changelog\n\nIntro.\n\n## 1.0.0 — 2026-01-01\n\n- First.\n")
    prepend_entry(path, "## 1.1.0 — 2026-01-02\n\n- Second.\n")
    assert path.read_text() == (
        "# Dataset changelog\n\nIntro.\n\n## 1.1.0 — 2026-01-02\n\n- Second.\n\n"
        "## 1.0.0 — 2026-01-01\n\n- First.\n"
    )
    fresh = tmp_path / "NEW.md"
    prepend_entry(fresh, "## 0.1.0 — 2026-01-03\n\n- Only.\n")
    assert fresh.read_text() == "# Dataset changelog\n\n## 0.1.0 — 2026-01-03\n\n- Only.\n"

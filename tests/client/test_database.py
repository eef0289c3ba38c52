"""`newsdata database`: a downloaded version as one DuckDB file with its keys."""

import json
import shutil

import duckdb
import pyarrow.parquet as pq
import pytest
from newsdata_client.cli import main
from newsdata_client.database import DatabaseError, build_database, creation_order, table_keys


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    path = tmp_path / "cache"
    monkeypatch.setenv("NEWSDATA_CACHE", str(path))
    return path


def test_database_holds_every_table_with_the_published_keys(seeds_build, tmp_path, capsys):
    root, out = seeds_build.dataset_root, tmp_path / "news.duckdb"
    args = ["database", "--version", "0.0.1", "--base-url", str(root), "--out", str(out)]
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    version = root / "0.0.1"
    con = duckdb.connect(str(out), read_only=True)
    tables = sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall())
    assert tables == sorted(p.stem for p in version.glob("*.parquet"))
    for table in tables:
        expected = pq.read_table(version / f"{table}.parquet")
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == expected.num_rows
    keys = con.execute(
        "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') ORDER BY ALL"
    ).fetchall()
    assert keys == [
        ("article_duplicates", "FOREIGN KEY", ["article_id"]),
        ("articles", "PRIMARY KEY", ["article_id"]),
        ("entities", "PRIMARY KEY", ["entity_id"]),
        ("entity_mentions", "FOREIGN KEY", ["article_id"]),
        ("entity_mentions", "FOREIGN KEY", ["entity_id"]),
        ("entity_mentions", "PRIMARY KEY", ["article_id", "mention_start"]),
        ("quotes", "FOREIGN KEY", ["article_id"]),
        ("quotes", "FOREIGN KEY", ["speaker_entity_id"]),
        ("quotes", "PRIMARY KEY", ["quote_id"]),
    ]
    # List columns stay lists; comments are the published descriptions.
    quote_id_column = con.execute(
        "SELECT data_type, comment, is_nullable FROM duckdb_columns() "
        "WHERE table_name = 'quotes' AND column_name = 'quote_id'"
    ).fetchone()
    package = json.loads((version / "datapackage.json").read_text())
    quotes_fields = next(r for r in package["resources"] if r["path"] == "quotes.csv")
    quote_id = next(f for f in quotes_fields["schema"]["fields"] if f["name"] == "quote_id")
    assert quote_id_column == ("VARCHAR", quote_id["description"], False)
    assert con.execute(
        "SELECT data_type FROM duckdb_columns() WHERE column_name = 'aliases'"
    ).fetchone() == ("VARCHAR[]",)
    # A join over the declared key answers as the Parquet files do.
    joined = con.execute(
        "SELECT count(*) FROM quotes q JOIN entities e ON q.speaker_entity_id = e.entity_id"
    ).fetchone()[0]
    named = pq.read_table(version / "quotes.parquet").column("speaker_entity_id").null_count
    assert joined == pq.read_table(version / "quotes.parquet").num_rows - named
    con.close()
    # The constraints are enforced, not decorative.
    con = duckdb.connect(str(out))
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO articles (article_id) SELECT article_id FROM articles LIMIT 1")
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "UPDATE quotes SET speaker_entity_id = 'E-none' WHERE quote_id = "
            "(SELECT min(quote_id) FROM quotes)"
        )
    con.close()


def test_an_existing_file_is_never_overwritten(seeds_build, tmp_path, capsys):
    out = tmp_path / "mine.duckdb"
    out.write_text("mine")
    root = str(seeds_build.dataset_root)
    assert main(["database", "--base-url", root, "--out", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err == (
        f"newsdata: error: {out} exists already; remove it or pass another path\n"
    )
    assert out.read_text() == "mine"


def test_rows_breaking_a_key_are_an_error_and_leave_no_file(seeds_build, tmp_path):
    folder = tmp_path / "0.0.1"
    shutil.copytree(seeds_build.dataset_root / "0.0.1", folder)
    quotes = pq.read_table(folder / "quotes.parquet")
    speakers = quotes.column("speaker_entity_id").to_pylist()
    speakers[0] = "E-not-in-entities"
    index = quotes.schema.get_field_index("speaker_entity_id")
    pq.write_table(
        quotes.set_column(index, "speaker_entity_id", [speakers]), folder / "quotes.parquet"
    )
    out = tmp_path / "broken.duckdb"
    with pytest.raises(DatabaseError, match=r"^quotes: .*foreign key"):
        build_database(folder, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.0.1"]  # no file, no .part


def test_a_folder_that_is_not_a_version_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="has no datapackage.json"):
        build_database(tmp_path, tmp_path / "x.duckdb")


def test_tables_are_created_after_the_tables_they_reference():
    package = {
        "resources": [
            {
                "path": "quotes.csv",
                "schema": {
                    "primaryKey": ["quote_id"],
                    "foreignKeys": [
                        {
                            "fields": ["article_id"],
                            "reference": {"resource": "articles", "fields": ["article_id"]},
                        },
                        {
                            "fields": "speaker",
                            "reference": {"resource": "entities", "fields": "entity_id"},
                        },
                    ],
                },
            },
            {"path": "quotes.parquet", "schema": {"primaryKey": ["quote_id"]}},
            {
                "path": "entities.csv",
                "schema": {
                    "primaryKey": "entity_id",
                    "fields": [{"name": "entity_id", "constraints": {"required": True}}],
                },
            },
            {"path": "articles.parquet", "schema": {}},
        ]
    }
    keys = table_keys(package)
    assert keys["quotes"]["foreign"] == [
        (("article_id",), "articles", ("article_id",)),
        (("speaker",), "entities", ("entity_id",)),
    ]
    assert keys["entities"]["primary"] == ["entity_id"]
    assert keys["entities"]["required"] == {"entity_id"}
    assert creation_order(keys) == ["articles", "entities", "quotes"]
    keys["articles"]["foreign"] = [(("x",), "quotes", ("quote_id",))]
    with pytest.raises(DatabaseError, match="cycle among articles, quotes"):
        creation_order(keys)

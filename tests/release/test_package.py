"""The published package: Frictionless validation, and DuckDB / pandas readers."""

import json
import shutil

import duckdb
import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.release.publish import PublishError, verify_version
from schemas.registry import TABLES

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}
PANDAS_KINDS = {
    "string": "O",
    "integer": "i",
    "number": "f",
    "boolean": "b",
    "date": "M",
    "array": "O",
}


def package(folder):
    """The package exactly as published."""
    return frictionless.Package(str(folder / "datapackage.json"))


def test_frictionless_validates_every_resource_csv_and_parquet(seeds_build):
    report = package(seeds_build.folder).validate()
    assert report.valid, report.flatten(["resource", "rowNumber", "message"])
    assert [t.name for t in report.tasks] == [
        name for table in TABLES for name in (table, f"{table}-parquet")
    ]
    descriptor = json.loads((seeds_build.folder / "datapackage.json").read_text())
    mentions = next(r for r in descriptor["resources"] if r["name"] == "entity_mentions")
    assert {
        "fields": ["entity_id"],
        "reference": {"resource": "entities", "fields": ["entity_id"]},
    } in (mentions["schema"]["foreignKeys"])


def test_frictionless_catches_a_broken_foreign_key_and_a_bad_hash(seeds_build, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(seeds_build.folder, folder)
    path = folder / "entity_mentions.csv"
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    cells = lines[1].split(",")
    cells[1] = "0" * 16  # an entity_id that does not exist
    lines[1] = ",".join(cells)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    report = package(folder).validate()
    failing = {
        task.name: sorted({e.type for e in task.errors}) for task in report.tasks if not task.valid
    }
    assert failing == {"entity_mentions": ["foreign-key", "hash-count"]}


def test_a_changed_parquet_file_is_caught_by_our_verification(seeds_build, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(seeds_build.folder, folder)
    path = folder / "entities.parquet"
    table = pq.read_table(path)
    names = table.column("canonical_name").to_pylist()
    names[0] = "Someone Else"
    index = table.schema.get_field_index("canonical_name")
    pq.write_table(table.set_column(index, "canonical_name", pa.array(names)), path)
    # Still a valid table: frictionless cannot see the change (it checks no Parquet hash) …
    assert package(folder).validate().valid
    # … SHA256SUMS can.
    with pytest.raises(PublishError, match="entities.parquet: content does not match"):
        verify_version(folder)


def test_a_truncated_parquet_file_is_caught_by_frictionless_too(seeds_build, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(seeds_build.folder, folder)
    path = folder / "quotes.parquet"
    path.write_bytes(path.read_bytes()[:-100])
    report = package(folder).validate()
    assert [t.name for t in report.tasks if not t.valid] == ["quotes-parquet"]
    with pytest.raises(PublishError):
        verify_version(folder)


def _fields(folder, table):
    descriptor = json.loads((folder / "datapackage.json").read_text())
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return [(f["name"], f["type"]) for f in resource["schema"]["fields"]]


@pytest.mark.parametrize("table", list(TABLES))
def test_duckdb_reads_parquet_and_csv_with_schema_types(seeds_build, table):
    folder = seeds_build.folder
    rows = json.loads((folder / "manifest.json").read_text())["tables"][table]["rows"]
    fields = _fields(folder, table)
    con = duckdb.connect()
    parquet = con.sql(f"select * from read_parquet('{folder / table}.parquet')")
    assert parquet.columns == [n for n, _ in fields]
    parquet_types = [str(t) for t in parquet.types]
    # a list column is a native list in Parquet and a JSON array in CSV
    assert parquet_types == [
        got if t == "array" and got.endswith("[]") else DUCKDB_TYPES.get(t)
        for (_, t), got in zip(fields, parquet_types, strict=True)
    ]
    assert parquet.count("*").fetchall()[0][0] == rows
    types = ", ".join(f"'{n}': '{DUCKDB_TYPES.get(t, 'VARCHAR')}'" for n, t in fields)
    read = f"read_csv('{folder / table}.csv', header=true, columns={{{types}}})"
    columns = ", ".join(
        f'"{n}"::JSON::{got} as "{n}"' if t == "array" else f'"{n}"'
        for (n, t), got in zip(fields, parquet_types, strict=True)
    )
    csv = con.sql(f"select {columns} from {read}")
    assert csv.count("*").fetchall()[0][0] == rows
    assert csv.fetchall() == parquet.fetchall()


@pytest.mark.parametrize("table", list(TABLES))
def test_pandas_reads_parquet_and_csv_with_schema_types(seeds_build, table):
    folder = seeds_build.folder
    fields = _fields(folder, table)
    parquet = pd.read_parquet(folder / f"{table}.parquet")
    csv = pd.read_csv(
        folder / f"{table}.csv",
        keep_default_na=False,
        na_values=[""],
        dtype={n: "string" for n, t in fields if t == "string"},
        parse_dates=[n for n, t in fields if t == "date"],
    )
    assert list(parquet.columns) == list(csv.columns) == [n for n, _ in fields]
    assert len(parquet) == len(csv)
    for name, kind in fields:
        if parquet[name].notna().all():  # nullable ints/bools become float/object in pandas
            assert parquet[name].dtype.kind == PANDAS_KINDS[kind] or kind == "date", name


def test_the_committed_latest_version_validates_with_the_frictionless_command():
    import subprocess
    import sys
    from pathlib import Path

    from pipelines.resources import PROJECT_ROOT

    latest = (PROJECT_ROOT / "datasets" / "latest").read_text().strip()
    frictionless_cli = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(frictionless_cli), "validate", f"datasets/{latest}/datapackage.json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:]

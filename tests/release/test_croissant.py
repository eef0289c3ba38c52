"""The Croissant description validates with mlcroissant and reads back every table."""

import os
import subprocess
import sys

import mlcroissant as mlc

from schemas.registry import TABLES


def test_mlcroissant_validates_the_published_croissant_without_warnings(seeds_build):
    path = seeds_build.folder / "croissant.json"
    cli = os.path.join(os.path.dirname(sys.executable), "mlcroissant")
    run = subprocess.run([cli, "validate", "--jsonld", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "WARNING" not in run.stderr and "ERROR" not in run.stderr, run.stderr[-2000:]


def test_every_record_set_reads_back_as_the_published_table(seeds_build):
    dataset = mlc.Dataset(jsonld=str(seeds_build.folder / "croissant.json"))
    assert [r.name for r in dataset.metadata.record_sets] == list(TABLES)
    for name in TABLES:
        table = seeds_build.table(name)
        records = list(dataset.records(record_set=name))
        assert len(records) == table.height, name
        if table.height:
            first = {k.split("/", 1)[1]: v for k, v in records[0].items()}
            key = TABLES[name].primary_key[0]
            value = first[key].decode() if isinstance(first[key], bytes) else first[key]
            assert value == table[key][0], name


def test_the_descriptor_carries_each_parquet_files_sha256(seeds_build):
    import json

    described = json.loads((seeds_build.folder / "croissant.json").read_text())
    files = {f["name"]: f for f in described["distribution"]}
    manifest = json.loads((seeds_build.folder / "manifest.json").read_text())
    for table in manifest["tables"].values():
        parquet = table["files"]["parquet"]
        assert files[parquet["path"]]["sha256"] == parquet["sha256"]

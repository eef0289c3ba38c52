"""One DuckDB database file from a downloaded, verified version.

Belongs here: turning a version folder (Parquet tables plus ``datapackage.json``)
into a single ``.duckdb`` file that any SQL tool can open, with every table's
primary key, foreign keys and required (NOT NULL) columns declared as constraints,
and each column's description as its comment. All of it is read from the
published ``datapackage.json`` (the CSV resources carry the foreign keys), never
restated here.

The database is built on the user's machine and is not part of a published
version: DuckDB writes a random identifier and checksums into the file header,
so two builds from the same tables differ byte for byte, and a published version
must be byte-reproducible. The tables it holds are the verified Parquet files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PACKAGE = "datapackage.json"


class DatabaseError(RuntimeError):
    """A version folder that cannot become a database; the message says why."""


def table_keys(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per table name: its ``primaryKey`` fields, ``foreignKeys``, required fields and
    field descriptions, read from the package's resources (a table's CSV and Parquet
    resources are merged)."""
    tables: dict[str, dict[str, Any]] = {}
    for resource in package["resources"]:
        name = Path(resource["path"]).stem
        keys = tables.setdefault(
            name, {"primary": [], "foreign": [], "required": set(), "descriptions": {}}
        )
        schema = resource.get("schema", {})
        for spec in schema.get("fields", []):
            if spec.get("constraints", {}).get("required"):
                keys["required"].add(spec["name"])
            if spec.get("description"):
                keys["descriptions"].setdefault(spec["name"], spec["description"])
        primary = schema.get("primaryKey", [])
        keys["primary"] = keys["primary"] or ([primary] if isinstance(primary, str) else primary)
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            entry = (
                _fields(fk["fields"]),
                Path(ref["resource"]).stem.removesuffix("-csv").removesuffix("-parquet"),
                _fields(ref["fields"]),
            )
            if entry not in keys["foreign"]:
                keys["foreign"].append(entry)
    return tables


def creation_order(tables: dict[str, dict[str, Any]]) -> list[str]:
    """Table names with every referenced table before the tables that reference it
    (ties in name order, so the order is stable)."""
    order: list[str] = []
    pending = sorted(tables)
    while pending:
        ready = [
            t
            for t in pending
            if all(ref in order or ref == t for _, ref, _ in tables[t]["foreign"])
        ]
        if not ready:
            raise DatabaseError(f"foreign keys form a cycle among {', '.join(pending)}")
        order.extend(ready)
        pending = [t for t in pending if t not in ready]
    return order


def build_database(folder: Path, out: Path) -> Path:
    """Write ``out``, a DuckDB file holding every Parquet table of the version in
    ``folder`` with its primary and foreign keys.

    Raises:
        DatabaseError: ``out`` exists already, the folder has no ``datapackage.json``,
            a table's Parquet file is missing, or the rows break a declared key.
    """
    import duckdb

    folder, out = Path(folder), Path(out)
    if out.exists():
        raise DatabaseError(f"{out} exists already; remove it or pass another path")
    if not (folder / PACKAGE).is_file():
        raise DatabaseError(f"{folder} has no {PACKAGE}; is it a downloaded version folder?")
    tables = table_keys(json.loads((folder / PACKAGE).read_text(encoding="utf-8")))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        for table in creation_order(tables):
            parquet = folder / f"{table}.parquet"
            if not parquet.is_file():
                raise DatabaseError(f"{parquet} is missing; download the whole version")
            source = f"read_parquet({_literal(str(parquet))})"
            columns = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
            keys = tables[table]
            lines = [
                f"{_ident(name)} {ctype}" + (" NOT NULL" if name in keys["required"] else "")
                for name, ctype, *_ in columns
            ]
            if keys["primary"]:
                lines.append(f"PRIMARY KEY ({_idents(keys['primary'])})")
            for fields, ref, ref_fields in keys["foreign"]:
                lines.append(
                    f"FOREIGN KEY ({_idents(fields)}) REFERENCES {_ident(ref)} "
                    f"({_idents(ref_fields)})"
                )
            con.execute(f"CREATE TABLE {_ident(table)} (\n  " + ",\n  ".join(lines) + "\n)")
            try:
                con.execute(f"INSERT INTO {_ident(table)} SELECT * FROM {source}")
            except duckdb.ConstraintException as exc:
                raise DatabaseError(f"{table}: {exc}") from exc
            for name, text in keys["descriptions"].items():
                con.execute(f"COMMENT ON COLUMN {_ident(table)}.{_ident(name)} IS {_literal(text)}")
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    partial.replace(out)
    return out


def _fields(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _idents(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(_ident(n) for n in names)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

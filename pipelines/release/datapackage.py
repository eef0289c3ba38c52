"""The Frictionless Data Package descriptor, generated from the pandera models.

Belongs here: mapping model columns to Table Schema fields (types, descriptions,
required / unique / enum / pattern / range constraints), keys, resources with
bytes and hashes, and the package-level metadata from ``dataset.yaml``.
"""

from __future__ import annotations

from typing import Any

from schemas.registry import TABLES, TableSpec

_TYPES = {
    "String": "string",
    "Int64": "integer",
    "Float64": "number",
    "Boolean": "boolean",
    "Date": "date",
}
# Tables that carry the articles' own words (full text, quotations).
TEXT_TABLES = frozenset({"articles", "quotes"})
ARTICLE_TEXT_LICENSE = {
    "name": "other-closed",
    "title": "Article text and quotations remain the copyright of their original publishers; "
    "they are included for research and are not covered by the dataset licence.",
}


# Frictionless reads Parquet through pandas, where a null integer becomes NaN.
MISSING = {"csv": ("",), "parquet": ("", "nan")}


def table_schema(spec: TableSpec, fmt: str = "csv") -> dict[str, Any]:
    """The Table Schema of one table's ``fmt`` file (``csv`` or ``parquet``), derived
    from its pandera model; foreign keys are declared on the CSV resources."""
    schema = spec.model.to_schema()
    fields = [_field(name, column, fmt) for name, column in schema.columns.items()]
    out: dict[str, Any] = {"fields": fields, "missingValues": list(MISSING[fmt])}
    if all(not schema.columns[c].nullable for c in spec.primary_key):
        out["primaryKey"] = list(spec.primary_key)
    if fmt == "csv" and spec.foreign_keys:
        out["foreignKeys"] = [
            {
                "fields": list(key.fields),
                "reference": {
                    "resource": key.reference_table,
                    "fields": list(key.reference_fields),
                },
            }
            for key in spec.foreign_keys
        ]
    return out


def _field(name: str, column: Any, fmt: str) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            constraints["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            constraints["pattern"] = stats["pattern"].removeprefix("^").removesuffix("$")
        elif check.name == "greater_than_or_equal_to":
            constraints["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            constraints["maximum"] = stats["max_value"]
        elif check.name == "str_length" and stats.get("min_value") is not None:
            constraints["minLength"] = stats["min_value"]
    field: dict[str, Any] = {
        "name": name,
        "type": _type(column, fmt),
        "description": column.description or "",
    }
    if str(column.dtype) == "Boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if constraints:
        field["constraints"] = constraints
    return field


def _type(column: Any, fmt: str) -> str:
    """The Table Schema type: a list column is an ``array`` (JSON text) in CSV; in
    Parquet it is a native list, which Frictionless reads through pandas as a NumPy
    array that its ``array`` type refuses, so it is ``any`` there (pandera checks it)."""
    if column.dtype.type.is_nested():
        return "any" if fmt == "parquet" else "array"
    return _TYPES[str(column.dtype)]


def datapackage(
    metadata: dict[str, Any], version: str, files: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor.

    Args:
        metadata: ``dataset.yaml`` (name, title, description, licenses, contributors…).
        version: The dataset version.
        files: File name to ``{"bytes": int, "sha256": str}`` for every table file.
    """
    resources = []
    for name, spec in TABLES.items():
        for fmt, suffix in (("csv", ""), ("parquet", "-parquet")):
            path = f"{name}.{fmt}"
            resource: dict[str, Any] = {
                "name": f"{name}{suffix}",
                "path": path,
                "profile": "tabular-data-resource",
                "title": f"{name} ({fmt.upper()})",
                "description": spec.description,
                "format": fmt,
                "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
                "schema": table_schema(spec, fmt),
            }
            if fmt == "csv":
                # Frictionless checks size and hash of CSV files only; every file's are
                # also in manifest.json and SHA256SUMS, which `newsdata` verifies.
                resource.update(bytes=files[path]["bytes"], hash=f"sha256:{files[path]['sha256']}")
                resource.update(
                    encoding="utf-8",
                    dialect={
                        "header": True,
                        "delimiter": ",",
                        "lineTerminator": "\r\n",
                        "quoteChar": '"',
                        "doubleQuote": True,
                    },
                )
            if name in TEXT_TABLES:
                resource["licenses"] = [ARTICLE_TEXT_LICENSE, *metadata.get("licenses", [])]
            resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": metadata["name"],
        "title": metadata["title"],
        "description": metadata["description"],
        "version": version,
        "created": f"{metadata['released']}T00:00:00Z",
        "licenses": metadata["licenses"],
        "sources": metadata["sources"],
        "contributors": metadata["contributors"],
        "keywords": metadata.get("keywords", []),
        "resources": resources,
    }

"""The Croissant (MLCommons) JSON-LD description of a version, generated from the models.

Belongs here: mapping the registry's tables to Croissant record sets (one field
per model column, typed, described, read from the table's Parquet file), the
files to ``cr:FileObject``s with their SHA-256, and the dataset-level metadata
from ``dataset.yaml``. Croissant 1.0; ``mlcroissant validate`` accepts it (the
tests run it).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from schemas.registry import TABLES

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
# The Croissant 1.0 JSON-LD context (as mlcroissant writes it for 1.0).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
_TYPES = {
    "String": "sc:Text",
    "Int64": "sc:Integer",
    "Float64": "sc:Float",
    "Boolean": "sc:Boolean",
    "Date": "sc:Date",
}
PARQUET = "application/x-parquet"


def _field(table: str, path: str, column: str, field: Any) -> dict[str, Any]:
    """One ``cr:Field``; a list column is an array of its items' type (a list of records
    has one sub-field per record key)."""
    source = {"fileObject": {"@id": path}, "extract": {"column": column}}
    head = {
        "@type": "cr:Field",
        "@id": f"{table}/{column}",
        "name": column,
        "description": field.description or column,
    }
    dtype = field.dtype.type
    if not dtype.is_nested():
        return {**head, "dataType": _TYPES[str(field.dtype)], "source": source}
    if not isinstance(dtype.inner, pl.Struct):
        return {**head, "dataType": _TYPES[str(dtype.inner)], "source": source, "isArray": True}
    sub_fields = [
        {
            "@type": "cr:Field",
            "@id": f"{table}/{column}/{key.name}",
            "name": key.name,
            "dataType": _TYPES[str(key.dtype)],
            "source": {**source, "transform": {"jsonPath": key.name}},
        }
        for key in dtype.inner.fields
    ]
    return {**head, "source": source, "isArray": True, "subField": sub_fields}


def croissant(
    metadata: dict[str, Any], version: str, files: dict[str, dict[str, Any]], cite_as: str
) -> dict[str, Any]:
    """The ``croissant.json`` descriptor.

    Args:
        metadata: ``dataset.yaml`` (name, title, description, licenses, contributors…).
        version: The dataset version.
        files: File name to ``{"bytes": int, "sha256": str}`` for every table file.
        cite_as: The citation the card gives.
    """
    base_url = (metadata.get("distribution") or {}).get("base_url")
    distribution = []
    record_sets = []
    for name, spec in TABLES.items():
        path = f"{name}.parquet"
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": path,
                "name": path,
                "description": f"The {name} table as Parquet.",
                "contentUrl": f"{base_url}/{version}/{path}" if base_url else path,
                "contentSize": f"{files[path]['bytes']} B",
                "encodingFormat": PARQUET,
                "sha256": files[path]["sha256"],
            }
        )
        schema = spec.model.to_schema()
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": name,
                "name": name,
                "description": spec.description,
                "key": [{"@id": f"{name}/{column}"} for column in spec.primary_key],
                "field": [
                    _field(name, path, column, field) for column, field in schema.columns.items()
                ],
            }
        )
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": metadata["name"],
        "description": " ".join(metadata["description"].split()),
        "version": version,
        "datePublished": str(metadata["released"]),
        "license": metadata["licenses"][0]["path"],
        "citeAs": cite_as,
        "keywords": metadata.get("keywords", []),
        "creator": [
            {"@type": "sc:Organization", "name": c["title"]} for c in metadata["contributors"]
        ],
        **({"url": f"{base_url}/{version}/"} if base_url else {}),
        "distribution": distribution,
        "recordSet": record_sets,
    }

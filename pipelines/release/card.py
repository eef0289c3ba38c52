"""The dataset card (``README.md`` inside a version folder), generated.

Belongs here: rendering what each table holds (from the models), row counts and
provenance (from the manifest), limitations, licences and citation (from
``dataset.yaml``) as Markdown.
"""

from __future__ import annotations

from typing import Any

from pipelines.release.datapackage import ARTICLE_TEXT_LICENSE, TEXT_TABLES
from schemas.registry import TABLES


def dataset_card(metadata: dict[str, Any], manifest: dict[str, Any]) -> str:
    """The Markdown dataset card of one version."""
    version = manifest["version"]
    lines = [
        f"# {metadata['title']} — version {version}",
        "",
        " ".join(metadata["description"].split()),
        "",
        f"Released {metadata['released']}. Files: every table as Parquet and CSV (UTF-8, "
        "RFC 4180, ISO 8601 dates, empty field for null), `datapackage.json` "
        "(Frictionless Data Package), `manifest.json`, and `SHA256SUMS` (check with "
        "`sha256sum -c SHA256SUMS`). `frictionless validate datapackage.json` checks every "
        "resource's schema and the CSV files' sizes and hashes; it cannot check a Parquet "
        "file's hash, so Parquet files are verified against `SHA256SUMS` (as "
        "`newsdata download` does).",
        "",
        "## Tables",
        "",
    ]
    for name, spec in TABLES.items():
        rows = manifest["tables"][name]["rows"]
        lines += [
            f"### `{name}` ({rows} rows)",
            "",
            spec.description,
            "",
            "| column | type | null | description |",
            "| --- | --- | --- | --- |",
        ]
        for column, info in spec.model.to_schema().columns.items():
            null = "yes" if info.nullable else "no"
            text = (info.description or "").replace("|", "\\|")
            lines.append(f"| `{column}` | {info.dtype} | {null} | {text} |")
        lines.append("")
    ner = manifest.get("ner_model", {})
    settings = manifest.get("settings", {})
    lines += [
        "## How it was made",
        "",
        f"- Pipeline version {manifest.get('pipeline_version', 'unknown')}, "
        f"schema {manifest['schema_version']}.",
        f"- NER and parsing: spaCy model `{ner.get('name')}` {ner.get('version')}.",
        f"- Near-duplicate threshold (Jaccard over word {settings.get('shingle_words')}"
        f"-shingles): {settings.get('dedup_threshold')}.",
        f"- Entity register: `{settings.get('entity_register')}`.",
        f"- Inputs: {len(manifest.get('inputs', []))} files, listed with SHA-256 in "
        "`manifest.json`.",
        "",
        "## Known limitations",
        "",
    ]
    lines += [f"- {item}" for item in metadata.get("limitations", [])]
    licence = metadata["licenses"][0]
    lines += [
        "",
        "## Licences",
        "",
        f"- Derived tables, annotations and metadata: {licence['title']} "
        f"({licence['name']}, {licence.get('path', '')}).",
        f"- The article text in {', '.join(f'`{t}`' for t in sorted(TEXT_TABLES))}: "
        f"{ARTICLE_TEXT_LICENSE['title']}",
        "",
        "## How to cite",
        "",
        f"> {citation(metadata, version)}",
        "",
    ]
    return "\n".join(lines)


def citation(metadata: dict[str, Any], version: str) -> str:
    """A plain-text citation of one version."""
    authors = ", ".join(c["title"] for c in metadata["contributors"])
    year = str(metadata["released"])[:4]
    return f"{authors} ({year}). {metadata['title']} (version {version}) [Data set]."

"""The dataset card (``README.md`` inside a version folder), generated.

Belongs here: rendering what each table holds (from the models), row counts and
provenance (from the manifest), limitations, licences and citation (from
``dataset.yaml``) as Markdown.
"""

from __future__ import annotations

from typing import Any

from pipelines.release.datapackage import ARTICLE_TEXT_LICENSE, TEXT_TABLES
from schemas.registry import TABLES


def dataset_card(
    metadata: dict[str, Any], manifest: dict[str, Any], summary: list[str] | None = None
) -> str:
    """The Markdown dataset card of one version (``summary``: the "Summary" section's
    lines, from ``summary.summary_lines``)."""
    version = manifest["version"]
    lines = [
        *_front_matter(),
        f"# {metadata['title']} — version {version}",
        "",
        " ".join(metadata["description"].split()),
        "",
        f"Released {metadata['released']}. Files: every table as Parquet and CSV (UTF-8, "
        "RFC 4180, ISO 8601 dates, empty field for null; a list column, native in Parquet, "
        "is a JSON array in CSV), `datapackage.json` "
        "(Frictionless Data Package), `croissant.json` (MLCommons Croissant 1.0, validated "
        "with `mlcroissant`), `manifest.json`, and `SHA256SUMS` (check with "
        "`sha256sum -c SHA256SUMS`). `frictionless validate datapackage.json` checks every "
        "resource's schema and the CSV files' sizes and hashes; it cannot check a Parquet "
        "file's hash, so Parquet files are verified against `SHA256SUMS` (as "
        "`newsdata download` does).",
        "",
        _where_to_download(metadata.get("distribution", {}).get("base_url")),
        "",
        *HOW_TO_LOAD,
        *(summary or []),
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


def _front_matter() -> list[str]:
    """YAML front matter: one Hugging Face ``datasets`` config per table, so that
    ``load_dataset(<repository>, "quotes")`` reads one table."""
    lines = ["---", "configs:"]
    for name in TABLES:
        lines += [f"- config_name: {name}", f"  data_files: {name}.parquet"]
    return [*lines, "---", ""]


# Run by tests/release/test_card.py in a version folder: every Python block must work.
HOW_TO_LOAD = [
    "## How to load",
    "",
    "In a version folder (or after `newsdata download`). With polars:",
    "",
    "```python",
    "import polars as pl",
    "",
    'quotes = pl.read_parquet("quotes.parquet")',
    'print(quotes.select("speaker", "quote_text").head())',
    "```",
    "",
    "With pandas:",
    "",
    "```python",
    "import pandas as pd",
    "",
    'articles = pd.read_parquet("articles.parquet")',
    'print(articles[["title", "published_date", "language"]].head())',
    "```",
    "",
    "With DuckDB, speakers by number of quotations:",
    "",
    "```python",
    "import duckdb",
    "",
    "duckdb.sql(",
    "    \"select speaker, count(*) as quotations from 'quotes.parquet' \"",
    '    "where speaker is not null group by speaker order by quotations desc limit 5"',
    ").show()",
    "```",
    "",
    "List columns (`articles.authors`, `articles.boilerplate_removed`, "
    "`entities.aliases`) are lists in Parquet; each alias on a row of its own:",
    "",
    "```python",
    "import duckdb",
    "",
    "duckdb.sql(",
    "    \"select canonical_name, unnest(aliases) as alias from 'entities.parquet' \"",
    '    "order by canonical_name, alias limit 5"',
    ").show()",
    "```",
    "",
    "A quotation, its speaker's entity, every mention of that entity, and the "
    "article text the offsets slice:",
    "",
    "```python",
    "import polars as pl",
    "",
    'quotes = pl.read_parquet("quotes.parquet")',
    'entities = pl.read_parquet("entities.parquet")',
    'mentions = pl.read_parquet("entity_mentions.parquet")',
    'articles = pl.read_parquet("articles.parquet").select("article_id", "title", "text")',
    'attributed = quotes.filter(pl.col("speaker_entity_id").is_not_null())',
    "quote = attributed.join(",
    '    entities, left_on="speaker_entity_id", right_on="entity_id"',
    ').join(articles, on="article_id").row(0, named=True)',
    'assert quote["text"][quote["quote_start"] : quote["quote_end"]] == quote["quote_text"]',
    'said_by = mentions.filter(pl.col("entity_id") == quote["speaker_entity_id"])',
    'print(quote["canonical_name"], quote["type"], said_by.height, "mentions")',
    "```",
    "",
    "With Hugging Face `datasets`: the front matter of this card names one config per "
    "table, so the version folder's path (or a dataset repository holding it) and a "
    "table name load that table:",
    "",
    "```python",
    "from pathlib import Path",
    "",
    "from datasets import load_dataset",
    "",
    'quotes = load_dataset(str(Path.cwd()), "quotes", split="train")',
    "print(quotes.num_rows)",
    "```",
    "",
]


def citation(metadata: dict[str, Any], version: str) -> str:
    """A plain-text citation of one version."""
    authors = ", ".join(c["title"] for c in metadata["contributors"])
    year = str(metadata["released"])[:4]
    return f"{authors} ({year}). {metadata['title']} (version {version}) [Data set]."


def _where_to_download(base_url: str | None) -> str:
    """How to fetch a version with the lean client, from the published distribution."""
    client = (
        "The `newsdata-client` package (the repository's `client/` folder: pooch, tqdm and "
        "DuckDB only) downloads and verifies a version: `newsdata download --version "
        '<version> --dest <folder>`, or `load("quotes")` in Python.'
    )
    if base_url:
        return f"{client} Versions are published at <{base_url}> (its default)."
    return (
        f"{client} No public host is named yet: pass `--base-url` a copy of the "
        "`datasets/` folder or any server that serves it."
    )

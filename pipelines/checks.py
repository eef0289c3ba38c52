"""Blocking asset checks: schema validation generated from ``schemas/`` and cross-table keys.

Belongs here: building asset checks from the table registry (one pandera check
per table, one per foreign key) and the whole-build invariants (every input
accounted for). A failing check is blocking: nothing downstream, publication
included, runs. Failures report a sample of failing rows in the check metadata.
Check names are short (the asset is shown beside them): ``schema``,
``<key>_in_<table>``, ``spans_slice_text``, ``every_input_accounted_for``.
"""

import pandera.polars as pa
import polars as pl
from dagster import AssetCheckResult, AssetChecksDefinition, AssetIn, MetadataValue, asset_check

from pipelines.metadata import markdown_table
from schemas.registry import TABLES, ForeignKey, TableSpec, TextSpan

SAMPLE_ROWS = 10


def _sample(frame: pl.DataFrame) -> MetadataValue:
    return MetadataValue.md(markdown_table(frame.head(SAMPLE_ROWS)))


def _failing(frame: pl.DataFrame) -> dict[str, MetadataValue]:
    """A sample of the failing rows, only when there are some (a passed check shows none)."""
    return {} if frame.is_empty() else {"failing_rows_sample": _sample(frame)}


def validate_table(frame: pl.DataFrame, spec: TableSpec) -> AssetCheckResult:
    """Validate ``frame`` against the table's pandera model, lazily (all errors at once)."""
    try:
        spec.model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return AssetCheckResult(
            passed=False,
            metadata={"failure_count": cases.height, "failing_rows_sample": _sample(cases)},
        )
    return AssetCheckResult(passed=True, metadata={"rows": frame.height})


def check_foreign_key(
    child: pl.DataFrame, parent: pl.DataFrame, key: ForeignKey
) -> AssetCheckResult:
    """Every non-null key in ``child`` appears in ``parent``."""
    left, right = list(key.fields), list(key.reference_fields)
    orphans = child.drop_nulls(left).join(
        parent.select(right), left_on=left, right_on=right, how="anti"
    )
    return AssetCheckResult(
        passed=orphans.is_empty(), metadata={"orphan_rows": orphans.height, **_failing(orphans)}
    )


def check_spans(frame: pl.DataFrame, articles: pl.DataFrame, span: TextSpan) -> AssetCheckResult:
    """Every span is non-empty and slices the published article text to its text column."""
    text = pl.col("text").str.slice(pl.col(span.start), pl.col(span.end) - pl.col(span.start))
    joined = frame.join(articles.select("article_id", "text"), on="article_id", how="left")
    bad = joined.filter(
        pl.col("text").is_null()
        | (pl.col(span.end) <= pl.col(span.start))
        | (pl.col(span.end) > pl.col("text").str.len_chars())
        | (text != pl.col(span.text))
    ).drop("text")
    return AssetCheckResult(
        passed=bad.is_empty(),
        metadata={"spans": frame.height, "bad_spans": bad.height, **_failing(bad)},
    )


def _span_check(spec: TableSpec, span: TextSpan) -> AssetChecksDefinition:
    @asset_check(
        asset=spec.name,
        name="spans_slice_text",
        blocking=True,
        additional_ins={"articles": AssetIn("articles")},
        description=f"`articles.text[{span.start}:{span.end}]` equals `{span.text}`.",
    )
    def _check(frame: pl.DataFrame, articles: pl.DataFrame) -> AssetCheckResult:
        return check_spans(frame, articles, span)

    return _check


def _schema_check(spec: TableSpec) -> AssetChecksDefinition:
    @asset_check(
        asset=spec.name,
        name="schema",
        blocking=True,
        description=f"`{spec.name}` matches its pandera model {spec.model.__name__}.",
    )
    def _check(frame: pl.DataFrame) -> AssetCheckResult:
        return validate_table(frame, spec)

    return _check


def _foreign_key_check(spec: TableSpec, key: ForeignKey) -> AssetChecksDefinition:
    fields = "_".join(key.fields)

    @asset_check(
        asset=spec.name,
        name=f"{fields}_in_{key.reference_table}",
        blocking=True,
        additional_ins={"parent": AssetIn(key.reference_table)},
        description=f"`{spec.name}.{', '.join(key.fields)}` exists in `{key.reference_table}`.",
    )
    def _check(frame: pl.DataFrame, parent: pl.DataFrame) -> AssetCheckResult:
        return check_foreign_key(frame, parent, key)

    return _check


def accounted_inputs(records: pl.DataFrame, *published: pl.DataFrame) -> AssetCheckResult:
    """Every input record (file, or record of a JSON file) is in a published table."""
    keys = ["source_path", "source_record"]
    seen = pl.concat([frame.select(keys) for frame in published]).unique()
    missing = records.select(keys).unique().join(seen, on=keys, how="anti", nulls_equal=True)
    return AssetCheckResult(
        passed=missing.is_empty(),
        metadata={
            "input_records": records.height,
            "unaccounted": missing.height,
            **_failing(missing),
        },
    )


# Attached to `rejections`, the last table, so that no check reads a table whose own
# blocking checks wait on this one (which would be a cycle).
@asset_check(
    asset="rejections",
    blocking=True,
    additional_ins={
        "input_records": AssetIn("input_records"),
        "articles": AssetIn("articles"),
        "article_duplicates": AssetIn("article_duplicates"),
    },
    description="Every input record is an article, a duplicate or a rejection.",
)
def every_input_accounted_for(
    rejections: pl.DataFrame,
    input_records: pl.DataFrame,
    articles: pl.DataFrame,
    article_duplicates: pl.DataFrame,
) -> AssetCheckResult:
    """Inputs = published articles + duplicates + rejections (by file)."""
    return accounted_inputs(input_records, articles, article_duplicates, rejections)


def build_checks() -> list[AssetChecksDefinition]:
    """All blocking checks: schema per table, foreign keys, text spans, invariants."""
    checks: list[AssetChecksDefinition] = [every_input_accounted_for]
    for spec in TABLES.values():
        checks.append(_schema_check(spec))
        checks.extend(_foreign_key_check(spec, key) for key in spec.foreign_keys)
        checks.extend(_span_check(spec, span) for span in spec.spans)
    return checks

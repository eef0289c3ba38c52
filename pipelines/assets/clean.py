"""The clean and date-normalize stages."""

import polars as pl
from dagster import Output, asset

from pipelines.metadata import intermediate_metadata
from pipelines.resources import PipelineSettings
from pipelines.transforms.articles import clean_records, normalize_dates


@asset(group_name="clean", kinds={"polars"})
def cleaned_records(input_records: pl.DataFrame) -> Output[pl.DataFrame]:
    """Records with normalized text, headline, raw date and removed boilerplate recorded."""
    frame = clean_records(input_records)
    removals = frame.filter(pl.col("boilerplate_removed").list.len() > 0).height
    return Output(
        frame,
        metadata=intermediate_metadata(
            frame,
            records_with_boilerplate_removed=removals,
            records_without_text=frame.filter(pl.col("reason") == "no_text_after_cleaning").height,
        ),
    )


@asset(group_name="clean", kinds={"polars"})
def dated_records(
    cleaned_records: pl.DataFrame, settings: PipelineSettings
) -> Output[pl.DataFrame]:
    """Records with ``published_date`` parsed from the raw date, or null with an issue."""
    frame = normalize_dates(cleaned_records, settings.latest_date())
    accepted = frame.filter(pl.col("reason").is_null())
    return Output(
        frame,
        metadata=intermediate_metadata(
            frame,
            dates_missing=accepted.filter(pl.col("date_source") == "none").height,
            dates_unparseable=accepted.filter(pl.col("date_issue").is_not_null()).height,
        ),
    )

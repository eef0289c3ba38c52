"""Pandera models of every published table, and the registry that lists them.

Belongs here: one module per table with its ``DataFrameModel`` (the single
source of truth for columns, types, constraints and descriptions), shared field
helpers, the table registry with keys, and functions deriving other schema
forms (polars, Arrow) from the models. Nothing here imports Dagster.
"""

from schemas.registry import TABLES, ForeignKey, TableSpec

__all__ = ["TABLES", "ForeignKey", "TableSpec"]

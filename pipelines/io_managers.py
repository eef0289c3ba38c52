"""IO managers: how intermediate asset values are stored between steps.

Belongs here: the Parquet IO manager for polars frames. Published files are
not written through an IO manager (see ``release/``).
"""

from __future__ import annotations

import polars as pl
from dagster import ConfigurableIOManagerFactory, InputContext, OutputContext, UPathIOManager
from upath import UPath


class PolarsParquetIOManager(UPathIOManager):
    """Stores each polars DataFrame asset as one Parquet file under ``base_path``."""

    extension = ".parquet"

    def dump_to_path(self, context: OutputContext, obj: pl.DataFrame, path: UPath) -> None:
        """Write the frame (creating parent folders)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            obj.write_parquet(handle)

    def load_from_path(self, context: InputContext, path: UPath) -> pl.DataFrame:
        """Read the frame back."""
        with path.open("rb") as handle:
            return pl.read_parquet(handle)


class PolarsParquetIOManagerFactory(ConfigurableIOManagerFactory):
    """Configurable factory for ``PolarsParquetIOManager``."""

    base_dir: str

    def create_io_manager(self, context) -> PolarsParquetIOManager:
        """Build the IO manager rooted at ``base_dir``."""
        return PolarsParquetIOManager(base_path=UPath(self.base_dir))

"""IO managers: how intermediate asset values are stored between steps.

Belongs here: the Parquet IO manager for polars frames (one file per asset, or per
shard of a sharded asset, under any fsspec URL). Published files are not written
through an IO manager (see ``release/``).
"""

from __future__ import annotations

import polars as pl
from dagster import ConfigurableIOManagerFactory, InputContext, OutputContext, UPathIOManager
from upath import UPath


class PolarsParquetIOManager(UPathIOManager):
    """Stores each polars DataFrame asset as one Parquet file under ``base_path``; a
    sharded asset as one file per shard (``<asset>/<shard>.parquet``)."""

    extension = ".parquet"

    def handle_output(self, context: OutputContext, obj: pl.DataFrame | dict) -> None:
        """Store the frame; a step that built several shards in one run returns shard name
        → frame, and each shard goes to its own file, as a run per shard would write it."""
        if context.has_asset_partitions and len(context.asset_partition_keys) > 1:
            paths = self._get_paths_for_partitions(context)
            if not isinstance(obj, dict) or set(obj) != set(paths):
                raise TypeError(
                    f"{context.asset_key.to_user_string()}: a step over shards "
                    f"{sorted(paths)} must return one frame per shard"
                )
            for key, path in sorted(paths.items()):
                self.dump_to_path(context, obj[key], path)
            return
        super().handle_output(context, obj)

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

"""Downloading and loading published dataset versions (what dataset users install).

Belongs here: fetching a version from a base URL with hash verification and a
local cache (``fetch.py``), ``load`` returning a polars DataFrame, and the
``newsdata`` console command (``cli.py``). Nothing here imports Dagster.
"""

from pipelines.client.fetch import DownloadError, available_versions, download, load

__all__ = ["DownloadError", "available_versions", "download", "load"]

"""Downloading and loading published newsdata dataset versions.

Belongs here: fetching a version from a base URL with hash verification and a
local cache (``fetch.py``), the ``SHA256SUMS`` format the pipeline publishes
(``checksums.py``) and the ``newsdata`` console command (``cli.py``). Nothing
here imports the pipeline; the names below are imported on first use, so
``import newsdata_client`` is fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DownloadError", "available_versions", "download", "load"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newsdata_client import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module 'newsdata_client' has no attribute {name!r}")

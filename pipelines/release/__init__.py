"""Writing a dataset version: table files, checksums, manifest, atomic publish.

Belongs here: everything that turns validated frames into files under
``datasets/<version>/``. Nothing here imports Dagster.
"""

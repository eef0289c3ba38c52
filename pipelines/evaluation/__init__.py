"""Quality measurement against the hand-annotated gold standards in ``tests/gold``.

Belongs here: scoring functions and the command-line scripts that print them.
The pipeline stages are called as plain functions, without Dagster.
"""

"""Dagster assets, one module per stage or table; each asset is a thin wrapper.

Belongs here: loading inputs, calling a transform, returning the value and its
metadata. All logic lives in ``pipelines/transforms`` and ``pipelines/release``.
"""

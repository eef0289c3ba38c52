"""Load tools: a synthetic corpus generator and the pipeline benchmark.

Belongs here: tools kept in the repository for measuring the pipeline at scale
(``python -m pipelines.bench.generate``, ``python -m pipelines.bench.benchmark``).
Nothing here runs in the dataset build.
"""

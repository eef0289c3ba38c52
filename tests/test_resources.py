"""The NLP resource: how many processes parse, and that their number changes nothing."""

import os

import polars as pl

from pipelines.resources import MIN_ARTICLES_PER_PROCESS, NlpPipeline
from pipelines.transforms.nlp import parse_articles


def test_automatic_processes_use_the_cores_only_for_enough_articles():
    cores = len(os.sched_getaffinity(0))
    automatic = NlpPipeline()
    assert automatic.processes(5) == 1
    assert automatic.processes(MIN_ARTICLES_PER_PROCESS * 2) == min(2, cores)
    assert automatic.processes(10**6) == cores
    assert NlpPipeline(n_process=3).processes(5) == 3


def test_two_processes_give_the_same_parses_as_one():
    texts = [
        f"Mayor Ana Ruiz said on day {i} that the ferry would run. “We listened,” she said."
        for i in range(6)
    ]
    frame = pl.DataFrame({"article_id": [str(i) for i in range(6)], "text": texts})
    nlp = NlpPipeline().load()
    one = parse_articles(nlp, frame, n_process=1)
    two = parse_articles(nlp, frame, n_process=2, batch_size=2)
    assert one.equals(two)
    assert one.height == 6

"""Benchmark every stage on a generated corpus; print time, throughput, memory, dedup quality.

``python -m pipelines.bench.benchmark --articles 10000`` generates the corpus
(``pipelines.bench.generate``) in a temporary folder, runs the stages as plain
functions (the same ones the Dagster assets call), and prints one line per stage:
wall time, articles per second, words per second, and the process's peak
resident memory so far. First comes the limit: one plain spaCy pass with every
component over the same texts on the same processes; the summary line gives the
build's ratio to it, the rebuild with nothing changed and after 1% of the
articles change (parses from the cache), dedup time and peak RSS; then dedup
precision and recall against the generator's ground truth. Figures only:
nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.bench.generate import generate
from pipelines.release.publish import Release, publish
from pipelines.resources import (
    DEFAULT_REGISTER,
    DEFAULT_SPACY_MODEL,
    NlpPipeline,
    dataset_metadata,
)
from pipelines.transforms.articles import (
    clean_records,
    identify_articles,
    normalize_dates,
    records_frame,
    rejected_records,
)
from pipelines.transforms.dedup import deduplicate
from pipelines.transforms.entities.ner import model_spans
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.entities.resolve import resolve_corpus
from pipelines.transforms.ingest import discover_files, read_input
from pipelines.transforms.nlp import (
    installed_model_info,
    load_pipeline,
    parse_articles,
    parsed_docs,
)
from pipelines.transforms.parse_cache import ParseCache
from pipelines.transforms.quotes.table import quotes_table
from schemas.derive import conform
from schemas.registry import TABLES


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


stage_seconds: dict[str, float] = {"before_parse": 0.0}


def _stage(name: str, articles: int, words: int, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    stage_seconds[name] = seconds
    if name in {"ingest", "clean", "dates", "dedup"}:
        stage_seconds["before_parse"] += seconds
    print(
        f"{name:<10} {seconds:8.1f} s  {articles / seconds:9.1f} articles/s  "
        f"{words / seconds:11.0f} words/s  peak RSS {_peak_mb():7.0f} MB",
        flush=True,
    )
    return result


def dedup_quality(
    truth_csv: Path, canonical: pl.DataFrame, duplicates: pl.DataFrame
) -> tuple[float, float]:
    """Precision and recall of duplicate links against the generator's clusters.

    Precision: share of published links whose two files share a true cluster.
    Recall: share of generated duplicates placed in their original's cluster.
    """
    with truth_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cluster = {r["file"]: r["cluster"] for r in rows}
    truth_duplicates = {r["file"] for r in rows if r["role"] != "original"}
    canonical_file = dict(canonical.select("article_id", "source_path").iter_rows())
    links = [
        (path, canonical_file[aid])
        for path, aid in duplicates.select("source_path", "article_id").iter_rows()
    ]
    correct = [p for p, c in links if cluster[p] == cluster[c]]
    precision = len(correct) / len(links) if links else 1.0
    # Either copy may be kept as canonical (earliest, then longest): a true duplicate is
    # found when it and its original end up with the same canonical article.
    kept = dict(links)
    found = [f for f in truth_duplicates if kept.get(f, f) == kept.get(cluster[f], cluster[f])]
    recall = len(found) / len(truth_duplicates) if truth_duplicates else 1.0
    return precision, recall


def run(articles: int, seed: int, work: Path, raw_pass: bool = True) -> None:
    """Generate, then time every stage (``raw_pass=False`` skips the raw spaCy pass,
    the limit the build is compared with, which at 100,000 articles takes an hour)."""
    print(f"generating {articles} articles (seed {seed}) in {work}", flush=True)
    generate(work, articles, seed)
    seeds = work / "corpus"
    words = sum(len(p.read_text(encoding="utf-8-sig").split()) for p in seeds.iterdir())
    print(f"{articles} files, {words} words", flush=True)
    records = _stage(
        "ingest",
        articles,
        words,
        lambda: records_frame([r for p in discover_files(seeds) for r in read_input(p, seeds)]),
    )
    cleaned = _stage("clean", articles, words, lambda: clean_records(records))
    dated = _stage(
        "dates", articles, words, lambda: normalize_dates(cleaned, dt.date(2026, 11, 21))
    )
    canonical, duplicates = _stage(
        "dedup", articles, words, lambda: deduplicate(identify_articles(dated, "benchmark"))
    )
    kept = canonical.rename({"encoding": "source_encoding"})
    kept_words = int(kept["word_count"].sum())
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    processes = NlpPipeline().processes(kept.height)
    print(f"parse in {processes} process(es)", flush=True)
    cache = ParseCache.for_model(work / "parse-cache", installed_model_info(DEFAULT_SPACY_MODEL))
    # The limit: one plain spaCy pass, every component, on the same texts and cores.
    texts = kept["text"].to_list()
    if raw_pass:
        _stage(
            "raw spaCy",
            kept.height,
            kept_words,
            lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=processes)),
        )
    started = time.perf_counter()
    parsed = _stage(
        "parse",
        kept.height,
        kept_words,
        lambda: parse_articles(nlp, kept, n_process=processes, cache=cache, keep_docs=False),
    )
    raw = _stage(
        "ner spans",
        kept.height,
        kept_words,
        lambda: model_spans(parsed_docs(parsed, nlp.vocab, cache=cache)),
    )
    entities, mentions = _stage(
        "entities",
        kept.height,
        kept_words,
        lambda: resolve_corpus(kept, raw, load_register(DEFAULT_REGISTER)),
    )
    quotes = _stage(
        "quotes",
        kept.height,
        kept_words,
        lambda: quotes_table(kept, parsed_docs(parsed, nlp.vocab, cache=cache), mentions, entities),
    )
    produced = {
        "articles": kept,
        "article_duplicates": duplicates,
        "rejections": rejected_records(dated),
        "entities": entities,
        "entity_mentions": mentions,
        "quotes": quotes,
    }
    # published as the registry lists them (a table the benchmark lacks is a KeyError)
    tables = {name: conform(produced[name], spec.model) for name, spec in TABLES.items()}
    _stage(
        "publish",
        kept.height,
        kept_words,
        lambda: publish(Release("1.0.0", tables, dataset_metadata()), work / "datasets"),
    )
    full = time.perf_counter() - started + stage_seconds["before_parse"]
    # Incremental: 1% of the articles change (a sentence added); only they are parsed.
    changed = max(1, kept.height // 100)
    edited = (
        kept.with_row_index("i")
        .with_columns(
            text=pl.when(pl.col("i") < changed)
            .then(pl.col("text") + "\n\nThis article was updated.")
            .otherwise(pl.col("text"))
        )
        .drop("i")
    )
    # Nothing changed: every parse comes from the cache.
    _stage(
        "reparse 0%",
        kept.height,
        kept_words,
        lambda: parse_articles(nlp, kept, cache=cache, keep_docs=False),
    )
    again = time.perf_counter()
    _stage(
        "reparse 1%",
        kept.height,
        kept_words,
        lambda: parse_articles(nlp, edited, cache=cache, keep_docs=False),
    )
    incremental = time.perf_counter() - again
    rebuild = full - stage_seconds["parse"] + incremental  # every other stage reruns
    same = full - stage_seconds["parse"] + stage_seconds["reparse 0%"]
    raw_spacy = stage_seconds.get("raw spaCy")
    limit = (
        f"{full / raw_spacy:.2f} x the raw spaCy pass ({raw_spacy:.1f} s, {processes} process(es))"
        if raw_spacy
        else "raw spaCy pass skipped"
    )
    print(
        f"build {full:.1f} s (parse {stage_seconds['parse']:.1f} s of it, "
        f"{1000 * full / articles:.1f} ms per input article) = {limit}; "
        f"nothing changed: rebuild about {same:.1f} s = {same / full:.2f} of "
        f"the build; after changing {changed} articles the parse takes {incremental:.1f} s "
        f"and the rebuild about {rebuild:.1f} s = {rebuild / full:.2f} of the build; "
        f"dedup {stage_seconds['dedup']:.1f} s; peak RSS {_peak_mb():.0f} MB"
    )
    precision, recall = dedup_quality(work / "truth.csv", canonical, duplicates)
    print(
        f"dedup: {duplicates.height} duplicates found; precision {precision:.4f} "
        f"recall {recall:.4f}"
    )
    print(f"tables: {', '.join(f'{k} {v.height}' for k, v in tables.items())}")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip-raw",
        action="store_true",
        help="skip the raw spaCy pass (the build's ratio to it is then not printed)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args.articles, args.seed, Path(tmp), raw_pass=not args.skip_raw)


if __name__ == "__main__":
    main()

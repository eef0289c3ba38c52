"""Raw entity spans read from the shared parse: the NER model's, and speakers it missed.

Belongs here: turning parsed ``Doc``s into raw spans of the published types,
with offsets into the article text and where each came from (``ner``: the
model; ``speaker``: a reporting verb's subject the model missed, see
``speakers.py``). A one-word span the tagger reads as a plural common noun
("Attendees", "Soldiers") is not a name, unless it is a group's name
("Texans") or a person's (surnames such as "Richards" are tagged plural too).

Not here: running the model (``transforms/nlp.py``) or correcting the spans
(``spans.py``, ``article.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import polars as pl

from pipelines.transforms.entities.spans import PUBLISHED_LABELS
from pipelines.transforms.entities.speakers import missed_speaker_spans

RAW_MENTION_SCHEMA = {
    "article_id": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "label": pl.String,
    "source": pl.String,
}


_GROUP_SUFFIX = re.compile(r"(?:ans|ians|ese|is|ites|ists|ims)$")


def _common_plural(span: Any) -> bool:
    """A one-word span tagged as a plural common noun, capitalized as a common word is
    at a sentence start or in an organization's house style ("Soldiers"), and not the
    surname of a person the article names in full."""
    word = span.text
    return (
        len(span) == 1
        and span[0].tag_ == "NNS"
        and span.label_ not in ("NORP", "PERSON")  # the tagger reads "Richards" as NNS too
        and word[:1].isupper()
        and word[1:].islower()
        and not _GROUP_SUFFIX.search(word)
        and not _surname_in_doc(span)
    )


def _surname_in_doc(span: Any) -> bool:
    """The word ends a person's full name elsewhere in the article ("Bernie Sanders"
    … "Sanders said", where the tagger reads "Sanders" as a plural noun)."""
    word = span.text
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in span.doc.ents)


def model_spans(docs: Iterable[tuple[str, Any]]) -> pl.DataFrame:
    """Raw entity spans of the published types, one row per span, with their ``source``.

    Args:
        docs: ``(article_id, Doc)`` pairs, e.g. from ``transforms.nlp.parsed_docs``.
    """
    rows: list[tuple[str, int, int, str, str]] = []
    for article_id, doc in docs:
        rows.extend(
            (article_id, e.start_char, e.end_char, e.label_, "ner")
            for e in doc.ents
            if e.label_ in PUBLISHED_LABELS and not _common_plural(e)
        )
        rows.extend(
            (article_id, s.start, s.end, s.label, "speaker")
            for s in missed_speaker_spans(doc.text, doc)
        )
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA, orient="row")

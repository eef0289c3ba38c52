"""Loading the spaCy pipeline used for attribution (tagger, lemmatizer, parser)."""

from __future__ import annotations

from typing import Any


def load_parser(name: str) -> Any:
    """Load ``name`` without its NER (entities come from the entity stage).

    Raises:
        OSError: with what to install when the model is missing.
    """
    import spacy

    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:
        raise OSError(
            f"spaCy model {name!r} is not installed; install its package or set "
            "`spacy_model` in PipelineSettings"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise OSError(f"spaCy model {name!r} has no dependency parser; quote attribution needs one")
    return nlp

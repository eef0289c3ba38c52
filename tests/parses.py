"""Hand-set spaCy parses for tests: a real parse's shape without loading a model."""

import spacy
from spacy.tokens import Doc


def hand_parsed(rows, lemmas=None, ents=None):
    """A Doc from rows of (word, space after, tag, pos, dep, head index); ``lemmas``
    maps a word to its lemma (default: the word in lowercase)."""
    words, spaces, tags, pos, deps, heads = (list(column) for column in zip(*rows, strict=True))
    lemma = [(lemmas or {}).get(w, w.lower()) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags, pos=pos,
               deps=deps, heads=heads, lemmas=lemma, ents=ents)  # fmt: skip

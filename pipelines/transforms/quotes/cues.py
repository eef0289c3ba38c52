"""Telling reporting verbs and sentence ends, token by token and character by character.

Belongs here: the tests attribution applies to one spaCy token (is it a reporting
verb?) or one character (does this period end a sentence?). The word lists
live in ``lexicon.py``; windows, subjects and speakers in ``attribution.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pipelines.transforms.quotes.lexicon import (
    ABBREVIATIONS,
    CUE_LEMMAS,
    NOT_CUE_HEADS,
    NOT_CUE_PAIRS,
    PHRASAL_CUES,
    STATEMENT_NOUNS,
    SUPPORT_VERBS,
)

_WORD_BEFORE = re.compile(r"[\w.]+$")
_WORD_CHARS = 40  # how far back to look for the word before a period


def sentence_end(text: str, index: int) -> bool:
    """Whether the ``.``/``!``/``?`` at ``index`` ends a sentence.

    Not after an initial ("J. Doe"), a dotted abbreviation ("U.S."), a
    capitalized title or state abbreviation ("Gen.", "Calif."), nor before a
    lowercase word.
    """
    following = text[index + 1 : index + 3].lstrip()
    if following[:1].islower():
        return False
    if text[index] != ".":
        return True
    match = _WORD_BEFORE.search(text, max(0, index - _WORD_CHARS), index)
    word = match.group() if match else ""
    if not word:
        return True
    if "." in word or (len(word) == 1 and word.isupper()):
        return False
    return not (word[0].isupper() and word.lower() in ABBREVIATIONS)


def cues_of(doc: Any) -> Iterator[Any]:
    """Every reporting verb of a parse, in order (:func:`is_cue`), looking only at the
    tokens tagged VERB or AUX: a Token object per word of a long article is most of
    the time a plain scan would take."""
    from spacy.attrs import POS
    from spacy.symbols import AUX, VERB

    for index, pos in enumerate(doc.to_array(POS).tolist()):
        if pos in (VERB, AUX):
            token = doc[index]
            if is_cue(token):
                yield token


def is_cue(token: Any) -> bool:
    """A reporting verb: a lexicon lemma, a phrasal form ("points out"), or a support
    verb with a statement noun as object ("issued a statement")."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "compound"}:
        return False  # "a so-called plan", "the self-described leader"
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma in CUE_LEMMAS:
        return not _reports_nothing(token, children)
    if any(
        (lemma, c.text.lower()) in PHRASAL_CUES
        for c in children
        if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == token.i + 1  # "shot back"
    ):
        return True
    if lemma == "put" and _as_it_was_put(children):
        return True  # "as the mayor put it"
    return lemma in SUPPORT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in children
    )


def _as_it_was_put(children: list[Any]) -> bool:
    """ "as X put it": "put" with the object "it" in a clause marked "as"."""
    has_it = any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
    return has_it and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)


def _reports_nothing(token: Any, children: list[Any]) -> bool:
    """ "called for", "ruled out", "declined to comment", "did not call it",
    "will continue to be": the lemma, but no report."""
    lemma = token.lemma_.lower()
    if any(c.dep_ == "neg" for c in children):
        return True  # "for not calling the attack an act of “…”": not the subject's words
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in children):
        return True  # "Rubio will continue to be “…”"
    if any(
        c.dep_ in {"prt", "prep"} and c.i == token.i + 1 and (lemma, c.lower_) in NOT_CUE_PAIRS
        for c in children
    ):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in NOT_CUE_HEADS

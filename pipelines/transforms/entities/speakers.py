"""Names the parse shows speaking that NER missed.

Belongs here: finding, in one parsed article, the proper-noun subjects of
reporting verbs outside quotations ("Dana Whitfield said", "said Mayor Dana
Whitfield") that no NER span covers, so such a speaker becomes an entity mention
of its own and a quotation's speaker always points into ``entities``. Typed by
what the name says: ORG when its last word is an organization's head noun
("Springfield Transit Authority"), else PERSON when it is two to four
capitalized words (particles such as "de" allowed) with no organization or place
word; anything else (one word, a lowercase word, a place word) is left out:
never a guess. A surname alone ("Ebeling said") counts when the article
gives a full name ending with it ("Ann Ebeling"): both become mentions. Not
here: which quotation the speaker said (``quotes/``).
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.transforms.entities.spans import (
    NOT_A_PERSON_WORD,
    PUBLISHED_LABELS,
    Span,
    is_title,
    normalize_span,
)
from pipelines.transforms.quotes.cues import is_cue
from pipelines.transforms.quotes.spans import find_quotes

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NAME_DEPS = frozenset({"compound", "flat", "nmod"})
PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "al", "bin"}
)
ORG_HEAD = re.compile(
    r"^(?:Department|Office|Ministry|Committee|Council|Bureau|Agency|Administration"
    r"|Commission|Institute|Center|Centre|University|College|Association|Union|Party"
    r"|Company|Inc\.?|Corp\.?|Ltd\.?|Foundation|Authority|Coalition|Network|Group)$"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|[A-Z]\.)$")
_AFTER_CLOSING_MARK = re.compile(r"[,?!—–-][”\"]\s*\Z")


def missed_speaker_spans(text: str, doc: Any) -> list[Span]:
    """Spans (labelled PERSON or ORG) of reporting-verb subjects that no NER span covers.

    Args:
        text: The article text (``doc.text``).
        doc: Its spaCy parse, with the model's entities.
    """
    quoted = [(q.start - 1, q.end + 1) for q in find_quotes(text)]
    # Only names count: a speaker inside a span the model read as a work or a date
    # ("Twitter's Adam Sharp" as a WORK_OF_ART) is still missed.
    covered = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PUBLISHED_LABELS]
    found: dict[tuple[int, int], Span] = {}
    for token in doc:
        if not is_cue(token) or _inside(token.idx, quoted):
            continue
        after = _word_after_inverted_cue(text, token)
        for subject in [*token.children, *after]:
            inverted = subject in after
            if not inverted and (subject.dep_ not in SUBJECT_DEPS or not _name_like(subject)):
                continue
            if _inside(subject.idx, quoted):
                continue
            tokens = [subject] if inverted else _name_tokens(subject)
            if len(tokens) == 1:  # "Ebeling said": a surname, if the article gives the full name
                spans = _surname_and_full_name(text, subject, quoted)
            else:
                spans = [_typed_name(text, tokens)]
            for span in spans:
                if span is None or any(s < span.end and span.start < e for s, e in covered):
                    continue
                found.setdefault((span.start, span.end), span)
    return sorted(found.values(), key=lambda s: s.start)


def _name_like(token: Any) -> bool:
    """A proper noun, or a capitalized word that the tagger read as something else
    ("O’Donnell" as a noun, "From" as a preposition: "…,” From said"); at a sentence
    start only a noun the article never writes in lowercase ("Sanders said", not
    "Officials said" or "Many said")."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON" or not _NAME_WORD.match(token.text) or token.text.isupper():
        return False
    previous = token.doc[token.i - 1] if token.i else None
    if previous is not None and previous.text == '"':  # a straight mark closing a quotation
        return token.i > 1 and token.doc[token.i - 2].text in {",", "?", "!", "."}
    if previous is None or previous.text in {".", "!", "?", "“"} or previous.is_space:
        # capitalized because it opens a sentence ("Sanders said", "Officials said",
        # "Many said"): a name only if read as a noun and never written in lowercase
        return token.pos_ == "NOUN" and not _written_lowercase(token.text, token.doc.text)
    return True


def _written_lowercase(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", text) is not None


def _word_after_inverted_cue(text: str, cue: Any) -> list[Any]:
    """ "“…,” said Doe, explaining …": the capitalized word right after a cue that follows
    a closing mark, ending the clause, whatever the parser made of it (often an adverb)."""
    if cue.i + 2 > len(cue.doc) or not _AFTER_CLOSING_MARK.search(
        text, max(0, cue.idx - 6), cue.idx
    ):
        return []
    word, following = cue.doc[cue.i + 1], cue.doc[cue.i + 2] if cue.i + 2 < len(cue.doc) else None
    if not _NAME_WORD.match(word.text) or word.pos_ == "PROPN" and word.dep_ in SUBJECT_DEPS:
        return []  # a subject is handled as one
    return [word] if following is None or following.text in {",", ".", ";"} else []


def _surname_and_full_name(
    text: str, surname: Any, quoted: list[tuple[int, int]]
) -> list[Span | None]:
    """The first "Given Surname" of the article outside quotations, as a person, and the
    surname at the cue; nothing when the article never gives a full name."""
    pattern = re.compile(rf"\b[A-Z][\w’'-]+(?: [A-Z]\.)? {re.escape(surname.text)}\b")
    for match in pattern.finditer(text):
        if _inside(match.start(), quoted) or match.start() == surname.idx:
            continue
        full = _typed_name_text(text, match.start(), match.end())
        if full is not None:
            end = surname.idx + len(surname.text)
            return [full, Span(surname.idx, end, "PERSON")]
    return []


def _inside(index: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in ranges)


def _name_tokens(head: Any) -> list[Any]:
    """The head and the contiguous name words before it that hang from it."""
    tokens = [head]
    i = head.i - 1
    while i >= head.sent.start:
        word = head.doc[i]
        in_name = word.dep_ in NAME_DEPS and (word.pos_ == "PROPN" or word.lower_ in PARTICLES)
        if not in_name or not (word.head == head or word.head in tokens):
            break
        tokens.insert(0, word)
        i -= 1
    return tokens


def _typed_name(text: str, tokens: list[Any]) -> Span | None:
    if tokens[-1].tag_ == "NNPS":
        return None  # a plural ("the Founding Fathers said") names a group, not one speaker
    return _typed_name_text(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _typed_name_text(text: str, start: int, end: int) -> Span | None:
    words = text[start:end].split()
    if ORG_HEAD.match(words[-1]):
        if len(words) >= 2 and all(_NAME_WORD.match(w) or w in {"of", "and", "for"} for w in words):
            return Span(start, end, "ORG")
        return None
    span = normalize_span(Span(start, end, "PERSON"), text)  # drops titles ("Mayor")
    if span is None or is_title(span.text(text)):
        return None
    words = span.text(text).split()
    capitalized = [w for w in words if _NAME_WORD.match(w)]
    if not 2 <= len(words) <= 4 or len(capitalized) + _particles(words) != len(words):
        return None
    if len(capitalized) < (1 if _particles(words) else 2):
        return None  # "de Blasio" is a name; "Whitfield" alone is left to surname linking
    if any(NOT_A_PERSON_WORD.match(w) or is_title(w) for w in words):
        return None
    return span


def _particles(words: list[str]) -> int:
    return sum(w in PARTICLES for w in words)

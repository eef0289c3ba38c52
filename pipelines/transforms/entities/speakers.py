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
gives a full name ending with it ("Ann Ebeling"): both become mentions. Two text
patterns hold whatever the parser made of them: name words alone between a
closing mark and the cue ("“…,” Conway notes."), and the name ending a short
inverted clause after lowercase role words ("“…,” said Oversight ranking Democrat
Elijah Cummings (D-Md.)."); a party, place or organization entity before a name is
a title, and a name of several words the model read as a group (NORP) can still be
a speaker. Not here: which quotation the speaker said (``quotes/``).
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
from pipelines.transforms.quotes.cues import cues_of
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
_MAX_NAME_WORDS = 4
_CLAUSE_WORDS = 8
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
    # ("Twitter's Adam Sharp" as a WORK_OF_ART) is still missed, and so is a name of
    # several words read as a group ("stated Roman Smbatyan", NORP): a group does not
    # speak as one named subject.
    covered = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in PUBLISHED_LABELS and not (e.label_ == "NORP" and len(e) > 1)
    ]
    found: dict[tuple[int, int], Span] = {}
    for token in cues_of(doc):
        if _inside(token.idx, quoted):
            continue
        for tokens in _subject_names(text, token):
            if _inside(tokens[0].idx, quoted):
                continue
            if len(tokens) == 1:  # "Ebeling said": a surname, if the article gives the full name
                spans = _surname_and_full_name(text, tokens[0], quoted)
            else:
                spans = [_typed_name(text, tokens)]
            for span in spans:
                if span is None or any(s < span.end and span.start < e for s, e in covered):
                    continue
                found.setdefault((span.start, span.end), span)
    return sorted(found.values(), key=lambda s: s.start)


def _subject_names(text: str, cue: Any) -> list[list[Any]]:
    """The name words that may be the cue's subject: its parsed subjects that look
    like names, the word right after an inverted cue, and two plain text patterns
    whatever the parser made of them: "“…,” Conway notes." (only name words between
    the closing mark and the cue) and "“…,” said Oversight ranking Democrat Elijah
    Cummings (D-Md.)." (the name ending the inverted clause)."""
    names = [
        _without_leading_entity(_name_tokens(c))
        for c in cue.children
        if c.dep_ in SUBJECT_DEPS and _name_like(c, text)
    ]
    names += [[word] for word in _word_after_inverted_cue(text, cue)]
    for found in (_name_between_mark_and_cue(text, cue), name_ending_inverted_clause(text, cue)):
        if found and all(found[-1].i != n[-1].i for n in names):
            names.append(found)
    return names


def _name_between_mark_and_cue(text: str, cue: Any) -> list[Any]:
    """ "“…,” Conway notes.": one to four name words between a closing mark and the cue."""
    words: list[Any] = []
    i = cue.i - 1
    while i >= 0 and len(words) <= _MAX_NAME_WORDS and cue.doc[i].text not in {'"', "”"}:
        words.insert(0, cue.doc[i])
        i -= 1
    if (
        i < 1
        or not 1 <= len(words) <= _MAX_NAME_WORDS
        or cue.doc[i - 1].text not in {",", "?", "!"}
    ):
        return []
    if not all(_NAME_WORD.match(w.text) or w.lower_ in PARTICLES for w in words):
        return []
    return words if len(words) > 1 or _name_like(words[0], text) else []


def name_ending_inverted_clause(text: str, cue: Any) -> list[Any]:
    """ "“…,” said Oversight ranking Democrat Elijah Cummings (D-Md.).": after a cue
    right after a closing mark, a clause of at most eight words without a verb or a
    preposition other than "of" that ends (at a comma, a period, a semicolon or a
    bracket) in a run of name words; party, place and organization words that open
    the run are titles, not the name."""
    if not _AFTER_CLOSING_MARK.search(text, max(0, cue.idx - 6), cue.idx):
        return []
    clause: list[Any] = []
    for token in cue.doc[cue.i + 1 : cue.i + 2 + _CLAUSE_WORDS]:
        if token.text in {",", ".", ";", "("} or token.is_space:
            break
        clause.append(token)
    else:
        return []
    if not clause or any(
        t.pos_ in {"VERB", "AUX", "PRON"}
        and t.tag_ != "VBG"
        or t.pos_ == "ADP"
        and t.lower_ != "of"
        for t in clause
    ):
        return []
    run: list[Any] = []
    for token in reversed(clause):
        if not (_NAME_WORD.match(token.text) or token.lower_ in PARTICLES and run):
            break
        run.insert(0, token)
    while run and is_title(run[0].text):
        run = run[1:]
    return _without_leading_entity(run)


def _without_leading_entity(tokens: list[Any]) -> list[Any]:
    """ "Democrat" in "Democrat Elijah Cummings": a party, place or organization
    entity of its own before the name, not the start of one entity that runs to it."""
    while (
        len(tokens) > 1
        and tokens[0].ent_type_ in {"NORP", "ORG", "GPE"}
        and any(t.ent_iob_ != "I" for t in tokens[1:])
    ):
        tokens = tokens[1:]
    return tokens


def _name_like(token: Any, text: str) -> bool:
    """A proper noun, or a capitalized word that the tagger read as something else
    ("O’Donnell" as a noun, "From" as a preposition: "…,” From said"); at a sentence
    start only a noun the article (``text``, the parsed text: ``Doc.text`` rebuilds
    it from every token on each call) never writes in lowercase ("Sanders said", not
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
        return token.pos_ == "NOUN" and not _written_lowercase(token.text, text)
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

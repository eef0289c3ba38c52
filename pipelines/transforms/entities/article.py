"""Resolving entity mentions within one article.

Belongs here: the order of the article's resolution steps (span repair and
correction, register matches, headings, overlaps), merging model spans with
register matches, discarding names read from title-case headings, and
acronym definitions ("Immigration and Customs Enforcement (ICE)", "ICE
[Immigration and Customs Enforcement]"). People's short names live in
``people.py``, other name rules in ``names.py``.
"""

from __future__ import annotations

import re

from pipelines.transforms.entities.boundaries import join_nicknames, repair_span, without_nickname
from pipelines.transforms.entities.mention import Mention
from pipelines.transforms.entities.names import (
    in_state_context,
    is_dateline,
    resolve_group_plurals,
    resolve_partial_names,
)
from pipelines.transforms.entities.people import resolve_short_names
from pipelines.transforms.entities.register import Register, RegisterEntry
from pipelines.transforms.entities.spans import Span, normalize_span

_ACRONYM_AFTER = re.compile(
    r"((?:[A-Z][\w.’'&-]*\s+)(?:(?:[A-Z][\w.’'&-]*|of|and|for|the|on)"
    r"\s+){0,8}[A-Z][\w.’'&-]*)\s*[(\[]([A-Z][A-Za-z]{1,9})[)\]]"
)
_ACRONYM_BEFORE = re.compile(
    r"\b([A-Z][A-Z]{1,9})\s*[(\[]((?:[A-Z][\w.’'&-]*\s+)(?:(?:[A-Z]"
    r"[\w.’'&-]*|of|and|for|the|on)\s+){0,8}[A-Z][\w.’'&-]*)[)\]]"
)
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "on", "&"})
_WORD_RUN = re.compile(r"[\w’'-]+")  # found left to right, each match is a maximal run
_TERMINAL = (".", "!", "?", ":", ";", "”", '"')


def acronym_matches(acronym: str, long_form: str) -> bool:
    """True when ``acronym`` is built from initials of ``long_form``'s words, in order.

    The first letter must be the initial of the first main word (a leading
    "U.S." may be skipped); the other letters must be initials of later words,
    in order ("DOB" for "Department of Buildings" uses the "of").
    """
    words = [w for w in re.split(r"[\s-]+", long_form) if w]
    if words and words[0] in {"U.S.", "US"} and not acronym.upper().startswith("U"):
        words = words[1:]
    while words and words[0] in _MINOR_WORDS:
        words = words[1:]
    initials = [w[0].upper() for w in words]
    letters = list(acronym.upper())
    if not initials or not letters or initials[0] != letters[0]:
        return False
    position = 1
    for letter in letters[1:]:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in the text, mapped to their long form (initials must match)."""
    found: dict[str, str] = {}
    for pattern, acronym_group, long_group in ((_ACRONYM_AFTER, 2, 1), (_ACRONYM_BEFORE, 1, 2)):
        for match in pattern.finditer(text):
            acronym, long_form = match.group(acronym_group), match.group(long_group).strip()
            long_form = re.sub(r"^(?:The|the)\s+", "", long_form)
            # The long form may start with unrelated capitalized words: keep the shortest
            # suffix of whole words that still matches the acronym.
            words = long_form.split()
            for cut in range(len(words) - 1, -1, -1):
                candidate = " ".join(words[cut:])
                if candidate.split()[0] not in _MINOR_WORDS and acronym_matches(acronym, candidate):
                    found.setdefault(acronym, candidate)
                    break
    return found


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case heading paragraphs (short, unpunctuated, capitalized)."""
    ranges = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0).strip()
        words = re.findall(r"[A-Za-z][\w’'-]*", line)
        content = [
            w
            for w in words
            if w.lower() not in _MINOR_WORDS | {"a", "an", "with", "under", "among", "in"}
        ]
        if (
            content
            and len(words) <= 14
            and not line.endswith(_TERMINAL)
            and sum(w[0].isupper() for w in content) / len(content) >= 0.8
        ):
            ranges.append((match.start(), match.end()))
    return ranges


def resolve_article(
    text: str,
    model_spans: list[Span],
    register: Register,
    corpus_acronyms: dict[str, str] | None = None,
    speaker_spans: list[Span] | None = None,
) -> list[Mention]:
    """Resolve one article's mentions to canonical names and types.

    Args:
        text: The article text.
        model_spans: The NER model's spans.
        register: The curated register.
        corpus_acronyms: Acronyms defined elsewhere in the corpus (used when the
            article does not define them itself).
        speaker_spans: Speakers the model missed (already typed and normalized); their
            mentions have no model label.
    """
    headings = heading_ranges(text)
    body = _mask(text, headings)
    words = set(_WORD_RUN.findall(text))  # every word of the article, as written
    lowercase: dict[tuple[str, str], bool] = {}  # a surface is tested once per article
    candidates: list[tuple[Span, RegisterEntry | None, str | None]] = []
    pieces = [
        (piece, raw.label)
        for raw in join_nicknames(model_spans, text)
        for piece in repair_span(raw, text)
    ]
    for piece, model_label in pieces:
        span = normalize_span(piece, text)
        if span is None:
            continue
        surface = span.text(text)
        entry = _state_entry(span, register.lookup(surface), text, register)
        if (
            entry is None
            and _inside(span, headings)
            and not re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", body)
        ):
            continue  # capitalized only because it is in a heading
        if entry is None:
            key = (surface, span.label)
            if key not in lowercase:
                lowercase[key] = _written_lowercase(surface, text, span.label, words)
            if lowercase[key]:
                continue  # a common word or phrase, capitalized ("Artificial Intelligence")
        if span.label == "GPE" and is_dateline(span.start, span.end, text):
            continue
        if span.label == "NORP" and _names_a_language(span, text):
            continue  # "speaks Spanish", "in Arabic": a language, which is not published
        candidates.append((span, entry, model_label))
    candidates.extend(
        (span, _state_entry(span, entry, text, register), None)
        for span, entry in register.find(text)
    )
    candidates.extend(
        (span, register.lookup(span.text(text)), None)
        for span in speaker_spans or []
        if not _inside(span, headings)
    )
    chosen = _without_overlaps(candidates)
    acronyms = {**(corpus_acronyms or {}), **acronym_definitions(text)}
    mentions = [
        _name_mention(span, entry, label, text, register, acronyms) for span, entry, label in chosen
    ]
    return resolve_group_plurals(resolve_partial_names(resolve_short_names(mentions, text), text))


def _state_entry(
    span: Span, entry: RegisterEntry | None, text: str, register: Register
) -> RegisterEntry | None:
    """The register's "<name> State" for a city-and-state name used as the state."""
    if entry is None or entry.type != "GPE":
        return entry
    state = register.lookup(f"{span.text(text)} State")
    if state is None or state is entry or not in_state_context(span.start, span.end, text):
        return entry
    return state


_SPEAKING_BEFORE = re.compile(
    r"\b(?:speak|speaks|spoke|spoken|speaking|learn|learns|learned|learning|teach|teaches|"
    r"taught|teaching|fluent in|language\s+[–—-])\s+$"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|from|than|besides)\s+$")
_LANGUAGE_AFTER = re.compile(
    r"^(?:\s+(?:language|languages|speakers?|learners?|words?|phrases?|translation)\b|-)"
)


def _names_a_language(span: Span, text: str) -> bool:
    """ "learning Spanish", "in Arabic.", "Spanish speakers", "Spanish-language": the
    demonym names a language here (when the model said NORP); "in Spanish cities" does
    not."""
    before = text[max(0, span.start - 20) : span.start]
    after = text[span.end : span.end + 12]
    if _LANGUAGE_AFTER.match(after) or _SPEAKING_BEFORE.search(before):
        return True
    following = after.lstrip()
    return bool(_PREPOSITION_BEFORE.search(before)) and not following[:1].islower()


def _written_lowercase(surface: str, text: str, label: str, words: set[str]) -> bool:
    """Whether the article also writes ``surface`` all in lowercase, as a common noun
    (a single word in its singular or plural too: "Soldiers" and "a soldier").
    ``words`` holds the article's words (maximal runs of ``_WORD_RUN``): a form made of
    word characters only is in the text between word boundaries exactly when it is
    one of them, so only other forms need a search of the text.

    A person's name counts only as one word that no capitalized word joins into a
    longer name anywhere in the article ("Move" and "move", but not "Rose" when
    "Jane Rose" is named)."""
    lower = surface.lower()
    if lower == surface or not re.search(r"[a-z]", lower):
        return False
    forms = {lower}
    if " " not in lower:
        forms |= {lower + "s", lower + "es"}
        forms |= {lower[:-1]} if lower.endswith("s") else set()
        forms |= {lower[:-2]} if lower.endswith("es") else set()
    elif label == "PERSON":
        return False
    if label == "PERSON":
        name = re.escape(surface)
        # a capitalized word before it that does not merely open a sentence ("Then")
        joined = rf"(?:^|(?<=[\w,;] ))[A-Z][\w’'.-]*\s+{name}(?![\w’'-])|(?<![\w’'-]){name}\s+[A-Z]"
        if re.search(joined, text, re.MULTILINE):
            return False
    return any(
        form in words
        if _WORD_RUN.fullmatch(form)
        else re.search(rf"(?<![\w’'-]){re.escape(form)}(?![\w’'-])", text) is not None
        for form in forms
        if len(form) > 2
    )


def _mask(text: str, ranges: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in ranges)


def _without_overlaps(
    candidates: list[tuple[Span, RegisterEntry | None, str | None]],
) -> list[tuple[Span, RegisterEntry | None, str | None]]:
    """Keep the longest of overlapping spans; on equal length, the register's."""
    ranked = sorted(
        candidates, key=lambda c: (-(c[0].end - c[0].start), c[2] is not None, c[0].start)
    )
    kept: list[tuple[Span, RegisterEntry | None, str | None]] = []
    for candidate in ranked:
        span = candidate[0]
        if all(span.end <= other[0].start or span.start >= other[0].end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c[0].start)


def _name_mention(
    span: Span,
    entry: RegisterEntry | None,
    label: str | None,
    text: str,
    register: Register,
    acronyms: dict[str, str],
) -> Mention:
    surface = span.text(text)
    if entry is not None:
        return Mention(
            span.start, span.end, label, entry.canonical_name, entry.type, "register", entry
        )
    long_form = acronyms.get(surface)
    if long_form is not None:
        linked = register.lookup(long_form)
        if linked is not None:
            return Mention(
                span.start, span.end, label, linked.canonical_name, linked.type, "acronym", linked
            )
        return Mention(span.start, span.end, label, long_form, span.label, "acronym")
    name = without_nickname(surface) if span.label == "PERSON" else surface
    name = re.sub(r"[\[\]]", "", name)  # "Steve [Witkoff]": an editor's brackets
    return Mention(span.start, span.end, label, name, span.label, "name")

"""Finding direct quotations in double quotes, with exact offsets and a kind.

Offsets cover what stands between the marks; a trailing comma that only joins
the quote to its reporting clause ("…,” he said) is left out. Single quotes are
never quotation marks here, so apostrophes and nested ‘…’ stay inside.
A paragraph that opens a quote and does not close it continues into the next
paragraph when that one opens with a quote mark (news convention); otherwise
the quote ends at the paragraph end and is marked unclosed, so one stray mark
never swallows the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.transforms.text import WORD

OPENERS = frozenset('“"„«')
CLOSERS = frozenset('”"»')
FRAGMENT_MAX_WORDS = 4
_STANDALONE_BEFORE = re.compile(r"(?:^|[.!?:,;—–]|[.!?][”\"])\s*$")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: offsets into the article text, its kind and whether it closed."""

    start: int
    end: int
    kind: str
    is_closed: bool


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every direct quotation in ``text``, in order of appearance."""
    raw: list[tuple[int, int, bool]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        position = p_start
        if open_at is not None:  # a quote continued from the previous paragraph
            position = p_start + 1
        while position < p_end:
            char = text[position]
            if open_at is None and char in OPENERS:
                open_at = position + 1
            elif open_at is not None and char in CLOSERS:
                raw.append((open_at, position, True))
                open_at = None
            elif open_at is not None and char == "“":  # a new opener: previous never closed
                raw.append((open_at, position, False))
                open_at = position + 1
            position += 1
        if open_at is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is None or text[following[0]] not in OPENERS:
                raw.append((open_at, p_end, False))
                open_at = None
    quotes = []
    for start, end, closed in raw:
        start, end = _trim(text, start, end)
        if end > start and WORD.search(text[start:end]):
            quotes.append(QuoteSpan(start, end, quote_kind(text, start, end), closed))
    return quotes


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def quote_kind(text: str, start: int, end: int) -> str:
    """``full``, ``partial``, ``fragment`` or ``title``.

    A ``title`` is a name in quotation marks, not speech: right after a naming
    word ("named", "titled", "dubbed", "known as", "the word"), a title-case name
    after a work or group noun ("the book “Speaking of Speech”"), or a nickname
    inside a person's name (Bruce A. “Orville” Wright).

    A quotation that stands on its own (at a paragraph start, or after a
    sentence end, colon or comma) is ``full``; one embedded in a reported
    sentence is ``partial``; one of at most four words that does not stand on
    its own as a capitalized sentence is a ``fragment`` (scare quotes included).
    """
    body = text[start:end]
    words = WORD.findall(body)
    before = text[max(0, text.rfind("\n", 0, start) + 1) : start].rstrip('“"„« ')
    if _is_title(body, words, before, text[end : end + 4]):
        return "title"
    standalone = bool(_STANDALONE_BEFORE.search(before))
    if len(words) <= FRAGMENT_MAX_WORDS and not (standalone and body[:1].isupper()):
        return "fragment"
    return "full" if standalone else "partial"


def _is_title(body: str, words: list[str], before: str, after: str) -> bool:
    if len(words) > _TITLE_MAX_WORDS or not words or not words[0][:1].isupper():
        return False  # names are capitalized: the word “garage” is a speaker's word
    if _NAMING_WORD.search(before):
        return True
    title_case = all(w[:1].isupper() or w.lower() in _MINOR for w in words) and not re.search(
        r"[.!?]$", body.rstrip(",")
    )
    if not title_case:
        return False
    if _WORK_NOUN.search(before):
        return True
    # a nickname between the parts of a name: Bruce A. “Orville” Wright
    return bool(_NAME_PART_BEFORE.search(before)) and bool(re.match(r"[”\"]\s[A-Z]", after))


_TITLE_MAX_WORDS = 8
_MINOR = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "vs"})
_NAMING_WORD = re.compile(
    r"\b(?:named|labell?ed|titled|entitled|dubbed|nicknamed|christened|headlined|known as"
    r"|the (?:term|word|phrase|name|slogan|hashtag|title))\s*,?\s*$",
    re.IGNORECASE,
)
_WORK_NOUN = re.compile(
    r"\b(?:book|film|movie|show|series|song|album|website|site|play|documentary|programm?e"
    r"|podcast|newsletter|column|blog|operation|group|team|robot|section|exercise|magazine"
    r"|novel|poem|painting|exhibition|app)['’]?s?,?\s*$",
    re.IGNORECASE,
)
_NAME_PART_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?(?:\s[A-Z]\.)?$")

"""Character-level text normalization and paragraph splitting.

Belongs here: Unicode normalization, removal of invisible characters, whitespace
and line-ending rules, and splitting text into paragraphs. Nothing here knows
about headlines, dates or boilerplate (see ``clean.py``).
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and other invisible format characters that carry no text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064]")
# C0/C1 controls except tab and newline; lone surrogates (from JSON "\ud800").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
# A word: letters or digits, with inner apostrophes ("don’t"). The one definition.
WORD_PATTERN = r"\w+(?:['’]\w+)*"
WORD = re.compile(WORD_PATTERN)


def normalize_characters(text: str) -> str:
    """Return ``text`` in NFC with invisible/control characters removed.

    Line endings become ``\\n`` (CRLF, CR, and the Unicode line/paragraph
    separators); runs of horizontal whitespace become one space. Typographic
    quotes, apostrophes and dashes are kept as written.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text)


def split_paragraphs(text: str) -> list[str]:
    """Split normalized text into paragraphs.

    Blank lines separate paragraphs. A text with no blank line at all but
    several lines uses one line per paragraph (a common export format); in a
    text that does use blank lines, single line breaks inside a block are
    hard wraps and are joined with a space.
    """
    text = text.strip()
    if not text:
        return []
    if _BLANK_LINES.search(text):
        blocks = _BLANK_LINES.split(text)
        paragraphs = [
            " ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks
        ]
    else:
        paragraphs = [line.strip() for line in text.split("\n")]
    return [p for p in paragraphs if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with one blank line between them (the published form)."""
    return "\n\n".join(paragraphs)


def words(text: str) -> list[str]:
    """Return the words of ``text`` (letters/digits, with inner apostrophes)."""
    return WORD.findall(text)


def fold(text: str) -> str:
    """Fold text for comparisons: casefold, words only, single spaces."""
    return " ".join(words(text.casefold()))

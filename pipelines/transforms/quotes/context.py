"""What attribution reads for one article: its text, parse, quotations and mentions.

Belongs here: ``EntityMention`` and ``QuoteContext``, the questions every
attribution rule asks of the text (is this offset inside a quotation? which
paragraph? which tokens start in a range? where does the sentence around a
quotation begin and end, outside quotations?). Not here: who the speaker is
(``subjects.py``) or which rule applies (``attribution.py``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from pipelines.transforms.quotes.cues import sentence_end
from pipelines.transforms.quotes.spans import QuoteSpan

TERMINAL = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True)
class EntityMention:
    """An entity mention in the article (from ``entity_mentions`` joined to ``entities``)."""

    start: int
    end: int
    entity_id: str
    name: str
    type: str


class QuoteContext:
    """One article's text, spaCy parse, quotations and entity mentions (outside quotes)."""

    def __init__(
        self, text: str, doc: Any, quotes: list[QuoteSpan], mentions: list[EntityMention]
    ) -> None:
        self.text, self.doc, self.quotes = text, doc, quotes
        self._opens = [q.start - 1 for q in quotes]
        self._antecedents: list[EntityMention] | None = None
        self.mentions = [m for m in mentions if not self.quoted(m.start)]

    def tokens(self, start: int, end: int) -> Any:
        """The tokens that start in ``[start, end)``, without walking the whole doc."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        return [] if span is None else [t for t in span if start <= t.idx < end]

    def quoted(self, index: int) -> bool:
        """Inside a quotation or on its marks (quotations are sorted and never overlap)."""
        at = bisect.bisect_right(self._opens, index) - 1
        return at >= 0 and index < self.quotes[at].end + 1

    def paragraph(self, index: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, index) + 1
        end = self.text.find("\n", index)
        return start, len(self.text) if end < 0 else end

    def window(self, start: int, end: int) -> tuple[int, int]:
        """From the sentence end before ``start`` to the one after ``end`` (outside quotes)."""
        p_start, p_end = self.paragraph(start)
        left = p_start
        for match in TERMINAL.finditer(self.text, p_start, start):
            if not self.quoted(match.start()) and sentence_end(self.text, match.start()):
                left = match.end()
        right = p_end
        if self.text[end - 1 : end] == ".":
            return left, min(end + 1, p_end)  # the quote's own sentence ends with it
        # after "?" or "!" the sentence may go on: "“Why now?” she asked."
        for match in TERMINAL.finditer(self.text, end, p_end):
            if not self.quoted(match.start()) and sentence_end(self.text, match.start()):
                right = match.end()
                break
        return left, right

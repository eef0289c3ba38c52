"""Attributing quotations to speakers with a dependency parse.

For each quotation the reporting clause is searched in its own sentence
window (text outside any quotation, between the sentence ends around it):
the nearest reporting verb ("said", "told", "explained", "according to" …) is
the ``cue``; its grammatical subject, found directly or through the clause it
hangs from ("…, stating, “…”"), is the speaker when it lies on an entity
mention. A pronoun subject resolves to the nearest preceding person who is the
main subject of a sentence; "the agency" and similar nouns to the nearest
preceding organization. A lead-in ending with a colon supplies the cue when
the quote's own sentence has none; a quotation paragraph with no cue continues
the speaker of the previous paragraph. Anything else has no speaker: never a
guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipelines.transforms.quotes.spans import QuoteSpan

CUE_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "explain",
        "state",
        "claim",
        "conclude",
        "vow",
        "warn",
        "ask",
        "write",
        "post",
        "describe",
        "insist",
        "argue",
        "note",
        "declare",
        "announce",
        "reply",
        "respond",
        "recall",
        "admit",
        "acknowledge",
        "suggest",
        "promise",
        "pledge",
        "emphasize",
        "stress",
        "tweet",
        "testify",
        "urge",
        "encourage",
        "articulate",
        "predict",
        "complain",
        "confirm",
        "deny",
        "caution",
        "contend",
        "maintain",
        "remark",
        "continue",
        "shout",
        "whisper",
        "scream",
        "joke",
        "boast",
        "concede",
        "counter",
        "lament",
        "quip",
        "assert",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
ORG_NOUNS = frozenset(
    {
        "agency",
        "department",
        "office",
        "company",
        "group",
        "organization",
        "organisation",
        "union",
        "administration",
        "ministry",
        "council",
        "committee",
        "campaign",
        "firm",
        "bureau",
        "authority",
        "coalition",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "parataxis"})
_TERMINAL = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True)
class EntityMention:
    """An entity mention in the article (from ``entity_mentions`` joined to ``entities``)."""

    start: int
    end: int
    entity_id: str
    name: str
    type: str


@dataclass(frozen=True)
class Attribution:
    """Who said a quotation, by which cue, found how."""

    speaker: EntityMention | None
    cue: str | None
    method: str  # explicit, pronoun, continuation, colon, none


NONE = Attribution(None, None, "none")


def attribute_quotes(
    text: str, doc: Any, quotes: list[QuoteSpan], mentions: list[EntityMention]
) -> list[Attribution]:
    """Attribute every quotation of one article (``doc`` is its spaCy parse)."""
    context = _Context(text, doc, quotes, mentions)
    results: list[Attribution] = []
    for quote in quotes:
        result = context.from_window(quote)
        if result.cue is None:
            result = (
                context.from_colon_lead_in(quote)
                or context.continuation(quote, list(zip(quotes, results, strict=False)))
                or result
            )
        results.append(result)
    return results


class _Context:
    def __init__(
        self, text: str, doc: Any, quotes: list[QuoteSpan], mentions: list[EntityMention]
    ) -> None:
        self.text, self.doc, self.quotes = text, doc, quotes
        self.mentions = [m for m in mentions if not self._quoted(m.start)]

    def _quoted(self, index: int) -> bool:
        return any(q.start - 1 <= index < q.end + 1 for q in self.quotes)

    def _paragraph(self, index: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, index) + 1
        end = self.text.find("\n", index)
        return start, len(self.text) if end < 0 else end

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """From the sentence end before ``start`` to the one after ``end`` (outside quotes)."""
        p_start, p_end = self._paragraph(start)
        left = p_start
        for match in _TERMINAL.finditer(self.text, p_start, start):
            if not self._quoted(match.start()):
                left = match.end()
        right = p_end
        if self.text[end - 1 : end] in {".", "!", "?"}:
            return left, min(end + 1, p_end)  # the quote's own sentence ends with it
        for match in _TERMINAL.finditer(self.text, end, p_end):
            if not self._quoted(match.start()):
                right = match.end()
                break
        return left, right

    def from_window(
        self, quote: QuoteSpan, window: tuple[int, int] | None = None, method: str | None = None
    ) -> Attribution:
        left, right = window or self._window(quote.start, quote.end)
        according = re.search(r"\baccording to\b", self.text[left:right])
        if according:
            after = left + according.end()
            named = [m for m in self.mentions if after <= m.start <= after + 40]
            if named:
                return Attribution(named[0], "according to", method or "explicit")
        cues = [
            t
            for t in self.doc
            if left <= t.idx < right
            and not self._quoted(t.idx)
            and t.pos_ in {"VERB", "AUX"}
            and t.lemma_.lower() in CUE_LEMMAS
        ]
        if not cues:
            return NONE
        cue = min(cues, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        speaker, how = self._speaker(cue)
        return Attribution(speaker, cue.text, method or how if speaker else method or "none")

    def _speaker(self, cue: Any) -> tuple[EntityMention | None, str]:
        verb = cue
        for _ in range(4):
            subjects = [
                c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self._quoted(c.idx)
            ]
            if subjects:
                return self._resolve_subject(subjects[0])
            if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
                break
            verb = verb.head
        return None, "none"

    def _resolve_subject(self, token: Any) -> tuple[EntityMention | None, str]:
        span_start = min(t.idx for t in token.subtree)
        span_end = max(t.idx + len(t) for t in token.subtree)
        on_token = [m for m in self.mentions if m.start <= token.idx < m.end]
        if on_token:
            return on_token[0], "explicit"
        lower = token.text.lower()
        if lower in PERSON_PRONOUNS:
            return self._antecedent(token.idx, "PERSON"), "pronoun"
        if lower in ORG_NOUNS:
            return self._antecedent(token.idx, "ORG"), "explicit"
        inside = [
            m
            for m in self.mentions
            if span_start <= m.start and m.end <= span_end and m.type in {"PERSON", "ORG"}
        ]
        return (inside[0], "explicit") if len(inside) == 1 else (None, "none")

    def _antecedent(self, before: int, kind: str) -> EntityMention | None:
        """The nearest preceding ``kind`` mention that is a sentence's main subject,
        else one that is any subject, else the nearest one."""
        candidates = [m for m in self.mentions if m.type == kind and m.end <= before]
        if not candidates:
            return None
        ranked: dict[str, list[EntityMention]] = {"main": [], "subject": []}
        for mention in candidates:
            role = self._subject_role(mention)
            if role:
                ranked[role].append(mention)
        for role in ("main", "subject"):
            if ranked[role]:
                return ranked[role][-1]
        return candidates[-1]

    def _subject_role(self, mention: EntityMention) -> str | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        if root.dep_ not in SUBJECT_DEPS:
            return None
        head = root.head
        main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
        return "main" if main else "subject"

    def from_colon_lead_in(self, quote: QuoteSpan) -> Attribution | None:
        before = self.text[: quote.start].rstrip(' “"\n')
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        left, _ = self._window(colon, colon)
        result = self.from_window(quote, (left, colon), method="colon")
        if result.speaker is None:
            possessive = re.search(r"\b(?:his|her)\b", self.text[left:colon], re.IGNORECASE)
            if possessive:
                speaker = self._antecedent(left + possessive.start(), "PERSON")
                return Attribution(speaker, None, "colon") if speaker else None
        return result if result.speaker else None

    def continuation(
        self, quote: QuoteSpan, earlier: list[tuple[QuoteSpan, Attribution]]
    ) -> Attribution | None:
        p_start, _ = self._paragraph(quote.start)
        if quote.start - p_start > 1 or p_start == 0:
            return None  # only a quotation that opens its paragraph continues
        prev_start, prev_end = self._paragraph(p_start - 2)
        previous = [a for q, a in earlier if prev_start <= q.start < prev_end]
        if previous:
            last = previous[-1]
            return Attribution(last.speaker, None, "continuation") if last.speaker else None
        for cue in reversed(
            [
                t
                for t in self.doc
                if prev_start <= t.idx < prev_end
                and t.lemma_.lower() in CUE_LEMMAS
                and t.pos_ == "VERB"
            ]
        ):
            speaker, _ = self._speaker(cue)
            if speaker is not None:
                return Attribution(speaker, None, "continuation")
        return None

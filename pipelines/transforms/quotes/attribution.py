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

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from pipelines.transforms.quotes.cues import is_cue, sentence_end
from pipelines.transforms.quotes.lexicon import (
    INDEFINITES,
    ORG_NOUNS,
    PERSON_PRONOUNS,
)
from pipelines.transforms.quotes.spans import QuoteSpan

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "parataxis"})
_TERMINAL = re.compile(r"[.!?](?=\s|$)")
_INTERRUPTION_CHARS = 200
_LABEL_WORDS = 12
_INVERTED_CHARS = 60
_EVENT_PARAGRAPHS = 3  # how far back a bare lead-in line looks for who spoke
_DESCRIPTION_WORDS = 12
# Capitalized title words, abbreviations and initials between a cue and a name.
_TITLES_ONLY = re.compile(r"(?:\s*(?:[A-Z][\w’'.-]*|\([A-Z][\w.]*\)|of|the|for|and))*\s*")


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
    description: str | None = None  # "the officer": the speaker as described, when unnamed


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
                context.interrupted(quote, list(zip(quotes, results, strict=False)))
                or context.from_colon_lead_in(quote)
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
        self._opens = [q.start - 1 for q in quotes]
        self._antecedents: list[EntityMention] | None = None
        self.mentions = [m for m in mentions if not self._quoted(m.start)]

    def _tokens(self, start: int, end: int) -> Any:
        """The tokens that start in ``[start, end)``, without walking the whole doc."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        return [] if span is None else [t for t in span if start <= t.idx < end]

    def _quoted(self, index: int) -> bool:
        """Inside a quotation or on its marks (quotations are sorted and never overlap)."""
        at = bisect.bisect_right(self._opens, index) - 1
        return at >= 0 and index < self.quotes[at].end + 1

    def _paragraph(self, index: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, index) + 1
        end = self.text.find("\n", index)
        return start, len(self.text) if end < 0 else end

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """From the sentence end before ``start`` to the one after ``end`` (outside quotes)."""
        p_start, p_end = self._paragraph(start)
        left = p_start
        for match in _TERMINAL.finditer(self.text, p_start, start):
            if not self._quoted(match.start()) and sentence_end(self.text, match.start()):
                left = match.end()
        right = p_end
        if self.text[end - 1 : end] == ".":
            return left, min(end + 1, p_end)  # the quote's own sentence ends with it
        # after "?" or "!" the sentence may go on: "“Why now?” she asked."
        for match in _TERMINAL.finditer(self.text, end, p_end):
            if not self._quoted(match.start()) and sentence_end(self.text, match.start()):
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
        cues = [t for t in self._tokens(left, right) if not self._quoted(t.idx) and is_cue(t)]
        if not cues:
            return NONE
        cue = min(cues, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        speaker, how = self._speaker(cue)
        if speaker is None:
            return Attribution(None, cue.text, method or "none", self._description(cue))
        return Attribution(speaker, cue.text, method or how)

    def _description(self, cue: Any) -> str | None:
        """The cue's subject when it describes rather than names ("the officer", "a
        spokeswoman for the company"): a common noun phrase outside quotations."""
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or subjects[0].pos_ != "NOUN" or self._quoted(subjects[0].idx):
            return None
        tokens = sorted(subjects[0].subtree, key=lambda t: t.i)
        if len(tokens) > _DESCRIPTION_WORDS or any(self._quoted(t.idx) for t in tokens):
            return None
        phrase = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        return phrase if "\n" not in phrase else None

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
        return self._inverted_name(cue), "explicit"

    def _inverted_name(self, cue: Any) -> EntityMention | None:
        """ "…,” said Deputy Director Jane Doe of the agency: the parser gave the cue no
        subject, but a person or organization follows it, only titles between."""
        after = cue.idx + len(cue.text)
        for mention in self.mentions:
            if mention.start < after or mention.type not in {"PERSON", "ORG"}:
                continue
            between = self.text[after : mention.start]
            if len(between) <= _INVERTED_CHARS and _TITLES_ONLY.fullmatch(between):
                return mention
            break
        return None

    def _resolve_subject(self, token: Any) -> tuple[EntityMention | None, str]:
        span_start = min(t.idx for t in token.subtree)
        span_end = max(t.idx + len(t) for t in token.subtree)
        if any(c.dep_ in {"det", "nummod"} and c.lower_ in INDEFINITES for c in token.children):
            return None, "none"  # "one Democrat familiar with…", "a spokesman": a description
        on_token = [m for m in self.mentions if m.start <= token.idx < m.end]
        if on_token:
            if on_token[0].type == "NORP":
                return None, "none"  # a group word ("Democrats") is nobody in particular
            return on_token[0], "explicit"
        if token.pos_ == "PROPN":
            named = self._by_last_name(token.text)
            if named:
                return named, "explicit"
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

    def _by_last_name(self, word: str) -> EntityMention | None:
        """A name NER missed at the attribution ("Doe said") that is the last word of
        exactly one person (or organization) named elsewhere in the article."""
        for kind in ("PERSON", "ORG"):
            found = {m.entity_id: m for m in self.mentions if m.type == kind}
            matches = [m for m in found.values() if m.name.split()[-1] == word]
            if len(matches) == 1:
                return matches[0]
            if matches:
                return None
        return None

    def _with_surname_subjects(self) -> list[EntityMention]:
        """The mentions, plus subjects NER missed that are a named person's surname
        ("Ibrahim shared…" after "Michael Ibrahim"), in text order; computed once."""
        if self._antecedents is None:
            found = list(self.mentions)
            for token in self.doc:
                if token.dep_ not in SUBJECT_DEPS or token.pos_ != "PROPN":
                    continue
                if self._quoted(token.idx) or any(
                    m.start <= token.idx < m.end for m in self.mentions
                ):
                    continue
                named = self._by_last_name(token.text)
                if named is not None and named.type == "PERSON":
                    end = token.idx + len(token.text)
                    found.append(replace(named, start=token.idx, end=end))
            self._antecedents = sorted(found, key=lambda m: m.start)
        return self._antecedents

    def _antecedent(self, before: int, kind: str) -> EntityMention | None:
        """The nearest preceding ``kind`` mention that is a sentence's main subject,
        else one that is any subject, else the nearest one."""
        candidates = [
            m for m in self._with_surname_subjects() if m.type == kind and m.end <= before
        ]
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

    def interrupted(
        self, quote: QuoteSpan, earlier: list[tuple[QuoteSpan, Attribution]]
    ) -> Attribution | None:
        """The second part of a quotation split by its attribution in one paragraph
        ("“…,” said Doe. “…”") shares the first part's speaker."""
        if not earlier or earlier[-1][1].speaker is None:
            return None
        previous, attribution = earlier[-1]
        between = self.text[previous.end : quote.start]
        if "\n" in between or len(between) > _INTERRUPTION_CHARS:
            return None
        ends = [m for m in _TERMINAL.finditer(between) if sentence_end(between, m.start())]
        if len(ends) > 1 or self._own_clause_follows(quote):
            return None
        return attribution

    def _own_clause_follows(self, quote: QuoteSpan) -> bool:
        """A verb after the quotation in its own sentence ("“…?” Doe repeated."): the
        quotation has an attribution of its own, even one the lexicon does not know.
        A quotation ending with a period ends its sentence: what follows is not its."""
        if self.text[quote.end - 1 : quote.end] == ".":
            return False
        _, right = self._paragraph(quote.end)
        for match in _TERMINAL.finditer(self.text, quote.end + 1, right):
            if not self._quoted(match.start()) and sentence_end(self.text, match.start()):
                right = match.start()
                break
        return any(
            t.pos_ == "VERB" and not self._quoted(t.idx) for t in self._tokens(quote.end, right)
        )

    def from_label(self, quote: QuoteSpan, colon: int) -> Attribution | None:
        """A short verbless label before a colon ("Gov. Jane Doe (D-Ohio): “…”") names
        the speaker when it holds one person (or, with no person, one organization)."""
        p_start, _ = self._paragraph(colon)
        label = list(self._tokens(p_start, colon))
        if not label or len(label) > _LABEL_WORDS or any(t.pos_ == "VERB" for t in label):
            return None
        inside = [m for m in self.mentions if p_start <= m.start and m.end <= colon]
        for kind in ("PERSON", "ORG"):
            named = {m.entity_id: m for m in inside if m.type == kind}
            if len(named) == 1:
                return Attribution(next(iter(named.values())), ":", "colon")
            if named:
                return None  # several people: a joint label is nobody's alone
        return None

    def from_colon_lead_in(self, quote: QuoteSpan) -> Attribution | None:
        before = self.text[: quote.start].rstrip(' “"\n')
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        labelled = self.from_label(quote, colon)
        if labelled:
            return labelled
        left, _ = self._window(colon, colon)
        result = self.from_window(quote, (left, colon), method="colon")
        if result.speaker is None:
            possessive = re.search(r"\b(?:his|her)\b", self.text[left:colon], re.IGNORECASE)
            if possessive:
                speaker = self._antecedent(left + possessive.start(), "PERSON")
                return Attribution(speaker, None, "colon") if speaker else None
            if result.cue is None:
                return self._event_speaker(colon)
        return result if result.speaker else None

    def _event_speaker(self, colon: int) -> Attribution | None:
        """A bare lead-in line ("Here is what she said:") over a list of quotations: the
        person who spoke in the paragraphs just before it (the one "who delivered
        remarks"), when the line names nobody and only one person spoke there."""
        p_start, _ = self._paragraph(colon)
        line = self._tokens(p_start, colon)
        if not line or len(line) > _LABEL_WORDS or any(t.pos_ == "PROPN" for t in line):
            return None
        start = p_start
        for _ in range(_EVENT_PARAGRAPHS):
            if start <= 1:
                break
            start, _ = self._paragraph(start - 2)
        speakers = {
            speaker.entity_id: speaker
            for cue in self._tokens(start, p_start)
            if not self._quoted(cue.idx) and is_cue(cue)
            for speaker in [self._speaker(cue)[0]]
            if speaker is not None and speaker.type == "PERSON"
        }
        if len(speakers) != 1:
            return None
        return Attribution(next(iter(speakers.values())), None, "colon")

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
            [t for t in self._tokens(prev_start, prev_end) if not self._quoted(t.idx) and is_cue(t)]
        ):
            speaker, _ = self._speaker(cue)
            if speaker is not None:
                return Attribution(speaker, None, "continuation")
        return None

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

from pipelines.transforms.quotes.context import TERMINAL, EntityMention
from pipelines.transforms.quotes.cues import is_cue, sentence_end
from pipelines.transforms.quotes.spans import QuoteSpan
from pipelines.transforms.quotes.subjects import SUBJECT_DEPS, Subjects

__all__ = ["NONE", "Attribution", "EntityMention", "attribute_quotes"]

_INTERRUPTION_CHARS = 200
_CONTINUED_CHARS = 400  # at most this much text between two quotations of one speaker
_ATTRIBUTION_WORDS = 12  # "Doe, a spokeswoman for the agency, said.": a whole sentence
_CUE_WITHIN = 6  # the cue among the first words of that sentence
_SUBJECT_WORDS = 8  # the longest subject between a quotation and its cue ("the …")
_LABEL_WORDS = 12
_SENTENCE_CLOSED = re.compile(r"[.!?][”\"’']?$")  # a sentence (or a quoted one) ends here
_EVENT_PARAGRAPHS = 3  # how far back a bare lead-in line looks for who spoke


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
        if quote.kind == "title":
            results.append(NONE)  # a name in quotation marks is not speech
            continue
        result = context.from_window(quote)
        if result.cue is None:
            result = (
                context.interrupted(quote, list(zip(quotes, results, strict=False)))
                or context.from_colon_lead_in(quote)
                or context.continuation(quote, list(zip(quotes, results, strict=False)))
                or context.previous_sentence(quote)
                or context.from_saying(quote)
                or context.after_closing_period(quote)
                or result
            )
        results.append(result)
        if result.speaker is not None and result.speaker.type == "PERSON":
            context.last_speaker = (quote.end, result.speaker)
    return results


class _Context(Subjects):
    def from_window(
        self, quote: QuoteSpan, window: tuple[int, int] | None = None, method: str | None = None
    ) -> Attribution:
        left, right = window or self.window(quote.start, quote.end)
        cues = [t for t in self.tokens(left, right) if not self.quoted(t.idx) and is_cue(t)]
        holding = [c for c in cues if self.holds(c, quote)]
        following = [c for c in cues if self._attributes_from_after(quote, c)]
        if following:  # "“…,” the agency said": nothing but the cue's subject between
            return self._from_cue(following[0], method)
        if holding:  # the innermost cue the quotation hangs from ("X said Y “…”, Z reported")
            cue = min(holding, key=lambda t: (len(list(t.subtree)), abs(t.idx - quote.start)))
            attribution = self._from_cue(cue, method)
            if attribution.speaker is not None:
                return attribution  # "According to the report, Doe said “…”": Doe spoke
        according = self._according_to(left, right, method)
        if according is not None:
            return according
        if not cues:
            return NONE
        if holding:
            return attribution
        cue = min(cues, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        return self._from_cue(cue, method)

    def _from_cue(self, cue: Any, method: str | None) -> Attribution:
        speaker, how = self.speaker_of(cue)
        if speaker is None:
            if self._bare_participle(cue):
                return NONE  # "Adding, “…”": the sentence has no speaker of its own
            return Attribution(None, cue.text, method or "none", self.description_of(cue))
        return Attribution(speaker, cue.text, method or how)

    def _bare_participle(self, cue: Any) -> bool:
        """A participle with no subject opening its sentence ("… “wasn’t good.” Adding,
        “…”"): it continues the previous sentence's speaker, so the quotation is left
        to the rules for quotations without a cue of their own."""
        before = self.text[: cue.idx].rstrip(" ")
        opens = not before or before.endswith("\n") or _SENTENCE_CLOSED.search(before)
        return bool(
            opens and cue.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in cue.children)
        )

    def _according_to(self, left: int, right: int, method: str | None) -> Attribution | None:
        """ "according to" names what it introduces ("according to a CNN report",
        "according to Gov. Jane Doe"), not a name past a comma ("according to its
        analysis, the NLD")."""
        according = re.search(r"\baccording to\b", self.text[left:right], re.IGNORECASE)
        if not according:
            return None
        after = left + according.end()
        named = [
            m
            for m in self.mentions
            if after <= m.start <= after + 40
            and not re.search(r"[,;:]", self.text[after : m.start])
        ]
        return Attribution(named[0], "according to", method or "explicit") if named else None

    def _attributes_from_after(self, quote: QuoteSpan, cue: Any) -> bool:
        """The classic attribution after a quotation that does not end its sentence
        ("“…,” the agency said", "“…?” asked Doe"): only the cue and its subject lie
        between the closing mark and the cue, whatever the parser hung them from."""
        if cue.idx <= quote.end or self.text[quote.end - 1 : quote.end] == ".":
            return False
        if self.text[quote.end - 1 : quote.end] in {"?", "!"} and self._colon_cue_before(quote):
            return False  # "Doe responded: “…?” Her critics cited it": a new sentence
        between = [t for t in self.tokens(quote.end + 1, cue.idx) if not t.is_punct]
        if len(between) > _SUBJECT_WORDS:
            return False
        subject = {t.i for c in cue.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        return all(t.i in subject for t in between)

    def _colon_cue_before(self, quote: QuoteSpan) -> bool:
        """A lead-in with a cue of its own ends in a colon right before the quotation."""
        before = self.text[: quote.start].rstrip(' “"\n')
        if not before.endswith(":"):
            return False
        left, _ = self.window(len(before) - 1, len(before) - 1)
        return any(is_cue(t) for t in self.tokens(left, len(before) - 1) if not self.quoted(t.idx))

    def interrupted(
        self, quote: QuoteSpan, earlier: list[tuple[QuoteSpan, Attribution]]
    ) -> Attribution | None:
        """The second part of a quotation split by its attribution in one paragraph
        ("“…,” said Doe. “…”") shares the first part's speaker; so does a later
        quotation of the paragraph after a sentence or two that name nobody else
        ("“…,” Doe said. It lies far away. “…”")."""
        if not earlier:
            return None
        previous, attribution = earlier[-1]
        speaker = attribution.speaker
        if speaker is None:
            return None
        between = self.text[previous.end : quote.start]
        if "\n" in between or len(between) > _CONTINUED_CHARS:
            return None
        if between.rstrip(' “"').endswith(":"):
            return None  # "“…” Haddad: “…”": a lead-in of its own
        ends = [m for m in TERMINAL.finditer(between) if sentence_end(between, m.start())]
        if self._own_clause_follows(quote):
            return None
        if len(ends) <= 1:
            return attribution if len(between) <= _INTERRUPTION_CHARS else None
        others = [
            m
            for m in self.mentions
            if previous.end < m.start < quote.start
            and m.type in {"PERSON", "ORG"}
            and m.entity_id != speaker.entity_id
        ]
        if others or len(ends) > 3:
            return None
        start = previous.end + ends[0].end()  # the sentences between, after the cue's
        subjects = [
            t
            for t in self.tokens(start, quote.start - 1)
            if t.dep_ in SUBJECT_DEPS and t.pos_ != "PRON"
        ]
        return None if subjects else attribution  # "Riders were unconvinced.": theirs?

    def _own_clause_follows(self, quote: QuoteSpan) -> bool:
        """A verb after the quotation in its own sentence ("“…?” Doe repeated."): the
        quotation has an attribution of its own, even one the lexicon does not know.
        A quotation ending with a period ends its sentence: what follows is not its;
        after one ending with "?" or "!" only a clause opened by a name, a pronoun or
        the verb, with the verb among its first words, is its."""
        if self.text[quote.end - 1 : quote.end] == ".":
            return False
        _, right = self.paragraph(quote.end)
        for match in TERMINAL.finditer(self.text, quote.end + 1, right):
            if not self.quoted(match.start()) and sentence_end(self.text, match.start()):
                right = match.start()
                break
        following = [t for t in self.tokens(quote.end, right) if not self.quoted(t.idx)]
        if self.text[quote.end - 1 : quote.end] in {"?", "!"}:
            # "“…?” Doe asked." / "“…!” asked Doe." / "“…?” she said.", but not a new
            # sentence of the narrative ("“…?” The next debate is in May.")
            words = [t for t in following if not t.is_punct and not t.is_space]
            if not words or words[0].pos_ not in {"PROPN", "PRON", "VERB"}:
                return False
            following = words[:_CUE_WITHIN]
        # led by a finite verb: "“…,” Doe repeated", not by a participle going on with
        # the sentence ("“…” - increasing his name recognition and convincing voters")
        verbs = [t for t in following if t.pos_ == "VERB"]
        if not verbs:
            return False
        auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in verbs[0].children)
        return verbs[0].tag_ not in {"VBG", "VBN"} or auxiliary  # "reporters were told"

    def from_label(self, quote: QuoteSpan, colon: int) -> Attribution | None:
        """A short verbless label before a colon ("Gov. Jane Doe (D-Ohio): “…”") names
        the speaker when it holds one person (or, with no person, one organization)."""
        p_start, _ = self.paragraph(colon)
        # "Clinton: “…” Bush: “…”": a label starts after the paragraph's last quotation
        p_start = max([p_start, *(q.end + 1 for q in self.quotes if p_start <= q.end < colon)])
        label = list(self.tokens(p_start, colon))
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
        left, _ = self.window(colon, colon)
        result = self.from_window(quote, (left, colon), method="colon")
        if result.speaker is None and result.cue is None:
            acting = self._lead_in_subject(left, colon)
            if acting is not None:
                return Attribution(acting, None, "colon")
        if result.speaker is None:
            possessive = re.search(r"\b(?:his|her)\b", self.text[left:colon], re.IGNORECASE)
            if possessive:
                gender = "female" if possessive.group(0).lower() == "her" else "male"
                speaker = self.antecedent(left + possessive.start(), "PERSON", gender)
                return Attribution(speaker, None, "colon") if speaker else None
            if result.cue is None:
                return self._event_speaker(colon)
        return result if result.speaker else None

    def _lead_in_subject(self, left: int, colon: int) -> EntityMention | None:
        """ "Kasich resisted: “…”", "Trump leaned in and boomed: “…”": a short lead-in
        clause with no reporting verb, whose verb's subject is a person or organization."""
        tokens = [t for t in self.tokens(left, colon) if not self.quoted(t.idx)]
        if not tokens or len([t for t in tokens if not t.is_punct]) > _LABEL_WORDS:
            return None
        for verb in reversed(tokens):
            if verb.pos_ != "VERB":
                continue
            while not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and verb.dep_ == "conj":
                verb = verb.head  # "leaned in and boomed": the first verb's subject
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if len(subjects) != 1:
                return None
            speaker, _ = self._resolve_subject(subjects[0])
            return speaker if speaker is not None and speaker.type in {"PERSON", "ORG"} else None
        return None

    def _event_speaker(self, colon: int) -> Attribution | None:
        """A bare lead-in line ("Here is what she said:") over a list of quotations: the
        person who spoke in the paragraphs just before it (the one "who delivered
        remarks"), when the line names nobody and only one person spoke there."""
        p_start, _ = self.paragraph(colon)
        line = self.tokens(p_start, colon)
        if not line or len(line) > _LABEL_WORDS or any(t.pos_ == "PROPN" for t in line):
            return None
        start = p_start
        for _ in range(_EVENT_PARAGRAPHS):
            if start <= 1:
                break
            start, _ = self.paragraph(start - 2)
        speakers = {
            speaker.entity_id: speaker
            for cue in self.tokens(start, p_start)
            if not self.quoted(cue.idx) and is_cue(cue)
            for speaker in [self.speaker_of(cue)[0]]
            if speaker is not None and speaker.type == "PERSON"
        }
        if len(speakers) != 1:
            return None
        return Attribution(next(iter(speakers.values())), None, "colon")

    def continuation(
        self, quote: QuoteSpan, earlier: list[tuple[QuoteSpan, Attribution]]
    ) -> Attribution | None:
        p_start, _ = self.paragraph(quote.start)
        if quote.start - p_start > 1 or p_start == 0:
            return None  # only a quotation that opens its paragraph continues
        prev_start, prev_end = self.paragraph(p_start - 2)
        previous = [a for q, a in earlier if prev_start <= q.start < prev_end]
        if previous:
            last = previous[-1]
            return Attribution(last.speaker, None, "continuation") if last.speaker else None
        for cue in reversed(
            [t for t in self.tokens(prev_start, prev_end) if not self.quoted(t.idx) and is_cue(t)]
        ):
            speaker, _ = self.speaker_of(cue)
            if speaker is not None:
                return Attribution(speaker, None, "continuation")
        return None

    def previous_sentence(self, quote: QuoteSpan) -> Attribution | None:
        """A quotation that is a sentence of its own, with no cue, right after a sentence
        in which one named speaker reports something ("Doe announced the suit on Monday.
        “We are seeking an order.”") continues that speaker."""
        left, _ = self.window(quote.start, quote.end)
        p_start, _ = self.paragraph(quote.start)
        if left <= p_start or self.text[left : quote.start].strip(' “"'):
            return None
        before, _ = self.window(left - 1, left - 1)
        if any(before <= q.start < left for q in self.quotes):
            return None  # the sentence before has quotations of its own: their rules apply
        speakers = {
            speaker.entity_id: speaker
            for cue in self.tokens(before, left)
            if is_cue(cue)
            for speaker in [self.speaker_of(cue)[0]]
            if speaker is not None
        }
        if len(speakers) != 1:
            return None
        return Attribution(next(iter(speakers.values())), None, "continuation")

    def after_closing_period(self, quote: QuoteSpan) -> Attribution | None:
        """ "“We will win.” Doe said.": a period inside the marks, then a short sentence
        that is nothing but the attribution (the cue among its first words)."""
        if self.text[quote.end - 1 : quote.end] != ".":
            return None
        _, p_end = self.paragraph(quote.end)
        end = next(
            (
                m.end()
                for m in TERMINAL.finditer(self.text, quote.end + 1, p_end)
                if not self.quoted(m.start()) and sentence_end(self.text, m.start())
            ),
            p_end,
        )
        following = self.tokens(quote.end + 1, end)
        words = [t for t in following if not t.is_punct and not t.is_space]
        if not words or len(words) > _ATTRIBUTION_WORDS:
            return None
        cues = [t for t in words[:_CUE_WITHIN] if is_cue(t)]
        if not cues:
            return None
        speaker, how = self.speaker_of(cues[0])
        return Attribution(speaker, cues[0].text, how) if speaker else None

    def from_saying(self, quote: QuoteSpan) -> Attribution | None:
        """A quotation inside someone's claim, words or statement names its owner."""
        owner = self.owner_of_saying(quote)
        return Attribution(owner, None, "explicit") if owner else None

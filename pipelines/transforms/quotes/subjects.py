"""Who a reporting verb's subject is: a mention, a pronoun's antecedent, or a description.

Belongs here: from a reporting verb (cue) to its speaker: climbing to the
clause's subject, names after an inverted cue, names in apposition, surnames
NER missed, pronoun and "the agency" antecedents, and the description of an
unnamed speaker ("the officer"). Not here: windows and lead-ins
(``attribution.py``) or the text questions (``context.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from pipelines.transforms.entities.speakers import name_ending_inverted_clause
from pipelines.transforms.quotes.context import EntityMention, QuoteContext
from pipelines.transforms.quotes.cues import is_cue
from pipelines.transforms.quotes.lexicon import (
    GENDERED_TITLES_FEMALE,
    GENDERED_TITLES_MALE,
    INDEFINITES,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SAYING_NOUNS,
)
from pipelines.transforms.quotes.spans import QuoteSpan

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "parataxis", "pcomp", "acl"})
_PASS_THROUGH = frozenset({"prep", "dobj", "pobj"})
_AFTER_CLOSING_MARK = re.compile(r"[”\"’'][,.!?]?\s*[,—–-]?\s*$")
_INVERTED_CHARS = 60
_FEMALE_ROLES = frozenset(w.lower() for w in GENDERED_TITLES_FEMALE)
_MALE_ROLES = frozenset(w.lower() for w in GENDERED_TITLES_MALE)
_PRONOUN_CHAIN = 3  # how many sentences of "he … He …" a pronoun follows back
_SHORT_ROLE = re.compile(r"\s*(?:(?:[A-Z][\w.’'-]*|[a-z]+)\s+){0,3}")  # "US citizen "
# ", 49,", ", a spokesman for the agency,", ", R-Texas," or nothing: one aside, no quotation,
# then at most an adverb ("Doe, exasperated, famously responded")
_ASIDE_THEN_CUE = re.compile(r"(?:\s*,(?:[^“”\"\n.!?;]|\.(?!\s)){1,160},)?\s*(?:[a-z]+ly\s+)?")
# what may open the clause before the name: a closing mark, a sentence start, or a
# comma after a fronted phrase, then at most four words of role ("former president ")
_OPENS_CLAUSE = re.compile(r"(?:^|[”\",\n]|[.!?]\s)\s*(?:[\w.’'-]+\s+){0,4}$")
_DESCRIPTION_WORDS = 12
_POSSESSIVE = re.compile(r"['’]s?\b")  # right after a name: its owner's mark
# Capitalized title words, abbreviations and initials between a cue and a name.
_TITLES_ONLY = re.compile(r"(?:\s*(?:[A-Z][\w’'.-]*|\([A-Z][\w.]*\)|of|the|for|and|in))*\s*")


# A gendered title or role right before a name: group 1 for female, group 2 for male.
_GENDERED_TITLE = re.compile(
    rf"(?:\b({'|'.join(GENDERED_TITLES_FEMALE)})|\b({'|'.join(GENDERED_TITLES_MALE)}))"
    r"\.?,?\s+(?:[A-Z][\w.’'-]*\s+){0,2}$"
)


class Subjects(QuoteContext):
    """Speaker resolution from a cue, on top of the article's context."""

    _genders: dict[str, str] | None = None
    _by_last_word: dict[str, dict[str, list[EntityMention]]] | None = None
    last_speaker: tuple[int, EntityMention] | None = None  # (quote end, who said it)

    @staticmethod
    def holds(cue: Any, quote: QuoteSpan) -> bool:
        """Whether the quotation hangs from the cue ("X said that “…”", "X called it “…”")."""
        return any(quote.start <= t.idx < quote.end for t in cue.subtree)

    def description_of(self, cue: Any) -> str | None:
        """The cue's subject when it describes rather than names ("the officer", "a
        spokeswoman for the company"): a common noun phrase outside quotations."""
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or subjects[0].pos_ != "NOUN" or self.quoted(subjects[0].idx):
            return None
        tokens = sorted(subjects[0].subtree, key=lambda t: t.i)
        if len(tokens) > _DESCRIPTION_WORDS or any(self.quoted(t.idx) for t in tokens):
            return None
        phrase = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        return phrase if "\n" not in phrase else None

    def speaker_of(self, cue: Any) -> tuple[EntityMention | None, str]:
        if any(c.dep_ == "auxpass" for c in cue.children):
            return self._agent(cue)  # "was asked by Doe": the agent; the subject never speaks
        if cue.tag_ == "VBN" and any(c.dep_ == "agent" for c in cue.children):
            return self._agent(cue)  # "Asked by Doe if …, Roe avoided an answer": Doe asked
        verb = cue
        for _ in range(4):
            paragraph = self.paragraph(verb.idx)
            subjects = [  # never across a paragraph break (a headline the parser joined)
                c
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS
                and not self.quoted(c.idx)
                and self.paragraph(c.idx) == paragraph
            ]
            if subjects:  # two subjects ("Malaysia's Prime Minister, Jane Doe said"): a named one
                resolved = [self._resolve_subject(subject) for subject in subjects]
                named = [r for r in resolved if r[0] is not None]
                speakers = [r for r in named if r[0] and r[0].type in {"PERSON", "ORG"}]
                return (speakers or named or resolved)[0]
            if verb.dep_ not in _CLIMB_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
            # "by saying", "issued a statement saying": through the preposition or the noun
            while verb.dep_ in _PASS_THROUGH and verb.pos_ in {"ADP", "NOUN"}:
                verb = verb.head
            if (cue.tag_ == "VBG" or self._joined_to_a_thing(cue, verb)) and (
                verb.dep_ == "ccomp" and is_cue(verb.head)
            ):
                # "Doe said that Roe was …, adding …" and "Doe said the plan was late but
                # added …" (the parser joins "added" to "was"): the cue is Doe's
                verb = verb.head
        return (
            self._inverted_name(cue) or self._name_just_before(cue) or self._sentence_subject(cue)
        ), "explicit"

    @staticmethod
    def _joined_to_a_thing(cue: Any, verb: Any) -> bool:
        """A cue the parser joined to the verb of a reported clause whose subject is a
        thing, not someone who could speak ("… the plan was late but added")."""
        if cue.dep_ != "conj" or verb.i != cue.head.i or is_cue(verb):
            return False  # "Doe vowed … and has also said …, the paper reported": Doe's
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        return bool(subjects) and all(
            s.pos_ == "NOUN" or s.lower_ in {"it", "this", "that"} for s in subjects
        )

    def _sentence_subject(self, cue: Any) -> EntityMention | None:
        """ "Jane Doe, the mother of a victim, thought of him as “…”, adding: “…”": a
        participle's subject is the sentence's; when the parse lost it, the person or
        organization opening the sentence (after at most a short role such as "US
        citizen") is the one."""
        if cue.tag_ != "VBG":
            return None
        left, _ = self.window(cue.idx, cue.idx)
        opening = [
            m for m in self.mentions if left <= m.start < cue.idx and m.type in {"PERSON", "ORG"}
        ]
        if not opening:
            return None
        lead = self.text[left : opening[0].start]
        return opening[0] if _SHORT_ROLE.fullmatch(lead) else None

    def _name_just_before(self, cue: Any) -> EntityMention | None:
        """ "“…,” Doe, 49, told the Gazette": the parser hung the name elsewhere, but the
        text is the plain pattern: a closing mark (or a sentence start), one person or
        organization, at most one comma-delimited aside, then the cue."""
        before = [
            m
            for m in self.mentions
            if m.end <= cue.idx and m.type in {"PERSON", "ORG"} and cue.idx - m.end <= 170
        ]
        for mention in reversed(before):  # a name inside the aside ("a Clinton adviser") is not it
            if not _ASIDE_THEN_CUE.fullmatch(self.text, mention.end, cue.idx):
                continue
            lead = self.text[max(0, mention.start - 60) : mention.start]
            return mention if _OPENS_CLAUSE.search(lead) or mention.start == 0 else None
        return None

    def _agent(self, cue: Any) -> tuple[EntityMention | None, str]:
        for by in (c for c in cue.children if c.dep_ == "agent"):
            for name in (c for c in by.children if c.dep_ == "pobj"):
                return self._resolve_subject(name)
        return None, "none"

    def _inverted_name(self, cue: Any) -> EntityMention | None:
        """ "…,” said Deputy Director Jane Doe of the agency: the parser gave the cue no
        subject, but a person or organization follows it, only titles between. Only for
        a cue right after the closing mark: elsewhere a name after the cue is its object
        ("Doe, 58, told the Gazette")."""
        if not _AFTER_CLOSING_MARK.search(self.text, max(0, cue.idx - 6), cue.idx):
            return None
        after = cue.idx + len(cue.text)
        following = [m for m in self.mentions if after <= m.start <= after + _INVERTED_CHARS]

        titles = ""  # what lies between the cue and each mention, organizations as titles
        position = after
        for mention in following:
            titles += self.text[position : mention.start]
            if not _TITLES_ONLY.fullmatch(titles):
                break
            if mention.type == "PERSON":
                return mention  # "said FBI Special Agent in Charge Jane Doe"
            if mention.type == "ORG" and not any(m.type == "PERSON" for m in following):
                return mention  # "said the Harbor Transit Authority"
            titles += " "
            position = mention.end
        return self._name_ending_clause(cue)

    def _name_ending_clause(self, cue: Any) -> EntityMention | None:
        """ "“…,” said Oversight ranking Democrat Elijah Cummings (D-Md.).": the person
        whose name ends the short inverted clause, lowercase role words before it."""
        name = name_ending_inverted_clause(self.text, cue)
        if not name:
            return None
        end = name[-1].idx + len(name[-1].text)
        return next(
            (
                m
                for m in self.mentions
                if m.start <= name[-1].idx < m.end == end and m.type == "PERSON"
            ),
            None,
        )

    def _resolve_subject(self, token: Any) -> tuple[EntityMention | None, str]:
        span_start = min(t.idx for t in token.subtree)
        span_end = max(t.idx + len(t) for t in token.subtree)
        if any(c.dep_ in {"det", "nummod"} and c.lower_ in INDEFINITES for c in token.children):
            return None, "none"  # "one Democrat familiar with…", "a spokesman": a description
        on_token = [m for m in self.mentions if m.start <= token.idx < m.end]
        if not on_token or on_token[0].type != "PERSON":
            appositive = self._appositive_person(token)
            if appositive is not None:
                return appositive, "explicit"  # "the campaign's chairman, Jane Doe, said"
        if on_token:
            if on_token[0].type == "NORP":
                return None, "none"  # a group word ("Democrats") is nobody in particular
            if on_token[0].type == "GPE" and self._tag_or_dateline(on_token[0]):
                return None, "none"  # "(R-OH)", "LONDON —": a party tag or a dateline
            return on_token[0], "explicit"
        if token.pos_ == "PROPN":
            named = self._by_last_name(token.text)
            if named:
                return named, "explicit"
        lower = token.text.lower()
        if lower in PERSON_PRONOUNS:
            gender = PRONOUN_GENDER.get(lower)
            return self._last_speaker(token.idx, gender) or self.antecedent(
                token.idx, "PERSON", gender
            ), "pronoun"
        if self._definite_role(token):  # "the Florida senator said": the senator just named
            return self._recent_person(token.idx, self._role_gender(token)), "pronoun"
        if lower in ORG_NOUNS:
            if any(
                c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
                for c in token.children
            ):
                return None, "none"  # "Doe's office", "the Doe campaign": described, not named
            return self.antecedent(token.idx, "ORG"), "explicit"
        inside = [  # an owner is not the subject: "Doe's campaign manager said" is not Doe
            m
            for m in self.mentions
            if span_start <= m.start
            and m.end <= span_end
            and not _POSSESSIVE.match(self.text, m.end)
        ]
        for kind in ("PERSON", "ORG"):  # "the Authority's agent in charge Jane Doe": Doe
            of_kind = {m.entity_id: m for m in inside if m.type == kind}
            if len(of_kind) == 1:
                return next(iter(of_kind.values())), "explicit"
            if of_kind:
                return None, "none"
        return None, "none"

    @staticmethod
    def _definite_role(token: Any) -> bool:
        """ "the senator", "the Democratic nominee": a role noun with "the" and no name,
        possessor, clause or apposition of its own."""
        if token.pos_ not in {"NOUN", "PROPN"} or token.text not in ROLE_NOUNS:
            return False
        children = list(token.children)
        return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
            c.dep_ in {"poss", "appos", "relcl", "acl", "prep"} for c in children
        )

    @staticmethod
    def _role_gender(token: Any) -> str | None:
        """ "the congresswoman": the gender a role noun marks, if any."""
        if token.lower_ in _FEMALE_ROLES:
            return "female"
        return "male" if token.lower_ in _MALE_ROLES else None

    def _recent_person(self, before: int, gender: str | None) -> EntityMention | None:
        """The antecedent person of a definite description, when it was named in this
        paragraph or the two before: farther back, "the senator" may be anyone."""
        speaker = self._last_speaker(before, gender) or self.antecedent(before, "PERSON", gender)
        if speaker is None:
            return None
        start, _ = self.paragraph(before)
        for _ in range(2):
            if start > 1:
                start, _ = self.paragraph(start - 2)
        return speaker if speaker.start >= start else None

    def _tag_or_dateline(self, mention: EntityMention) -> bool:
        surface = self.text[mention.start : mention.end]
        before = self.text[mention.start - 1 : mention.start] if mention.start else ""
        return surface.isupper() or before in {"(", "-"}

    def _appositive_person(self, token: Any) -> EntityMention | None:
        """The one person named in apposition to a subject that is not itself a name."""
        for child in token.children:
            if child.dep_ != "appos" or self.quoted(child.idx):
                continue
            named = [
                m for m in self.mentions if m.start <= child.idx < m.end and m.type == "PERSON"
            ]
            if named:
                return named[0]
        return None

    def _by_last_name(self, word: str) -> EntityMention | None:
        """A name NER missed at the attribution ("Doe said") that is the last word of
        exactly one person (or organization) named elsewhere in the article."""
        for kind in ("PERSON", "ORG"):
            matches = self._last_words(kind).get(word, [])
            if len(matches) == 1:
                return matches[0]
            if matches:
                return None
        return None

    def _last_words(self, kind: str) -> dict[str, list[EntityMention]]:
        """The ``kind`` entities of the article by the last word of their name (each
        entity as its last mention); computed once per kind."""
        if self._by_last_word is None:
            self._by_last_word = {}
        if kind not in self._by_last_word:
            found = {m.entity_id: m for m in self.mentions if m.type == kind}
            index: dict[str, list[EntityMention]] = {}
            for mention in found.values():
                index.setdefault(mention.name.split()[-1], []).append(mention)
            self._by_last_word[kind] = index
        return self._by_last_word[kind]

    def _with_surname_subjects(self) -> list[EntityMention]:
        """The mentions, plus subjects NER missed that are a named person's surname
        ("Ibrahim shared…" after "Michael Ibrahim"), in text order; computed once."""
        if self._antecedents is None:
            found = list(self.mentions)
            for token in _proper_noun_subjects(self.doc):
                if self.quoted(token.idx) or any(
                    m.start <= token.idx < m.end for m in self.mentions
                ):
                    continue
                named = self._by_last_name(token.text)
                if named is not None and named.type == "PERSON":
                    end = token.idx + len(token.text)
                    found.append(replace(named, start=token.idx, end=end))
            self._antecedents = sorted(found, key=lambda m: m.start)
        return self._antecedents

    def antecedent(
        self, before: int, kind: str, gender: str | None = None, depth: int = 0
    ) -> EntityMention | None:
        """The nearest preceding ``kind`` mention that is a sentence's main subject,
        else one that is any subject, else the nearest one; never a person the text
        marks with the other gender ("Mr. Doe" for "she"). A person named alone in the
        sentence before wins; so does the antecedent of the same pronoun opening the
        sentence before ("For Doe, …. He noted …. He added …")."""
        candidates = [
            m
            for m in self._with_surname_subjects()
            if m.type == kind
            and m.end <= before
            and (gender is None or self._gender(m.entity_id) in (None, gender))
        ]
        if not candidates:
            return None
        if kind == "PERSON":  # the one person of the sentence before ("for Doe, …. He noted")
            left, _ = self.window(before, before)
            previous, _ = self.window(left - 1, left - 1) if left > 0 else (left, left)
            near = {
                m.entity_id
                for m in self.mentions
                if m.type == "PERSON" and previous <= m.start < before
            }
            if len(near) == 1:
                only = [m for m in candidates if m.entity_id in near and m.start >= previous]
                if only and not self._beside_a_pronoun_subject(only[-1]):
                    return only[-1]
            chained = self._pronoun_subject(previous, left, gender)
            if not near and chained is not None and depth < _PRONOUN_CHAIN:
                return self.antecedent(chained, kind, gender, depth + 1)
        ranked: dict[str, list[EntityMention]] = {"main": [], "subject": []}
        for mention in candidates:
            role = self._subject_role(mention)
            if role:
                ranked[role].append(mention)
        for role in ("main", "subject"):
            if ranked[role]:
                return ranked[role][-1]
        return candidates[-1]

    def _pronoun_subject(self, start: int, end: int, gender: str | None) -> int | None:
        """Where the sentence in ``[start, end)`` has its main subject as "he"/"she" of
        ``gender`` (outside quotations), or None."""
        for token in self.tokens(start, end):
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and not self.quoted(token.idx):
                lower = token.lower_
                if lower in {"he", "she"} and gender in (None, PRONOUN_GENDER[lower]):
                    return int(token.idx)
                return None
        return None

    def _beside_a_pronoun_subject(self, mention: EntityMention) -> bool:
        """Whether the mention's sentence has "he" or "she" as a subject: "She called on
        Doe to …" names Doe beside someone else, whom a later pronoun may mean."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return True
        return any(t.dep_ in SUBJECT_DEPS and t.lower_ in {"he", "she"} for t in span.root.sent)

    def _last_speaker(self, before: int, gender: str | None) -> EntityMention | None:
        """The person who spoke the latest attributed quotation ("“…,” Doe said. “…,” she
        added."), when it is in this paragraph or the one before, no other person is
        named since, and the text does not mark the other gender."""
        if self.last_speaker is None:
            return None
        end, speaker = self.last_speaker
        p_start, _ = self.paragraph(before)
        previous_start = self.paragraph(p_start - 2)[0] if p_start > 1 else p_start
        if end < previous_start or end > before:
            return None
        named_since = {
            m.entity_id for m in self.mentions if end <= m.start < before and m.type == "PERSON"
        }
        if named_since - {speaker.entity_id}:
            return None
        if gender is not None and self._gender(speaker.entity_id) not in (None, gender):
            return None
        return speaker

    def _gender(self, entity_id: str) -> str | None:
        """``male``/``female`` when a gendered title or role precedes one of the entity's
        mentions ("Mr.", "Ms.", "Congresswoman", "spokesman"), and only one gender does."""
        if self._genders is None:
            seen: dict[str, set[str]] = {}
            for m in self.mentions:
                title = _GENDERED_TITLE.search(self.text, max(0, m.start - 24), m.start)
                if title:
                    marked = "female" if title.group(1) else "male"
                    seen.setdefault(m.entity_id, set()).add(marked)
            titled = {e: g.pop() for e, g in seen.items() if len(g) == 1}
            self._genders = {**self._pronoun_genders(), **titled}
        return self._genders.get(entity_id)

    def _pronoun_genders(self) -> dict[str, str]:
        """Genders the article shows by the pronouns it uses: a person who is a sentence's
        subject, followed in that sentence or the next by "he" or "she" as a subject
        with no other person named between ("Jane Doe leads the lab. She said …").
        Only a person whose every such pronoun agrees gets a gender."""
        votes: dict[str, set[str]] = {}
        people = [m for m in self.mentions if m.type == "PERSON"]
        for index, mention in enumerate(people):
            if self._subject_role(mention) is None:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            sentence = span.root.sent
            end = sentence.end if sentence.end >= len(self.doc) else self.doc[sentence.end].sent.end
            limit = next(
                (m.start for m in people[index + 1 :] if m.entity_id != mention.entity_id),
                len(self.text),
            )
            for token in self.doc[span.end : end]:
                if token.idx >= limit:
                    break
                if token.dep_ == "nsubj" and token.lower_ in {"he", "she"}:
                    if not self.quoted(token.idx):
                        votes.setdefault(mention.entity_id, set()).add(PRONOUN_GENDER[token.lower_])
                    break
        return {e: g.pop() for e, g in votes.items() if len(g) == 1}

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

    def owner_of_saying(self, quote: QuoteSpan) -> EntityMention | None:
        """The named owner of a saying noun the quotation belongs to ("Doe's claim that
        “…”", "in Doe's words, “…”"), found from the quotation's tokens up to three heads."""
        inside = [t for t in self.tokens(quote.start, quote.end) if t.head.idx < quote.start - 1]
        for token in inside[:1] or self.tokens(quote.start, quote.end)[:1]:
            head = token.head
            for _ in range(3):
                if head.pos_ == "NOUN" and head.lemma_.lower() in SAYING_NOUNS:
                    owners = [c for c in head.children if c.dep_ == "poss"]
                    named = [
                        m
                        for o in owners
                        for m in self.mentions
                        if m.start <= o.idx < m.end and m.type in {"PERSON", "ORG"}
                    ]
                    return named[0] if named else None
                if head.head is head:
                    break
                head = head.head
        return None


def _proper_noun_subjects(doc: Any) -> Iterator[Any]:
    """The tokens of ``doc`` that are proper nouns in a subject relation, in order, found
    in the token arrays (a Token object per word of a long article is slow)."""
    from spacy.attrs import DEP, POS
    from spacy.symbols import PROPN

    subject = {doc.vocab.strings[dep] for dep in SUBJECT_DEPS}
    for index, (dep, pos) in enumerate(doc.to_array([DEP, POS]).tolist()):
        if pos == PROPN and dep in subject:
            yield doc[index]

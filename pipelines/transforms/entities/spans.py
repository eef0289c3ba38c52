"""Rules that correct one model span: titles, possessives, articles, generic phrases.

Each rule is general English news convention, tested with invented sentences.
A span is a ``Span`` (start/end offsets into the article text plus a label);
``normalize_span`` returns the corrected span or None when the span is not a
name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

PUBLISHED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "LAW", "EVENT"})

# Titles and roles that precede a person's name ("former Gov.", "Mayor-elect").
_TITLE_WORDS = (
    r"(?:Vice |Deputy |Acting |Interim |Lieutenant |Lt\. |Assistant |Associate |Chief )?"
    r"(?:Mayor|Governor|Gov\.|President|Senator|Sen\.|Representative|Rep\.|Congressman"
    r"|Congresswoman|Councilmember|Council Member|Councilman|Councilwoman|Commissioner"
    r"|Police Commissioner|Secretary|Attorney General|Judge|Justice|Chancellor|Comptroller"
    r"|Speaker|Director|Chairman|Chairwoman|Chair|Sheriff|Officer|Detective|Sergeant|Sgt\."
    r"|Captain|Capt\.|General|Gen\.|Prime Minister|Minister|Ambassador|Pope|Rev\.|Reverend"
    r"|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Sir|Dame|Prof\.?|Professor|Borough President"
    r"|Public Advocate|First Lady"
    r"|Superintendent|Chief|CEO|Candidate|Czar|Spokesman|Spokeswoman|Spokesperson"
    r"|Administrator|Special Agent in Charge|Special Agent)"
    r"(?:[-‐ ](?:elect|designate|nominee))?"
)
_QUALIFIERS = r"(?:(?:former|current|then|late|incoming|outgoing|acting|interim|ex-)[- ]?)"
_LEADING_TITLE = re.compile(rf"^(?:{_QUALIFIERS}?{_TITLE_WORDS}\s+)+")
# Head nouns that name nothing on their own ("the Party said", "the State argued").
_BARE_HEAD_NOUN = re.compile(
    r"^(?:Department|Office|Ministry|Committee|Council|Division|Bureau|Agency|Service"
    r"|Administration|Board|Commission|Institute|Center|Centre|University|College|School"
    r"|Association|Union|Party|Group|Company|Foundation|Fund|Bank|Street|Avenue|Road"
    r"|County|City|State|Republic|Kingdom|Federation|Island|Islands|River|Lake|Mountain"
    r"|Park|Plaza|Square|Government)$"
)
_PRONOUN_LED = re.compile(r"^(?:I|We|He|She|They|You|It)(?:[’'](?:m|re|s|ve|ll|d))?(?:\s|$)")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_EDGE_PUNCT = "\"'“”‘’,.;:!?()[]{}—–-"
_DETERMINERS = frozenset({"the", "a", "an", "The", "A", "An"})
# A headline's capitalized preposition the model took into a name ("… Demand To Fox").
_LEADING_PREPOSITIONS = frozenset({"To", "For", "From", "With", "By", "At", "Into", "Against"})
_LOWER_CONNECTORS = frozenset(
    {"of", "and", "for", "on", "the", "de", "du", "la", "van", "von", "&", "in", "at", "to"}
)
# Plural demonyms and group nouns: "Americans", "New Yorkers", "Texans", "Muslims",
# "Israelis". How much of the suffix list applies depends on the model's label: place
# names end in "-is" (Paris, Illinois) and surnames in "-ers"/"-is" (Sanders,
# Gerapetritis), so a PERSON is a group only as one word with an unambiguous suffix.
_DEMONYM = {
    "ORG": re.compile(r"^(?:[A-Z][\w’'.-]*\s)?[A-Z]\w*(?:ans|ians|ers|ites|ese|is|ims|ists)$"),
    "GPE": re.compile(r"^(?:[A-Z][\w’'.-]*\s)?[A-Z]\w*(?:ans|ians|ers|ites|ese|ims|ists)$"),
    "PERSON": re.compile(r"^[A-Z]\w*(?:ans|ians|ites|ims|ists)$"),
}
# Organizational head nouns: a title word before them is part of the name
# ("Justice Department", "Sheriff's Office"), not a person's title.
_ORG_HEADS = re.compile(
    r"^(?:Department|Dept\.|Office|Ministry|Court|Committee|Council|Division|Bureau|Agency"
    r"|Service|Administration|Corps|Force|Board|Commission|Institute|Center|Centre)\b"
)
_NOT_DEMONYM = re.compile(
    r"(?:Brothers|Partners|Workers|Teamsters|Officers|Engineers|"
    r"Manufacturers|Producers|Lawyers|Rangers|Yankees|Mets)$"
)

# Head words of organizations and places: a name holding one is not a person's.
NOT_A_PERSON_WORD = re.compile(
    r"^(?:Department|Office|Ministry|Court|Committee|Council|Division|Bureau|Agency|Service"
    r"|Administration|Corps|Force|Board|Commission|Institute|Center|Centre|University"
    r"|College|School|Association|Union|Party|Group|Company|Inc\.?|Corp\.?|Co\.?|Ltd\.?"
    r"|Foundation|Fund|Bank|News|Times|Post|Press|Street|Avenue|Road|County|City|State"
    r"|Republic|Kingdom|Federation|Island|Islands|River|Lake|Mountain|Park)$"
)


@dataclass(frozen=True)
class Span:
    """A labelled character span of an article text."""

    start: int
    end: int
    label: str

    def text(self, source: str) -> str:
        """The span's characters in ``source``."""
        return source[self.start : self.end]


def is_title(surface: str) -> bool:
    """Whether ``surface`` is titles and roles only ("Prime Minister", "Lt. Gen")."""
    match = _LEADING_TITLE.match(surface.rstrip(".") + ". ") or _LEADING_TITLE.match(surface + " ")
    return match is not None and match.end() >= len(surface)


def normalize_span(span: Span, text: str) -> Span | None:
    """Correct one model span, or return None when it is not a name.

    Applied in order: trim whitespace, punctuation and line breaks; strip a
    leading determiner unless it is a capitalized "The" inside a sentence;
    strip titles and roles; strip possessives; trim lowercase words at either
    edge of non-person names; reject spans with no capital letter; relabel
    plural demonyms tagged ORG/GPE as NORP; a named operation ("Operation Desert
    Lion", or "Desert Lion" after "Operation") is an EVENT.
    """
    if span.label not in PUBLISHED_LABELS:
        return None
    span = _cut_at_line_break(_trim(span, text), text)
    span = _strip_determiner(span, text)
    if span.label == "PERSON" or _LEADING_TITLE.match(span.text(text)):
        span = _strip_title(span, text)
    first_lady = text[max(0, span.start - 6) : span.start + 5] == "First Lady "
    if span.label == "PERSON" and first_lady:  # "First Lady Jane Doe", the model's "Lady …"
        span = replace(span, start=span.start + len("Lady "))
    span = _strip_trailing_title(span, text)
    if span.label == "PERSON":
        span = _after_possessive_owner(span, text)
    span = _strip_possessive(span, text)
    if span.label != "PERSON":
        span = _trim_lowercase_edges(span, text)
    span = _trim(span, text)
    surface = span.text(text)
    if span.end <= span.start or not any(c.isupper() for c in surface):
        return None
    if _PRONOUN_LED.match(surface) or surface.startswith("@"):
        return None  # "I’m Jane Doe" read as a name; "@handle" is an account, not a name
    if _BARE_HEAD_NOUN.match(surface) and span.label != "PERSON":
        return None  # a head noun alone ("the Party", "State") is not a name
    if surface.startswith("Operation "):  # a named operation, whatever the model called it
        return replace(span, label="EVENT")
    if text[max(0, span.start - 10) : span.start] == "Operation ":
        return Span(span.start - 10, span.end, "EVENT")
    demonym = _DEMONYM.get(span.label)
    if demonym and demonym.match(surface) and not _NOT_DEMONYM.search(surface):
        span = replace(span, label="NORP")
    return span


def _trim(span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        # Keep a final period that belongs to an abbreviation ("U.S.", "Inc.").
        if text[end - 1] == "." and re.search(
            r"(?:\b[A-Z]\.[A-Z]\.|Inc\.|Co\.|Corp\.|Jr\.|Sr\.)$", text[start:end]
        ):
            break
        end -= 1
    return replace(span, start=start, end=end)


def _cut_at_line_break(span: Span, text: str) -> Span:
    newline = text.find("\n", span.start, span.end)
    return span if newline < 0 else _trim(replace(span, end=newline), text)


def _strip_determiner(span: Span, text: str) -> Span:
    surface = span.text(text)
    first, _, rest = surface.partition(" ")
    if first in _LEADING_PREPOSITIONS and rest[:1].isupper():
        return replace(span, start=span.start + len(first) + 1)
    if first not in _DETERMINERS or not rest:
        return span
    if first == "The" and not _at_sentence_start(text, span.start):
        return span  # "with The Guardian": the article is part of the name
    return replace(span, start=span.start + len(first) + 1)


def _at_sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n:"


_TRAILING_TITLE = re.compile(
    r"\s+(?:Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cmdr|Cpl|Pvt|Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Prof)\.?$"
)


def _strip_trailing_title(span: Span, text: str) -> Span:
    """ "Air Force Surgeon General Lt" (from "… Lt. Gen. Jane Doe"): a title abbreviation
    ending a span belongs to the name after it, not to this one."""
    match = _TRAILING_TITLE.search(span.text(text))
    return replace(span, end=span.start + match.start()) if match else span


def _strip_title(span: Span, text: str) -> Span:
    surface = span.text(text)
    match = _LEADING_TITLE.match(surface)
    if not match or match.end() >= span.end - span.start:
        return span
    if _ORG_HEADS.match(surface[match.end() :]):
        return span
    return replace(span, start=span.start + match.end())


def _after_possessive_owner(span: Span, text: str) -> Span:
    """ "University of Hawaii’s Lauren Schurmeier": the person is after the owner."""
    start = max(0, span.start - 1)  # a trimmed "’" may lie just before the span
    surface = text[start : span.end]
    owner = max(surface.rfind("’s "), surface.rfind("'s "))
    if owner < 0:
        return span
    return replace(span, start=start + owner + 3)


def _strip_possessive(span: Span, text: str) -> Span:
    match = _POSSESSIVE.search(span.text(text))
    if not match:
        return span
    # "Texans'" keeps the plural s; "Ortiz’s" loses "’s".
    cut = 1 if match.group(0)[0] == "s" else 2
    return replace(span, end=span.end - cut)


def _trim_lowercase_edges(span: Span, text: str) -> Span:
    tokens = list(re.finditer(r"\S+", span.text(text)))
    while tokens and not tokens[-1].group(0)[0].isupper() and not tokens[-1].group(0)[0].isdigit():
        tokens.pop()
    while tokens and (tokens[0].group(0) in _LOWER_CONNECTORS or tokens[0].group(0)[0].islower()):
        tokens.pop(0)
    if not tokens:
        return replace(span, end=span.start)
    return replace(span, start=span.start + tokens[0].start(), end=span.start + tokens[-1].end())

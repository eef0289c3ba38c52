"""People within one article: short names, first names, and full names typed otherwise.

Belongs here: a surname or first name alone naming the article's person with
that full name ("Ortiz" after "Lena Ortiz"), a full name the model typed as an
organization that the article treats as a person, and a person after a
possessive owner ("Ohio State’s Jane Roe"). Not here: span corrections
(``spans.py``) or names of other types (``names.py``).
"""

from __future__ import annotations

import re

from pipelines.transforms.entities.mention import Mention
from pipelines.transforms.entities.spans import NOT_A_PERSON_WORD


def _retype_people(mentions: list[Mention], text: str) -> list[Mention]:
    surnames = {
        text[m.start : m.end]
        for m in mentions
        if m.type == "PERSON" and " " not in text[m.start : m.end]
    }
    # a word the model also tagged alone as an organization: "Jane Roe" (ORG) … "Roe
    # said" (ORG). Organizations are not called by their last word alone; people are.
    lone_orgs = {
        text[m.start : m.end]
        for m in mentions
        if m.type == "ORG" and " " not in text[m.start : m.end] and m.resolution == "name"
    }
    # ... but "the Army" for "U.S. Army", "the Yankees": a word that takes an article
    # is an organization's short name, not a surname.
    lone_orgs -= {w for w in lone_orgs if re.search(rf"\b[Tt]he\s+{re.escape(w)}\b", text)}
    retyped = []
    for mention in mentions:
        mention = _person_after_owner(mention, text, surnames)
        words = text[mention.start : mention.end].split()
        if (
            mention.type in {"ORG", "GPE", "NORP", "FAC", "LOC"}
            and mention.resolution == "name"
            and 2 <= len(words) <= 4
            and (
                words[-1] in surnames
                or (
                    mention.type == "ORG"
                    and len(words) <= 3
                    and words[-1] in lone_orgs
                    and words[0][1:].islower()  # a given name, not "U.S." or "FBI"
                )
            )
            and all(w[:1].isupper() and not NOT_A_PERSON_WORD.match(w) for w in words)
        ):
            mention = Mention(
                mention.start,
                mention.end,
                mention.model_label,
                mention.canonical_name,
                "PERSON",
                mention.resolution,
                mention.entry,
            )
        retyped.append(mention)
    return retyped


def _person_after_owner(mention: Mention, text: str, surnames: set[str]) -> Mention:
    """ "University of Ohio’s Jane Roe" typed ORG: the person after the possessive, when
    the article also calls her by her surname alone."""
    surface = text[mention.start : mention.end]
    owner = max(surface.rfind("’s "), surface.rfind("'s "))
    if mention.type == "PERSON" or mention.resolution != "name" or owner <= 0:
        return mention
    start = mention.start + owner + 3
    words = text[start : mention.end].split()
    if not 2 <= len(words) <= 4 or words[-1] not in surnames:
        return mention
    name = text[start : mention.end]
    return Mention(start, mention.end, mention.model_label, name, "PERSON", "name")


def resolve_short_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A one-word mention equal to the last word of a full person name in the article
    names that person (the nearest full name before it, else the first after it); a
    one-word PERSON equal to the first word of exactly one full name names that one.

    A full name the model typed otherwise ("Jane Roe" as ORG) is a person when the
    article also calls someone by its last word alone as a PERSON and every word of it
    is capitalized and none is an organization's head noun."""
    mentions = _retype_people(mentions, text)
    full_names = [m for m in mentions if m.type == "PERSON" and " " in text[m.start : m.end]]
    resolved = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if mention.resolution == "register" or " " in surface or not surface[:1].isupper():
            resolved.append(mention)
            continue
        matches = [f for f in full_names if text[f.start : f.end].split()[-1] == surface]
        if not matches and mention.type == "PERSON":
            # a first name alone ("Marc said") for the one person of the article with it
            firsts = [f for f in full_names if text[f.start : f.end].split()[0] == surface]
            matches = firsts if len({f.canonical_name for f in firsts}) == 1 else []
        if not matches:
            resolved.append(mention)
            continue
        before = [f for f in matches if f.start < mention.start]
        target = before[-1] if before else matches[0]
        resolved.append(
            Mention(
                mention.start,
                mention.end,
                mention.model_label,
                target.canonical_name,
                "PERSON",
                "short_name",
                target.entry,
            )
        )
    return resolved

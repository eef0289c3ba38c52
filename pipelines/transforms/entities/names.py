"""Canonical-name rules for one article's mentions: partial names and datelines.

Belongs here: rules that decide which name a mention is published under, or
whether a place is a wire dateline rather than a place the article names, each
general English news convention tested with invented sentences:

* a name of two or more words that ends another, longer name of the same
  article ("Desert Lion" after "Operation Desert Lion") is that name, whatever
  the model called it when the longer name is a named operation;
* a group's singular ("Cuban") is the same group as its plural ("Cubans") when
  the article uses both: one entity, under the plural;
* an upper-case place opening the article's first body paragraph and followed by
  a dash ("NAIROBI —", "KAMPALA, Uganda -") is the dateline, not a mention;
* a place name that names both a city and a state ("New York") means the state
  in a state's context: after "Gov."/"Governor of", before "’s governor",
  "’s attorney general", "state", "Legislature" (the register must hold the
  state as "<name> State").

Not here: corrections of one span's boundaries (``spans.py``) or people's short
names (``article.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipelines.transforms.entities.mention import Mention

# "The Justice Department", "the Department’s Security Division": a prefix that is an
# article or an owner is not part of a longer name the shorter one stands for.
_OWNER_OR_ARTICLE = re.compile(r"^The\s|[’']s\s")
_DATELINE = re.compile(r"[A-Z][A-Z.’' -]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*[—–-]")


_OPERATION = re.compile(r"^Operation\s+[A-Z]")


def resolve_group_plurals(mentions: list[Mention]) -> list[Mention]:
    """A NORP's singular ("Cuban") is the group its plural ("Cubans") names, when the
    article's NORP mentions include both: the singular takes the plural's name."""
    names = {m.canonical_name for m in mentions if m.type == "NORP"}
    return [
        replace(m, canonical_name=m.canonical_name + "s", resolution="short_name")
        if m.type == "NORP" and m.resolution == "name" and m.canonical_name + "s" in names
        else m
        for m in mentions
    ]


def is_dateline(start: int, end: int, text: str) -> bool:
    """Whether ``text[start:end]`` is the upper-case place of a wire dateline.

    It opens a paragraph (the first one with a sentence, or any that starts with the
    same pattern), is written in capitals, and is followed by an optional ", State"
    and a dash.
    """
    surface = text[start:end]
    if not surface.isupper() or (start > 0 and text[start - 1] != "\n"):
        return False
    return _DATELINE.match(text, start) is not None


def resolve_partial_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A name of two or more words that ends a longer name of the article is that name.

    The longer name must itself be the mention's own name (not a register entry or
    an acronym), of the same type (any type when the longer name is an "Operation
    …", whose head word says what it is), and neither start with "The" nor hold a
    possessive; a person's full name is left to the surname rule.
    """
    full = [
        m
        for m in mentions
        if m.resolution == "name"
        and m.type != "PERSON"
        and not _OWNER_OR_ARTICLE.search(m.canonical_name)
    ]
    # Only within one type: "New York" inside "State University of New York" is a place.
    out = []
    for mention in mentions:
        words = text[mention.start : mention.end].split()
        if mention.resolution != "name" or len(words) < 2:
            out.append(mention)
            continue
        longer = [
            f
            for f in full
            if (f.type == mention.type or _OPERATION.match(f.canonical_name))
            and len(f.canonical_name.split()) > len(words)
            and f.canonical_name.split()[-len(words) :] == words
        ]
        if len({f.canonical_name for f in longer}) != 1:
            out.append(mention)
            continue
        target = longer[0]
        out.append(
            replace(
                mention,
                canonical_name=target.canonical_name,
                type=target.type,
                resolution="short_name",
            )
        )
    return out


_STATE_BEFORE = re.compile(r"(?:\bGov\.|\b[Gg]overnor(?: of)?|\bupstate|\bState of)\s+$")
_STATE_AFTER = re.compile(
    r"^(?:[’']s?\s+(?:governor|attorney general|legislature|state|comptroller)\b"
    r"|\s+(?:Gov\.|Governor|Attorney General|Legislature|State Senate|State Assembly"
    r"|Assembly|lawmakers|state)\b)"
)


def in_state_context(start: int, end: int, text: str) -> bool:
    """Whether the place at ``text[start:end]`` is used as a state ("Gov. of New York",
    "New York’s attorney general", "New York Legislature")."""
    return bool(
        _STATE_BEFORE.search(text, max(0, start - 20), start)
        or _STATE_AFTER.match(text[end : end + 30])
    )

"""Span repair before correction: one model span that is two names, or a name cut short.

Belongs here: rules that turn one raw model span into the spans the text
shows, each general English news convention tested with invented sentences:

* an owner before a possessive is a name of its own: "the Harbor Board’s Safety
  Division" is the board and its division (a person after the owner is left to
  ``spans.py``);
* two organization names joined by "and" that each start with a head noun
  ("Department of Parks and Department of Roads") are two names;
* "Operation" before a span belongs to it, and the whole is an EVENT;
* the last word of a name of two or more words types it: Treaty, Act, Accords …
  make a LAW; Festival, Olympics, Cup, Summit … an EVENT; Institute,
  University, Agency … an ORG; Oblast, Province … a GPE;
* a match score glued to a team ("Ghana 2-1") and a stray "s " left by a
  possessive ("Board’s Jane Doe" cut after the apostrophe) are not part of it;
* a nickname in quotation marks inside a person's name (Ray J. “Ace” Okafor),
  which the model reads as two people, joins them into one name; the
  nickname is left out of the canonical name (``without_nickname``).

Not here: corrections of one span (titles, determiners, possessives at the end:
``spans.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.transforms.entities.spans import Span

_OWNER = re.compile(r"[’']s\s+(?=[A-Z])")
_HEADS = (
    r"(?:Department|Ministry|Office|Bureau|Agency|Committee|Council|Commission|Board"
    r"|Institute|University|College|School|Court)"
)
_COORDINATED = re.compile(rf"\s+and\s+(?=(?:the\s+)?{_HEADS}\b)")
# The last word of a name says its type whatever the model said.
_TYPE_BY_HEAD = (
    ("LAW", re.compile(r"\b(?:Treaty|Act|Accords?|Protocol|Amendment)$")),
    (
        "EVENT",
        re.compile(
            r"\b(?:Fest|Festival|Olympics|Games|Cup|Championships?|Summit|Marathon|War"
            r"|Evaluations?)$"
        ),
    ),
    (
        "ORG",
        re.compile(
            r"\b(?:Institute|University|College|Agency|Association|Gazette|Corporation|Inc\.?"
            r"|Company|Foundation|Party|Ministry|Department|Commission|Council|Committee)$"
        ),
    ),
    ("GPE", re.compile(r"\b(?:Oblast|Province|Krai|Prefecture|Governorate)$")),
)
_SCORE = re.compile(r"\s+\d+[-–]\d+$")


def repair_span(span: Span, text: str) -> list[Span]:
    """The spans one raw model span stands for, in text order."""
    span = _without_stray_s(span, text)
    span = _with_operation(span, text)
    match = _SCORE.search(span.text(text))
    if match:
        span = replace(span, end=span.start + match.start())
    pieces = [span]
    if span.label != "PERSON":
        pieces = [p for piece in pieces for p in _split(piece, text, _OWNER)]
    pieces = [
        p
        for piece in pieces
        for p in (
            _split(piece, text, _COORDINATED) if re.match(_HEADS, piece.text(text)) else [piece]
        )
    ]
    return [_typed_by_head(piece, text) for piece in pieces]


def _split(span: Span, text: str, separator: re.Pattern[str]) -> list[Span]:
    surface = span.text(text)
    match = separator.search(surface)
    if not match:
        return [span]
    first = replace(span, end=span.start + match.start())
    second = replace(span, start=span.start + match.end())
    if not any(c.isupper() for c in first.text(text)):
        return [second]
    return [first, *_split(second, text, separator)]


def _without_stray_s(span: Span, text: str) -> Span:
    surface = span.text(text)
    if surface.startswith("s ") and span.start > 0 and text[span.start - 1] in "’'":
        return replace(span, start=span.start + 2)
    return span


def _with_operation(span: Span, text: str) -> Span:
    word = "Operation "
    if text[max(0, span.start - len(word)) : span.start] == word:
        return replace(span, start=span.start - len(word), label="EVENT")
    return span


def _typed_by_head(span: Span, text: str) -> Span:
    surface = span.text(text)
    if " " not in surface:
        return span  # one word ("Games", "Party") is left to the other rules
    for label, head in _TYPE_BY_HEAD:
        if head.search(surface):
            return replace(span, label=label)
    return span


# One to three capitalized words between marks, nothing else: a nickname, not a quotation.
_NICK = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}"
_NICKNAME_BETWEEN = re.compile(rf"^ ?[“\"]{_NICK}[”\"] $")
_NICKNAME = re.compile(rf"\s*[“\"]{_NICK}[”\"]\s*")


def join_nicknames(spans: list[Span], text: str) -> list[Span]:
    """Two person spans around a quoted nickname become one span over the whole name."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in ordered:
        if out and out[-1].label == span.label == "PERSON":
            previous = out[-1]
            head = text[previous.start : previous.end].rstrip('“" ')
            between = text[previous.start + len(head) : span.start]
            if head and _NICKNAME_BETWEEN.match(between):
                out[-1] = replace(previous, end=span.end)
                continue
        out.append(span)
    return out


def without_nickname(name: str) -> str:
    """ "Ray J. “Ace” Okafor" → "Ray J. Okafor"."""
    return " ".join(_NICKNAME.sub(" ", name).split())

"""PolNeAR (Newell, Margolin and Ruths, LREC 2018) as gold direct quotations.

Belongs here: reading a local copy of PolNeAR (its texts are not openly
licensed, so they are never committed) into a ``Gold``. Only the ``train``
split (for looking at errors) and the ``dev`` split (for reporting) are read;
the third split is kept for independent evaluation and this module refuses it.

PolNeAR annotates attribution relations (source, cue, content spans, brat
standoff). Each stretch in quotation marks inside a content span becomes a
gold direct quotation (offsets between the marks, a trailing joining comma
left out, as in our guidelines), and the relation's source span becomes its
speaker; a quotation inside nested relations takes the innermost one's (the
smallest content span holding it: "According to the reports, Doe said “…”" is
Doe's, as the dataset's `speaker` is who spoke). Scare quotes that attribute
nothing are not annotated by PolNeAR, so precision here counts them against
us: read it as a lower bound.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from pipelines.evaluation.gold import GOLD_QUOTE_SCHEMA, Gold

SPLITS = ("train", "dev")
_QUOTED = re.compile(r"[“\"]([^“”\"]*)[”\"]")
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
        "who",
    ]
)
_FUNCTION_WORDS = _PRONOUNS | frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "both",
        "each",
        "many",
        "some",
        "one",
        "two",
        "several",
    ]
)

_DETERMINERS = (
    "the|a|an|one|another|some|several|many|two|three|four|both|each|this|that|these"
    "|those|any|other|most|few"
)
# A determiner, then words up to the head: the last word before ",", "(", a dash, a
# relative pronoun or the end must start lowercase.
_DESCRIPTION = re.compile(
    rf"^(?i:{_DETERMINERS})\s(?:[^,(—–]*?\s)?[a-z][\w’'-]*"
    r"(?=\s*(?:$|[,(—–]|\s--|\s(?:who|whom|which|that|whose|with|at|of|for|from|in|on|to|by"
    r"|about|under|near|within|among|between|behind|after|during|against|close|familiar"
    r"|knowledgeable|involved|briefed|speaking)\b))"
)


def polnear_gold(root: Path, split: str) -> Gold:
    """Gold quotations of one PolNeAR split from a local copy (a clone of the repository).

    Raises:
        ValueError: for any split but train and dev.
        FileNotFoundError: when ``root`` is not a PolNeAR copy.
    """
    if split not in SPLITS:
        raise ValueError(f"PolNeAR split {split!r} is not read here: use train or dev")
    data = root / "data" / split
    if not (data / "text").is_dir() or not (data / "attributions").is_dir():
        raise FileNotFoundError(
            f"{root} is not a PolNeAR copy: expected data/{split}/text and "
            f"data/{split}/attributions (git clone https://github.com/networkdynamics/PolNeAR)"
        )
    rows: list[dict] = []
    docs = sorted(p.name for p in (data / "text").glob("*.txt"))
    annotations = _one_annotation_per_article(data / "attributions")
    for doc in docs:
        ann = annotations.get(doc.removesuffix(".txt"))
        if ann is None:
            continue
        text = (data / "text" / doc).read_text(encoding="utf-8")
        rows.extend(_article_quotes(doc, text, ann.read_text(encoding="utf-8")))
    quotes = (
        pl.DataFrame(rows, schema=GOLD_QUOTE_SCHEMA)
        .unique(["doc", "quote_start", "quote_end"], keep="first", maintain_order=True)
        .sort("doc", "quote_start", "quote_end")
    )
    return Gold(
        f"PolNeAR {split}", data / "text", tuple(docs), quotes, None, None, lenient_speakers=True
    )


def _one_annotation_per_article(folder: Path) -> dict[str, Path]:
    """Articles annotated by several annotators: the first annotator file by name."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, path)
    return chosen


def _article_quotes(doc: str, text: str, annotation: str) -> list[dict]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[dict[str, str]] = []
    for line in annotation.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            ranges = fields[1].split(" ", 1)[1].split(";")
            spans[fields[0]] = [(int(a), int(b)) for a, b in (r.split() for r in ranges)]
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(part.split(":", 1) for part in fields[1].split()))
    found: list[tuple[int, dict]] = []
    for relation in relations:
        source = spans.get(relation.get("Source", ""), [])
        source_text = " ".join(text[a:b] for a, b in source) or None
        kind = source_kind(source_text)
        contents = [
            r for key in ("Content", "Content2") for r in spans.get(relation.get(key, ""), [])
        ]
        size = sum(end - start for start, end in contents)
        for key in ("Content", "Content2"):
            for start, end in spans.get(relation.get(key, ""), []):
                for q_start, q_end in quoted_stretches(text, start, end):
                    found.append(
                        (
                            size,
                            {
                                "doc": doc,
                                "quote_start": q_start,
                                "quote_end": q_end,
                                "speaker": source_text if kind == "name" else None,
                                "speaker_kind": kind,
                                "speaker_mention": source_text,
                                "cue": None,
                                "note": None,
                            },
                        )
                    )
    # A quotation inside nested attributions ("According to the reports, Doe said “…”")
    # is the innermost relation's: the smallest content that holds it names who spoke.
    return [row for _, row in sorted(found, key=lambda f: f[0])]


def quoted_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets between quotation marks inside ``text[start:end]`` (marks at its edges too)."""
    if start > 0 and text[start - 1] in '“"':
        start -= 1
    if end < len(text) and text[end] in '”"':
        end += 1
    found = []
    for match in _QUOTED.finditer(text, start, end):
        q_start, q_end = match.span(1)
        while q_start < q_end and text[q_start].isspace():
            q_start += 1
        while q_end > q_start and (text[q_end - 1].isspace() or text[q_end - 1] == ","):
            q_end -= 1
        if re.search(r"\w", text[q_start:q_end]):
            found.append((q_start, q_end))
    return found


def source_kind(source: str | None) -> str:
    """``name`` when the source span holds a capitalized word that is not a pronoun,
    unless it is written as a common-noun phrase.

    ``description``: a phrase led by a determiner whose head is a lowercase noun
    ("the officials", "one Clinton aide", "the Florida senator", "a September
    Washington Post-ABC News poll", "a person close to the Clintons"; the head is
    the last word before a comma, dash, parenthesis, relative pronoun,
    preposition or a post-head "close"/"familiar"/"speaking"). ``pronoun``: only
    pronouns. ``none``: no source annotated. "the Washington Post" and "Hillary Clinton’s campaign"
    are names.
    """
    if not source:
        return "none"
    tokens = re.findall(r"[\w’'.-]+", source)
    if _DESCRIPTION.match(source):
        return "description"
    if any(t[:1].isupper() and t.lower() not in _FUNCTION_WORDS for t in tokens):
        return "name"
    if all(t.lower() in _PRONOUNS for t in tokens):
        return "pronoun"
    return "description"

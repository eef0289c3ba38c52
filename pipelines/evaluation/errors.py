"""Error classes: why each gold quotation, speaker or entity was missed.

Belongs here: sorting the errors of one corpus into classes from the gold
annotation (speaker mention, cue, kinds, notes) and from what the pipeline
found, so rule work starts from counts. The first class that applies wins, in
the order the functions test them. Only for corpora we may tune on (the dev
half); the test half is never broken down.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import polars as pl

from pipelines.evaluation.gold import Gold
from pipelines.evaluation.predict import Predictions
from pipelines.evaluation.scoring import entity_sets, quote_keys, same_speaker
from pipelines.transforms.quotes.lexicon import CUE_LEMMAS

PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their", "its"]
)
_CUE_PHRASES = ("according to", ":")
_INTERRUPTION_CHARS = 160


def quote_error_classes(gold: Gold, predicted: Predictions) -> Counter[str]:
    """Counts of span and speaker errors by class."""
    classes: Counter[str] = Counter()
    found = quote_keys(predicted.quotes)
    gold_keys = quote_keys(gold.quotes)
    extra = set(found) - set(gold_keys)
    for key in sorted(set(gold_keys) - set(found)):
        overlapping = [k for k in extra if k[0] == key[0] and k[1] < key[2] and key[1] < k[2]]
        classes["span: boundary differs" if overlapping else "span: quotation missed"] += 1
        extra -= set(overlapping)
    classes["span: extra quotation"] += len(extra)
    names = _names_by_doc(predicted.names)
    rows = gold.quotes.sort("doc", "quote_start").iter_rows(named=True)
    previous: dict | None = None
    for row in rows:
        key = (row["doc"], row["quote_start"], row["quote_end"])
        if key in found:
            got = found[key]
            if row["speaker"] is None and got is not None:
                classes[f"speaker given to an unnamed quotation ({row['speaker_kind']})"] += 1
            elif row["speaker"] is not None and not same_speaker(got, row["speaker"]):
                if got is not None and _same_person_other_form(got, row["speaker"]):
                    classes["speaker wrong: short or long form of the right name"] += 1
                else:
                    outcome = "left null" if got is None else "wrong"
                    cause = _speaker_cause(gold, row, previous, names.get(row["doc"], set()))
                    classes[f"speaker {outcome}: {cause}"] += 1
        # an interruption is only the cause when the first part got its speaker
        right = key in found and row["speaker"] is not None
        previous = row if right and same_speaker(found[key], row["speaker"]) else None
    return classes


def _speaker_cause(gold: Gold, row: dict, previous: dict | None, names: set[str]) -> str:
    mention = (row["speaker_mention"] or "").strip()
    if previous is not None and _interrupted(gold, previous, row):
        return "interrupted quotation"
    if not mention or "continuation" in (row["note"] or ""):
        return "continuation paragraph (no attribution of its own)"
    if row["speaker_kind"] in ("organization", "document"):
        return "organization or document speaker"
    if (row["cue"] or "").strip() in (":", "—", "–"):
        return "colon lead-in or name label"
    if mention.split()[0].casefold() in PRONOUNS:
        return "pronoun"
    if not _cue_known(row["cue"]):
        return "reporting verb not recognized"
    if not any(w in names for w in row["speaker"].split() if w[:1].isupper()):
        return "name missed by NER"
    if mention[:1].islower():
        return "description names the speaker"
    if len(mention.split()) > len(row["speaker"].split()):
        return "name with a title or apposition"
    return "other"


def _same_person_other_form(got: str, gold: str) -> bool:
    """ "Doe" or "Dr. Jane Doe of the clinic" for "Jane Doe": the name words overlap."""
    got_words, gold_words = set(got.split()), set(gold.split())
    return bool(got_words & gold_words) and not got_words.isdisjoint(gold.split()[-1:])


@functools.lru_cache(maxsize=64)
def _text(path: Path) -> str:
    """A corpus file's text, read once however many quotations it holds."""
    return path.read_text(encoding="utf-8")


def _interrupted(gold: Gold, previous: dict, row: dict) -> bool:
    """The previous quotation (attributed right), same speaker, ends shortly before this one."""
    if previous["doc"] != row["doc"] or previous["speaker"] != row["speaker"]:
        return False
    text = _text(gold.texts / row["doc"])
    between = text[previous["quote_end"] : row["quote_start"]]
    return "\n" not in between and len(between) <= _INTERRUPTION_CHARS


def _cue_known(cue: str | None) -> bool:
    """Whether a gold cue is one the attribution rules know (by a rough lemma)."""
    if not cue:
        return True
    text = cue.casefold().strip()
    if any(text.startswith(p) for p in _CUE_PHRASES):
        return True
    for word in re.findall(r"[a-z]+", text):
        stems = {word, word[:-1], word[:-2], word[:-3], word[:-1] + "e", word[:-2] + "e"}
        stems |= {word[:-3] + "y", word[:-2] + "y"}  # replied, tries
        if stems & CUE_LEMMAS or word in {"said", "told", "wrote", "says", "tells"}:
            return True
    return False


def _names_by_doc(names: pl.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for doc, text in names.iter_rows():
        out.setdefault(doc, set()).update(text.split())
    return out


def entity_error_classes(gold: pl.DataFrame, predicted: pl.DataFrame) -> Counter[str]:
    """Counts of entity errors: wrong type, name boundary, missed, spurious."""
    required, ignored = entity_sets(gold)
    triples = {
        t
        for t in predicted.select("doc", "canonical_name", "type").iter_rows()
        if (t[0], t[1]) not in ignored
    }
    classes: Counter[str] = Counter()
    for doc, name, _kind in sorted(required - triples):
        same_name = {t for t in triples if t[0] == doc and t[1] == name}
        overlapping = {t for t in triples if t[0] == doc and _overlap(t[1], name)}
        if same_name:
            classes["entity: wrong type"] += 1
        elif overlapping:
            classes["entity: other name or boundary"] += 1
        else:
            classes["entity: missed"] += 1
        triples -= same_name | overlapping
    classes["entity: spurious"] += len(triples - required)
    return classes


def _overlap(a: str, b: str) -> bool:
    return a in b or b in a


def date_error_classes(gold: pl.DataFrame, predicted: pl.DataFrame) -> Counter[str]:
    """Counts of date errors: not read, read wrong."""
    joined = gold.join(predicted.rename({"published_date": "got"}), on="doc", how="left")
    unread = joined.filter(pl.col("got").is_null()).height
    wrong = joined.filter(pl.col("got").is_not_null() & (pl.col("got") != pl.col("published_date")))
    return Counter({"date: not read": unread, "date: read wrong": wrong.height})

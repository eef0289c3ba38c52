"""Scores: quotation spans, speakers, entities and dates against a gold standard.

Belongs here: pure functions from gold and predicted frames to figures. No
pipeline stages run here (see ``predict``) and nothing is printed (see ``report``).

Definitions:
- Quotation spans match exactly: same document, same raw-file offsets.
- Speaker accuracy is over gold quotations whose speaker the text names; a
  missed quotation counts as a wrong speaker (it has none).
- Unnamed quotations (gold speaker empty) that the pipeline found are correct
  when it left the speaker empty too.
- Entities are (document, canonical name, type) triples; gold entities marked
  ``borderline`` are ignored, found or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from pipelines.evaluation.gold import Gold

QuoteKey = tuple[str, int, int]
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]+")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    predicted: int
    gold: int
    hits: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class SpeakerScores:
    """Speaker outcomes: named gold quotations (right / left null / wrong) and unnamed ones."""

    named_right: int
    named_null: int
    named_wrong: int
    unnamed_null: int
    unnamed_attributed: int

    @property
    def named(self) -> int:
        return self.named_right + self.named_null + self.named_wrong

    @property
    def accuracy(self) -> float:
        return self.named_right / self.named if self.named else 0.0

    @property
    def unnamed(self) -> int:
        return self.unnamed_null + self.unnamed_attributed

    @property
    def unnamed_left_null(self) -> float:
        return self.unnamed_null / self.unnamed if self.unnamed else 0.0


def quote_keys(frame: pl.DataFrame) -> dict[QuoteKey, str | None]:
    """``(doc, quote_start, quote_end)`` → speaker, for gold or predicted quotations."""
    return {
        (doc, start, end): speaker
        for doc, start, end, speaker in frame.select(
            "doc", "quote_start", "quote_end", "speaker"
        ).iter_rows()
    }


def span_scores(gold: pl.DataFrame, predicted: pl.DataFrame) -> PRF:
    """Exact-span precision, recall and F1."""
    g, p = set(quote_keys(gold)), set(quote_keys(predicted))
    return PRF(len(p), len(g), len(g & p))


def same_speaker(predicted: str | None, gold: str, lenient: bool = False) -> bool:
    """Whether a predicted speaker is the gold one.

    Exact: equal after case folding and without a leading "the". Lenient (gold
    speakers written as in the text, e.g. PolNeAR source spans): the predicted
    name shares a capitalized name word with the gold span (a span that ends in
    a possessive, "Trump's", names the owner; "Trump's aide" does not), or the
    gold span holds the predicted name's acronym ("the FBI" for "Federal Bureau
    of Investigation").
    """
    if predicted is None:
        return False
    if not lenient:
        return _norm(predicted) == _norm(gold)
    words = re.findall(r"[\w’'.-]+", gold)
    if words:  # a span ending in a possessive names its owner ("Trump's" pledge)
        words[-1] = _POSSESSIVE.sub("", words[-1])
    gold_words = {w.casefold() for w in words}
    name_words = _NAME_WORD.findall(predicted)
    if any(w.casefold() in gold_words for w in name_words):
        return True
    acronym = "".join(w[0] for w in name_words)
    return len(acronym) >= 2 and acronym.casefold() in gold_words


def _norm(name: str) -> str:
    return _LEADING_ARTICLE.sub("", " ".join(name.split())).casefold()


def speaker_scores(gold: Gold, predicted: pl.DataFrame) -> SpeakerScores:
    """Speaker outcomes over the gold quotations (see the module docstring)."""
    found = quote_keys(predicted)
    counts = dict.fromkeys(("right", "null", "wrong", "u_null", "u_attr"), 0)
    for key, speaker in quote_keys(gold.quotes).items():
        got = found.get(key)
        if speaker is None:
            if key in found:
                counts["u_null" if got is None else "u_attr"] += 1
        elif same_speaker(got, speaker, gold.lenient_speakers):
            counts["right"] += 1
        else:
            counts["null" if got is None else "wrong"] += 1
    return SpeakerScores(
        counts["right"], counts["null"], counts["wrong"], counts["u_null"], counts["u_attr"]
    )


def entity_scores(gold: pl.DataFrame, predicted: pl.DataFrame) -> PRF:
    """(doc, canonical name, type) P/R/F1, borderline gold entities ignored."""
    required, ignored = entity_sets(gold)
    triples = {t for t in predicted.select("doc", "canonical_name", "type").iter_rows()}
    kept = {t for t in triples if (t[0], t[1]) not in ignored}
    return PRF(len(kept), len(required), len(kept & required))


def entity_sets(gold: pl.DataFrame) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    required = set(
        gold.filter(pl.col("status") == "required")
        .select("doc", "canonical_name", "type")
        .iter_rows()
    )
    ignored = set(
        gold.filter(pl.col("status") == "borderline").select("doc", "canonical_name").iter_rows()
    ) - {(d, n) for d, n, _ in required}
    return required, ignored


def date_scores(gold: pl.DataFrame, predicted: pl.DataFrame) -> tuple[int, int, int]:
    """(right, read but wrong, not read) over articles with a gold publication date."""
    joined = gold.filter(pl.col("published_date").is_not_null()).join(
        predicted.rename({"published_date": "got"}), on="doc", how="left"
    )
    right = joined.filter(pl.col("got") == pl.col("published_date")).height
    unread = joined.filter(pl.col("got").is_null()).height
    return right, joined.height - right - unread, unread

"""``make evaluate-peer``: our quotations against a peer extractor's, on the same texts.

The peer is textacy's ``direct_quotations`` (textacy 0.13.0, rule-based over a
spaCy parse), run with the same spaCy model on the same cleaned article text
our pipeline reads; its quotations are mapped back to raw-file offsets the same
way as ours and scored by the same scorer. On an article with an odd number of
quotation marks textacy refuses to guess and returns nothing (it raises; we
count that article as no quotations). textacy returns the subject tokens
as written ("Whitfield", "she"), not canonical names, so both systems are
scored here with the lenient speaker match (a speaker is right when it shares a
capitalized name word with the gold speaker), which favours the peer.

textacy is not a dependency of the project: ``make evaluate-peer`` runs this
module with ``uv run --with textacy==0.13.0``.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.evaluation.corpus import articles_from_folder
from pipelines.evaluation.gold import Gold, dev_corpus, with_register_names
from pipelines.evaluation.polnear import polnear_gold
from pipelines.evaluation.predict import Models, predict, raw_offsets
from pipelines.evaluation.scoring import PRF, SpeakerScores, span_scores, speaker_scores
from pipelines.resources import DEFAULT_REGISTER, DEFAULT_SPACY_MODEL
from pipelines.transforms.entities.register import load_register
from pipelines.transforms.nlp import load_pipeline

_MARKS = "“”\"„«»‘’' \n"


def peer_quotes(nlp: Any, gold: Gold) -> pl.DataFrame:
    """textacy's direct quotations of ``gold``'s files, in raw-file offsets."""
    from textacy.extract.triples import direct_quotations

    articles = articles_from_folder(gold.texts, gold.docs)
    rows = []
    for doc_name, text in articles.select("source_path", "text").iter_rows():
        try:
            triples = list(direct_quotations(nlp(text)))
        except ValueError:  # textacy bails out on an odd number of quotation marks
            triples = []
        for triple in triples:
            body = triple.content.text.strip(_MARKS)
            if not body:
                continue
            rows.append(
                {
                    "doc": doc_name,
                    "quote_text": body,
                    "speaker": " ".join(t.text for t in triple.speaker) or None,
                    "cue": " ".join(t.text for t in triple.cue) or None,
                    "attribution": "textacy",
                    "kind": "direct",
                    "quote_start": triple.content.start_char,
                    "quote_end": triple.content.end_char,
                }
            )
    frame = pl.DataFrame(
        rows,
        schema={
            "doc": pl.String,
            "quote_text": pl.String,
            "speaker": pl.String,
            "cue": pl.String,
            "attribution": pl.String,
            "kind": pl.String,
            "quote_start": pl.Int64,
            "quote_end": pl.Int64,
        },
    )
    return raw_offsets(frame, gold.texts)


def compare(gold: Gold, models: Models) -> list[tuple[str, PRF, SpeakerScores, SpeakerScores]]:
    """Span scores, lenient speaker scores, and lenient speaker scores over only the gold
    quotations each system found, for our pipeline and the peer on ``gold``."""
    if not gold.lenient_speakers:
        gold = with_register_names(gold, models.register)
    lenient = replace(gold, lenient_speakers=True)
    ours = predict(gold, models).quotes
    theirs = peer_quotes(models.nlp, gold)
    return [
        (
            name,
            span_scores(gold.quotes, frame),
            speaker_scores(lenient, frame),
            speaker_scores(_found_only(lenient, frame), frame),
        )
        for name, frame in (("newsdata", ours), ("textacy 0.13.0", theirs))
    ]


def _found_only(gold: Gold, predicted: pl.DataFrame) -> Gold:
    keys = predicted.select("doc", "quote_start", "quote_end")
    return replace(gold, quotes=gold.quotes.join(keys, on=["doc", "quote_start", "quote_end"]))


def main() -> None:
    """Print one row per corpus and system."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=os.environ.get("NEWSDATA_POLNEAR"))
    parser.add_argument("--model", default=DEFAULT_SPACY_MODEL)
    args = parser.parse_args()
    try:
        corpora = [dev_corpus("dev"), dev_corpus("test")]
        if args.polnear:
            corpora += [polnear_gold(args.polnear, "train"), polnear_gold(args.polnear, "dev")]
    except (FileNotFoundError, ValueError) as exc:
        sys.exit(f"error: {exc}")
    models = Models(load_pipeline(args.model), load_register(DEFAULT_REGISTER))
    print(f"model {args.model}; speakers scored leniently for both systems\n")
    print(
        "| corpus | system | span P / R / F1 | speaker accuracy (named) "
        "| speaker accuracy on the quotations it found |"
    )
    print("| --- | --- | --- | --- | --- |")
    for gold in corpora:
        print(f"evaluating {gold.name}…", file=sys.stderr)
        for system, spans, sp, found in compare(gold, models):
            print(
                f"| {gold.name} | {system} | {spans.precision:.3f} / {spans.recall:.3f} / "
                f"{spans.f1:.3f} | {_speakers(sp)} | {_speakers(found)} |",
                flush=True,
            )


def _speakers(sp: SpeakerScores) -> str:
    return (
        f"{sp.accuracy:.3f} ({sp.named_right}/{sp.named}: {sp.named_null} null, "
        f"{sp.named_wrong} wrong)"
    )


if __name__ == "__main__":
    main()

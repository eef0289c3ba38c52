"""Generate a synthetic news corpus with known exact and near duplicates.

``python -m pipelines.bench.generate OUT --articles 10000 --seed 1`` writes
``OUT/corpus/*.txt`` (header conventions of the real seeds: a ``date`` marker or a
headline line, paragraphs, attributed quotations) and ``OUT/truth.csv`` (file,
cluster, role): every duplicate's cluster is its original's, so dedup precision
and recall can be measured. Output is a pure function of the arguments.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

FIRST = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kira",
    "Luis",
    "Maya",
    "Nikhil",
    "Olga",
    "Pedro",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
]
LAST = [
    "Alvarez",
    "Brennan",
    "Chen",
    "Diallo",
    "Eriksen",
    "Fischer",
    "Gupta",
    "Hassan",
    "Ivanova",
    "Jones",
    "Kowalski",
    "Lopez",
    "Mensah",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quintero",
    "Rossi",
    "Singh",
    "Thompson",
]
ORGS = [
    "the Harbor Transit Authority",
    "the City Council",
    "the Parks Department",
    "the Tenants Union",
    "the Board of Education",
    "the Port Commission",
]
PLACES = ["Brooklyn", "Queens", "the Bronx", "Harlem", "Staten Island", "Chinatown"]
TOPICS = [
    "ferry service",
    "rent relief",
    "school buses",
    "street trees",
    "flood walls",
    "library hours",
    "bike lanes",
    "public housing",
    "night markets",
    "bridge repairs",
]
VERBS = ["said", "told reporters", "added", "explained", "warned", "argued"]
FILLER = [
    "Officials in {place} met on {weekday} to discuss {topic} and the budget for next year.",
    "{org} released figures showing that demand for {topic} rose sharply in {place}.",
    "Residents of {place} have asked for more public meetings about {topic}.",
    "The proposal on {topic} would cost about {n} million dollars over five years.",
    "Critics said the plan for {topic} ignored the neighborhoods that need it most.",
    "A vote on {topic} is expected before the end of the {season} session.",
    "Community groups in {place} collected {n} hundred signatures in support.",
    "Engineers from {org} will study {topic} in {place} through the {season}.",
]
QUOTES = [
    "We cannot wait another year for {topic}, and neither can the families in {place}",
    "This plan puts {place} first and it will be paid for honestly",
    "Nobody asked the people who actually use {topic} what they need",
    "We have the money, we have the support, and now we have the vote",
    "It is a small step, but it is the right step for {place}",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SEASONS = ["spring", "summer", "fall", "winter"]


def _article(rng: random.Random) -> tuple[str, list[str]]:
    topic, place, org = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(ORGS)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    headline = f"{place} Weighs New Plan for {topic.title()}"

    def fill(template: str) -> str:
        return template.format(
            topic=topic,
            place=place,
            org=org,
            n=rng.randint(2, 90),
            weekday=rng.choice(WEEKDAYS),
            season=rng.choice(SEASONS),
        )

    paragraphs = [f"{person}, who leads {org}, presented a plan on {topic} for {place}."]
    for _ in range(rng.randint(6, 12)):
        sentences = [fill(rng.choice(FILLER)) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.4:
            quote = fill(rng.choice(QUOTES))
            speaker = person.split()[-1] if rng.random() < 0.7 else "she"
            sentences.append(f"“{quote},” {speaker} {rng.choice(VERBS)}.")
        paragraphs.append(" ".join(sentences))
    return headline, paragraphs


def _render(headline: str, paragraphs: list[str], date: dt.date | None) -> str:
    if date is not None:
        return f" date {date.isoformat()} " + "\n\n".join(paragraphs) + "\n"
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _near_copy(rng: random.Random, headline: str, paragraphs: list[str]) -> tuple[str, list[str]]:
    """A syndicated copy: other headline, one sentence dropped or added, spacing changed."""
    copy = list(paragraphs)
    index = rng.randrange(1, len(copy))
    sentences = copy[index].split(". ")
    if len(sentences) > 1 and rng.random() < 0.5:
        sentences.pop(rng.randrange(len(sentences)))
    else:
        sentences.append("A spokesperson declined to comment further")
    copy[index] = ". ".join(sentences)
    return f"Syndicated: {headline}", [p.replace(" the ", "  the ", 1) for p in copy]


def generate(
    out: Path, articles: int, seed: int = 1, exact_share: float = 0.05, near_share: float = 0.05
) -> None:
    """Write ``articles`` files (originals plus duplicates) and ``truth.csv``."""
    rng = random.Random(seed)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    originals: list[tuple[str, str, list[str], dt.date | None]] = []
    truth = []
    for number in range(articles):
        name = f"{number:06d}.txt"
        roll = rng.random()
        if originals and roll < exact_share:
            source, headline, paragraphs, date = rng.choice(originals)
            text = _render(headline, paragraphs, date)
            if rng.random() < 0.5:
                text = "\ufeff" + text.replace("\n", "\r\n")
            truth.append((name, source, "exact"))
        elif originals and roll < exact_share + near_share:
            source, headline, paragraphs, date = rng.choice(originals)
            text = _render(*_near_copy(rng, headline, paragraphs), None)
            truth.append((name, source, "near"))
        else:
            headline, paragraphs = _article(rng)
            date = (
                dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
                if (rng.random() < 0.6)
                else None
            )
            text = _render(headline, paragraphs, date)
            originals.append((name, headline, paragraphs, date))
            truth.append((name, name, "original"))
        (corpus / name).write_bytes(text.encode("utf-8"))
    with (out / "truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "cluster", "role"])
        writer.writerows(truth)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} files and truth.csv to {args.out}")


if __name__ == "__main__":
    main()

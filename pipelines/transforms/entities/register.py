"""The curated entity register: canonical names, types, aliases, Wikidata IDs.

Belongs here: reading the register file (data, not code) and finding its
aliases in text. Alias matching is case-sensitive and whole-word, longest
alias first, so "New York Post" is not read as "New York".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pipelines.transforms.entities.spans import PUBLISHED_LABELS, Span

ALIAS_SEPARATOR = "|"
# A word that makes a place name another place ("Latin America", "South Korea",
# "New Mexico"): an alias right after it is part of that other name.
_PLACE_QUALIFIER = re.compile(
    r"\b(?:North|South|East|West|Central|Latin|Middle|Upper|Lower|New|Greater|Northern"
    r"|Southern|Eastern|Western)\s+$"
)


@dataclass(frozen=True)
class RegisterEntry:
    """One curated entity."""

    canonical_name: str
    type: str
    aliases: tuple[str, ...]
    wikidata_id: str | None


class Register:
    """Alias lookup and alias search over the curated entities."""

    def __init__(self, entries: list[RegisterEntry]):
        self.entries = entries
        self._by_alias: dict[str, RegisterEntry] = {}
        for entry in entries:
            for alias in (entry.canonical_name, *entry.aliases):
                known = self._by_alias.setdefault(alias, entry)
                if known is not entry:
                    raise ValueError(
                        f"register alias {alias!r} names both "
                        f"{known.canonical_name!r} and {entry.canonical_name!r}"
                    )
        aliases = sorted(self._by_alias, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")
            if aliases
            else None
        )

    def lookup(self, name: str) -> RegisterEntry | None:
        """The entry one of whose names is exactly ``name``, if any."""
        return self._by_alias.get(name)

    def find(self, text: str) -> list[tuple[Span, RegisterEntry]]:
        """Every whole-word occurrence of an alias in ``text``, labelled with its type."""
        if self._pattern is None:
            return []
        return [
            (Span(m.start(), m.end(), self._by_alias[m.group(0)].type), self._by_alias[m.group(0)])
            for m in self._pattern.finditer(text)
            if not (
                self._by_alias[m.group(0)].type in {"GPE", "LOC"}
                and _PLACE_QUALIFIER.search(text, max(0, m.start() - 12), m.start())
            )
        ]


def load_register(path: Path) -> Register:
    """Read the register CSV (``canonical_name,type,aliases,wikidata_id,…``).

    Raises:
        ValueError: naming the file and row, for an unknown type, a malformed
            Wikidata ID, or an alias claimed by two entries.
    """
    entries = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = row["type"].strip()
            qid = (row.get("wikidata_id") or "").strip() or None
            if kind not in PUBLISHED_LABELS:
                raise ValueError(
                    f"{path}:{line}: type {kind!r} is not one of {sorted(PUBLISHED_LABELS)}"
                )
            if qid is not None and not re.fullmatch(r"Q[1-9]\d*", qid):
                raise ValueError(f"{path}:{line}: wikidata_id {qid!r} is not a Q-number")
            aliases = tuple(a.strip() for a in row["aliases"].split(ALIAS_SEPARATOR) if a.strip())
            entries.append(RegisterEntry(row["canonical_name"].strip(), kind, aliases, qid))
    try:
        return Register(entries)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc

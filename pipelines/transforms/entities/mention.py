"""``Mention``: one resolved entity mention of an article (shared by the resolution rules)."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.transforms.entities.register import RegisterEntry


@dataclass(frozen=True)
class Mention:
    """A resolved mention: where it is, what the model said, which entity it names."""

    start: int
    end: int
    model_label: str | None
    canonical_name: str
    type: str
    resolution: str  # register, acronym, short_name, name
    entry: RegisterEntry | None = None

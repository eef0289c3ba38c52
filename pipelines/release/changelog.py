"""What changed between two versions, in words: the CHANGELOG entry of an automatic release.

Belongs here: comparing each table of a new release with the previous published
version (tables and columns added or removed, column types changed, rows added,
removed and changed by primary key, with the columns that changed) and writing
that as a Markdown entry at the top of ``CHANGELOG.md``. Not here: deciding the
version number (``policy.py``) or writing the version (``publish.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from schemas.derive import arrow_schema, json_cell
from schemas.registry import TABLES

HEADER_END = "\n## "  # entries start at the first second-level heading


@dataclass
class TableDiff:
    """How one table differs from the previous version's."""

    name: str
    status: str = "same"  # same, added, removed, changed
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    types_changed: list[str] = field(default_factory=list)
    rows_added: int = 0
    rows_removed: int = 0
    rows_changed: int = 0
    changed_columns: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The diff as changelog bullet texts (none when the table is the same)."""
        if self.status in {"added", "removed"}:
            return [f"Table `{self.name}` {self.status}."]
        out = [f"`{self.name}.{c}` added." for c in self.columns_added]
        out += [f"`{self.name}.{c}` removed." for c in self.columns_removed]
        out += [f"`{self.name}.{c}` changed type." for c in self.types_changed]
        counts = [
            f"{n} {'row' if n == 1 else 'rows'} {what}"
            for n, what in (
                (self.rows_added, "added"),
                (self.rows_removed, "removed"),
                (self.rows_changed, "changed"),
            )
            if n
        ]
        if counts:
            text = f"`{self.name}`: {', '.join(counts)}"
            if self.changed_columns:
                cols = ", ".join(f"{c} {n}" for c, n in sorted(self.changed_columns.items()))
                text += f" (changed values by column: {cols})"
            out.append(text + ".")
        return out


def diff_tables(previous_dir: Path, tables: dict[str, pl.DataFrame]) -> list[TableDiff]:
    """Every table of the registry compared with ``previous_dir``'s Parquet file."""
    diffs = []
    for name in sorted(set(TABLES) | {p.stem for p in previous_dir.glob("*.parquet")}):
        old_path = previous_dir / f"{name}.parquet"
        if name not in tables:
            diffs.append(TableDiff(name, "removed"))
        elif not old_path.exists():
            diffs.append(TableDiff(name, "added"))
        else:
            diffs.append(_diff_table(name, old_path, tables[name]))
    return diffs


def _diff_table(name: str, old_path: Path, new: pl.DataFrame) -> TableDiff:
    spec = TABLES[name]
    old_schema = pq.read_schema(old_path)
    new_schema = arrow_schema(spec.model)
    diff = TableDiff(name)
    diff.columns_added = [c for c in new_schema.names if c not in old_schema.names]
    diff.columns_removed = [c for c in old_schema.names if c not in new_schema.names]
    common = [c for c in new_schema.names if c in old_schema.names]
    diff.types_changed = [
        c for c in common if not new_schema.field(c).type.equals(old_schema.field(c).type)
    ]
    keys = list(spec.primary_key)
    old = pl.read_parquet(old_path)
    new = new.select(new_schema.names)
    if set(keys) <= set(common):
        diff.rows_added = new.join(old, on=keys, how="anti", nulls_equal=True).height
        diff.rows_removed = old.join(new, on=keys, how="anti", nulls_equal=True).height
        values = [c for c in common if c not in keys]
        both = new.select(keys + values).join(
            old.select(keys + values), on=keys, how="inner", suffix="__old", nulls_equal=True
        )
        differs = {c: _text(both[c]).ne_missing(_text(both[f"{c}__old"])) for c in values}
        diff.changed_columns = {c: int(s.sum()) for c, s in differs.items() if s.any()}
        if differs:
            any_change = pl.DataFrame(differs).select(pl.any_horizontal(pl.all())).to_series()
            diff.rows_changed = int(any_change.sum())
    elif new.height != old.height:
        diff.rows_added = max(0, new.height - old.height)
        diff.rows_removed = max(0, old.height - new.height)
    changed = diff.lines()
    diff.status = "changed" if changed else "same"
    return diff


def _text(column: pl.Series) -> pl.Series:
    """A column as text, to compare values across types (lists as their CSV JSON)."""
    if column.dtype.is_nested():
        return pl.Series([json_cell(v) for v in column.to_list()], dtype=pl.String)
    return column.cast(pl.String)


def changelog_entry(
    version: str, released: str, previous: str, level: str, diffs: list[TableDiff]
) -> str:
    """The Markdown entry for an automatic release."""
    lines = [line for d in diffs for line in d.lines()]
    if not lines:
        lines = ["No table changed; metadata files (card, manifest, package) did."]
    body = "\n".join(f"- {line}" for line in lines)
    return (
        f"## {version} — {released}\n\n"
        f"Published automatically: a {level} release over {previous}, computed from the "
        f"difference below.\n\n{body}\n"
    )


def prepend_entry(path: Path, entry: str, title: str = "# Dataset changelog\n") -> None:
    """Write ``entry`` above the newest entry of ``path`` (created if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else title
    cut = text.find(HEADER_END)
    if cut < 0:
        text = text.rstrip("\n") + "\n\n" + entry
    else:
        text = text[: cut + 1] + entry + "\n" + text[cut + 1 :]
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)

"""Summary statistics and figures of a version, computed from its tables when it is
published.

Belongs here: the card's "Summary" section (counts, date range, quotations per
article, entity types, top speakers, articles per month) and the SVG figures the
card embeds. Figures are written with matplotlib, deterministically (fixed hash
salt, no dates or creator in the metadata, text as paths), so a rebuild gives
byte-identical files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

TOP_SPEAKERS = 10
FIGURES = {
    "figure-articles-per-month.svg": "Articles per month of publication",
    "figure-top-speakers.svg": "Speakers with the most quotations",
    "figure-entity-types.svg": "Entities by type",
    "figure-quotations-per-article.svg": "Quotations per article",
}


def articles_per_month(articles: pl.DataFrame) -> pl.DataFrame:
    """``month`` (YYYY-MM, or ``undated``) and ``articles``, in month order."""
    return (
        articles.select(month=pl.col("published_date").dt.strftime("%Y-%m").fill_null("undated"))
        .group_by("month")
        .len("articles")
        .sort("month")
    )


def top_speakers(quotes: pl.DataFrame, limit: int = TOP_SPEAKERS) -> pl.DataFrame:
    """``speaker`` and ``quotations``: the named speakers with the most quotations."""
    return (
        quotes.filter(pl.col("speaker").is_not_null())
        .group_by("speaker")
        .len("quotations")
        .sort(["quotations", "speaker"], descending=[True, False])
        .head(limit)
    )


def entity_types(entities: pl.DataFrame) -> pl.DataFrame:
    """``type`` and ``entities``, most frequent first."""
    return (
        entities.group_by("type")
        .len("entities")
        .sort(["entities", "type"], descending=[True, False])
    )


def quotations_per_article(articles: pl.DataFrame, quotes: pl.DataFrame) -> pl.Series:
    """How many quotations each article holds (zero included), in article order."""
    counts = quotes.group_by("article_id").len("quotations")
    return (
        articles.select("article_id")
        .join(counts, on="article_id", how="left")
        .sort("article_id")["quotations"]
        .fill_null(0)
    )


def summary_lines(tables: dict[str, pl.DataFrame]) -> list[str]:
    """The card's "Summary" section, as Markdown lines (figures embedded)."""
    articles, quotes, entities = tables["articles"], tables["quotes"], tables["entities"]
    dated = articles["published_date"].drop_nulls().sort().to_list()
    per_article = quotations_per_article(articles, quotes)
    named = quotes.filter(pl.col("speaker").is_not_null()).height
    lines = [
        "## Summary",
        "",
        f"- {articles.height} articles"
        + (f", published {dated[0]} to {dated[-1]}" if dated else "")
        + f" ({articles.height - len(dated)} undated), in "
        + ", ".join(f"`{lang}`" for lang in sorted(articles["language"].unique().to_list()))
        + f"; {tables['article_duplicates'].height} duplicates and "
        f"{tables['rejections'].height} rejected inputs.",
        f"- {quotes.height} quotations, {named} with a named speaker"
        + (f" ({named / quotes.height:.0%})" if quotes.height else "")
        + f"; per article: median {_number(per_article.median())}, "
        f"max {_number(per_article.max())}.",
        f"- {entities.height} entities, {tables['entity_mentions'].height} mentions.",
        "",
        _table(entity_types(entities)),
        "",
        "Top speakers by quotations:",
        "",
        _table(top_speakers(quotes)),
        "",
        "Articles per month:",
        "",
        _table(articles_per_month(articles)),
        "",
    ]
    for name, title in FIGURES.items():
        lines += [f"![{title}]({name})", ""]
    return lines


def write_figures(tables: dict[str, pl.DataFrame], folder: Path) -> list[str]:
    """Write the card's figures into ``folder``; returns their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    plt.rcParams.update({"svg.hashsalt": "newsdata", "svg.fonttype": "path"})
    articles, quotes = tables["articles"], tables["quotes"]
    month = articles_per_month(articles)
    speakers = top_speakers(quotes).reverse()
    types = entity_types(tables["entities"])
    per_article = quotations_per_article(articles, quotes).to_list()
    plots: dict[str, Any] = {
        "figure-articles-per-month.svg": lambda ax: ax.bar(*_columns(month)),
        "figure-top-speakers.svg": lambda ax: ax.barh(*_columns(speakers)),
        "figure-entity-types.svg": lambda ax: ax.bar(*_columns(types)),
        "figure-quotations-per-article.svg": lambda ax: ax.hist(
            per_article, bins=range(0, max(per_article, default=0) + 2)
        ),
    }
    for name, draw in plots.items():
        figure, ax = plt.subplots(figsize=(7, 3.5))
        draw(ax)
        figure.suptitle(FIGURES[name])  # over the figure: long labels narrow the axes
        horizontal = name == "figure-top-speakers.svg"
        counts = ax.xaxis if horizontal else ax.yaxis
        counts.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers
        if name in {"figure-articles-per-month.svg", "figure-entity-types.svg"}:
            ax.tick_params(axis="x", labelrotation=45)  # category labels side by side
        figure.tight_layout()
        figure.savefig(folder / name, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(figure)
    return list(plots)


def _columns(frame: pl.DataFrame) -> tuple[list[Any], list[Any]]:
    """A two-column frame as plain lists (an empty table draws an empty figure)."""
    return frame[frame.columns[0]].to_list(), frame[frame.columns[1]].to_list()


def _table(frame: pl.DataFrame) -> str:
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    rows = [
        "| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |"
        for row in frame.iter_rows()
    ]
    return "\n".join([header, rule, *rows])


def _number(value: Any) -> str:
    return "0" if value is None else f"{float(value):g}"

"""The card's summary statistics and figures, on tables written for the test."""

import datetime as dt
import xml.etree.ElementTree as ET

import polars as pl

from pipelines.release.summary import FIGURES, summary_lines, write_figures


def _tables():
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "published_date": [dt.date(2025, 1, 5), dt.date(2025, 1, 20), None],
            "language": ["en", "en", "es"],
        }
    )
    quotes = pl.DataFrame(
        {
            "article_id": ["a", "a", "a", "b"],
            "speaker": ["Ana Ruiz", "Ana Ruiz", None, "Bo | Li"],
        }
    )
    entities = pl.DataFrame({"type": ["PERSON", "PERSON", "ORG"]})
    return {
        "articles": articles,
        "quotes": quotes,
        "entities": entities,
        "entity_mentions": pl.DataFrame({"entity_id": ["x"] * 7}),
        "article_duplicates": pl.DataFrame({"article_id": ["a"]}),
        "rejections": pl.DataFrame({"reason": []}, schema={"reason": pl.String}),
    }


def test_summary_counts_dates_speakers_types_and_months():
    text = "\n".join(summary_lines(_tables()))
    assert (
        "- 3 articles, published 2025-01-05 to 2025-01-20 (1 undated), in `en`, `es`; "
        "1 duplicates and 0 rejected inputs." in text
    )
    assert "- 4 quotations, 3 with a named speaker (75%); per article: median 1, max 3." in text
    assert "- 3 entities, 7 mentions." in text
    assert "| PERSON | 2 |\n| ORG | 1 |" in text
    assert "| Ana Ruiz | 2 |\n| Bo \\| Li | 1 |" in text  # a pipe in a name is escaped
    assert "| 2025-01 | 2 |\n| undated | 1 |" in text
    assert all(f"]({name})" in text for name in FIGURES)


def test_figures_are_svg_files_and_identical_when_drawn_again(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    names = write_figures(_tables(), first)
    assert names == list(FIGURES)
    write_figures(_tables(), second)
    for name in names:
        root = ET.parse(first / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert (first / name).read_bytes() == (second / name).read_bytes()

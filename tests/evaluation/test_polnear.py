"""PolNeAR standoff annotation becomes gold direct quotations (on a tiny copy in its layout)."""

import pytest

from pipelines.evaluation.polnear import polnear_gold, quoted_stretches, source_kind

TEXT = (
    "Headline\n\n"
    "“We will win,” Smith said, “and soon.” The senator said taxes would fall.\n\n"
    "He added: “Nobody believes it.”\n"
)


@pytest.fixture
def copy(tmp_path):
    data = tmp_path / "data" / "train"
    (data / "text").mkdir(parents=True)
    (data / "attributions").mkdir()
    (data / "text" / "pub_2016-01-01_story.txt").write_text(TEXT, encoding="utf-8")
    smith = TEXT.index("Smith")
    first = TEXT.index("“We")
    second_end = TEXT.index("soon.”") + len("soon.”")
    taxes = TEXT.index("taxes")
    senator = TEXT.index("The senator")
    he = TEXT.index("He added")
    nobody = TEXT.index("“Nobody")
    lines = [
        f"T1\tSource {smith} {smith + 5}\tSmith",
        f"T2\tContent {first} {TEXT.index(',”') + 2};{TEXT.index('“and')} {second_end}\t…",
        f"T3\tCue {smith + 6} {smith + 10}\tsaid",
        "E1\tAttribution:T3 Source:T1 Content:T2 Cue:T3",
        f"T4\tSource {senator} {senator + 11}\tThe senator",
        f"T5\tContent {taxes} {taxes + 21}\ttaxes would fall",
        "E2\tAttribution:T5 Source:T4 Content:T5",
        f"T6\tSource {he} {he + 2}\tHe",
        f"T7\tContent {nobody + 1} {nobody + 20}\tNobody believes it.",
        "E3\tAttribution:T7 Source:T6 Content:T7",
    ]
    # two annotators: the first file by name is used
    (data / "attributions" / "pub_2016-01-01_story_aaaa.ann").write_text("\n".join(lines))
    (data / "attributions" / "pub_2016-01-01_story_bbbb.ann").write_text("")
    return tmp_path


def test_quoted_content_becomes_gold_quotes(copy):
    gold = polnear_gold(copy, "train")
    rows = [
        (TEXT[s:e], who, kind)
        for s, e, who, kind in gold.quotes.select(
            "quote_start", "quote_end", "speaker", "speaker_kind"
        ).iter_rows()
    ]
    assert rows == [
        ("We will win", "Smith", "name"),
        ("and soon.", "Smith", "name"),
        ("Nobody believes it.", None, "pronoun"),
    ]
    assert gold.docs == ("pub_2016-01-01_story.txt",)
    assert gold.lenient_speakers


def test_only_train_and_dev_are_read(copy):
    with pytest.raises(ValueError, match="not read here"):
        polnear_gold(copy, "te" + "st")
    with pytest.raises(FileNotFoundError, match="not a PolNeAR copy"):
        polnear_gold(copy, "dev")


def test_quoted_stretches_and_source_kinds():
    text = 'He said "yes, we can," then left.'
    assert [text[s:e] for s, e in quoted_stretches(text, 8, 22)] == ["yes, we can"]
    assert source_kind("Hillary Clinton’s campaign") == "name"
    assert source_kind("The officials") == "description"
    # a common-noun phrase is a description even with capitalized modifiers
    assert source_kind("one Clinton aide") == "description"
    assert source_kind("the Florida senator") == "description"
    assert source_kind("a spokesman for the State Department") == "description"
    assert source_kind("Another commenter") == "description"
    assert source_kind("one longtime adviser to Bill Clinton") == "description"
    assert source_kind("a person close to the Clintons") == "description"
    # a proper head, or no determiner, is a name
    assert source_kind("the Washington Post") == "name"
    assert source_kind("the FBI") == "name"
    assert source_kind("Alan Abramowitz, a demographer at Emory University") == "name"
    assert source_kind("a New Hampshire Republican, who asked not to be named") == "name"
    assert source_kind("she") == "pronoun"
    assert source_kind(None) == "none"


def test_report_refuses_a_folder_that_is_not_polnear_before_loading_models(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "pipelines.evaluation.report", "--polnear", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"error: {tmp_path} is not a PolNeAR copy" in result.stderr
    assert "evaluating" not in result.stderr


def test_a_quotation_in_nested_relations_is_the_innermost_sources(tmp_path):
    text = "According to the Harbor Gazette, Lena Park said “we stay” on Monday.\n"
    data = tmp_path / "data" / "dev"
    (data / "text").mkdir(parents=True)
    (data / "attributions").mkdir()
    (data / "text" / "pub_2016-01-01_nested.txt").write_text(text, encoding="utf-8")
    gazette, park = text.index("Harbor Gazette"), text.index("Lena Park")
    inner = text.index("“we stay”")
    lines = [  # the outer relation first, as annotators often write them
        f"T1\tSource {gazette} {gazette + 14}\tHarbor Gazette",
        f"T2\tContent {park} {inner + 9}\tLena Park said “we stay”",
        "E1\tAttribution:T2 Source:T1 Content:T2",
        f"T3\tSource {park} {park + 9}\tLena Park",
        f"T4\tContent {inner} {inner + 9}\t“we stay”",
        "E2\tAttribution:T4 Source:T3 Content:T4",
    ]
    (data / "attributions" / "pub_2016-01-01_nested_aaaa.ann").write_text("\n".join(lines))
    gold = polnear_gold(tmp_path, "dev")
    assert gold.quotes.select("quote_start", "speaker").rows() == [(inner + 1, "Lena Park")]

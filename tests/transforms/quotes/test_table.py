import polars as pl
import pytest

from pipelines.resources import DEFAULT_SPACY_MODEL
from pipelines.transforms.nlp import load_pipeline, parse_articles, parsed_docs
from pipelines.transforms.quotes.table import quotes_table
from pipelines.transforms.text import fold


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def test_utterances_shared_across_articles_and_fragments_point_to_longer_quote(nlp):
    a = "“We will build the bridge by spring, whatever it costs,” Whitfield said."
    b = (
        "Whitfield promised to “build the bridge by spring” again. “We Will Build the Bridge "
        "by Spring, whatever it costs!” Whitfield said."
    )
    articles = pl.DataFrame({"article_id": ["a" * 16, "b" * 16], "text": [a, b]})
    mentions = (
        pl.DataFrame(
            {
                "article_id": ["a" * 16, "b" * 16, "b" * 16, "b" * 16],
                "entity_id": ["e" * 16] * 4,
                "mention_start": [
                    a.index("Whitfield"),
                    0,
                    b.index("Whitfield said"),
                    b.index("Whitfield said"),
                ],
                "mention_end": [
                    a.index("Whitfield") + 9,
                    9,
                    b.index("Whitfield said") + 9,
                    b.index("Whitfield said") + 9,
                ],
            }
        )
        .unique()
        .sort("article_id", "mention_start")
    )
    entities = pl.DataFrame(
        {"entity_id": ["e" * 16], "canonical_name": ["Dana Whitfield"], "type": ["PERSON"]}
    )
    docs = parsed_docs(parse_articles(nlp, articles), nlp.vocab)
    table = quotes_table(articles, docs, mentions, entities)
    rows = table.select(
        "article_id", "quote_text", "speaker", "utterance_id", "contained_in_utterance_id"
    ).rows()
    full_a, fragment_b, full_b = rows
    assert full_a[1] == "We will build the bridge by spring, whatever it costs"
    assert full_a[3] == full_b[3]  # same words, other case and punctuation
    assert fragment_b[1:3] == ("build the bridge by spring", "Dana Whitfield")
    assert fragment_b[4] == full_a[3]
    assert full_a[4] is None
    for aid, start, end, text in table.select(
        "article_id", "quote_start", "quote_end", "quote_text"
    ).iter_rows():
        assert {"a" * 16: a, "b" * 16: b}[aid][start:end] == text
    assert fold(full_b[1]) == fold(full_a[1])


def test_an_article_without_a_parse_is_an_error_not_a_silent_gap(nlp):
    articles = pl.DataFrame({"article_id": ["a" * 16, "b" * 16], "text": ["One.", "Two."]})
    only_a = parse_articles(nlp, articles.head(1))
    empty = pl.DataFrame(
        schema={
            "article_id": pl.String,
            "mention_start": pl.Int64,
            "mention_end": pl.Int64,
            "entity_id": pl.String,
        }
    )
    entities = pl.DataFrame(
        schema={"entity_id": pl.String, "canonical_name": pl.String, "type": pl.String}
    )
    with pytest.raises(ValueError, match=r"1 articles have no parse \(first: bbbb"):
        quotes_table(articles, parsed_docs(only_a, nlp.vocab), empty, entities)

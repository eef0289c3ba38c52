"""The shared parse: one pass, stored as bytes, read back unchanged."""

import polars as pl
import pytest

from pipelines.resources import DEFAULT_SPACY_MODEL
from pipelines.transforms.entities.ner import model_spans
from pipelines.transforms.nlp import load_pipeline, parse_articles, parsed_docs, text_sha256

TEXT = "Dana Whitfield, the mayor of Springfield, said the bridge would open in May."


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


def test_a_parse_read_back_keeps_entities_dependencies_and_lemmas(nlp):
    articles = pl.DataFrame({"article_id": ["a" * 16], "text": [TEXT]})
    parsed = parse_articles(nlp, articles)
    assert parsed.columns == ["article_id", "text_sha256", "doc"]
    assert parsed.row(0)[:2] == ("a" * 16, text_sha256(TEXT))
    [(article_id, doc)] = list(parsed_docs(parsed, nlp.vocab, {"a" * 16: TEXT}))
    fresh = nlp(TEXT)
    assert article_id == "a" * 16 and doc.text == TEXT
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in fresh.ents]
    assert [(t.dep_, t.head.i, t.lemma_, t.pos_) for t in doc] == [
        (t.dep_, t.head.i, t.lemma_, t.pos_) for t in fresh
    ]
    assert [s.text for s in doc.sents] == [s.text for s in fresh.sents]


def test_model_spans_come_from_the_parse(nlp):
    articles = pl.DataFrame({"article_id": ["a" * 16], "text": [TEXT]})
    spans = model_spans(parsed_docs(parse_articles(nlp, articles), nlp.vocab))
    assert spans.columns == ["article_id", "start", "end", "label", "source"]
    people = spans.filter(pl.col("label") == "PERSON").rows()
    assert people == [("a" * 16, 0, 14, "PERSON", "ner")]


def test_a_parse_of_another_text_is_refused(nlp):
    articles = pl.DataFrame({"article_id": ["a" * 16], "text": [TEXT]})
    parsed = parse_articles(nlp, articles)
    with pytest.raises(ValueError, match="of another text.*re-materialize `parsed_articles`"):
        list(parsed_docs(parsed, nlp.vocab, {"a" * 16: TEXT + " Later."}))


def test_a_missing_model_names_what_to_install():
    with pytest.raises(OSError, match="'no_such_model_xyz' is not installed.*`nlp` resource"):
        load_pipeline("no_such_model_xyz")


def test_a_pipeline_without_parser_or_ner_is_refused(tmp_path):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(OSError, match="has no parser and no ner"):
        load_pipeline(str(tmp_path / "blank"))


def test_the_parse_cache_parses_each_text_once_and_changes_nothing(tmp_path):
    import polars as pl

    from pipelines.resources import DEFAULT_SPACY_MODEL
    from pipelines.transforms.nlp import installed_model_info, load_pipeline, parse_articles
    from pipelines.transforms.parse_cache import ParseCache

    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    cache = ParseCache.for_model(tmp_path, installed_model_info(DEFAULT_SPACY_MODEL))
    frame = pl.DataFrame(
        {"article_id": ["a", "b"], "text": ["Ana Ruiz said so.", "The ferry ran late."]}
    )
    fresh = parse_articles(nlp, frame)
    assert parse_articles(nlp, frame, cache=cache).equals(fresh)
    assert cache.count(frame["text"].to_list()) == 2

    class Refuses:
        def pipe(self, texts, **kwargs):
            texts = list(texts)
            assert texts == ["A new text arrives."], texts  # only the new one is parsed
            return nlp.pipe(texts, **kwargs)

    more = pl.concat([frame, pl.DataFrame({"article_id": ["c"], "text": ["A new text arrives."]})])
    again = parse_articles(Refuses(), more, cache=cache)
    assert again.equals(parse_articles(nlp, more))
    other_model = ParseCache.for_model(tmp_path, {"name": "x", "version": "1", "spacy_version": ""})
    assert other_model.count(frame["text"].to_list()) == 0
    info = installed_model_info(DEFAULT_SPACY_MODEL)
    other_rules = ParseCache.for_model(tmp_path, {**info, "tokenizer_rules": "older"})
    assert other_rules.count(frame["text"].to_list()) == 0  # other tokens, other parses


def test_parses_left_in_the_cache_are_read_back_one_at_a_time(nlp, tmp_path):
    from pipelines.transforms.nlp import installed_model_info
    from pipelines.transforms.parse_cache import ParseCache

    cache = ParseCache.for_model(tmp_path, installed_model_info(DEFAULT_SPACY_MODEL))
    frame = pl.DataFrame({"article_id": ["a", "b"], "text": [TEXT, "The ferry ran late."]})
    lean = parse_articles(nlp, frame, cache=cache, keep_docs=False)
    assert lean["doc"].null_count() == 2 and lean["text_sha256"].to_list() == [
        text_sha256(TEXT),
        text_sha256("The ferry ran late."),
    ]
    full = parse_articles(nlp, frame)
    from_cache = [(a, d.to_bytes()) for a, d in parsed_docs(lean, nlp.vocab, cache=cache)]
    assert from_cache == [(a, d.to_bytes()) for a, d in parsed_docs(full, nlp.vocab)]
    with pytest.raises(ValueError, match="missing from the frame"):
        list(parsed_docs(lean, nlp.vocab))
    (tmp_path / cache.model_key / text_sha256(TEXT)[:2] / f"{text_sha256(TEXT)}.spacy").unlink()
    with pytest.raises(ValueError, match="missing from the parse cache .*re-materialize"):
        list(parsed_docs(lean, nlp.vocab, cache=cache))
    with pytest.raises(ValueError, match="only with a parse cache"):
        parse_articles(nlp, frame, keep_docs=False)


def test_a_quotation_mark_glued_to_a_word_is_a_token_of_its_own():
    from pipelines.resources import DEFAULT_SPACY_MODEL
    from pipelines.transforms.nlp import load_pipeline

    tokenizer = load_pipeline(DEFAULT_SPACY_MODEL).tokenizer
    assert [t.text for t in tokenizer("“I think so,”Ruiz said.")] == [
        "“", "I", "think", "so", ",", "”", "Ruiz", "said", ".",
    ]  # fmt: skip
    assert [t.text for t in tokenizer('Ruiz said,"Look."')] == [
        "Ruiz", "said", ",", '"', "Look", ".", '"',
    ]  # fmt: skip
    assert [t.text for t in tokenizer("U.S. officials said.")] == ["U.S.", "officials", "said", "."]


def test_parsing_in_worker_processes_gives_the_same_bytes_and_stores_them(nlp, tmp_path):
    from pipelines.transforms.nlp import installed_model_info
    from pipelines.transforms.parse_cache import ParseCache

    texts = [f"{TEXT} Item {i}." for i in range(150)] + [f"{TEXT} Item 3."]  # three tasks, a repeat
    frame = pl.DataFrame({"article_id": [f"{i:016x}" for i in range(151)], "text": texts})
    here = parse_articles(nlp, frame, n_process=1)
    workers = parse_articles(nlp, frame, n_process=2)
    assert workers.equals(here)
    assert workers["doc"][150] == workers["doc"][3] and workers["doc"].null_count() == 0
    cache = ParseCache.for_model(tmp_path, installed_model_info(DEFAULT_SPACY_MODEL))
    lean = parse_articles(nlp, frame, n_process=2, cache=cache, keep_docs=False)
    assert lean["doc"].null_count() == 151
    stored = [cache.get(d) for d in lean["text_sha256"]]
    assert stored == here["doc"].to_list()
    assert len(list(tmp_path.rglob("*.spacy"))) == 150  # one parse per distinct text

"""Property-based tests: arbitrary Unicode never crashes a stage, and offsets stay exact."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.resources import DEFAULT_SPACY_MODEL
from pipelines.transforms.clean import clean_document
from pipelines.transforms.dates import parse_published_date
from pipelines.transforms.entities.article import resolve_article
from pipelines.transforms.entities.register import Register
from pipelines.transforms.entities.spans import Span
from pipelines.transforms.ingest import read_input
from pipelines.transforms.nlp import load_pipeline
from pipelines.transforms.quotes.attribution import attribute_quotes
from pipelines.transforms.quotes.spans import find_quotes

# Everything, surrogates included; plus the characters that break text pipelines.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(
            list(
                "“”‘’\"'«»„[](){}\n\r\t\x00\u200b\u200d\ufeff\u0301\u202e"
                "\u05d0\u0627😀👩‍👩‍👧 .,:;!?—"
            )
        ),
    ),
    max_size=400,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


@FAST
@given(HOSTILE)
def test_cleaning_never_raises_and_yields_encodable_nfc_text(raw):
    doc = clean_document(raw)
    doc.text.encode("utf-8")  # no lone surrogates survive
    assert "\x00" not in doc.text and "\r" not in doc.text
    assert all(set(r) == {"rule", "text"} for r in doc.removed)


@FAST
@given(st.one_of(HOSTILE, st.none()))
def test_dates_never_raise(raw):
    parsed = parse_published_date(raw, dt.date(2026, 1, 1))
    assert parsed.value is None or parsed.value <= dt.date(2026, 1, 1)
    assert parsed.value is None or parsed.issue is None


@FAST
@given(HOSTILE)
def test_quote_spans_always_slice_to_non_empty_text(raw):
    text = clean_document(raw).text
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end].strip()
        assert quote.kind in {"full", "partial", "fragment"}


@SLOW
@given(HOSTILE)
def test_entity_and_quote_stages_never_raise_and_offsets_slice(nlp, raw):
    text = clean_document(raw).text
    doc = nlp(text)
    spans = [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
    mentions = resolve_article(text, spans, Register([]))
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end].strip()
    quotes = find_quotes(text)
    assert len(attribute_quotes(text, doc, quotes, [])) == len(quotes)


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_become_records_or_rejections(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    for name in ("a.txt", "a.json", "a.jsonl"):
        (folder / name).write_bytes(data)
        records = read_input(folder / name, folder)
        assert records
        assert all((r.text is None) != (r.reason is None) for r in records)


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | HOSTILE,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from(["text", "title", "date", "url"]), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_any_json_document_is_accounted_for(tmp_path_factory, payload):
    folder = tmp_path_factory.mktemp("json")
    (folder / "doc.json").write_text(json.dumps(payload), encoding="utf-8")
    records = read_input(folder / "doc.json", folder)
    assert records and all((r.text is None) != (r.reason is None) for r in records)

import pytest

from pipelines.transforms.entities.register import Register, RegisterEntry, load_register

HEADER = "canonical_name,type,aliases,wikidata_id,wikidata_source\n"


def test_register_finds_aliases_case_sensitively_and_whole_words(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text(
        HEADER + "Metropolitan Transportation Authority,ORG,MTA|the MTA,Q1,src\n"
        "New York City,GPE,New York|NYC,,\n"
    )
    register = load_register(path)
    text = "The MTA and NYC’s mayor met in New York; mta fans and MTAs did not."
    found = [(text[s.start : s.end], e.canonical_name, s.label) for s, e in register.find(text)]
    assert found == [
        ("MTA", "Metropolitan Transportation Authority", "ORG"),
        ("NYC", "New York City", "GPE"),
        ("New York", "New York City", "GPE"),
    ]
    assert register.lookup("MTA").wikidata_id == "Q1"
    assert register.lookup("New York City").wikidata_id is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Acme,COMPANY,,,\n", "type 'COMPANY' is not one of"),
        ("Acme,ORG,,12345,\n", "wikidata_id '12345' is not a Q-number"),
        ("Acme,ORG,AC,,\nAcme Two,ORG,AC,,\n", "alias 'AC' names both"),
    ],
)
def test_bad_register_rows_are_refused_with_file_and_line(tmp_path, row, message):
    path = tmp_path / "register.csv"
    path.write_text(HEADER + row)
    with pytest.raises(ValueError, match=message):
        load_register(path)


def test_every_wikidata_id_in_the_register_cites_a_checkable_url():
    import csv

    from pipelines.resources import DEFAULT_REGISTER

    with DEFAULT_REGISTER.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cited = [r for r in rows if r["wikidata_id"]]
    assert len(cited) == 15
    for row in cited:
        assert row["wikidata_source"] == f"https://www.wikidata.org/wiki/{row['wikidata_id']}"
    assert all(not r["wikidata_source"] for r in rows if not r["wikidata_id"])


def test_a_place_alias_after_a_qualifier_is_another_place():
    register = Register([RegisterEntry("United States", "GPE", ("America",), "Q30")])
    text = "Trade with Latin America and South America grew, America said."
    assert [(s.text(text), e.canonical_name) for s, e in register.find(text)] == [
        ("America", "United States")
    ]

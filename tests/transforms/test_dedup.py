import datetime as dt

import polars as pl

from pipelines.transforms.dedup import DedupSettings, deduplicate, jaccard, shingles

BASE = (
    "The city council voted on Tuesday to expand the bus network across three boroughs, "
    "adding forty new routes and extending service hours late into the night. Supporters "
    "said the plan would cut commute times for shift workers, while critics warned about "
    "the cost of new drivers and the strain on the transit budget. The agency expects the "
    "first routes to open next spring, with the rest phased in over two years. Officials "
    "also promised to publish ridership figures every quarter so residents can judge the "
    "results for themselves. Council members from the outer boroughs pushed for the first "
    "routes to serve neighborhoods without subway stations, and the final plan gives them "
    "priority. The transit union said it would start recruiting drivers this winter and "
    "asked for a training budget to match. A public hearing on the route map is scheduled "
    "for next month, and written comments will be accepted online until the end of the year."
)
QUOTE = "“We will not stand by while families are torn apart in our neighborhoods,” the mayor said."


def frame(rows):
    return pl.DataFrame(
        [
            {
                "article_id": a,
                "source_path": p,
                "source_record": None,
                "text": t,
                "published_date": d,
                "char_count": len(t),
            }
            for a, p, t, d in rows
        ],
        schema={
            "article_id": pl.String,
            "source_path": pl.String,
            "source_record": pl.Int64,
            "text": pl.String,
            "published_date": pl.Date,
            "char_count": pl.Int64,
        },
    )


def test_shingles_and_jaccard():
    assert shingles("a b c d e f", 5) == {"a b c d e", "b c d e f"}
    assert shingles("Short text", 5) == {"short text"}
    assert jaccard(frozenset({"x", "y"}), frozenset({"y", "z"})) == 1 / 3


def test_exact_copy_with_other_whitespace_and_case_is_exact_duplicate():
    canonical, dups = deduplicate(
        frame(
            [
                ("a" * 16, "a.txt", BASE, dt.date(2025, 1, 2)),
                ("b" * 16, "b.txt", BASE.upper().replace(" ", "   "), dt.date(2025, 1, 1)),
            ]
        )
    )
    assert canonical["source_path"].to_list() == ["b.txt"]  # earliest date wins
    assert dups.select("source_path", "article_id", "similarity", "method").rows() == [
        ("a.txt", "b" * 16, 1.0, "exact")
    ]


def test_near_copy_with_sentence_added_and_dropped_is_near_duplicate():
    sentences = BASE.split(". ")
    near = ". ".join(sentences[1:]) + " A spokesperson declined to comment further."
    assert len(BASE.split()) == 156
    canonical, dups = deduplicate(
        frame(
            [
                ("a" * 16, "orig.txt", BASE, None),
                ("b" * 16, "synd.txt", near, None),
            ]
        )
    )
    assert canonical["source_path"].to_list() == ["orig.txt"]  # undated tie: longest text
    (row,) = dups.rows(named=True)
    assert (row["source_path"], row["article_id"], row["method"]) == ("synd.txt", "a" * 16, "near")
    assert 0.7 <= row["similarity"] < 1.0


def test_articles_sharing_a_quotation_are_not_merged():
    other = (
        "Transit advocates gathered outside City Hall on Friday to demand faster repairs "
        "of elevators at subway stations, saying riders with disabilities are stranded "
        "for weeks. "
    )
    canonical, dups = deduplicate(
        frame(
            [
                ("a" * 16, "a.txt", BASE + " " + QUOTE, None),
                ("b" * 16, "b.txt", other + QUOTE, None),
            ]
        )
    )
    assert canonical.height == 2
    assert dups.is_empty()


def test_threshold_is_a_setting():
    sentences = BASE.split(". ")
    near = ". ".join(sentences[:3]) + "."
    rows = [("a" * 16, "a.txt", BASE, None), ("b" * 16, "b.txt", near, None)]
    assert deduplicate(frame(rows), DedupSettings(threshold=0.9))[1].is_empty()
    assert deduplicate(frame(rows), DedupSettings(threshold=0.3))[1].height == 1


def test_canonical_rule_dated_before_undated_then_longest_then_smallest_id():
    longer = BASE + " Extra closing words."
    canonical, dups = deduplicate(
        frame(
            [
                ("c" * 16, "undated_long.txt", longer, None),
                ("b" * 16, "dated.txt", BASE, dt.date(2025, 5, 1)),
            ]
        )
    )
    assert canonical["source_path"].to_list() == ["dated.txt"]
    canonical, _ = deduplicate(
        frame(
            [
                ("c" * 16, "z.txt", BASE, None),
                ("b" * 16, "y.txt", BASE.replace("Tuesday", "Tuesday,"), None),
            ]
        )
    )
    assert canonical["article_id"].to_list() == ["b" * 16]


def test_hashed_shingles_give_the_same_jaccard_as_the_shingles():
    from pipelines.transforms.dedup import hashed_jaccard, shingle_hashes

    a = "the ferry will run all winter on the north route say officials"
    b = "the ferry will run all winter on the south route say officials"
    exact = jaccard(shingles(a, 3), shingles(b, 3))
    assert hashed_jaccard(shingle_hashes(a, 3), shingle_hashes(b, 3)) == exact == 7 / 13
    assert list(shingle_hashes(a, 3)) == sorted(set(shingle_hashes(a, 3)))
    assert shingle_hashes(a, 3).dtype.name == "uint64" and len(shingle_hashes(a, 3)) == 10
    assert hashed_jaccard(shingle_hashes("", 3), shingle_hashes("", 3)) == 1.0

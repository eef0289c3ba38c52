from pipelines.transforms.quotes.spans import find_quotes


def quoted(text):
    return [(text[q.start : q.end], q.kind, q.is_closed) for q in find_quotes(text)]


def test_typographic_and_straight_quotes_with_joining_comma_left_out():
    text = '“We will open the library,” she said. He replied, "Not this year."'
    assert quoted(text) == [
        ("We will open the library", "full", True),
        ("Not this year.", "full", True),
    ]


def test_nested_single_quotes_apostrophes_and_brackets_stay_inside():
    text = "“Don’t ask me ‘why now?’ — ask [the Council] instead,” the clerk said."
    assert quoted(text) == [("Don’t ask me ‘why now?’ — ask [the Council] instead", "full", True)]


def test_apostrophes_alone_are_never_quotes():
    assert quoted("The city’s budget isn’t final; the mayors’ group met.") == []


def test_quote_running_over_paragraphs_continues_at_reopening_mark():
    text = "“First part of the statement.\n\n“Second part of it,” the chief said.\n\nAfter."
    ((body, kind, closed),) = quoted(text)
    assert body == "First part of the statement.\n\n“Second part of it"
    assert (kind, closed) == ("full", True)


def test_unbalanced_mark_is_contained_to_its_paragraph():
    text = "He called it “a mess nobody wanted to fix.\n\nThe next paragraph “is quoted” properly."
    assert quoted(text) == [
        ("a mess nobody wanted to fix.", "partial", False),
        ("is quoted", "fragment", True),
    ]


def test_kinds_partial_and_fragment():
    text = (
        "The report called the plan “a bold but costly bet on the waterfront” and "
        "said critics were “deeply worried”."
    )
    assert quoted(text) == [
        ("a bold but costly bet on the waterfront", "partial", True),
        ("deeply worried", "fragment", True),
    ]


def test_short_standalone_sentence_is_full_not_fragment():
    assert quoted("“We will win.” That was all.") == [("We will win.", "full", True)]


def test_only_quote_marks_give_nothing():
    assert quoted('"" “” """ ”“') == []


def kinds(text):
    return [(text[q.start : q.end], q.kind) for q in find_quotes(text)]


def test_names_in_quotation_marks_are_titles_not_speech():
    assert kinds('The robot, named "Silver Heron," won.') == [("Silver Heron", "title")]
    assert kinds("Her book, “Rivers of Salt,” sold well.") == [("Rivers of Salt", "title")]
    assert kinds("the pilot Ray J. “Ace” Okafor landed.") == [("Ace", "title")]
    assert kinds("They banned the word “Harborland” there.") == [("Harborland", "title")]


def test_speech_that_looks_like_a_name_stays_speech():
    assert kinds('Mayor Park called it a "witch hunt" again.') == [("witch hunt", "fragment")]
    assert kinds("You forget the word “garage,” Thomas says.") == [("garage", "fragment")]
    assert kinds("She said: “We Will Win.”") == [("We Will Win.", "full")]

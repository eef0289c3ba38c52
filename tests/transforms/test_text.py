from pipelines.transforms.text import fold, normalize_characters, split_paragraphs, words


def test_normalize_composes_to_nfc():
    assert normalize_characters("Cafe\u0301") == "Café"


def test_normalize_removes_zero_width_and_control_characters():
    assert normalize_characters("a\u200bb\u200dc\ufeffd\x00e\x07f") == "abcdef"


def test_normalize_line_endings_and_space_runs():
    assert normalize_characters("a  \t b\r\nc\rd\u2028e") == "a b\nc\nd\ne"


def test_normalize_keeps_typographic_quotes_and_apostrophes():
    text = "“It’s ‘fine’,” she said — really."
    assert normalize_characters(text) == text


def test_normalize_drops_lone_surrogates():
    assert normalize_characters("a\ud800b") == "ab"


def test_blank_lines_separate_paragraphs_and_hard_wraps_are_joined():
    text = "First line\nwrapped here.\n\n  \nSecond paragraph."
    assert split_paragraphs(text) == ["First line wrapped here.", "Second paragraph."]


def test_text_without_blank_lines_has_one_paragraph_per_line():
    assert split_paragraphs("One.\nTwo.\nThree.") == ["One.", "Two.", "Three."]


def test_words_keep_inner_apostrophes():
    assert words("City’s mayor-elect won't") == ["City’s", "mayor", "elect", "won't"]


def test_fold_ignores_case_punctuation_and_spacing():
    assert fold("Hello,   WORLD!\n\nAgain.") == fold("hello world again")

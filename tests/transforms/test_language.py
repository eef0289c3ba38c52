"""Language detection: ISO 639-1 codes, and `und` for short or mixed text."""

from pipelines.transforms.language import detect_language

ENGLISH = (
    "The port authority on Tuesday approved a new ferry terminal on the north pier, "
    "ending a two-year dispute over where the boats should dock."
)
SPANISH = (
    "La autoridad portuaria aprobó el martes una nueva terminal de transbordadores en el "
    "muelle norte, poniendo fin a una disputa de dos años sobre dónde deberían atracar."
)
FRENCH = (
    "L'autorité portuaire a approuvé mardi un nouveau terminal de traversiers sur la jetée "
    "nord, mettant fin à un différend de deux ans sur l'endroit où les bateaux accostent."
)


def test_languages_are_detected_with_their_confidence():
    for text, code in ((ENGLISH, "en"), (SPANISH, "es"), (FRENCH, "fr")):
        language, confidence = detect_language(text)
        assert language == code
        assert 0.9 < confidence <= 1.0


def test_short_text_is_undetermined():
    assert detect_language("Ferry terminal approved.") == ("und", 0.0)


def test_half_english_half_spanish_is_undetermined_but_a_quoted_paragraph_is_not():
    assert detect_language(f"{ENGLISH}\n\n{SPANISH}")[0] == "und"
    assert detect_language(f"{ENGLISH}\n\n{ENGLISH}\n\n{ENGLISH}\n\n{SPANISH}")[0] == "en"

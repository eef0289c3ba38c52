"""The language an article is written in, detected offline with py3langid.

Belongs here: the language code (ISO 639-1) and confidence of one article's
text, and the rule for what counts as undetermined (``und``): too few words,
too little confidence, or paragraphs in different languages. py3langid was
chosen by measurement (README, "Input forms"; ``pipelines.bench.languages``): on
the same 375 texts it is as accurate as lingua and seven times faster, and lingua
has no wheels for Python 3.11.
"""

from __future__ import annotations

import functools
import importlib.metadata

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pipelines.transforms.text import split_paragraphs, words

UNDETERMINED = "und"
MIN_WORDS = 8  # fewer words than this do not tell a language
MIN_CONFIDENCE = 0.80
MIN_PARAGRAPH_WORDS = 12  # paragraphs long enough to be judged on their own
MIN_SHARE = 0.60  # of the judged words, at least this share in the article's language


def language_model_version() -> str:
    """The detector's version: py3langid's (its model ships inside the package)."""
    return f"py3langid-{importlib.metadata.version('py3langid')}"


@functools.cache
def language_identifier() -> LanguageIdentifier:
    """The py3langid identifier with normalized probabilities, loaded once."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as (ISO 639-1 code or ``und``, confidence in [0, 1]).

    ``und`` when the text has fewer than ``MIN_WORDS`` words, when the detector's
    confidence is below ``MIN_CONFIDENCE``, or when less than ``MIN_SHARE`` of the
    words in paragraphs of at least ``MIN_PARAGRAPH_WORDS`` words are in the
    language detected for the whole text (a mixed-language text).
    """
    if len(words(text)) < MIN_WORDS:
        return UNDETERMINED, 0.0
    language, confidence = language_identifier().classify(text)
    confidence = round(float(confidence), 4)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED, confidence
    judged = [(p, n) for p in split_paragraphs(text) if (n := len(words(p))) >= MIN_PARAGRAPH_WORDS]
    total = sum(n for _, n in judged)
    same, left = 0, total
    for paragraph, count in judged:  # stop as soon as the share is decided either way
        if same / total >= MIN_SHARE or (same + left) / total < MIN_SHARE:
            break
        left -= count
        same += count if language_identifier().classify(paragraph)[0] == language else 0
    if total and same / total < MIN_SHARE:
        return UNDETERMINED, confidence
    return str(language), confidence

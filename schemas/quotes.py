"""The ``quotes`` table: every direct quotation, its kind and its speaker."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields


class Quotes(pa.DataFrameModel):
    """Direct quotations in double quotes (straight or typographic), with exact offsets
    (``articles.text[quote_start:quote_end] == quote_text``) and the speaker the text
    names, or null when it does not say.

    IDs: ``quote_id`` is the first 16 hex digits of SHA-256 of
    ``article_id:quote_start:quote_end``; ``utterance_id`` the first 16 hex digits of
    SHA-256 of the quote folded to lowercase words (case, punctuation and whitespace
    ignored), shared by every article that reports the same words.
    """

    quote_id: str = pa.Field(
        str_matches=fields.SHORT_ID_PATTERN,
        unique=True,
        description="Stable quotation ID (see the table description).",
    )
    article_id: str = fields.article_id("The article (`articles.article_id`).")
    quote_start: pl.Int64 = fields.offset(
        "Start of the quotation in `articles.text` (after the opening mark)."
    )
    quote_end: pl.Int64 = fields.offset(
        "End (exclusive) of the quotation, before the closing mark and a trailing joining comma."
    )
    quote_text: str = pa.Field(
        str_length={"min_value": 1},
        description=(
            "The quotation as written; nested single quotes and [bracketed] insertions kept; a "
            "quotation running over paragraphs includes the paragraph break and reopening mark."
        ),
    )
    kind: str = pa.Field(
        isin=["full", "partial", "fragment", "title"],
        description=(
            "`full`: a statement standing on its own; `partial`: quoted words embedded in a "
            "reported sentence; `fragment`: at most four words not standing as a sentence "
            "(scare quotes included); `title`: a name in quotation marks, not speech (a work, "
            "a group or operation, a word mentioned as a word, a nickname inside a name), "
            "never given a speaker."
        ),
    )
    is_closed: bool = pa.Field(
        description=(
            "False when no closing mark was found: the quotation then ends at its paragraph."
        )
    )
    word_count: pl.Int64 = pa.Field(ge=1, description="Number of words in `quote_text`.")
    speaker: str = pa.Field(
        nullable=True,
        description=(
            "Canonical name of the speaker (`entities.canonical_name`); null when the text "
            "does not say who spoke."
        ),
    )
    speaker_entity_id: str = fields.entity_id(
        "The speaker's `entities.entity_id`; null with `speaker`.", nullable=True
    )
    speaker_description: str = pa.Field(
        nullable=True,
        description=(
            'When the text gives the speaker only as a description ("the officer added", '
            '"a spokeswoman said"): that description as written, with `speaker` null; null '
            "otherwise."
        ),
    )
    cue: str = pa.Field(
        nullable=True,
        description=(
            'The reporting verb as written ("said", "told", "according to"…); null for '
            "continuations and quotations without one."
        ),
    )
    attribution: str = pa.Field(
        isin=["explicit", "pronoun", "continuation", "colon", "none"],
        description=(
            "How the speaker was found: `explicit` (the cue's subject names the entity, a "
            'name in apposition to it, or "the agency"-style nouns resolved to the nearest '
            "organization), `pronoun` (he/she resolved to the nearest preceding person who is a "
            "sentence's main subject), `continuation` (a quotation with no cue of its own "
            "continuing the speaker of the paragraph or the sentence just before it), `colon` "
            "(a lead-in ending with a colon; a bare lead-in line over a list of quotations takes "
            "the one person who spoke just before it), `none`."
        ),
    )
    utterance_id: str = pa.Field(
        str_matches=fields.SHORT_ID_PATTERN,
        description=("Same words, same ID, across articles (see the table description)."),
    )
    contained_in_utterance_id: str = pa.Field(
        nullable=True,
        str_matches=fields.SHORT_ID_PATTERN,
        description=(
            "For a quotation whose words appear inside a longer quotation by the same "
            "speaker: that quotation's `utterance_id` (the longest one)."
        ),
    )

    class Config:
        """Validation settings."""

        strict = True
        coerce = True

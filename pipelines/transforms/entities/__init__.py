"""Named entities: model mentions, span normalization, register linking, resolution.

Belongs here: pure functions from article texts (and a loaded spaCy pipeline) to
entity mentions and canonical entities. ``ner.py`` runs the model, ``spans.py``
corrects single spans, ``register.py`` reads the curated register and finds its
aliases in text, ``resolve.py`` resolves mentions within an article and across
the corpus. Nothing here imports Dagster.
"""

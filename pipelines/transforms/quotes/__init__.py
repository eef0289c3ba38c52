"""Direct quotations: finding quoted spans, their kind, and who said them.

Belongs here: ``spans.py`` finds quotations in an article text (offsets exact,
nested single quotes and brackets kept, multi-paragraph quotes joined,
unbalanced marks contained), ``attribution.py`` finds the reporting cue and
speaker with a dependency parse, ``table.py`` builds the ``quotes`` table with
quote and utterance IDs. Nothing here imports Dagster.
"""

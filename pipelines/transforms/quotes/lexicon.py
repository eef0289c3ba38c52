"""Word lists for attribution: reporting verbs and nouns, pronouns, abbreviations.

Belongs here: closed lists of English function words and reporting vocabulary,
general to news writing. Never names or phrases from a particular article.
"""

from __future__ import annotations

CUE_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "explain",
        "state",
        "claim",
        "conclude",
        "vow",
        "warn",
        "ask",
        "write",
        "post",
        "describe",
        "insist",
        "argue",
        "note",
        "declare",
        "announce",
        "reply",
        "respond",
        "recall",
        "admit",
        "acknowledge",
        "suggest",
        "promise",
        "pledge",
        "emphasize",
        "stress",
        "highlight",
        "report",
        "assure",
        "tweet",
        "testify",
        "urge",
        "encourage",
        "articulate",
        "predict",
        "complain",
        "confirm",
        "deny",
        "caution",
        "contend",
        "maintain",
        "remark",
        "continue",
        "shout",
        "whisper",
        "scream",
        "joke",
        "boast",
        "concede",
        "counter",
        "lament",
        "quip",
        "assert",
        "exclaim",
        "call",
        "accuse",
        "implore",
        "praise",
        "fume",
        "blast",
        "criticize",
        "criticise",
        "reiterate",
        "observe",
        "comment",
        "mention",
        "elaborate",
        "recount",
        "proclaim",
        "allege",
        "plead",
        "wonder",
        "agree",
        "disagree",
        "muse",
        "retort",
        "yell",
        "cry",
        "sigh",
        "marvel",
        "chime",
        "interject",
        "rule",
        "opine",
        "reason",
        "summarize",
        "summarise",
        "characterize",
        "characterise",
        "dub",
        "label",
        "brand",
        "term",
        "repeat",
        "speak",
        "cite",
    }
)
# Determiners that make a subject a description ("one official", "a spokesman").
INDEFINITES = frozenset({"a", "an", "one", "another", "some", "several", "many", "two"})
# "points out", "went on": a verb that reports only with its particle.
PHRASAL_CUES = frozenset({("point", "out"), ("go", "on"), ("lash", "out"), ("sum", "up")})
# "issued a statement", "delivered remarks": a support verb reports through its object.
SUPPORT_VERBS = frozenset(
    {"issue", "release", "deliver", "give", "make", "post", "publish", "hold"}
)
STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "remark",
        "comment",
        "speech",
        "address",
        "tweet",
        "post",
        "testimony",
        "conference",
        "briefing",
        "interview",
    }
)
# A period after these, capitalized (or after an initial), does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "rev", "sr", "jr", "st", "mt", "ft",
        "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl", "pvt", "adm", "brig",
        "gov", "sen", "rep", "pres", "amb", "supt", "insp", "det", "hon", "atty",
        "no", "vol", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn",
        "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
        "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
        "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
        "vs",
    }
)  # fmt: skip
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
ORG_NOUNS = frozenset(
    {
        "agency",
        "department",
        "office",
        "company",
        "group",
        "organization",
        "organisation",
        "union",
        "administration",
        "ministry",
        "council",
        "committee",
        "campaign",
        "firm",
        "bureau",
        "authority",
        "coalition",
    }
)

"""Who wrote an article and where a wire story was filed: bylines and datelines.

Belongs here: reading a byline line under the headline ("By Jane Doe and John
Roe", "By Jane Doe, Reuters", "BY JANE DOE | Staff Writer") into author names
and a wire agency, and a wire dateline opening the body ("CAIRO (AP) —",
"LONDON, Jan 5 (Reuters) -", "FALLS CHURCH, Va. –") into its place and agency.
The agencies are a closed list of general reference data (news agencies), never
names from a particular article. Not here: dates printed in the byline
(``header.py``) or removing lines (``clean.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# News agencies as they sign wire copy; the key is matched case-insensitively.
WIRE_AGENCIES = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "pa": "PA",
    "press association": "PA",
    "cp": "CP",
    "the canadian press": "CP",
    "canadian press": "CP",
    "aap": "AAP",
    "pti": "PTI",
    "ians": "IANS",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
}
# Words that describe the writer's job, not the writer ("Staff Writer", "Special to …").
_ROLE = re.compile(
    r"^(?:(?:senior|chief|staff|special|contributing|political|foreign|national|local|guest|"
    r"investigative|science|health|education|sports|business|managing|deputy|associate)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|"
    r"photographer|staff|special to\b.*|for\b.*|of\b.*)$",
    re.IGNORECASE,
)
# A part ending in an organization's head noun is the writer's affiliation, not a writer.
_AFFILIATION = re.compile(
    r"\b(?:Center|Centre|Office|Agency|Command|University|College|Institute|Department"
    r"|Ministry|News|Times|Post|Press|Journal|Magazine|Service|Network|Foundation|Council"
    r"|Division|Bureau|Group|Affairs|Association|Company|Project|Media|Radio|Television)$"
)
_BYLINE = re.compile(r"^\s*by\s+(?P<names>\S.{1,200}?)\s*\.?\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|;|\||/|\band\b|&|\bwith\b)\s*", re.IGNORECASE)
_NAME = re.compile(
    r"^(?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|di|del|la|le|bin|al)\b)(?:\s+\S+){0,4}$"
)
_MAX_BYLINE_WORDS = 16
_MAX_CREDIT_WORDS = 60
_TERMINAL = (".", "!", "?", ":", '"', "”", "…")
# Two to four capitalized words (initials and particles allowed): a person's name.
_PERSON_NAME = re.compile(
    r"^[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]*\.?|de|van|von|der|da|di|del|la|le|bin|al)){1,3}$"
)
# A word naming an academic or professional role in a credit line.
_CREDIT_ROLE = re.compile(
    r"\b(?:[Pp]rofessor|[Ll]ecturer|[Rr]eader|[Rr]esearcher|[Rr]esearch|[Ff]ellow|[Dd]irector"
    r"|[Ss]tudent|[Cc]andidate|[Ss]cientist|[Cc]hair|[Dd]ean|[Ee]ditor|[Ii]nstructor"
    r"|[Aa]nalyst|[Ee]conomist|[Hh]istorian|[Cc]urator|[Ll]ibrarian|PhD)\b"
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
    r"(?:,\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?)"
    rf"(?:,\s+{_MONTH}\s+\d{{1,2}})?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,40})\))?"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
)


# An unlisted agency in a dateline is an acronym ("(AFNS)"); these capitals are labels.
_AGENCY_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_NOT_AGENCIES = frozenset(
    {"FILE", "PHOTO", "PHOTOS", "VIDEO", "AUDIO", "LIVE", "WATCH", "UPDATE", "UPDATED",
     "OPINION", "ANALYSIS", "EXCLUSIVE", "BREAKING", "CORRECTED", "REFILE", "NEWS"}
)  # fmt: skip


@dataclass(frozen=True)
class Byline:
    """The authors a byline names, and the wire agency it signs for, if any."""

    authors: list[str]
    agency: str | None


def read_byline(line: str) -> Byline | None:
    """The byline in ``line`` ("By Jane Doe and John Roe, Reuters"), or None if it is
    not a byline: it must start with "By" and hold only names, roles and agencies."""
    match = _BYLINE.match(line)
    if match is None or len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    return read_names(match.group("names"))


def read_names(names: str) -> Byline | None:
    """Authors and agency from the names part of a byline; None when a part is neither."""
    authors: list[str] = []
    agency = None
    for part in (p.strip(" .") for p in _SEPARATORS.split(names)):
        if not part:
            continue
        if part.casefold() in WIRE_AGENCIES:
            agency = agency or WIRE_AGENCIES[part.casefold()]
        elif _ROLE.match(part) or _AFFILIATION.search(part):
            continue
        elif _NAME.match(part) and not part.endswith(":"):
            authors.append(part)
        else:
            return None
    if not authors and agency is None:
        return None
    return Byline(authors, agency)


def read_author_line(line: str) -> Byline | None:
    """The authors of a credit line without "By", as academic and magazine outlets
    print it under the headline: each author's name, then their roles and
    affiliation, comma-separated, authors separated by semicolons ("Jane Doe,
    Professor of History, Example University; John Roe, Lecturer, Example
    College"). Each part after a name opens with a capital, one of them names a
    role or an institution, and the line ends without a sentence's punctuation;
    anything else is not a credit line."""
    if line.endswith(_TERMINAL) or len(line.split()) > _MAX_CREDIT_WORDS or "\n" in line:
        return None
    authors = []
    for credit in line.split(";"):
        name, *rest = (part.strip() for part in credit.split(","))
        if not rest or not _PERSON_NAME.match(name):
            return None
        if not all(part[:1].isupper() for part in rest):
            return None
        if not any(_CREDIT_ROLE.search(part) or _AFFILIATION.search(part) for part in rest):
            return None
        authors.append(name)
    return Byline(authors, None)


@dataclass(frozen=True)
class Dateline:
    """A wire dateline opening the body: its text, place and agency."""

    text: str  # as written, with the dash ("CAIRO (AP) — ")
    place: str
    agency: str | None


def read_dateline(paragraph: str) -> Dateline | None:
    """The wire dateline that opens ``paragraph``, if any.

    The place is in capitals ("CAIRO", "FALLS CHURCH, Va."), optionally followed
    by a day without a year and an agency in parentheses, then a dash and the
    story. An agency the list does not know is kept as written when it is an
    acronym ("(AFNS)"). Without an agency the place must be a word of at least four letters,
    so a sentence opening with a capitalized acronym and a dash is not read as one.
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match.group("place").strip()
    raw_agency = (match.group("agency") or "").strip()
    agency = WIRE_AGENCIES.get(raw_agency.casefold()) if raw_agency else None
    if raw_agency and agency is None:
        if not _AGENCY_ACRONYM.match(raw_agency) or raw_agency in _NOT_AGENCIES:
            return None  # "(FILE)", "(Photos)": not a credit
        agency = raw_agency  # another service's acronym, as written ("(AFNS)")
    if agency is None and sum(c.isalpha() for c in place.split(",")[0]) < 4:
        return None
    return Dateline(match.group(0), place, agency)

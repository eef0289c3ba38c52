"""Property: a date line under a headline is read and never leaks into the title or text."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from pipelines.transforms.clean import clean_document

WORDS = ["Council", "Delays", "Vote", "on", "Bus", "Lanes", "Ferry", "Terminal", "Mayor", "Plan"]
FORMATS = [
    "%B {d}, %Y",
    "%b. {d}, %Y",
    "{d} %B %Y",
    "%A, %B {d}, %Y",
    "Published %B {d}, %Y 10:30 a.m. ET",
    "Posted: %b {d}, %Y",
    "Published %B {d}, %Y | Updated %B {d}, %Y",
    "By Ana Ruiz, Harbor Wire, %B {d}, %Y",
    "%Y-%m-%dT09:15:00-05:00",
    "%m/%d/%Y",
]
BODY = "The council met on Tuesday and voted to delay the plan until the spring session."


@given(
    headline=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    form=st.sampled_from(FORMATS),
    separator=st.sampled_from(["\n", "\n\n"]),
)
def test_a_date_line_never_leaks_into_the_title_or_the_text(headline, day, form, separator):
    stamp = day.strftime(form.replace("{d}", str(day.day)))
    doc = clean_document(f"{headline}{separator}{stamp}\n\n{BODY}")
    assert doc.title == headline
    assert doc.text == BODY
    assert doc.date_raw is not None and doc.date_raw in stamp

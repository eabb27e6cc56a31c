"""The date of a full-page dump: from a byline or dateline near the headline, written long or short, never from
text after the start of the article (comments, related stories), and never guessed."""

from __future__ import annotations

import pytest

from cleaner import Config, clean
from cleaner.dates.search import Page, find_date
from cleaner.draft import BODY, Draft
from cleaner.stages.decode import decode
from cleaner.stages.headline import headline as find_headline
from cleaner.stages.segment import segment

HEADLINE = "City council approves new bus network for three districts"
SITE = "The Example Gazette"

MENU = ["Home", "News", "Politics", "Sport", "Culture", "Search", "Sign in"]

ARTICLE = [
    "The city council voted on Tuesday evening to extend the bus network into three new districts. Residents had "
    "asked for it since the last local election, and the mayor called the decision long overdue.",
    "Work is due to start in the spring. According to the transport authority, the first lines should run before "
    "the end of next year, and the timetable will be published in the coming weeks.",
    "The opposition said the costs had been set too low. It backed the plan all the same, after the council "
    "promised to review the budget every six months and to publish the figures online.",
]

TAIL = ["Share this article", "Facebook", "Twitter", "Email", "Related stories", "New cycle lanes in the north"]


def dump(
    byline: list[str],
    *,
    above: list[str] | None = None,
    standfirst: str | None = None,
    after: list[str] | None = None,
    footer: str = f"© 2019 {SITE}",
    page_title: str = f"{HEADLINE} | {SITE}",
    headline: str = HEADLINE,
) -> str:
    """Return a page dump: page title, menu, (lines above the headline), headline, (standfirst), byline lines,
    the article, share bar and related links, (lines after them), and the footer."""
    lines = [page_title, "", *MENU, "", *(above or []), headline]
    if standfirst:
        lines.append(standfirst)
    lines += [*byline, ""]
    for paragraph in ARTICLE:
        lines += [paragraph, ""]
    lines += [*TAIL, *(after or []), "", "Imprint", "Privacy", footer]
    return "\n".join(lines) + "\n"


def test_the_page_dump_reads_as_one() -> None:
    """The helper builds a dump the pipeline reads: headline in title, the article in the body."""
    doc = clean(dump(["By Jane Roe", "November 19, 2019"]))
    assert doc.title == HEADLINE
    assert doc.date == "2019-11-19"
    assert ARTICLE[0] in doc.body
    assert "Related stories" not in doc.body


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        (["By Tess Bonn - 11/19/19 06:56 AM EST"], "2019-11-19"),  # two-digit year, month first
        (["By Anna Roe · 19.11.19"], "2019-11-19"),  # two-digit year, dotted day first
        (["Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM"], "2019-11-19"),  # no year: the copyright's
        (["sexta-feira, 22 de outubro de 2010 às 20:13"], "2010-10-22"),  # Portuguese
        (["By Jane Roe", "Last updated:", "November 18, 2019"], "2019-11-18"),  # marker and date on two lines
    ],
)
def test_short_and_split_bylines(byline: list[str], date: str) -> None:
    """A byline's date is read in the short forms bylines use."""
    assert clean(dump(byline)).date == date


def test_date_under_a_standfirst() -> None:
    """A standfirst between the headline and the byline is passed over on the way to the byline's date."""
    standfirst = (
        "The council's move ends years of debate. Residents in the three districts have waited for a direct "
        "line since the last local election."
    )
    doc = clean(dump(["By Jane Roe", "Tue 19 Nov 2019 18.54 GMT"], standfirst=standfirst))
    assert doc.date == "2019-11-19"


STANDFIRST = (
    "The council's move ends years of debate. Residents in the three districts have waited for a direct line since "
    "the last local election."
)


def test_date_under_a_standfirst_when_no_line_repeats_the_page_title() -> None:
    """The headline need not repeat the page title: when the body opens with a heading and a short paragraph, the
    heading is read as the headline and the paragraph as its standfirst, and the byline under them gives the date."""
    page_title = f"Buses for the north | {SITE}"
    doc = clean(dump(["By Jane Roe · November 19, 2019"], standfirst=STANDFIRST, page_title=page_title))
    assert doc.date == "2019-11-19"


def test_no_date_after_a_long_first_paragraph_under_a_heading() -> None:
    """A paragraph too long for a standfirst is the article's first: a date line after it is in the article."""
    page_title = f"Buses for the north | {SITE}"
    doc = clean(dump(["By Jane Roe · November 19, 2019"], standfirst=STANDFIRST * 4, page_title=page_title))
    assert doc.date is None


def test_blog_page_title_with_a_colon() -> None:
    """A blog's page title ``Blog Name: Post Title`` with the post title repeated below it is a page title, not
    the first line of a plain file: the post title is the headline and the date under it is read."""
    text = "\n".join(
        [
            "Jane's Notebook: Advent of Code week two",
            "Jane's Notebook",
            "Advent of Code week two",
            "20 December 2025",
            "Spoilers ahead.",
            *ARTICLE,
        ]
    )
    doc = clean(text)
    assert doc.title == "Advent of Code week two"
    assert doc.date == "2025-12-20"
    assert "Spoilers ahead." in doc.body
    assert "Advent of Code week two" not in doc.body


def test_wordpress_dateline_above_the_headline() -> None:
    """``Posted on <date> by <author> - 5 Comments on <headline>?`` above the headline is a dateline, though it is
    long and ends with the headline's question mark."""
    headline = "Do you need fourteen bus lines in one district?"
    above = [f"Posted on November 19, 2019 by Jane Roe - 5 Comments on {headline}"]
    doc = clean(dump([], above=above, page_title=f"{headline} - {SITE}", headline=headline))
    assert doc.title == headline
    assert doc.date == "2019-11-19"


def test_dateline_just_above_the_headline() -> None:
    """A dateline right above the headline is the article's."""
    assert clean(dump(["By Jane Roe"], above=["Politics", "11.14.2019 09:00 AM"])).date == "2019-11-14"


def test_headline_written_with_another_dash() -> None:
    """The headline matches a page title that writes its dash differently and adds the site after it."""
    title = "Council approves buses – three districts win"
    page_title = "Council approves buses - three districts win - Gazette"
    doc = clean(dump(["By Jane Roe", "November 19, 2019"], page_title=page_title, headline=title))
    assert doc.title == title
    assert doc.date == "2019-11-19"


@pytest.mark.parametrize(
    "byline",
    [
        ["By Jane Roe"],
        ["By Jane Roe", "Nov 19"],  # no year, no marker, no time: any year, or no date at all
        ["By Jane Roe", "Updated Nov 19"],  # no time: not a recent timestamp
    ],
)
def test_undated_page_with_comment_and_related_dates_gets_no_date(byline: list[str]) -> None:
    """Comment timestamps and related stories after the article never give the page a date."""
    after = [
        "Comments",
        "Max M. wrote on November 20, 2019, 8:00 AM: Finally!",
        "November 21, 2019",
        "Bus fares to rise in January – November 22, 2019",
    ]
    assert clean(dump(byline, after=after)).date is None


def test_date_in_the_body_is_not_the_byline() -> None:
    """A short dated line inside the article (after its first paragraph) is not taken."""
    text = dump(["By Jane Roe"]).replace(ARTICLE[1], "November 19, 2019\n\n" + ARTICLE[1])
    assert clean(text).date is None


def test_no_year_needs_the_page_year() -> None:
    """A byline date without a year takes the copyright year; without one, or when a full date on the page is
    later than the copyright year (a stale copyright line), there is no date."""
    byline = ["Updated Nov 19, 6:55 AM"]
    assert clean(dump(byline, footer="© 2005-2019 Example Gazette")).date == "2019-11-19"
    assert clean(dump(byline, footer="All rights reserved")).date is None
    stale = dump(byline, after=["Bus fares to rise – March 3, 2020"], footer="© 2019 Example Gazette")
    assert clean(stale).date is None


def test_page_year_follows_the_configured_year_range() -> None:
    """The copyright year completes a year-less byline only inside the configured year range, whatever it is."""
    assert Page(["© 1985-1987 Example Gazette"], Config()).year is None
    assert Page(["© 1985-1987 Example Gazette"], Config(min_year=1980)).year == 1987
    assert Page(["© 2019 Example Gazette"], Config(max_year=2010)).year is None


def test_slashed_date_order_from_the_page() -> None:
    """An ambiguous slashed byline date is read in the order the page's other slashed dates show."""
    us = dump(["By Jane Roe", "03/04/2019 10:00 AM"], after=["Bus fares to rise 11/19/2019"])
    assert clean(us).date == "2019-03-04"
    eu = dump(["By Jane Roe", "03/04/2019 10:00"], after=["Bus fares to rise 19/11/2019"])
    assert clean(eu).date == "2019-04-03"
    unknown = dump(["By Jane Roe", "03/04/2019 10:00"])
    assert clean(unknown).date is None


def test_short_forms_only_with_a_page() -> None:
    """The short forms are read only by the byline search of a dump, not in a header line or a plain text."""
    assert find_date("By Tess Bonn - 11/19/19", Config()) is None
    page = Page(["© 2019 Example Gazette"], Config())
    verdict = find_date("By Tess Bonn - 11/19/19", Config(), page)
    assert verdict is not None
    assert verdict.date == "2019-11-19"
    assert clean("11/19/19 The council met.\n\nThe council met on Tuesday to discuss the buses.").date is None


def test_seedlike_header_still_wins() -> None:
    """A header line's date is the date; the dump search does not override it."""
    text = " date 2019-11-18 The council chamber.\n\n" + "\n\n".join(ARTICLE) + "\n\nBy Jane Roe 11/19/19\n"
    assert clean(text).date == "2019-11-18"


def test_plain_file_heading_repeated_later_is_no_page_title() -> None:
    """In a plain file, a short first paragraph (a heading) repeated after the article (a related link) stays
    body: it is not a page title, and no date is searched for in the lines around its repeat."""
    text = "\n\n".join(
        ["Bus network news", *ARTICLE, "Related stories", "Bus network news", "November 21, 2019", "Comments"]
    )
    doc = clean(text)
    assert doc.title is None
    assert doc.date is None
    assert doc.body.startswith("Bus network news")


def test_a_body_reaching_up_to_the_page_title_is_still_read_as_a_dump() -> None:
    """When the boilerplate stage keeps everything from the page's first line on (a short page), the text is still a
    dump, not a plain file, if its first paragraph of prose comes further down: the headline (here a heading made of
    the page title's words) and the byline above that paragraph are found."""
    page_title = f"Bus network: city council approves it for three districts after long debate | {SITE}"
    draft = Draft(raw=dump(["By Jane Roe", "November 19, 2019"], page_title=page_title), config=Config())
    decode(draft)
    segment(draft)
    assert all(block.label == BODY for block in draft.blocks)  # as if every block were kept
    find_headline(draft)
    assert draft.fields.title == HEADLINE
    assert draft.fields.date == "2019-11-19"


def test_time_stamps_after_the_first_paragraph_are_removed_as_bylines() -> None:
    """A short date-and-time line after the article's first paragraph (a comment's stamp, a related post's) is not
    article text: it is removed as a byline, and the date stays the byline's."""
    stamps = ["November 20, 2019 at 9:14 am", "21.11.2019, 18:02 Uhr"]
    comments = [
        "Jane Roe",
        stamps[0],
        "Good news for the northern districts, we have waited long enough for a decent bus service out here.",
        "Max Muster",
        stamps[1],
        "The timetable matters more than the map, and nobody has seen the timetable yet, which worries me a lot.",
    ]
    text = dump(["By Jane Roe", "November 19, 2019"]).replace(ARTICLE[-1], "\n".join([ARTICLE[-1], "", *comments]))
    doc = clean(text)
    assert doc.date == "2019-11-19"
    assert ARTICLE[0] in doc.body
    assert ARTICLE[-1] in doc.body
    assert not any(stamp in doc.body for stamp in stamps)
    assert any(r.kind == "byline" and r.text == stamps[0] and "stamp" in r.reason for r in doc.removed)


def test_a_date_and_time_in_a_sentence_stays_in_the_body() -> None:
    """Only a line that is a stamp goes: a line of text that gives a date and a time stays, with or without its full
    stop."""
    for sentence in (
        "The final vote is set for November 26, 2019 at 7 pm in the town hall",
        "Vote: November 26, 2019 at 7 pm.",
    ):
        text = dump(["By Jane Roe", "November 19, 2019"]).replace(ARTICLE[1], f"{ARTICLE[1]}\n\n{sentence}")
        assert sentence in clean(text).body

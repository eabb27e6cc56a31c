"""Full-page dumps: the article alone in the body, the headline in title, the dateline's date in date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main

DUMPS = Path(__file__).parent / "dumps"

CASES = [
    ("de_lokal.txt", "de", "Stadtrat beschließt neues Busnetz für drei Stadtteile", "Der Stadtrat hat", "Startseite"),
    ("ru_novosti.txt", "ru", "Городской совет утвердил новую автобусную сеть", "Городской совет во", "Главная"),
    ("uk_novyny.txt", "uk", "Міська рада затвердила нову автобусну мережу", "Міська рада у", "Головна"),
]


@pytest.mark.parametrize(("name", "lang", "title", "opening", "menu"), CASES, ids=[c[0] for c in CASES])
def test_dump_yields_the_article(name: str, lang: str, title: str, opening: str, menu: str) -> None:
    """Menus, share bars, related lists and footers are removed; headline, date and language are found."""
    doc = clean((DUMPS / name).read_text(encoding="utf-8"))
    assert doc.language == lang
    assert doc.title == title
    assert (doc.date, doc.datetime) == ("2022-11-29", "2022-11-29T10:03:00")
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith(opening)
    assert menu not in doc.body
    assert "©" not in doc.body
    assert title not in doc.body
    kinds = {r.kind for r in doc.removed}
    assert {"title", "byline", "footer"} <= kinds


def test_date_after_the_body_is_never_taken() -> None:
    """A date in a comment or a related story after the article is not the publication date."""
    article = (DUMPS / "de_lokal.txt").read_text(encoding="utf-8").replace("29. November 2022, 10:03 Uhr\n", "")
    doc = clean(article + "\nKommentare\nMax M. schrieb am 30. November 2022, 08:00 Uhr: Endlich!\n")
    assert doc.date is None


def test_plain_article_without_header_gets_no_date_from_its_text() -> None:
    """Without a header line or a dump's headline, no date is read out of the article's own lines."""
    text = (
        "Effective beginning 6/2/2025:\n\nThe office will open at nine and close at five on weekdays, and the "
        "phone line will be staffed during the same hours by the same team as before.\n\n"
        "November 29, 2022\n\nThe change follows a review of visitor numbers over the last two years."
    )
    assert clean(text).date is None


def test_page_whose_best_run_holds_no_prose_takes_the_run_through_its_prose() -> None:
    """A recipe page: its title line and a print prompt score best, its lists and steps low; the body is still the
    run through the page's paragraph of prose, not the title and the prompt."""
    doc = clean((DUMPS / "de_rezept.txt").read_text(encoding="utf-8"))
    assert doc.body.startswith("Saftige Äpfel, knusprige Streusel")
    assert "Bilder für den Druck ausblenden" not in doc.body
    assert "KOCHWELT" not in doc.body


def test_heading_made_of_the_page_titles_words_is_the_headline() -> None:
    """The headline above the article need not repeat the page title: a heading near the article made mostly of
    the page title's words is the headline, and the byline under it still gives the date."""
    page = (DUMPS / "de_lokal.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Stadtrat beschließt neues Busnetz für drei Stadtteile | Lokalzeitung",
        "Busnetz: Stadtrat beschließt Ausbau für drei Stadtteile nach langer Debatte | Lokalzeitung",
        1,
    )
    doc = clean(page)
    assert doc.title == "Stadtrat beschließt neues Busnetz für drei Stadtteile"
    assert doc.date == "2022-11-29"
    assert "Stadtrat beschließt neues Busnetz" not in doc.body
    assert any(r.kind == "title" and "mostly the page title" in r.reason for r in doc.removed)


def test_page_title_without_its_site_name_is_the_title_when_no_line_shows_the_headline() -> None:
    """A dump whose article has no heading of its own: the page title, without the site name, is the title."""
    page = (DUMPS / "de_lokal.txt").read_text(encoding="utf-8")
    page = page.replace("Lokales\nStadtrat beschließt neues Busnetz für drei Stadtteile\n", "Lokales\n", 1)
    doc = clean(page)
    assert doc.title == "Stadtrat beschließt neues Busnetz für drei Stadtteile"
    assert doc.body.startswith("Der Stadtrat hat")
    assert any(r.kind == "title" and r.text.startswith("Stadtrat beschließt") for r in doc.removed)


def test_a_line_repeating_the_whole_page_title_gives_the_headline_without_the_site_name() -> None:
    """A breadcrumb line that repeats the whole page title (``Headline | Site``) is the headline; the title is its
    headline part, not the site's name with it."""
    page = (DUMPS / "de_lokal.txt").read_text(encoding="utf-8")
    page = page.replace(
        "Lokales\nStadtrat beschließt neues Busnetz für drei Stadtteile\n",
        "Lokales\nStadtrat beschließt neues Busnetz für drei Stadtteile | Lokalzeitung Musterstadt\n",
        1,
    )
    doc = clean(page)
    assert doc.title == "Stadtrat beschließt neues Busnetz für drei Stadtteile"
    assert doc.date == "2022-11-29"
    assert "Lokalzeitung Musterstadt" not in doc.body


def test_a_header_file_never_takes_its_first_line_as_a_page_title() -> None:
    """A seed-shaped file (a date header first) whose first line after the header is removed gets no title."""
    text = (
        " date 2022-11-29 \n\nTop Stories Today\n\nMenu\n\nHome\n\n"
        "The council voted on Tuesday to extend the bus network into three new districts, after residents had "
        "asked for it since the last local election.\n\n"
        "Work is due to start in the spring, and the first lines should run before the end of next year."
    )
    assert clean(text).title is None


_ARTICLE = [
    "The city council voted on Tuesday evening to extend the bus network into three new districts. Residents had "
    "asked for it since the last local election, and the mayor called the decision long overdue.",
    "Work is due to start in the spring. According to the transport authority, the first lines should run before "
    "the end of next year, and the timetable will be published in the coming weeks.",
]


def _page(title: str, above: list[str], headline: str) -> str:
    """Return a dump: page title, the lines above the headline, the headline, a dateline, the article, footer."""
    lines = [title, "", *above, headline, "November 19, 2019", ""]
    for paragraph in _ARTICLE:
        lines += [paragraph, ""]
    return "\n".join([*lines, "Share this article", "Facebook", "", "© 2019 The Example Gazette"]) + "\n"


def test_menu_and_contact_lines_above_the_headline_are_not_the_article() -> None:
    """The article region may reach above the headline (a site's tagline reads as prose); the short lines above
    the headline (menus, contact line, imprint links) are removed through the CLI, the article stays whole."""
    headline = "City council approves new bus network for three districts"
    furniture = [
        "Police ticker",
        "Home News Accidents Traffic Fire brigade Appeals Wanted Missing Animals Recalls Abroad Advice",
        "info@example.org +41 52 525 00 25",
        "Imprint | Privacy",
    ]
    tagline = "Your source for local news since 1998, with reports from every district, every single day of the year."
    text = _page(f"{headline} | The Example Gazette", [*furniture[:2], tagline, *furniture[2:]], headline)
    result = CliRunner().invoke(main, ["clean", "-"], input=text)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["title"] == headline
    assert doc["body"].endswith("\n\n".join(_ARTICLE))
    removed = {r["text"]: r["reason"] for r in doc["removed"]}
    for line in furniture:
        assert line not in doc["body"]
        assert removed[line].startswith("above the headline")


def test_prose_above_a_heading_that_repeats_the_page_title_stays() -> None:
    """A section heading may repeat the page title below the article's first paragraph: the paragraph above it
    stays in the body."""
    heading = "How Robot Vacuum Mapping Works"
    intro = (
        "Robot vacuums have changed how many people clean their homes, and mapping is the feature that matters "
        "most to buyers today."
    )
    doc = clean(_page(f"{heading} | Gadget Site", ["Home", "Reviews", "Deals", "", intro], heading))
    assert doc.body.startswith(intro)
    assert _ARTICLE[1] in doc.body


def test_the_page_title_repeated_in_a_list_after_the_article_strips_nothing_above_it() -> None:
    """A dump that shows its headline only in a list of related stories after the article: that line is not where the
    article starts, so the article's own short lines (a subheading) stay in the body."""
    headline = "City council approves new bus network for three districts"
    subheading = "What happens next"
    lines = [f"{headline} | The Example Gazette", "", "Home", "News", "Politics", ""]
    lines += [_ARTICLE[0], "", subheading, "", _ARTICLE[1], ""]
    lines += ["Most read", headline, "New cycle lanes in the north", "", "© 2019 The Example Gazette"]
    doc = clean("\n".join(lines) + "\n")
    assert subheading in doc.body
    assert _ARTICLE[0] in doc.body
    assert _ARTICLE[1] in doc.body

"""The article region of a dump: damped across short lines inside the article, stopped at a line that ends it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.pipeline import run_draft

DUMPS = Path(__file__).parent / "dumps"
TOWNS = ("Maple Falls", "Cedar Bay", "Stone Ridge", "Willow Creek", "Harbor Point")


def test_fact_lines_between_sections_do_not_cut_the_article(tmp_path: Path) -> None:
    """A list article: each section is a heading, four short fact lines and a paragraph. The fact lines score as
    boilerplate, but damped they no longer cut off the last sections; menus, share bar and footer stay out."""
    result = CliRunner().invoke(main, ["clean", str(DUMPS / "en_listicle.txt")])
    assert result.exit_code == 0, result.output
    doc = clean((DUMPS / "en_listicle.txt").read_text(encoding="utf-8"))
    for town in TOWNS:
        assert f"{town} has a lively main street" in doc.body
    assert doc.body.startswith("Remote work has changed")
    assert doc.body.endswith("book for calls.")
    assert (doc.title, doc.date) == ("The Best Small Towns for Remote Workers", "2023-03-03")
    assert "Sam Carter" not in doc.body
    assert "Newsletter" not in doc.body
    assert "©" not in doc.body


def test_region_stops_at_the_line_that_ends_the_article() -> None:
    """A reader comment after "Comments" reads like prose, but the region does not run on past the line that ends
    the article; the comment is removed with that line named in its reason."""
    doc = clean((DUMPS / "en_comments.txt").read_text(encoding="utf-8"))
    assert doc.body.endswith("before the works begin.")
    assert "buses in the east of town" not in doc.body
    comment = next(r for r in doc.removed if r.text.startswith("I think the council"))
    assert comment.reason == "after the line that ends the article ('Comments')"


def test_author_line_under_the_headline_is_a_byline() -> None:
    """An author line ("By Jane Doe") between the headline and the article is removed as a byline, not kept as body."""
    doc = clean((DUMPS / "en_comments.txt").read_text(encoding="utf-8"))
    assert doc.body.startswith("The city council voted")
    assert ("byline", "By Jane Doe") in {(r.kind, r.text) for r in doc.removed}


def test_headline_is_searched_for_from_the_article_proper() -> None:
    """When the region reaches above the article's first paragraphs, the draft says where the article proper
    starts, and the headline and dateline are found above it."""
    raw = (DUMPS / "de_lokal.txt").read_bytes()
    draft = run_draft(raw)
    assert draft.article_start is not None
    assert draft.text[draft.article_start :].startswith("29. November 2022")
    doc = clean(raw.decode("utf-8"))
    assert (doc.title, doc.date) == ("Stadtrat beschließt neues Busnetz für drei Stadtteile", "2022-11-29")

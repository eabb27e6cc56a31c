"""The boilerplate stage: the seed exactly, inline links, appeals and their pasted copies, repeats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = EXAMPLES / "deconfliction-hotline.txt"


def test_seed_fields_and_body() -> None:
    """The seed gives its date, caption, credit, tags, related link and exactly the eight article paragraphs."""
    doc = clean(SEED.read_text(encoding="utf-8"), source=str(SEED))
    assert doc.date == "2022-11-29"
    assert (doc.caption, doc.credit) == ("The Pentagon.", "Joshua Roberts")
    assert doc.tags == ["Russia", "Ukraine", "USA"]
    assert [(r.title, r.site) for r in doc.related] == [
        (
            "Russia denies IAEA full access to Zaporizhzhia nuclear plant after it was rocked by powerful "
            "explosions this weekend",
            "Euromaidan Press",
        )
    ]
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("The United States initiated a call")
    assert paragraphs[-1].endswith("in the face of cold winter.")
    assert "Euromaidan Press" not in doc.body
    assert "Patreon" not in doc.body


def test_seed_removed_entries() -> None:
    """The related link, `Related:`, both appeal copies and the cut-off tail are removed, each with a reason."""
    doc = clean(SEED.read_text(encoding="utf-8"))
    kinds = [(r.kind, r.text[:40]) for r in doc.removed]
    assert kinds == [
        ("header", "date 2022-11-29 The Pentagon. Photo by J"),
        ("related", "Russia denies IAEA full access to Zapori"),
        ("related", "Related:"),
        ("appeal", "Ukraine needs independent journalism. An"),
        ("appeal", "Join our community on Patreon and help u"),
        ("appeal", "Become a patron or see other ways to"),
        ("tags", "Tags: Russia, Ukraine, USA"),
    ]
    appeal = [r for r in doc.removed if r.kind == "appeal"]
    assert "patreon" in appeal[0].reason
    assert "again" in appeal[1].reason
    assert "cut-off" in appeal[2].reason
    assert appeal[0].text.endswith("Become a Patron!")
    assert appeal[1].text.endswith("cover next.")


def test_related_link_is_not_taken_from_a_sentence() -> None:
    """A sentence with a dash in it stays body; a title–site line becomes a related entry."""
    prose = "The minister – who spoke on Monday – said the talks would go on for another week at least."
    text = f"{prose}\n\n{prose.replace('Monday', 'Tuesday')}\n\nFive things to know about the talks – The Daily Planet"
    doc = clean(text)
    assert doc.body.count("The minister") == 2
    assert [r.site for r in doc.related] == ["The Daily Planet"]


def test_trailing_boilerplate_is_removed_with_kinds() -> None:
    """Share prompts, related lists and footers after the article are removed, each with a kind and a reason."""
    article = [
        "The council voted on Tuesday to extend the city's bus network to three new districts, a plan that "
        "residents had asked for since the last election and that the mayor called long overdue.",
        "Work is expected to begin in the spring, and the first routes should open before the end of next year, "
        "according to the transport department, which will publish the timetable in the coming weeks.",
        "Opposition members said the cost had been underestimated, but they voted for the plan after the "
        "council agreed to review the budget every six months and to publish the figures online.",
    ]
    tail = [
        "Share this:",
        "Facebook",
        "Twitter",
        "Related Posts",
        "Bus fares to rise in May",
        "© 2024 City News",
    ]
    doc = clean("\n\n".join(article + tail))
    assert doc.body.split("\n\n") == article
    removed = {r.text: r.kind for r in doc.removed}
    assert removed["Share this:"] == "share"
    assert removed["Related Posts"] == "related"
    assert removed["© 2024 City News"] == "footer"
    assert all(r.reason for r in doc.removed)


def test_repeated_paragraph_is_removed_as_duplicate() -> None:
    """A paragraph pasted twice in a row inside the article keeps its first copy only."""
    para = "The storm brought down power lines across the region, leaving thousands without electricity overnight."
    other = "Crews worked through the night and most homes were reconnected by the morning, the utility said."
    doc = clean("\n\n".join([para, para, other, other + " More were expected to follow during the day."]))
    assert doc.body.count(para) == 1
    assert [r.kind for r in doc.removed] == ["duplicate"]


def test_paragraph_repeated_further_down_stays() -> None:
    """A paragraph that comes back later (a summary, a refrain) is the author's: both copies stay."""
    para = "The storm brought down power lines across the region, leaving thousands without electricity overnight."
    other = "Crews worked through the night and most homes were reconnected by the morning, the utility said."
    doc = clean("\n\n".join([para, other, para]))
    assert doc.body.count(para) == 2


def test_german_article_gets_language_and_keeps_body() -> None:
    """The language comes from stopwords; prose in German is body."""
    text = (
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in drei neue Stadtteile zu erweitern, was die "
        "Bewohner seit der letzten Wahl gefordert hatten.\n\nDie Arbeiten sollen im Frühjahr beginnen, und die "
        "ersten Linien sollen noch vor dem Ende des nächsten Jahres fahren."
    )
    doc = clean(text)
    assert doc.language == "de"
    assert doc.body == text


_PARAGRAPHS = [
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz bis zum Sommer auf drei neue Stadtteile auszuweiten, "
    "wie die Verwaltung nach der Sitzung mitteilte.",
    "Die Kosten liegen nach Angaben der Stadt bei rund zwölf Millionen Euro, die zum größten Teil aus dem "
    "Haushalt des kommenden Jahres bezahlt werden sollen.",
    "Kritik kam von der Opposition, die eine längere Planung und eine Beteiligung der Anwohner gefordert hatte, "
    "bevor der Beschluss gefasst wird.",
]


def test_ui_lines_and_labelled_links_inside_the_article_are_removed() -> None:
    """Between paragraphs, a line that is exactly a navigation phrase, and a related label followed by a title,
    are removed with their kinds; the paragraphs around them stay."""
    text = "\n\n".join(
        [
            _PARAGRAPHS[0],
            "Zurück zur Übersicht",
            _PARAGRAPHS[1],
            "Auch lesen: Neue Radwege für die Innenstadt geplant",
            _PARAGRAPHS[2],
        ]
    )
    doc = clean(text)
    assert doc.body.split("\n\n") == _PARAGRAPHS
    kinds = {r.text: r.kind for r in doc.removed}
    assert kinds == {
        "Zurück zur Übersicht": "navigation",
        "Auch lesen: Neue Radwege für die Innenstadt geplant": "related",
    }


def test_a_photo_caption_inside_the_article_is_removed() -> None:
    """A short line with a photo credit between paragraphs is a caption, not article text."""
    text = "\n\n".join(
        [_PARAGRAPHS[0], "Der neue Bus am Hauptbahnhof. (Foto: Stadtwerke)", _PARAGRAPHS[1], _PARAGRAPHS[2]]
    )
    doc = clean(text)
    assert doc.body.split("\n\n") == _PARAGRAPHS
    assert [(r.text, r.kind) for r in doc.removed] == [("Der neue Bus am Hauptbahnhof. (Foto: Stadtwerke)", "other")]


def test_the_title_under_a_related_label_on_its_own_line_is_removed() -> None:
    """A page dump puts a related label and the title it links to on two lines: both are removed as related (through
    the CLI), while a paragraph of prose after such a label, and a heading after other text, stay."""
    title = "Neue Radwege für die Innenstadt geplant"
    heading = "Was die Anwohner jetzt erwartet"
    last = _PARAGRAPHS[0].replace("Stadtrat", "Gemeinderat")
    label = "Lesen Sie auch:"
    text = "\n".join([_PARAGRAPHS[0], label, title, _PARAGRAPHS[1], label, _PARAGRAPHS[2], heading, last])
    result = CliRunner().invoke(main, ["clean", "-"], input=text)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    kinds = [(r["text"], r["kind"]) for r in doc["removed"]]
    assert (title, "related") in kinds
    assert (label, "related") in kinds
    assert title not in doc["body"]
    assert doc["related"] == [{"title": title, "site": None}]
    for kept in (*_PARAGRAPHS, heading, last):
        assert kept in doc["body"]

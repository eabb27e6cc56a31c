"""The tags stage, through the public API, over the cases in ``cases/tags.json`` (schema: cases/README.md)."""

from __future__ import annotations

from typing import Any

import case_data
import pytest

from cleaner import clean

DATA = case_data.load("tags.json")
ARTICLE: list[str] = DATA["article"]


def _text(case: dict[str, Any]) -> str:
    """Return the input of ``case``: its ``text``, or the article followed by its ``tail``."""
    if "text" in case:
        return str(case["text"])
    return "\n\n".join([*ARTICLE, case["tail"]])


def test_enough_cases() -> None:
    """Keep at least 12 tag-line forms, negatives included."""
    assert len(DATA["cases"]) >= 12
    assert len({c["id"] for c in DATA["cases"]}) == len(DATA["cases"])


@pytest.mark.parametrize("case", [case_data.param(c) for c in DATA["cases"]])
def test_tags_case(case: dict[str, Any]) -> None:
    """Check the tags, the removed tags part, its span, and the prose kept before it."""
    text = _text(case)
    doc = clean(text)
    assert doc.tags == case.get("tags", [])
    entries = [r for r in doc.removed if r.kind == "tags"]
    assert [r.text for r in entries] == ([case["removed"]] if case.get("removed") is not None else [])
    for entry in entries:
        assert text[entry.start : entry.end] == entry.text
        assert entry.text not in doc.body
    for part in case.get("body_contains", []):
        assert part in doc.body


def test_tags_span_is_exact() -> None:
    """Point the removed span at exactly the tags text of the normalised input."""
    text = "\n\n".join(ARTICLE) + " Tags: buses, budget  \n"
    doc = clean(text)
    (entry,) = [r for r in doc.removed if r.kind == "tags"]
    assert text[entry.start : entry.end] == entry.text == "Tags: buses, budget"
    assert doc.body.endswith("at night.")


def test_header_and_tags_in_one_paragraph() -> None:
    """Split a one-paragraph text into header, body and tags."""
    doc = clean(f"Published November 29, 2022\n{ARTICLE[0]}\nTags: buses, budget")
    assert (doc.date, doc.tags, doc.body) == ("2022-11-29", ["buses", "budget"], ARTICLE[0])
    assert [r.kind for r in doc.removed] == ["header", "tags"]


def test_no_text() -> None:
    """Handle empty and blank input."""
    assert clean("").tags == []
    assert clean("  \n\n ").tags == []

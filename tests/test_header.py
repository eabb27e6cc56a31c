"""The header stage through the public API, over the cases in ``cases/headers.json`` (see cases/README.md)."""

from __future__ import annotations

from typing import Any

import case_data
import pytest

from cleaner import Config, Document, clean

DATA = case_data.load("headers.json")
ARTICLE: list[str] = DATA["article"]


def _text(case: dict[str, Any]) -> str:
    """Return the input of ``case``: its ``text``, or its ``line`` followed by the article."""
    if "text" in case:
        return str(case["text"])
    return "\n\n".join([case["line"], *ARTICLE]) + "\n"


def _removed(doc: Document, kind: str) -> list[str]:
    """Return the texts of the removed entries of ``kind``."""
    return [r.text for r in doc.removed if r.kind == kind]


def test_enough_cases() -> None:
    """Keep at least 30 header forms, negatives included."""
    assert len(DATA["cases"]) >= 30
    assert len({c["id"] for c in DATA["cases"]}) == len(DATA["cases"])


@pytest.mark.parametrize("case", [case_data.param(c) for c in DATA["cases"]])
def test_header_case(case: dict[str, Any]) -> None:
    """Check date, datetime, caption, credit, the removed header line and warnings of one case."""
    text = _text(case)
    doc = clean(text, config=Config(**case.get("config", {})))
    got = {k: getattr(doc, k) for k in ("date", "datetime", "caption", "credit")}
    assert got == {k: case.get(k) for k in got}
    headers = _removed(doc, "header")
    assert headers == ([case["header"]] if case.get("header") else [])
    for entry in doc.removed:
        if entry.kind == "header":
            assert text[entry.start : entry.end] == entry.text
            assert entry.text not in doc.body
    expected_body = case.get("body_contains", []) + ([] if "text" in case else [ARTICLE[0]])
    for part in expected_body:
        assert part in doc.body
    header_warnings = [w for w in doc.warnings if "header date" in w]
    if "warning" in case:
        assert any(case["warning"] in w for w in header_warnings), doc.warnings
    else:
        assert header_warnings == []


def test_header_span_is_exact() -> None:
    """Point the header's removed span at exactly its text, stripped of surrounding whitespace."""
    text = " date 2022-11-29 The Pentagon. Photo by Joshua Roberts  \n" + ARTICLE[0] + "\n"
    doc = clean(text)
    (entry,) = [r for r in doc.removed if r.kind == "header"]
    assert text[entry.start : entry.end] == entry.text == "date 2022-11-29 The Pentagon. Photo by Joshua Roberts"
    assert doc.body == ARTICLE[0]


def test_only_the_first_line_is_read() -> None:
    """Leave a date on the second line of the text alone."""
    doc = clean(ARTICLE[0] + "\n\nPublished November 29, 2022\n\n" + ARTICLE[1])
    assert doc.date is None
    assert _removed(doc, "header") == []


def test_blank_lines_before_the_header() -> None:
    """Read the first non-blank line, whatever blank lines come before it."""
    doc = clean("\n\n   \n date 2022-11-29 The Pentagon.\n\n" + ARTICLE[0])
    assert (doc.date, doc.caption) == ("2022-11-29", "The Pentagon.")


def test_header_alone() -> None:
    """Handle a text that is only a header line: no body, no crash."""
    doc = clean(" date 2022-11-29 The Pentagon.")
    assert (doc.date, doc.body) == ("2022-11-29", "")

"""Every character of the normalised input lands in exactly one place: a body paragraph or a removed entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, Document, clean
from cleaner.stages.decode import prepare
from cleaner.stages.segment import paragraph_lines


def assert_tiles(doc: Document, raw: str | bytes, config: Config | None = None) -> None:
    """Assert that body spans and removed spans tile the normalised text, whitespace between them aside."""
    text, _ = prepare(raw, config)
    spans = sorted([*doc.body_spans, *((r.start, r.end) for r in doc.removed)])
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text), (pos, start, end)
        assert not text[pos:start].strip(), f"text outside every span: {text[pos:start]!r}"
        pos = end
    assert not text[pos:].strip(), f"text after the last span: {text[pos:]!r}"
    assert [text[s:e] for s, e in doc.body_spans] == (doc.body.split("\n\n") if doc.body else [])
    for r in doc.removed:
        assert text[r.start : r.end] == r.text
        assert r.reason


SEED_LIKE = st.builds(
    lambda header, paras, tail, tags: "\n\n".join([header, *paras, *tail, tags]),
    st.sampled_from(["", " date 2022-11-29 A caption. Photo by X Y", "Date: 29 Nov 2022", " date 2022-13-45"]),
    st.lists(st.text(min_size=0, max_size=300), max_size=8),
    st.lists(st.sampled_from(["Related:", "Share this:", "Subscribe", "© 2024 Site", "Home", "A – B"]), max_size=5),
    st.sampled_from(["", "Tags: a, b", "Tags:", "Topics: x; y", "text.Tags: a, b"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), SEED_LIKE, st.text(alphabet=st.characters(max_codepoint=0x40)), st.just("")))
def test_spans_tile_any_text(raw: str) -> None:
    """Arbitrary text, control characters included, is tiled without loss."""
    assert_tiles(clean(raw), raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        "\n\n\n",
        "\t \r\n \u00a0 ",
        "x" * 200_000,
        "word " * 40_000,
        "\x00\x01a\x02\n\x7f",
        "\u202eabc\u2029d",
    ],
    ids=[
        "empty",
        "space",
        "newlines",
        "whitespace",
        "giant-line",
        "giant-words",
        "controls",
        "bidi-separators",
    ],
)
def test_spans_tile_edge_cases(raw: str) -> None:
    """Empty, whitespace-only, giant and control-character inputs are tiled and never raise."""
    doc = clean(raw)
    assert_tiles(doc, raw)
    if not raw.strip():
        assert doc.body == ""
        assert "no article text found" in doc.warnings


def test_spans_tile_every_dev_file(shared_dir: Path) -> None:
    """Every dev page, in both shapes, is tiled."""
    files = sorted((shared_dir / "data" / "dev").glob("*/*.txt"))
    assert len(files) > 1000
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert_tiles(clean(raw), raw)


def _reference_paragraph_lines(text: str) -> list[list[tuple[int, int]]]:
    """Return the stripped non-blank lines of ``text`` by paragraph, the plain way: split at newlines, strip."""
    paragraphs: list[list[tuple[int, int]]] = [[]]
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            left = pos + len(line) - len(line.lstrip())
            paragraphs[-1].append((left, pos + len(line.rstrip())))
        elif paragraphs[-1]:
            paragraphs.append([])
        pos += len(line) + 1
    return [p for p in paragraphs if p]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\x1c\x85\u2028\u3000\u1680\u00a0é")), max_size=60))
def test_paragraph_lines_match_split_and_strip(text: str) -> None:
    """The one-regex line finder of the segment stage agrees with splitting at newlines and ``str.strip``."""
    assert paragraph_lines(text) == _reference_paragraph_lines(text)

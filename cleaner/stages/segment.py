"""Split the normalised text into blocks: paragraphs separated by blank lines, with their spans."""

from __future__ import annotations

from cleaner.draft import Block, Draft


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` of each paragraph of ``text``, surrounding whitespace excluded.

    >>> paragraph_spans("  a\\nb\\n\\n \\n c  \\n")
    [(2, 5), (10, 11)]
    """
    spans: list[tuple[int, int]] = []
    start = -1  # start of the open paragraph, -1 when none is open
    end = 0
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        line = text[pos:nl]
        stripped = line.strip()
        if stripped:
            left = pos + (len(line) - len(line.lstrip()))
            if start < 0:
                start = left
            end = pos + len(line.rstrip())
        elif start >= 0:
            spans.append((start, end))
            start = -1
        pos = nl + 1
    if start >= 0:
        spans.append((start, end))
    return spans


def segment(draft: Draft) -> None:
    """Fill ``draft.blocks`` with one body-labelled block per paragraph."""
    draft.blocks = [Block(s, e) for s, e in paragraph_spans(draft.text)]

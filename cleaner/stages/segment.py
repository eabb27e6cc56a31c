"""Split the normalised text into blocks, with their spans: paragraphs separated by blank lines, and each line of a
paragraph on its own when the lines are separate items (a page dump's menus, lists, headline, byline) rather than
one paragraph wrapped at a fixed width."""

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


def is_wrapped(lines: list[str]) -> bool:
    """Tell whether ``lines`` are one paragraph wrapped at a fixed width: long lines, mostly continued in lower case.

    >>> is_wrapped(["The council voted on Tuesday to extend the bus network to", "three new districts."])
    True
    >>> is_wrapped(["Home", "News", "Sport"])
    False
    """
    if any(len(line) < 40 for line in lines[:-1]):
        return False
    continued = sum(1 for nxt in lines[1:] if nxt[:1].islower())
    return continued * 10 >= 6 * (len(lines) - 1)


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the stripped spans of the non-blank lines of ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        if line.strip():
            left = pos + len(line) - len(line.lstrip())
            spans.append((left, pos + len(line.rstrip())))
        pos = stop + 1
    return spans


def segment(draft: Draft) -> None:
    """Fill ``draft.blocks`` with one body-labelled block per paragraph, or per line of a paragraph of items."""
    text = draft.text
    blocks: list[Block] = []
    for s, e in paragraph_spans(text):
        if text.find("\n", s, e) < 0:
            blocks.append(Block(s, e))
            continue
        lines = line_spans(text, s, e)
        if is_wrapped([text[a:b] for a, b in lines]):
            blocks.append(Block(s, e))
        else:
            blocks.extend(Block(a, b) for a, b in lines)
    draft.blocks = blocks

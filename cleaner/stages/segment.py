"""Split the normalised text into blocks, with their spans: paragraphs separated by blank lines, and each line of a
paragraph on its own when the lines are separate items (a page dump's menus, lists, headline, byline) rather than
one paragraph wrapped at a fixed width."""

from __future__ import annotations

import re

from cleaner.draft import Block, Draft

#: A non-blank line without its surrounding spaces: from its first to its last non-space character (``[^\n]*``
#: gives back only the spaces at the end of the line).
_LINE = re.compile(r"\S[^\n]*(?<=\S)")


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the stripped spans of the non-blank lines of ``text[start:end]``.

    >>> line_spans(" a b \\n\\n c\\n")
    [(1, 4), (8, 9)]
    """
    return [m.span() for m in _LINE.finditer(text, start, len(text) if end is None else end)]


def paragraph_lines(text: str) -> list[list[tuple[int, int]]]:
    """Return the stripped spans of the non-blank lines of ``text``, grouped by paragraph (blank lines part them).

    >>> paragraph_lines("  a\\nb\\n\\n \\n c  \\n")
    [[(2, 3), (4, 5)], [(10, 11)]]
    """
    lines = line_spans(text)
    paragraphs: list[list[tuple[int, int]]] = []
    first = prev_end = 0
    for i, (start, end) in enumerate(lines):
        if i and text.count("\n", prev_end, start) > 1:  # only spaces lie between two lines: one blank line or more
            paragraphs.append(lines[first:i])
            first = i
        prev_end = end
    if lines:
        paragraphs.append(lines[first:])
    return paragraphs


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` of each paragraph of ``text``, surrounding whitespace excluded.

    >>> paragraph_spans("  a\\nb\\n\\n \\n c  \\n")
    [(2, 5), (10, 11)]
    """
    return [(lines[0][0], lines[-1][1]) for lines in paragraph_lines(text)]


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


def segment(draft: Draft) -> None:
    """Fill ``draft.blocks`` with one body-labelled block per paragraph, or per line of a paragraph of items."""
    text = draft.text
    blocks: list[Block] = []
    for lines in paragraph_lines(text):
        if len(lines) > 1 and not is_wrapped([text[a:b] for a, b in lines]):
            blocks.extend([Block(a, b) for a, b in lines])
        else:
            blocks.append(Block(lines[0][0], lines[-1][1]))
    draft.blocks = blocks

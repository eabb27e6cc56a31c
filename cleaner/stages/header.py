"""Find the date header: the first non-blank line, if it starts with a date, gives date, caption and credit.

The line is split off its paragraph as a block of its own, marked ``header`` and locked; the rest of the
paragraph stays a body block. What follows the date is the lead image's caption and credit: the credit is what
follows the last credit marker (``Photo by``, ``Credit:`` ..., from ``data/<lang>/credit_markers.txt``), a
trailing ``(AP Photo/...)`` or a trailing bracket naming a photo agency (``(Jane Doe/dpa)``, from
``data/photo_agencies.txt``); the caption is the text before it. No word of the line is dropped but the marker.
"""

from __future__ import annotations

from cleaner.credits import split_credit
from cleaner.dates import read_header_date
from cleaner.draft import Block, Draft

#: A caption has at most this many characters; a longer text after the date is article text glued to the date
#: line (``Updated: 10/31/2024 The moving process ...``): it stays body and only the date part is the header.
CAPTION_MAX_CHARS = 300


def header(draft: Draft) -> None:
    """Move a leading date line to the date, datetime, caption and credit fields; warn on a rejected date."""
    if not draft.blocks or draft.blocks[0].locked:
        return
    first = draft.blocks[0]
    newline = draft.text.find("\n", first.start, first.end)
    line_end = first.end if newline < 0 else newline
    line = draft.text[first.start : line_end]
    found = read_header_date(line, draft.config)
    if found is None:
        return
    problem = found.verdict.problem
    if problem:
        kept = "time not used" if found.verdict.date else "no date emitted"
        draft.warn(f"header date {found.stamp.date.text!r}: {problem}; {kept}")
    if not found.is_header:
        return
    rest = line[found.end :]
    glued = len(rest.strip()) > CAPTION_MAX_CHARS
    head_end = found.end if glued else len(line)
    head = Block(first.start + len(line) - len(line.lstrip()), first.start + len(line[:head_end].rstrip()))
    head.mark("header", found.reason + ("; the long text after it stays body" if glued else ""), lock=True)
    tail_start = first.start + head_end if glued else line_end
    tail = draft.text[tail_start : first.end]
    blocks = [head, Block(tail_start + len(tail) - len(tail.lstrip()), first.end)] if tail.strip() else [head]
    draft.blocks[0:1] = blocks
    fields = draft.fields
    fields.date, fields.datetime = found.verdict.date, found.verdict.datetime
    fields.caption, fields.credit = (None, None) if glued else split_credit(rest)

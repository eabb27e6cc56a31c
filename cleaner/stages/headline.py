"""Find the headline and the dateline just before the article: ``title``, and ``date`` when no header gave one.

A page dump shows its headline twice: in the page title on the first line (``Headline | Site``) and above the
article. The block before the body that repeats the page title (or one of its parts) is the headline. The date
comes only from a short line between the headline and the body (a byline or dateline), never from text after the
start of the body: comment timestamps and related stories come later.
"""

from __future__ import annotations

from functools import cache

import regex

from cleaner.dates.search import find_date
from cleaner.draft import BODY, Block, Draft

#: How many blocks before the body may hold the headline and the byline.
LOOK_BACK = 15
#: The longest line taken as a page title or headline.
MAX_TITLE = 250


@cache
def _separator() -> regex.Pattern[str]:
    """Return the pattern between a headline and the site name in a page title."""
    # each alternative starts at the first space of a run, so a long run of spaces is read once, not once a space
    return regex.compile(r"(?<!\s)\s++[|–—:·•»/-]\s++|(?<!\s)\s++[|»]|[|»]\s++")


def _key(text: str) -> str:
    """Return ``text`` case-folded with its whitespace collapsed and outer punctuation dropped, for comparison."""
    return " ".join(text.casefold().split()).strip(" .:;|-–—")


def title_keys(page_title: str) -> set[str]:
    """Return the forms of the page title a headline may take: the whole, and each part of two words or more.

    >>> sorted(title_keys("Republicans Are Following Trump - The New York Times"))
    ['republicans are following trump', 'republicans are following trump - the new york times', 'the new york times']
    """
    keys = {_key(page_title)}
    keys.update(_key(p) for p in _separator().split(page_title) if len(p.split()) >= 2)
    return {k for k in keys if k}


def _find_title(draft: Draft, blocks: list[Block], first: int) -> int | None:
    """Return the index of the headline block before (or at the start of) the body, or None."""
    page = draft.block_text(blocks[0])
    if len(page) > MAX_TITLE or (first == 0 and blocks[0].label == BODY):
        return None
    keys = title_keys(page)
    order: list[int] = [*range(first, max(0, first - LOOK_BACK), -1), *range(first + 1, min(len(blocks), first + 2))]
    for i in order:
        if i > 0 and len(draft.block_text(blocks[i])) <= MAX_TITLE and _key(draft.block_text(blocks[i])) in keys:
            return i
    return None


def _is_prose(text: str) -> bool:
    """Tell whether ``text`` is a paragraph of prose (long, with a sentence end) rather than a byline."""
    return len(text) > 100 and any(c in text for c in ".!?")


def headline(draft: Draft) -> None:
    """Set ``title`` from the headline and ``date`` from a dateline before the body; label those blocks."""
    blocks = [b for b in draft.blocks if not b.locked]
    body = [i for i, b in enumerate(blocks) if b.label == BODY]
    if not body:
        return
    first = body[0]
    found = _find_title(draft, blocks, first)
    if found is not None:
        block = blocks[found]
        draft.fields.title = draft.block_text(block)
        block.mark("title", "the headline (it repeats the page title); moved to title")
        if blocks[0].label == BODY:
            blocks[0].mark("title", "the page title; the headline is in title")
        first = next((i for i in body if i > found), first)
    if draft.fields.date is not None:
        return
    # after the headline, downwards, into the head of the body until its first paragraph of prose; without a
    # headline, upwards from the body (the nearest line first), then the same head of the body
    head = []
    for i in body if found is not None or first >= 3 else ():  # a page dump (a headline, or lines before the body)
        if _is_prose(draft.block_text(blocks[i])):
            break
        head.append(i)
    before = range(found + 1, first) if found is not None else range(first - 1, max(-1, first - LOOK_BACK - 1), -1)
    for i in [*before, *head]:
        verdict = find_date(draft.block_text(blocks[i]), draft.config)
        if verdict is not None:
            draft.fields.date, draft.fields.datetime = verdict.date, verdict.datetime
            if blocks[i].label == BODY:
                blocks[i].mark("byline", "byline or dateline before the article; date moved to date")
            return

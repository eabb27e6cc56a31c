"""Find the headline and the dateline just before the article: ``title``, and ``date`` when no header gave one.

A page dump shows its headline twice: in the page title on the first line (``Headline | Site``) and above the
article. The block nearest the article's first paragraph that repeats the page title (or its headline part) is
the headline. When no line repeats it, the headline is a heading near the article whose words are mostly the page
title's (``Busnetz: Stadtrat beschließt Ausbau | Zeitung`` over ``Stadtrat beschließt neues Busnetz``); when there
is no such heading either, the page title without its site name is the title.

The date comes only from a short line near the headline (a byline or dateline: below it down to the article's first
paragraph, or just above it) or before the body, never from text after the start of the article: comment timestamps
and related stories come later. A byline may write the date short (``11/19/19``, ``Updated Nov 19, 6:55 AM``);
:class:`cleaner.dates.search.Page` completes it from the rest of the page, or drops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from cleaner import resources
from cleaner.classify.features import folded_words
from cleaner.dates.clock import may_hold_time
from cleaner.dates.line import marker_end
from cleaner.dates.search import Page, find_date
from cleaner.draft import BODY, Block, Draft

#: How many blocks before the body may hold a short part of the page title as the headline, and the byline
#: when no headline is found.
LOOK_BACK = 15
#: How many blocks after the headline may hold the byline (the search stops earlier, at the first paragraph).
LOOK_AHEAD = 30
#: How many blocks just above the headline may hold the dateline (``November 19, 2019`` over the headline).
ABOVE = 3
#: The longest paragraph right under the headline passed over as its standfirst on the way to the byline.
MAX_STANDFIRST = 400
#: The longest line taken as a page title or headline.
MAX_TITLE = 250
#: A heading that does not repeat the page title is its headline when at least this share of the heading's words
#: are in the page title (its site name left out) ...
HEADING_IN_TITLE = 0.6
#: ... and they make up at least this share of the page title's words. Set a priori, not fitted (the dev pages give
#: titles for one collection only); wcxb-dev's title_exact moves by 0.03 across 0.5 to 0.8 and 0.3 to 0.5.
TITLE_IN_HEADING = 0.4
#: A page title is taken as the headline, when no line shows it, only on a page dump: the first line is no header,
#: and the article starts at least this many blocks down (menus between the page title and the article).
DUMP_TITLE_GAP = 3
#: The most words an author line (``By Jane Doe and John Roe, Staff Writers``) has.
MAX_AUTHOR_WORDS = 8
#: The longest line, after the article's first paragraph, read as a date-and-time stamp (``November 7, 2008 at
#: 12:48 pm``, ``By Jane Doe Nov 19, 2019, 7:47 PM EST``): a comment's, a related post's, or the byline under a
#: standfirst; and the most words it has (a line of text that gives a date and a time is longer). Set as a short
#: line; 12 words keeps every stamp of the dev pages that 14 finds, 10 loses one.
MAX_STAMP = 100
MAX_STAMP_WORDS = 12
#: The lines above a dump's headline are removed only when the body above it is at most this share of the body
#: below it: the headline stands in the body's upper half (0.5 gives the same scores on every collection). Without
#: the check, a headline found after the body, in a list of related stories, would strip the whole article's short
#: lines.
ABOVE_SHARE = 1.0
#: The separators between a page title's headline and the site name after it (``Headline | Site``).
_SITE_SEPARATORS = (" | ", " – ", " — ", " - ", " · ", " • ", " » ", " :: ")
#: The most words a site name after the separator has.
MAX_SITE_WORDS = 6


_DASHES = str.maketrans("–—", "--")


@cache
def _separator() -> regex.Pattern[str]:
    """Return the pattern between a headline and the site name in a page title."""
    # each alternative starts at the first space of a run, so a long run of spaces is read once, not once a space
    return regex.compile(r"(?<!\s)\s++[|–—:·•»/-]\s++|(?<!\s)\s++[|»]|[|»]\s++")


def _key(text: str) -> str:
    """Return ``text`` case-folded with its whitespace collapsed and outer punctuation dropped, for comparison."""
    folded = text.casefold()
    if "\u200b" in folded:
        folded = folded.replace("\u200b", "")
    if "–" in folded or "—" in folded:  # translate is slow, and most lines have no dash
        folded = folded.translate(_DASHES)
    return " ".join(folded.split()).strip(" .:;|-")


def ranked_title_keys(page_title: str) -> tuple[set[str], set[str]]:
    """Return the forms of the page title in two sets: the headline's and the rest.

    The headline's: the whole, the whole without its last part, and its first part (``Headline | Site``); the
    rest: the other parts of two words or more (often the site's name).

    >>> strong, weak = ranked_title_keys("Red Sox win - Late rally stuns Yankees - The Boston Globe")
    >>> sorted(strong)[:2], sorted(weak)
    (['red sox win', 'red sox win - late rally stuns yankees'], ['late rally stuns yankees', 'the boston globe'])
    """
    whole = _key(page_title)
    pieces = _separator().split(page_title)
    # without its last part: ``Headline - Standfirst - Site`` shows ``Headline - Standfirst`` above the article
    head = _key(page_title[: page_title.rfind(pieces[-1])]) if len(pieces) > 2 else ""
    parts = [k for p in pieces if len(p.split()) >= 2 and (k := _key(p))]
    strong = {k for k in (whole, head, *parts[:1]) if k}
    return strong, {k for k in parts if k not in strong}


def _find_title(draft: Draft, blocks: list[Block], first: int, plain: bool) -> tuple[int, str] | None:
    """Return the index of the headline block before (or at the start of) the article and how it was known (for
    the reason), or None.

    The search runs upwards from the article's first paragraph of prose (the nearest repeat of the page title
    wins), then downwards past it (the boilerplate stage may have started the body too early, at a prompt).
    The whole page title and its headline part (its first part) are looked for on the whole page; only when
    neither is found, a shorter part of two words or more (often the site's name) in the :data:`LOOK_BACK`
    blocks before the body.
    """
    page = draft.block_text(blocks[0])
    if len(page) > MAX_TITLE:
        return None
    if plain and page.rstrip()[-1:] in ".:;,":
        return None
    strong, weak = ranked_title_keys(page)
    article = next((i for i in range(first, len(blocks)) if _is_prose(draft.block_text(blocks[i]))), first)
    # in a plain file a short first paragraph repeated later (a heading, then a related link) is no page title
    order = [*range(article, 0, -1), *([] if plain else range(article + 1, len(blocks)))]
    # a key is never more than three times its text's length (case-folding ``ﬃ`` gives ``ffi``): shorter lines,
    # most of a page's menu, cannot match and are not keyed
    shortest = min(map(len, strong | weak), default=0)
    keys: dict[int, str | None] = {}  # the key of each block looked at so far, None when it cannot match

    def key(i: int) -> str | None:
        """Return the key of block ``i`` (computed once, and only for blocks the search reaches), or None."""
        if i not in keys:
            text = draft.block_text(blocks[i])
            keys[i] = _key(text) if shortest <= 3 * len(text) and len(text) <= MAX_TITLE else None
        return keys[i]

    found = next((i for i in order if key(i) in strong), None)
    if found is None and not plain:
        heading = _heading_of(draft, blocks, first, page_headline(page))
        if heading is not None and key(heading) not in weak:  # else a part of it word for word: ``Site | Headline``
            return heading, "its words are mostly the page title's"
        found = heading
    if found is None:
        found = next((i for i in order if first - LOOK_BACK < i <= first + 1 and key(i) in weak), None)
    return None if found is None else (found, "it repeats the page title")


def page_headline(page_title: str) -> str:
    """Return the page title without the site name after its last separator (when that is a short name).

    >>> page_headline("Index Funds: How to Invest | Vanguard")
    'Index Funds: How to Invest'
    >>> page_headline("Index Funds: How to Invest")
    'Index Funds: How to Invest'
    """
    cut = max(page_title.rfind(sep) for sep in _SITE_SEPARATORS)
    if cut > 0:
        site = page_title[cut:].lstrip(" |–—-·•»:")
        if len(site.split()) <= MAX_SITE_WORDS:
            page_title = page_title[:cut]
    return " ".join(page_title.split())


def _heading_of(draft: Draft, blocks: list[Block], first: int, headline: str) -> int | None:
    """Return the index of the heading near the article's start (from LOOK_BACK blocks before it to two after)
    whose words are mostly those of ``headline`` (the page title's), the closest match first, or None."""
    wanted = set(folded_words(headline))
    if len(wanted) < 2:
        return None
    best, best_f1 = None, 0.0
    for i in range(max(1, first - LOOK_BACK), min(len(blocks), first + 3)):
        text = draft.block_text(blocks[i])
        if len(text) > MAX_TITLE or text.rstrip()[-1:] in ".,;:":
            continue
        words = set(folded_words(text))
        shared = len(words & wanted)
        if shared < 2:
            continue
        precision, recall = shared / len(words), shared / len(wanted)
        if precision < HEADING_IN_TITLE or recall < TITLE_IN_HEADING:
            continue
        f1 = 2 * precision * recall / (precision + recall)
        if f1 > best_f1 or (f1 == best_f1 and best is not None and abs(i - first) < abs(best - first)):
            best, best_f1 = i, f1
    return best


def _is_dump_title(draft: Draft, blocks: list[Block], first: int, plain: bool) -> bool:
    """Tell whether the first block reads as a dump's page title: no header before it, not a plain file's first line
    (see :func:`_article_start`), menus between it and the article, short, two words or more and no sentence or
    clause end."""
    page = draft.block_text(blocks[0])
    return (
        not draft.blocks[0].locked
        and not plain
        and first >= DUMP_TITLE_GAP
        and len(page) <= MAX_TITLE
        and len(page.split()) >= 2
        and page.rstrip()[-1:] not in ".,;:"
    )


def _is_heading(text: str) -> bool:
    """Tell whether ``text`` reads as a headline: three words or more, at most MAX_TITLE characters, no sentence end."""
    return len(text.split()) >= 3 and len(text) <= MAX_TITLE and text.rstrip()[-1:] not in ".!?:;,"


def _is_prose(text: str) -> bool:
    """Tell whether ``text`` is a paragraph of prose (long, with a sentence end) rather than a byline: a line that
    opens with a date marker (``Posted on December 20, 2025 by ... - 5 Comments on Why ...?``) is a byline."""
    return len(text) > 100 and any(c in text for c in ".!?") and marker_end(text, 0) is None


def _date_blocks(
    draft: Draft, blocks: list[Block], body: list[int], found: int | None, first: int, plain: bool
) -> list[int]:
    """Return the indexes of the blocks that may hold the byline or dateline, the most likely first.

    With a headline: the lines after it down to the article's first paragraph of prose (a standfirst right
    under the headline is passed over, and so is prose the boilerplate stage removed: an appeal, a caption),
    then the few lines just above it. Then (or without a headline) the lines before the body, the nearest
    first, and the head of the body down to its first paragraph of prose; without a headline, a body that opens
    with a heading and a short paragraph reads them as the headline and its standfirst, and goes on below them.
    Never a line after the start of the article: comment timestamps and related stories come later.
    """
    text = draft.block_text
    near: list[int] = []
    if found is not None:
        for i in range(found + 1, min(len(blocks), found + 1 + LOOK_AHEAD)):
            block = text(blocks[i])
            if blocks[i].label == BODY and _is_prose(block):
                if i == found + 1 and len(block) <= MAX_STANDFIRST:
                    continue
                break
            near.append(i)
        for i in range(found - 1, max(0, found - ABOVE - 1), -1):
            if _is_prose(text(blocks[i])):
                break
            near.append(i)
    if plain:
        return near  # a plain file: its text is the article, and a date in it is not a byline
    head: list[int] = []
    passed = False
    for i in body:
        if i < first:
            continue
        if _is_prose(text(blocks[i])):
            # without a headline, a short first line of the body may be it: the standfirst under it is passed over
            if (
                found is None
                and not passed
                and len(head) == 1
                and head[0] == first
                and len(text(blocks[i])) <= MAX_STANDFIRST
                and _is_heading(text(blocks[first]))
            ):
                passed = True
                continue
            break
        head.append(i)
    before = list(range(first - 1, max(0, first - LOOK_BACK - 1), -1))
    near += [i for i in before + head if i not in near and i != found]
    return near


@cache
def _author_markers() -> frozenset[str]:
    """Return the case-folded words that open an author line in any language (``By``, ``Von``, ``Par``)."""
    return frozenset(m.casefold() for m in resources.all_lines("author_markers.txt"))


def is_author_line(text: str) -> bool:
    """Tell whether ``text`` is an author line: an author marker, then a capitalised name, MAX_AUTHOR_WORDS words
    at most in all, and no sentence end.

    >>> is_author_line("Von Anna Beispiel"), is_author_line("By Jane Doe and John Roe, Staff Writers")
    (True, True)
    >>> is_author_line("By the numbers"), is_author_line("Par ailleurs, le conseil a voté.")
    (False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= MAX_AUTHOR_WORDS or text.rstrip()[-1:] in ".!?":
        return False
    return words[0].casefold() in _author_markers() and words[1][:1].isupper()


def _mark_author_lines(draft: Draft, blocks: list[Block], after: Iterable[int]) -> None:
    """Label the author lines among the blocks ``after`` the headline (or the body's, without one), down to the
    article's first paragraph of prose."""
    for i in after:
        block = blocks[i]
        text = draft.block_text(block)
        if block.label == BODY and _is_prose(text):
            return
        if block.label == BODY and is_author_line(text):
            block.mark("byline", "author line above the article")


def _article_start(draft: Draft, blocks: list[Block], body: list[int]) -> tuple[int, bool]:
    """Return where the article starts and whether the text is a plain file rather than a page dump.

    When the boilerplate stage kept lines above the article proper (``draft.article_start``), the article starts at
    the first body block from there, and the text is a dump.

    A body that starts with the first line is a plain file (its text is the article: no page title, no byline
    search), unless that line reads as a page title (``Headline | Site``: a site separator in it, or a later line
    repeating a part of it, as ``Blog Name: Post Title`` over ``Post Title``) and the first paragraph of prose
    comes DUMP_TITLE_GAP blocks or more further down: then the body reached up to a dump's page title, and the
    article starts at that paragraph.
    """
    first = body[0]
    if draft.article_start is not None and blocks[first].start < draft.article_start:
        # the boilerplate stage kept lines above the article proper: it starts at the first body block from there
        return next((i for i in body if blocks[i].start >= draft.article_start), first), False
    if blocks[0].label != BODY:
        return first, False
    prose = next((i for i in body if _is_prose(draft.block_text(blocks[i]))), first)
    page = draft.block_text(blocks[0])
    if prose < DUMP_TITLE_GAP or not (
        any(sep in page for sep in _SITE_SEPARATORS) or _title_part_repeated(draft, blocks, prose)
    ):
        return first, True
    return prose, False


def _title_part_repeated(draft: Draft, blocks: list[Block], prose: int) -> bool:
    """Tell whether a line between the first line and the first paragraph of prose repeats a part of the first
    line (``Blog Name: Post Title``, then ``Post Title``): the first line is a page title."""
    page = draft.block_text(blocks[0])
    strong, weak = ranked_title_keys(page)
    colon = {_key(part) for part in page.split(": ") if len(part.split()) >= 2}
    parts = (strong | weak | colon) - {_key(page)}
    return any(_key(draft.block_text(blocks[i])) in parts for i in range(1, min(prose, LOOK_BACK)))


def headline(draft: Draft) -> None:
    """Set ``title`` from the headline and ``date`` from a dateline before the body; label those blocks."""
    blocks = [b for b in draft.blocks if not b.locked]
    body = [i for i, b in enumerate(blocks) if b.label == BODY]
    if not body:
        return
    first, plain = _article_start(draft, blocks, body)
    headline_at = _find_title(draft, blocks, first, plain)
    found = None
    if headline_at is not None:
        found, how = headline_at
        block = blocks[found]
        text = draft.block_text(block)
        # a line that repeats the whole page title (``Headline | Site``) gives the headline without the site's name
        draft.fields.title = page_headline(text) if _key(text) == _key(draft.block_text(blocks[0])) else text
        block.mark("title", f"the headline ({how}); moved to title")
        if blocks[0].label == BODY:
            blocks[0].mark("title", "the page title; the headline is in title")
    elif _is_dump_title(draft, blocks, first, plain):
        draft.fields.title = page_headline(draft.block_text(blocks[0]))
        blocks[0].mark("title", "the page title (no line repeats it); its headline is in title")
    _mark_author_lines(draft, blocks, body if found is None else range(found + 1, len(blocks)))
    if draft.fields.date is None:
        _read_date(draft, blocks, body, found, first, plain)
    if found is not None and not plain and _in_upper_part(blocks, body, found):
        _mark_above(draft, blocks, body, found)
    _mark_stamps(draft, blocks, body, first)


def _in_upper_part(blocks: list[Block], body: list[int], found: int) -> bool:
    """Tell whether the headline at ``found`` stands in the upper part of the body: the body's text above it is at
    most ABOVE_SHARE of its text below it. A heading found further down (a section repeating the page title, the
    page's own title in a list of related stories after the article) does not start the article."""
    above = sum(blocks[i].end - blocks[i].start for i in body if i < found)
    below = sum(blocks[i].end - blocks[i].start for i in body if i > found)
    return above <= ABOVE_SHARE * below


def _mark_above(draft: Draft, blocks: list[Block], body: list[int], found: int) -> None:
    """Remove the short body lines above the headline of a page dump (its menus, contact lines, breadcrumbs), which
    the article region took in when it reached above the article: a dump's article starts at its headline.

    Paragraphs of prose above it stay: the heading found may be a section of the article that repeats the page
    title, or the page may put the article's summary above its headline.
    """
    for i in body:
        if i >= found:
            return
        block = blocks[i]
        if block.label == BODY and not _is_prose(draft.block_text(block)):
            block.mark("other", "above the headline: the page's menus and links, not the article")


def _read_date(draft: Draft, blocks: list[Block], body: list[int], found: int | None, first: int, plain: bool) -> None:
    """Set ``date`` from the first byline or dateline (see :func:`_date_blocks`) that holds one; label that line."""
    page = Page((draft.block_text(b) for b in draft.blocks), draft.config)  # read only if a date needs it
    for i in _date_blocks(draft, blocks, body, found, first, plain):
        verdict = find_date(draft.block_text(blocks[i]), draft.config, page)
        if verdict is not None:
            draft.fields.date, draft.fields.datetime = verdict.date, verdict.datetime
            if blocks[i].label == BODY:
                blocks[i].mark("byline", "byline or dateline before the article; date moved to date")
            return


def _mark_stamps(draft: Draft, blocks: list[Block], body: list[int], first: int) -> None:
    """Label as ``byline`` the short lines of the body, after the article's first paragraph of prose, that are a
    date with its time and no sentence (MAX_STAMP characters, MAX_STAMP_WORDS words): a comment's or a related post's
    stamp, or a second byline.

    A date line before the first paragraph is the byline the date search reads; a date in a sentence is text.
    """
    prose = False
    for i in body:
        block = blocks[i]
        if i < first or block.label != BODY:
            continue
        text = draft.block_text(block)
        if (
            prose
            and len(text) <= MAX_STAMP
            and text.rstrip()[-1:] not in ".!?"
            and len(text.split()) <= MAX_STAMP_WORDS
            and may_hold_time(text)
            and (verdict := find_date(text, draft.config)) is not None
            and verdict.datetime is not None
        ):
            block.mark("byline", "a date-and-time stamp after the article's first paragraph (a comment's or a post's)")
            continue
        prose = prose or _is_prose(text)

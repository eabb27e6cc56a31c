"""Find the date header: the first non-blank line, if it starts with a date, gives date, caption and credit.

The line is split off its paragraph as a block of its own, marked ``header`` and locked; the rest of the
paragraph stays a body block. What follows the date is the lead image's caption and credit: the credit is what
follows the last credit marker (``Photo by``, ``Credit:`` ..., from ``data/<lang>/credit_markers.txt``) or a
trailing ``(AP Photo/...)``; the caption is the text before it. No word of the line is dropped but the marker.
"""

from __future__ import annotations

from functools import cache

import regex

from cleaner import resources
from cleaner.dates import read_header_date
from cleaner.draft import Block, Draft

#: A caption has at most this many characters; a longer text after the date is article text glued to the date
#: line (``Updated: 10/31/2024 The moving process ...``): it stays body and only the date part is the header.
CAPTION_MAX_CHARS = 300
#: A credit has at most this many words; a longer text after a marker is caption (``FILE PHOTO: Traders``).
CREDIT_MAX_WORDS = 12

_OPENERS = {")": "(", "]": "["}


def _marker_regex(form: str) -> str:
    """Return the regex of one credit marker as written in the data file."""
    colon = form.endswith(":")
    words = form.removesuffix(":").split()
    body = r"\s++".join(regex.escape(w) for w in words)
    if colon:
        return body + r"\s*+:"
    return body if not form[-1].isalnum() else body + r"(?!\p{L})"


def _alternation(forms: list[str]) -> str:
    """Return an alternation of credit markers, longest first."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(_marker_regex(f) for f in ordered) + ")" if ordered else "(?!)"


@cache
def _credit_marker() -> regex.Pattern[str]:
    """Return the pattern of a credit marker (``Photo by``, ``Credit:`` ...) and the spaces after it."""
    forms = [f for f in resources.all_lines("credit_markers.txt") if not f.endswith("/")]
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_alternation(forms)}\s*+", regex.IGNORECASE)


@cache
def _agency_credit() -> regex.Pattern[str]:
    """Return the pattern of an agency credit inside brackets (``AP Photo/Jeffrey T. Barnes``)."""
    forms = [f.removesuffix("/") for f in resources.all_lines("credit_markers.txt") if f.endswith("/")]
    return regex.compile(rf"\S\s++{_alternation(forms)}\s*+/", regex.IGNORECASE)


def _clean(text: str) -> str | None:
    """Return ``text`` without surrounding spaces and dangling separators, or None when nothing is left."""
    text = text.strip().lstrip("|–—·•").rstrip("|–—·•-([").strip()
    return text or None


def _takes(rest: str, m: regex.Match[str]) -> bool:
    """Return whether marker match ``m`` stands where a credit starts: first, capitalised, after a bracket."""
    before = rest[: m.start()].rstrip()
    return not before or m[0][0].isupper() or before.endswith(("(", "["))


def _bracket_credit(rest: str) -> tuple[str | None, str] | None:
    """Return (caption, credit) when ``rest`` ends with a bracketed credit, else None."""
    closer = rest[-1:]
    opener = _OPENERS.get(closer)
    start = rest.rfind(opener) if opener else -1
    if start < 0:
        return None
    inner = rest[start + 1 : -1]
    if closer in inner:
        return None
    m = _credit_marker().match(inner)
    if m and inner[m.end() :].strip():
        return _clean(rest[:start]), inner[m.end() :].strip()
    if _agency_credit().search(inner):
        return _clean(rest[:start]), inner.strip()
    return None


def split_credit(rest: str) -> tuple[str | None, str | None]:
    """Return (caption, credit) of the text after the date.

    >>> split_credit(" The Pentagon. Photo by Joshua Roberts")
    ('The Pentagon.', 'Joshua Roberts')
    >>> split_credit("Fans cheer. (AP Photo/Jeffrey T. Barnes)")
    ('Fans cheer.', 'AP Photo/Jeffrey T. Barnes')
    >>> split_credit("a photo by the lake")
    ('a photo by the lake', None)
    """
    rest = rest.strip()
    if not rest:
        return None, None
    bracketed = _bracket_credit(rest)
    if bracketed:
        return bracketed
    for m in reversed(list(_credit_marker().finditer(rest))):
        if not _takes(rest, m):
            continue
        credit = rest[m.end() :].strip()
        if credit and len(credit.split()) <= CREDIT_MAX_WORDS:
            return _clean(rest[: m.start()]), credit
        break
    return _clean(rest), None


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

"""Find the tags line: the last line of the text, ``Tags: a, b, c`` (labels: ``data/<lang>/tag_labels.txt``).

A label starting the last line is taken unless a single sentence follows it (``Topics: we discuss ...``).
A label glued to the sentence before it (``...the end.Tags: a, b``), or alone on its line above the last
lines of the last block (``Tags:`` then one or more tags a line), is taken only when the tags look like a list
(short items, no sentence end). The tags part becomes a block of its own, marked ``tags`` and locked; the
prose before it stays a body block. Separators: the first of ``,`` ``;`` ``|`` present splits the list.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from cleaner import resources
from cleaner.draft import Block, Draft

#: A tag has at most this many words and characters when the list must prove it is one (a glued label).
TAG_MAX_WORDS = 8
TAG_MAX_CHARS = 80
#: Separators in order of preference: the first one present splits the list, the others stay inside tags.
SEPARATORS = (",", ";", "|")


class Found(NamedTuple):
    """A tags part of the last block: where it starts (the label), its tags, and why it was taken."""

    start: int
    tags: list[str]
    reason: str


def _label_alternation() -> str:
    """Return the alternation of every tag label, longest first."""
    labels = sorted(set(resources.all_lines("tag_labels.txt")), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(r"\s++".join(regex.escape(w) for w in s.split()) for s in labels) + ")"


@cache
def _line_label() -> regex.Pattern[str]:
    """Return the pattern of a tag label at the start of a line, with its colon."""
    return regex.compile(rf"[ \t]*+(?P<label>{_label_alternation()})[ \t]*+(?P<colon>:)\s*+", regex.IGNORECASE)


@cache
def _glued_label() -> regex.Pattern[str]:
    """Return the pattern of a tag label glued after sentence-final punctuation (``end.Tags:``)."""
    return regex.compile(rf"(?<=[.!?…\"'»”’)\]])\s*+(?P<label>{_label_alternation()})\s*+:\s*+", regex.IGNORECASE)


def split_tags(text: str) -> list[str]:
    """Return the tags of ``text``: split on the dominant separator and on newlines, stripped, deduplicated.

    >>> split_tags("Totara, What is a smartphone? | Free Online Course")
    ['Totara', 'What is a smartphone? | Free Online Course']
    >>> split_tags("a; b;; A ;c")
    ['a', 'b', 'c']
    """
    sep = next((s for s in SEPARATORS if s in text), None)
    out: dict[str, str] = {}
    for line in text.splitlines():
        for item in line.split(sep) if sep else [line]:
            tag = " ".join(item.split())
            if tag:
                out.setdefault(tag.casefold(), tag)
    return list(out.values())


def _sentence(tag: str) -> bool:
    """Return whether ``tag`` ends like a sentence (a period or ``!`` after more than three words)."""
    return tag.endswith((".", "!")) and len(tag.split()) > 3


def looks_like_list(tags: list[str]) -> bool:
    """Return whether ``tags`` read as a list of short labels, not as prose (the test for a glued label).

    >>> looks_like_list(["Russia", "Ukraine"]), looks_like_list(["we discuss the budget today."])
    (True, False)
    """
    if not tags or _sentence(tags[-1]):
        return False
    return all(len(t) <= TAG_MAX_CHARS and len(t.split()) <= TAG_MAX_WORDS and not t.endswith(("!", "?")) for t in tags)


def _reads_as_tags(tags: list[str]) -> bool:
    """Return whether a labelled last line reads as tags: any list, or a single tag that is not a sentence."""
    return len(tags) != 1 or not _sentence(tags[0])


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """Return the offsets where the lines of ``text[start:end]`` start."""
    starts = [start]
    pos = text.find("\n", start, end)
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1, end)
    return starts


def _labelled_line(text: str, start: int, end: int) -> Found | None:
    """Return the tags from the last line of the block that starts with a label, when they read as tags."""
    for line_start in reversed(_line_starts(text, start, end)):
        m = _line_label().match(text, line_start, end)
        if not m:
            continue
        left = m.start("label")
        line_end = text.find("\n", left, end)
        tags = split_tags(text[m.end() : end])
        label = " ".join(m["label"].split())
        if line_end < 0:
            return Found(left, tags, f"tags line (label {label!r})") if _reads_as_tags(tags) else None
        # a label with more lines after it must stand alone on its line, and every line after it be a tag list
        alone = not text[m.end("colon") : line_end].strip()
        return (
            Found(left, tags, f"tags list (label {label!r} on its own line)")
            if alone and looks_like_list(tags)
            else None
        )
    return None


def _glued(text: str, start: int, end: int) -> Found | None:
    """Return the tags glued to the end of the block's last sentence, when they read as a list."""
    line_start = text.rfind("\n", start, end) + 1 or start
    last = None
    for m in _glued_label().finditer(text, line_start, end):
        last = m
    if last is None:
        return None
    tags = split_tags(text[last.end() : end])
    if not looks_like_list(tags):
        return None
    label = " ".join(last["label"].split())
    return Found(last.start("label"), tags, f"tags line glued to the text before it (label {label!r})")


def _last_paragraph(draft: Draft, most: int = 50) -> int:
    """Return the index of the first block of the last paragraph (its lines may be separate blocks)."""
    i = len(draft.blocks) - 1
    while i > 0 and len(draft.blocks) - i < most:
        gap = draft.text[draft.blocks[i - 1].end : draft.blocks[i].start]
        if gap.count("\n") != 1 or draft.blocks[i - 1].locked:
            break
        i -= 1
    return i


def tags(draft: Draft) -> None:
    """Move the final tags line (or list) to the tags field; split it off the prose it is glued to."""
    if not draft.blocks or draft.blocks[-1].locked:
        return
    first = _last_paragraph(draft)
    start, end = draft.blocks[first].start, draft.blocks[-1].end
    # every label ends with a colon: a last block without one compiles no label pattern (start-up)
    found = (
        None
        if draft.text.find(":", start, end) < 0
        else _labelled_line(draft.text, start, end) or _glued(draft.text, start, end)
    )
    if found is None:
        return
    part = Block(found.start, end)
    part.mark("tags", found.reason, lock=True)
    # keep the blocks before the tags, and the prose part of the block the tags start in
    kept = [b for b in draft.blocks[first:] if b.end <= found.start]
    inside = next((b for b in draft.blocks[first:] if b.start < found.start < b.end), None)
    if inside is not None:
        prose = draft.text[inside.start : found.start].rstrip()
        if prose:
            kept.append(Block(inside.start, inside.start + len(prose)))
    draft.blocks[first:] = [*kept, part]
    draft.fields.tags = found.tags

"""Find the tags line (placeholder: ``Tags:`` only; the full version replaces this)."""

from __future__ import annotations

import regex

from cleaner.draft import Draft

_TAGS = regex.compile(r"Tags:\s*(.*)", regex.S)


def tags(draft: Draft) -> None:
    """Move a final ``Tags: a, b`` line to the tags field."""
    if not draft.blocks:
        return
    last = draft.blocks[-1]
    m = _TAGS.fullmatch(draft.block_text(last))
    if not m or last.locked:
        return
    draft.fields.tags = [t.strip() for t in regex.split(r"[,;|]", m[1]) if t.strip()]
    last.mark("tags", "tags line", lock=True)

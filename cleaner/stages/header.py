"""Find the date header line (placeholder: ISO dates only; the full version replaces this)."""

from __future__ import annotations

import regex

from cleaner.draft import Draft

_ISO = regex.compile(r"\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*(.*)")


def header(draft: Draft) -> None:
    """Move a leading ``date YYYY-MM-DD caption`` line to the date and caption fields."""
    if not draft.blocks:
        return
    first = draft.blocks[0]
    m = _ISO.match(draft.block_text(first))
    if not m:
        return
    draft.fields.date = f"{m[1]}-{m[2]}-{m[3]}"
    draft.fields.caption = m[4] or None
    first.mark("header", "date header line", lock=True)

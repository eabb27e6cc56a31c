"""Choose the body: the blocks still labelled body, in order."""

from __future__ import annotations

from cleaner.draft import BODY, Draft


def body(draft: Draft) -> None:
    """Warn when no article text is left; the body itself is assembled from the body-labelled blocks."""
    if not any(b.label == BODY for b in draft.blocks):
        draft.warn("no article text found")

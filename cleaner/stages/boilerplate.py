"""Label boilerplate blocks (placeholder: nothing yet)."""

from __future__ import annotations

from cleaner.draft import Draft


def boilerplate(draft: Draft) -> None:
    """Label appeals, related links, menus and footers as removed."""
    return None

"""One frozen configuration: every threshold and switch of the pipeline, documented in one place."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

DateOrder = Literal["auto", "dmy", "mdy", "ymd"]


class Config(NamedTuple):
    """Options of one cleaning run; build once, pass everywhere, never mutate.

    >>> Config().date_order
    'auto'
    >>> Config().with_(date_order="dmy").date_order
    'dmy'
    """

    #: How to read a slashed numeric date that could be day-first or month-first (``03/04/2022``).
    #: ``auto`` resolves it only when unambiguous (one part above 12) and otherwise emits no date and a warning.
    date_order: DateOrder = "auto"
    #: The earliest and latest year a publication date may have; anything outside is rejected as implausible.
    min_year: int = 1990
    max_year: int = 2100
    #: Force a text encoding for byte input instead of UTF-8 plus detection (``None``: detect).
    encoding: str | None = None
    #: Repair mojibake (``Ukraineâ€™s``: UTF-8 read as cp1252 or cp1251) with ftfy, line by line, conservatively;
    #: each repair is listed in the warnings. ``False`` keeps such text exactly as decoded.
    repair_mojibake: bool = True
    #: The largest input (a file, or one JSON Lines record) read, in bytes; a bigger one is refused with an error
    #: instead of being loaded into memory. Outputs do not depend on it.
    max_bytes: int = 50_000_000

    def with_(self, **changes: Any) -> Config:
        """Return a copy with some options changed."""
        return self._replace(**changes)

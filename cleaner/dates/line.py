"""Read the date at the start of a header line: an optional marker, weekday, the date, an optional time.

With a marker (`` date``, ``Date:``, ``Published`` ...) the date must follow it; without one the date (with
weekday and time) must be the whole line, or be followed by a clear separator (`` | ``, `` · ``) and caption.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from cleaner.config import Config
from cleaner.dates import lexicon
from cleaner.dates.clock import Clock, read_time, read_time_after
from cleaner.dates.strategies import Candidate, read_date
from cleaner.dates.validate import Verdict, check


class Stamp(NamedTuple):
    """A date read from text, with its time when one is written next to it."""

    date: Candidate
    clock: Clock | None
    start: int
    end: int


class HeaderDate(NamedTuple):
    """The date part of a header line: where it ends, the verdict on it, and whether the line is a header."""

    marker: str | None
    stamp: Stamp
    verdict: Verdict
    end: int
    is_header: bool

    @property
    def reason(self) -> str:
        """Return a human-readable reason for taking the line as a header."""
        how = f"marker {self.marker.strip()!r} + " if self.marker else "whole-line "
        return f"date header line ({how}{self.stamp.date.strategy})"


@cache
def _marker() -> lexicon.Phrases:
    """Return the matcher of a date marker and the punctuation after it."""
    return lexicon.Phrases(lexicon.markers(), r"\s*+", r"(?!\p{L})\s*+:?\s*+", skip_spaces=True)


def marker_end(text: str, pos: int) -> int | None:
    """Return where a date marker (``Updated``, ``Posted:`` ...) at ``pos`` and the spaces after it end, or None.

    >>> marker_end("Updated: Nov 19", 0)
    9
    """
    m = _marker().match(text, pos)
    return m.end() if m else None


@cache
def _weekday() -> lexicon.Phrases:
    """Return the matcher of a weekday name and the punctuation after it."""
    return lexicon.Phrases(lexicon.words("weekday"), "", r"(?!\p{L})\.?,?\s*+", skip_spaces=False)


@cache
def _year_suffix() -> regex.Pattern[str]:
    """Return the pattern of a word after the year (``г.``, ``r.``, ``року``)."""
    return regex.compile(rf"\s*+{lexicon.alternation(lexicon.words('year_suffix'))}(?!\p{{L}})\.?", regex.IGNORECASE)


@cache
def _between() -> regex.Pattern[str]:
    """Return the pattern of what may join two stamps (``Published ... | Updated ...``)."""
    return regex.compile(r"[\s|·•,;–—-]*+")


@cache
def _separator() -> regex.Pattern[str]:
    """Return the pattern of the clear separator between an unmarked date and a caption (``|``, ``·``, ``•``).

    Dashes are left out: ``May 5, 2022 — The council ...`` is a dateline, and its text is the article's.
    """
    return regex.compile(r"\s*+\|\s*+|\s++[·•]\s++")


@cache
def _word() -> regex.Pattern[str]:
    """Return the pattern of a letter or digit (a date must not run into a word)."""
    return regex.compile(r"[\p{L}\p{N}]")


@cache
def digit() -> regex.Pattern[str]:
    """Return the pattern of a digit: every written date has one (see :mod:`cleaner.dates.strategies`)."""
    return regex.compile(r"\d")


@cache
def _after_time() -> regex.Pattern[str]:
    """Return the pattern of the punctuation between a leading time and its date (``22:03, 29.11.2022``)."""
    return regex.compile(r"[\s,|·]*+")


def read_stamp(text: str, pos: int, *, byline: bool = False) -> Stamp | None:
    """Return the date (after an optional time or weekday, with an optional time after it) at ``pos``.

    ``byline`` also reads the short forms a byline may show (``11/19/19``, ``Nov 19``).

    >>> s = read_stamp("Tuesday, November 29, 2022 10:03 PM", 0)
    >>> s.date.parts, s.clock.hour, s.end
    ((11, 29), 10, 35)
    >>> read_stamp("22:03, 29.11.2022", 0).clock.hour
    22
    """
    before = read_time(text, pos)
    if before:
        gap = _after_time().match(text, before.end)
        stamp = _read_dated(text, gap.end() if gap else before.end, byline)
        if stamp and stamp.clock is None:
            return Stamp(stamp.date, before, pos, stamp.end)
    return _read_dated(text, pos, byline)


def _read_dated(text: str, pos: int, byline: bool = False) -> Stamp | None:
    """Return the date (after an optional weekday, with an optional time after it) at ``pos``."""
    weekday = _weekday().match(text, pos)
    date = (read_date(text, weekday.end(), byline=byline) if weekday else None) or read_date(text, pos, byline=byline)
    if date is None:
        return None
    end = date.end
    suffix = _year_suffix().match(text, end)
    if suffix:
        end = suffix.end()
    clock = read_time_after(text, end)
    if clock and not _word().match(text, clock.end):
        end = clock.end
    else:
        clock = None
    if _word().match(text, end):
        return None
    return Stamp(date, clock, pos, end)


def _more_stamps(text: str, pos: int) -> int:
    """Return where further ``marker date`` groups after ``pos`` end (``| Updated: Nov 30, 2022``).

    A marker is required: a caption may itself start with a date, and no caption word may be lost.
    """
    while True:
        gap = _between().match(text, pos)
        marker = _marker().match(text, gap.end() if gap else pos)
        stamp = read_stamp(text, marker.end()) if marker else None
        if stamp is None:
            return pos
        pos = stamp.end


def read_header_date(line: str, config: Config) -> HeaderDate | None:
    """Return the date at the start of a header ``line``, or None when the line does not start with one.

    ``is_header`` is False for an unmarked line whose date fails validation: it stays body, with a warning.

    >>> line = " date 2022-11-29 The Pentagon. Photo by Joshua Roberts"
    >>> h = read_header_date(line, Config())
    >>> h.verdict.date, line[h.end :]
    ('2022-11-29', ' The Pentagon. Photo by Joshua Roberts')
    >>> read_header_date("Effective beginning 6/2/2025:", Config()) is None
    True
    """
    if digit().search(line) is None:
        return None  # no digit, no date; and a plain file's first line compiles no date pattern at start-up
    marker = _marker().match(line)
    pos = marker.end() if marker else len(line) - len(line.lstrip())
    stamp = read_stamp(line, pos)
    if stamp is None:
        return None
    end = _more_stamps(line, stamp.end)
    if not marker:
        rest = line[end:].rstrip()
        if rest in ("", "."):
            end = len(line)
        else:
            sep = _separator().match(line, end)
            if not sep or not line[sep.end() :].strip():
                return None
            end = sep.end()
    verdict = check(stamp.date, stamp.clock, config)
    is_header = bool(marker) or verdict.date is not None
    return HeaderDate(marker[0] if marker else None, stamp, verdict, end, is_header)

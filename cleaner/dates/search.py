"""Find a date anywhere in a short line (a byline or dateline), not only at its start.

A page dump's byline may write the date short: ``11/19/19`` (a two-digit year), ``03/04/2019`` (day-first or
month-first?) or ``Updated Nov 19, 6:55 AM`` (no year: the page was shown in that year). :class:`Page` reads what
the whole page tells about such dates, once and only when a byline needs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache, cached_property

import regex

from cleaner.config import Config
from cleaner.dates.line import digit, marker_end, read_stamp
from cleaner.dates.validate import Verdict, check

#: Lines longer than this are prose, not bylines: a date in them is not the publication date.
MAX_LINE = 160


@cache
def _starts() -> regex.Pattern[str]:
    """Return the pattern of the places a date can start: a word or number after a non-word character."""
    return regex.compile(r"(?<![\w])[\w]")


@cache
def _slashed() -> regex.Pattern[str]:
    """Return the pattern of a slashed numeric date anywhere in a page (``11/19/2019``, ``19/11/19``)."""
    return regex.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


@cache
def _year() -> regex.Pattern[str]:
    """Return the pattern of four digits standing alone (a year, when the config's year range admits it)."""
    return regex.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _copyright() -> regex.Pattern[str]:
    """Return the pattern of a copyright sign or word."""
    return regex.compile(r"©|\(c\)|copyright", regex.IGNORECASE)


class Page:
    """What a whole page tells about the dates of its byline: the day-month order and the year it was shown in.

    >>> page = Page(["Posted 11/19/19", "Related: 11/20/2019", "© 2005-2019 Site"], Config())
    >>> page.order, page.year
    ('mdy', 2019)
    """

    def __init__(self, lines: Iterable[str], config: Config) -> None:
        """Keep the page's ``lines`` (blocks) and ``config``; nothing is read until asked.

        ``lines`` may be a generator: it is run only when a byline's date needs the page, which is rare.
        """
        self._lines = lines
        self.config = config

    @cached_property
    def lines(self) -> list[str]:
        """Return the page's lines, read on first use."""
        return list(self._lines)

    @cached_property
    def order(self) -> str | None:
        """Return ``dmy`` or ``mdy`` when the page's unambiguous slashed dates agree on one, else None."""
        votes: Counter[str] = Counter()
        for line in self.lines:
            if "/" not in line:
                continue
            for m in _slashed().finditer(line):
                first, second = int(m["a"]), int(m["b"])
                if first > 12 >= second:
                    votes["dmy"] += 1
                elif second > 12 >= first:
                    votes["mdy"] += 1
        return next(iter(votes)) if len(votes) == 1 else None

    @cached_property
    def year(self) -> int | None:
        """Return the year the page was shown in: the latest year of its copyright line (``© 2005-2019``), unless
        a full date on the page is later (the copyright line is stale then), else None."""
        low, high = self.config.min_year, self.config.max_year
        years = [
            year
            for line in self.lines
            if _copyright().search(line)
            for year in map(int, _year().findall(line))
            if low <= year <= high
        ]
        if not years:
            return None
        latest = max(years)
        for line in self.lines:
            if len(line) <= MAX_LINE and any(low <= int(y) <= high for y in _year().findall(line)):
                verdict = _first_date(line, self.config, None)
                if verdict is not None and verdict.date and int(verdict.date[:4]) > latest:
                    return None
        return latest


def _first_date(line: str, config: Config, page: Page | None) -> Verdict | None:
    """Return the first valid date in ``line``; with a ``page``, short forms too (see :func:`find_date`)."""
    if digit().search(line) is None:  # no digit, no date: most lines before an article are menus and bylines
        return None
    marked: set[int] = set()  # where a date marker ends
    for m in _starts().finditer(line):
        end = marker_end(line, m.start())
        if end is not None:
            marked.add(end)
        stamp = read_stamp(line, m.start(), byline=page is not None)
        if stamp is None:
            continue
        date = stamp.date
        year = None
        if date.year == 0:
            # a date without a year is a byline's timestamp only after a marker and with its time (``Updated
            # Nov 19, 6:55 AM``); else (``Apr 12``, ``Mars 3``, ``September 10 12pm-1pm``) it may be any year
            if stamp.clock is None or m.start() not in marked or page is None or page.year is None:
                continue
            year = page.year
        verdict = check(date, stamp.clock, config, year)
        if verdict.date is None and date.order == "?" and config.date_order == "auto" and page is not None:
            order = page.order
            if order is not None:
                verdict = check(date, stamp.clock, config.with_(date_order=order), year)
        if verdict.date:
            return verdict
    return None


def find_date(line: str, config: Config, page: Page | None = None) -> Verdict | None:
    """Return the first valid date written in ``line`` (a byline or dateline), or None.

    With the ``page`` the line stands in, also a short date: a two-digit year, a slashed date whose order the
    page's other dates settle, a date without a year (after a marker, with its time) when the page tells its year.

    >>> find_date("By Rebecca Norris Published: Jun 25, 2025", Config()).date
    '2025-06-25'
    >>> find_date("Nov. 19, 2019 8:03 am ET", Config()).datetime
    '2019-11-19T08:03:00-05:00'
    >>> find_date("23.07.2025 · 6 min read", Config()).date
    '2025-07-23'
    >>> find_date("Read our 10 tips for 2025", Config()) is None
    True
    >>> find_date("By Tess Bonn - 11/19/19 06:56 AM EST", Config(), Page([], Config())).date
    '2019-11-19'
    """
    if len(line) > MAX_LINE:
        return None
    return _first_date(line, config, page)

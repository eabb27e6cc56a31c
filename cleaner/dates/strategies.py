"""Date strategies, tried in order at one position: each reads one written form and returns a raw candidate.

A candidate is not checked here (``2022-13-45`` is a candidate); :mod:`cleaner.dates.validate` decides.
Every pattern is compiled on first use and cached; all are anchored and use possessive or bounded quantifiers,
so a match costs time linear in what it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Literal, NamedTuple

import regex

from cleaner.dates import lexicon

#: Which of a candidate's two non-year numbers is the day: ``dm`` (day first), ``md`` (month first), or ``?``
#: (a slashed date such as ``03/04/2022`` that could be read either way).
Order = Literal["dm", "md", "?"]


class Candidate(NamedTuple):
    """A date as written: the year, the other two numbers in written order, and which of them is the day."""

    strategy: str
    text: str
    end: int
    #: The year as written, four digits (a two-digit year is widened: ``19`` is 2019, ``98`` is 1998); 0 when the
    #: date shows no year (``Nov 19``): only a byline search that knows the page's year can complete it.
    year: int
    parts: tuple[int, int]
    order: Order


_FLAGS = regex.IGNORECASE


@cache
def _iso() -> regex.Pattern[str]:
    """Return the pattern of a year-first numeric date: ``2022-11-29``, ``2022/11/29``, ``2022.11.29``."""
    return regex.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<a>\d{1,2})(?P=s)(?P<b>\d{1,2})(?!\d)")


@cache
def _dotted() -> regex.Pattern[str]:
    """Return the pattern of a dotted day-first date: ``29.11.2022``, ``29. 11. 2022``."""
    return regex.compile(r"(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<y>\d{4})(?!\d)")


@cache
def _slashed() -> regex.Pattern[str]:
    """Return the pattern of a slashed or dashed date with the year last: ``29/11/2022``, ``11-29-2022``."""
    return regex.compile(r"(?P<a>\d{1,2})(?P<s>[/-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?!\d)")


@cache
def _dotted_short() -> regex.Pattern[str]:
    """Return the pattern of a dotted day-first date with a two-digit year: ``05.10.18``."""
    return regex.compile(r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{2})(?![\d.])")


@cache
def _slashed_short() -> regex.Pattern[str]:
    """Return the pattern of a slashed date with a two-digit year: ``11/19/19``, ``19/11/19``."""
    return regex.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2})(?![\d/])")


def _month() -> str:
    """Return the regex of a month name in any language, with an optional period."""
    return rf"(?P<mon>{lexicon.alternation(lexicon.months())})(?!\p{{L}})\.?"


def _day_suffix() -> str:
    """Return the regex of what may follow a day number: an ordinal ending (``st``, ``er``) or a period."""
    return rf"(?:{lexicon.alternation(lexicon.words('day_suffix'))}(?!\p{{L}})|\.)?"


def _link() -> str:
    """Return the regex of an optional linking word between date parts (``de``), with its spaces."""
    return rf"(?:{lexicon.alternation(lexicon.words('link'))}\s++)?"


@cache
def _day_month() -> regex.Pattern[str]:
    """Return the pattern of a day-first month-name date: ``29 Nov 2022``, ``29 de noviembre de 2022``."""
    return regex.compile(
        rf"(?P<a>\d{{1,2}})(?!\d){_day_suffix()}(?:\s++|[-/])?{_link()}{_month()}"
        rf"(?:,?\s++|[-/]){_link()}(?P<y>\d{{4}})(?!\d)",
        _FLAGS,
    )


@cache
def _month_day() -> regex.Pattern[str]:
    """Return the pattern of a month-first month-name date: ``November 29, 2022``, ``Nov. 29 2022``."""
    return regex.compile(
        rf"{_month()}(?:\s++|-)?(?P<b>\d{{1,2}})(?!\d){_day_suffix()}(?:,\s*+|\s++|-)(?P<y>\d{{4}})(?!\d)",
        _FLAGS,
    )


@cache
def _month_day_no_year() -> regex.Pattern[str]:
    """Return the pattern of a month-first date without a year: ``Nov 19``, ``Nov. 19``, ``November 3rd``."""
    return regex.compile(rf"{_month()}(?:\s++|-)?(?P<b>\d{{1,2}})(?![\d:]){_day_suffix()}", _FLAGS)


@cache
def _day_month_no_year() -> regex.Pattern[str]:
    """Return the pattern of a day-first date without a year: ``19 Nov``, ``19. November``."""
    return regex.compile(rf"(?P<a>\d{{1,2}})(?!\d){_day_suffix()}\s++{_link()}{_month()}", _FLAGS)


def widen_year(written: str) -> int:
    """Return a written year as four digits: two digits are 19xx from 90 on, else 20xx.

    >>> widen_year("19"), widen_year("98"), widen_year("2019")
    (2019, 1998, 2019)
    """
    year = int(written)
    if len(written) == 2:
        return year + (1900 if year >= 90 else 2000)
    return year


def _numeric(name: str, pattern: Callable[[], regex.Pattern[str]], order: Order) -> Strategy:
    """Return a strategy reading a numeric date with ``pattern``, its parts in ``order``."""

    def read(text: str, pos: int) -> Candidate | None:
        """Read a numeric date at ``pos``."""
        m = pattern().match(text, pos)
        if not m:
            return None
        return Candidate(name, m[0], m.end(), widen_year(m["y"]), (int(m["a"]), int(m["b"])), order)

    return read


def _named(name: str, pattern: Callable[[], regex.Pattern[str]], order: Order) -> Strategy:
    """Return a strategy reading a month-name date with ``pattern``; the month is looked up in the lexicon."""

    def read(text: str, pos: int) -> Candidate | None:
        """Read a month-name date at ``pos``."""
        m = pattern().match(text, pos)
        if not m:
            return None
        month = lexicon.months().get(m["mon"].casefold())
        if month is None:  # matched case-insensitively, but its case folding is not a written form
            return None
        day = int(m["a"] if order == "dm" else m["b"])
        parts = (day, month) if order == "dm" else (month, day)
        year = int(m["y"]) if "y" in m.groupdict() else 0
        return Candidate(name, m[0], m.end(), year, parts, order)

    return read


Strategy = Callable[[str, int], Candidate | None]

#: The strategies, most specific first; the first that reads a date at the position wins.
STRATEGIES: tuple[Strategy, ...] = (
    _numeric("ISO date", _iso, "md"),
    _numeric("dotted day-first date", _dotted, "dm"),
    _numeric("slashed numeric date", _slashed, "?"),
    _named("day-month-name date", _day_month, "dm"),
    _named("month-name-day date", _month_day, "md"),
)


#: What a byline or dateline of a page dump may show besides: a two-digit year, or no year at all (``Updated
#: Nov 19, 6:55 AM``). Tried only after the full forms, and only where the search knows the page (not in a header).
BYLINE_STRATEGIES: tuple[Strategy, ...] = (
    *STRATEGIES,
    _numeric("dotted day-first date, two-digit year", _dotted_short, "dm"),
    _numeric("slashed date, two-digit year", _slashed_short, "?"),
    _named("month-name-day date without year", _month_day_no_year, "md"),
    _named("day-month-name date without year", _day_month_no_year, "dm"),
)


def read_date(text: str, pos: int, *, byline: bool = False) -> Candidate | None:
    """Return the first candidate any strategy reads at ``pos`` of ``text``, or None.

    ``byline`` also tries the short forms of :data:`BYLINE_STRATEGIES`.

    >>> read_date("29 листопада 2022 р.", 0).parts
    (29, 11)
    >>> read_date("Nov. 29, 2022", 0).text
    'Nov. 29, 2022'
    >>> read_date("11/19/19", 0) is None, read_date("11/19/19", 0, byline=True).year
    (True, 2019)
    >>> read_date("Nov 19, 6:55 AM", 0, byline=True).year
    0
    """
    for strategy in BYLINE_STRATEGIES if byline else STRATEGIES:
        found = strategy(text, pos)
        if found:
            return found
    return None

"""The one validator every date candidate passes: day/month order, calendar, year window, and the time."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from cleaner.config import Config
from cleaner.dates.clock import Clock, zone_offset
from cleaner.dates.strategies import Candidate


class Verdict(NamedTuple):
    """A candidate's outcome: ``date`` (``YYYY-MM-DD``), ``datetime``, a ``problem`` telling what failed."""

    date: str | None
    datetime: str | None = None
    problem: str | None = None


def _day_month(c: Candidate, config: Config) -> tuple[int, int] | str:
    """Return (day, month) of ``c``, or a problem when a slashed date cannot be read without guessing."""
    first, second = c.parts
    if c.order == "dm":
        # day-first by convention, but 05.15.2025 can only be month-first: reading it so is not a guess
        return (second, first) if second > 12 >= first else (first, second)
    if c.order == "md":
        return second, first
    if first > 12 >= second or first == second:
        return first, second
    if second > 12 >= first:
        return second, first
    if first > 12:
        return first, second  # neither part can be a month: the calendar check reports it
    if config.date_order == "dmy":
        return first, second
    if config.date_order == "mdy":
        return second, first
    return "ambiguous day and month (day-first or month-first?); set Config.date_order to 'dmy' or 'mdy'"


def _time(clock: Clock, day: dt.date) -> str | None:
    """Return ``clock`` as ``HH:MM:SS`` plus its offset (written, or its zone's on ``day``), or None when it is not a
    real time."""
    hour = clock.hour
    if clock.half and 1 <= hour <= 12:
        hour = hour % 12 + (12 if clock.half == "pm" else 0)
    elif clock.half and not (hour == 0 if clock.half == "am" else hour > 12):
        return None  # "0:30 am" and "17:19 PM" agree with the 24-hour clock; "14:00 am" contradicts itself
    if hour > 23 or clock.minute > 59 or clock.second > 59:
        return None
    offset = clock.offset or (zone_offset(clock.zone, day) if clock.zone else None)
    if offset and int(offset[1:3]) > 14:
        return None
    return f"{hour:02d}:{clock.minute:02d}:{clock.second:02d}{offset or ''}"


def check(c: Candidate, clock: Clock | None, config: Config, year: int | None = None) -> Verdict:
    """Return the verdict on candidate ``c`` (and its time, if any) under ``config``.

    A date written without a year (``Nov 19``) takes ``year``, the page's year, when one is given.

    >>> from cleaner.dates.strategies import read_date
    >>> check(read_date("2022-02-30", 0), None, Config()).problem
    'impossible date (day is out of range for month)'
    >>> check(read_date("03/04/2022", 0), None, Config(date_order="mdy")).date
    '2022-03-04'
    >>> check(read_date("Nov 19", 0, byline=True), None, Config(), year=2019).date
    '2019-11-19'
    """
    order = _day_month(c, config)
    if isinstance(order, str):
        return Verdict(None, problem=order)
    day, month = order
    written = c.year or year
    if not written:
        return Verdict(None, problem="no year written, and none known for the page")
    if not config.min_year <= written <= config.max_year:
        return Verdict(None, problem=f"implausible year {written} (outside {config.min_year}..{config.max_year})")
    try:
        calendar_day = dt.date(written, month, day)
    except ValueError as exc:
        return Verdict(None, problem=f"impossible date ({exc})")
    date = calendar_day.isoformat()
    if clock is None:
        return Verdict(date)
    time = _time(clock, calendar_day)
    if time is None:
        return Verdict(date, problem=f"impossible time {clock.text.strip()!r}")
    return Verdict(date, f"{date}T{time}")

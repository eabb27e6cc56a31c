"""Read a time of day next to a date: ``22:03``, ``22:03:00+02:00``, ``10:03 PM``, ``22h03``, ``22 Uhr``."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import NamedTuple

import regex

from cleaner.dates import lexicon


class Clock(NamedTuple):
    """A time as written: hour, minute, second, ``am``/``pm`` (or None for 24-hour), a written UTC offset, and a
    time-zone name (``CST``), whose offset may depend on the date (see :func:`zone_offset`)."""

    text: str
    end: int
    hour: int
    minute: int
    second: int
    half: str | None
    offset: str | None
    zone: str | None = None


@cache
def _time() -> regex.Pattern[str]:
    """Return the pattern of a time of day with its optional 12-hour marker, suffix and zone."""
    am, pm = lexicon.alternation(lexicon.words("am")), lexicon.alternation(lexicon.words("pm"))
    suffix = lexicon.alternation(lexicon.words("time_suffix"))
    zone = lexicon.alternation(lexicon.zones(), cased=True)
    return regex.compile(
        r"(?P<h>\d{1,2})(?!\d)(?:(?::|h(?=\d))(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?)?(?!\d)"
        rf"(?:\s*+(?:(?P<am>{am})|(?P<pm>{pm}))(?!\p{{L}}))?"
        rf"(?:\s*+{suffix}(?!\p{{L}}))?"
        r"(?:\s*+(?P<off>Z(?![\p{L}\p{N}])|(?:UTC|GMT)?[+−-]\d{1,2}(?::?\d{2})?(?!\d)|(?:UTC|GMT)(?![\p{L}\p{N}]))"
        rf"|\s*+\(?(?P<zone>(?-i:{zone}))\)?(?!\p{{L}}))?",
        regex.IGNORECASE,
    )


@cache
def _before_time() -> regex.Pattern[str]:
    """Return the pattern of what may stand between a date and its time: ``T``, a comma, ``at``, ``um`` ..."""
    prefix = lexicon.alternation(lexicon.words("time_prefix"))
    return regex.compile(rf"T(?=\d)|\s*+(?:[,|·@–—-]\s*+)?(?:{prefix}\s++)?", regex.IGNORECASE)


@cache
def _not_offset() -> regex.Pattern[str]:
    """Return the pattern of characters that are not part of a numeric offset."""
    return regex.compile(r"[^\d+−-]")


def offset(written: str | None) -> str | None:
    """Return a written UTC offset as ``+HH:MM`` (``Z``, ``UTC``, ``GMT`` are ``+00:00``), or None.

    >>> offset("+0200"), offset("Z"), offset("GMT-5"), offset("UTC+05:30")
    ('+02:00', '+00:00', '-05:00', '+05:30')
    """
    if not written:
        return None
    digits = _not_offset().sub("", written.upper().removeprefix("UTC").removeprefix("GMT"))
    if not digits or digits == "Z":
        return "+00:00"
    sign = "-" if digits[0] in "−-" else "+"
    number = digits[1:]
    hours, minutes = (number[:-2], number[-2:]) if len(number) > 2 else (number, "00")
    return f"{sign}{int(hours):02d}:{minutes}"


@cache
def _time_hint() -> regex.Pattern[str]:
    """Return the pattern of what a time holds: an hour, then ``:`` or ``h`` and minutes (``22:03``, ``22h03``) or a
    12-hour marker (``7 pm``, ``7 p.m.``), on case-folded text."""
    half = lexicon.alternation(m.casefold() for m in (*lexicon.words("am"), *lexicon.words("pm")))
    return regex.compile(rf"\d(?:[:h]\d|\s*+{half})")


def may_hold_time(text: str) -> bool:
    """Tell, by a cheap check, whether ``text`` may hold a time of day: a time has minutes (after ``:`` or ``h``) or a
    12-hour marker after its hour (:func:`read_time`); a line without either cannot hold one.

    >>> may_hold_time("Nov 19, 2019 7:04 pm"), may_hold_time("9 AM"), may_hold_time("22H03")
    (True, True, True)
    >>> may_hold_time("Nov 19, 2019"), may_hold_time("Top 10 cameras"), may_hold_time("Tags: 2019")
    (False, False, False)
    """
    return _time_hint().search(text.casefold()) is not None


def read_time(text: str, pos: int) -> Clock | None:
    """Return the time written at ``pos`` of ``text`` (minutes or ``am``/``pm`` required), or None.

    >>> c = read_time("10:03 p.m. EST", 0)
    >>> c.hour, c.minute, c.half, c.zone, c.end
    (10, 3, 'pm', 'EST', 14)
    >>> read_time("10 things", 0) is None
    True
    """
    if not text[pos : pos + 1].isdecimal() or text[pos : pos + 3].isdecimal():
        return None  # a time opens with an hour of one or two digits: no pattern compiled (nor run) for the rest
    m = _time().match(text, pos)
    if not m or not (m["mi"] or m["am"] or m["pm"]):
        return None
    half = "am" if m["am"] else "pm" if m["pm"] else None
    zone = " ".join(m["zone"].split()) if m["zone"] else None
    return Clock(m[0], m.end(), int(m["h"]), int(m["mi"] or 0), int(m["s"] or 0), half, offset(m["off"]), zone)


def read_time_after(text: str, pos: int) -> Clock | None:
    """Return the time that follows a date ending at ``pos`` (after ``T``, a comma, ``at`` ...), or None."""
    gap = _before_time().match(text, pos)
    return read_time(text, gap.end()) if gap else None


def _sunday(year: int, month: int, nth: int) -> dt.date:
    """Return the ``nth`` Sunday of ``month`` (``-1``: the last one).

    >>> _sunday(2019, 3, 2), _sunday(2019, 10, -1)
    (datetime.date(2019, 3, 10), datetime.date(2019, 10, 27))
    """
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def _summer(rule: str, day: dt.date) -> bool:
    """Tell whether ``day`` falls in summer time under ``rule`` (``us`` or ``eu``); a changeover day counts as the
    day after it (the hour of the change is not weighed)."""
    y = day.year
    if rule == "us" and y >= 2007:
        return _sunday(y, 3, 2) <= day < _sunday(y, 11, 1)
    if rule == "us":
        return _sunday(y, 4, 1) <= day < _sunday(y, 10, -1)
    return _sunday(y, 3, -1) <= day < _sunday(y, 10, -1)


def zone_offset(name: str, day: dt.date) -> str | None:
    """Return the UTC offset of the time-zone ``name`` on ``day`` (``data/<lang>/zones.tsv``), or None.

    >>> zone_offset("CST", dt.date(2019, 11, 19)), zone_offset("ET", dt.date(2019, 11, 18))
    ('-06:00', '-05:00')
    >>> zone_offset("ET", dt.date(2019, 7, 4)), zone_offset("PT", dt.date(2005, 4, 2))
    ('-04:00', '-08:00')
    """
    zone = lexicon.zones().get(name)
    if zone is None:
        return None
    written, summer = zone
    if summer is None or not _summer(summer, day):
        return written
    sign, hours, minutes = written[0], int(written[1:3]), written[4:]
    hours += 1 if sign == "+" else -1
    return f"{'-' if sign == '-' and hours else '+'}{abs(hours):02d}:{minutes}"

"""Find a date anywhere in a short line (a byline or dateline), not only at its start."""

from __future__ import annotations

from functools import cache

import regex

from cleaner.config import Config
from cleaner.dates.line import read_stamp
from cleaner.dates.validate import Verdict, check

#: Lines longer than this are prose, not bylines: a date in them is not the publication date.
MAX_LINE = 160


@cache
def _starts() -> regex.Pattern[str]:
    """Return the pattern of the places a date can start: a word or number after a non-word character."""
    return regex.compile(r"(?<![\w])[\w]")


def find_date(line: str, config: Config) -> Verdict | None:
    """Return the first valid date written in ``line`` (a byline or dateline), or None.

    >>> find_date("By Rebecca Norris Published: Jun 25, 2025", Config()).date
    '2025-06-25'
    >>> find_date("Nov. 19, 2019 8:03 am ET", Config()).datetime
    '2019-11-19T08:03:00'
    >>> find_date("23.07.2025 · 6 min read", Config()).date
    '2025-07-23'
    >>> find_date("Read our 10 tips for 2025", Config()) is None
    True
    """
    if len(line) > MAX_LINE:
        return None
    for m in _starts().finditer(line):
        stamp = read_stamp(line, m.start())
        if stamp:
            verdict = check(stamp.date, stamp.clock, config)
            if verdict.date:
                return verdict
    return None

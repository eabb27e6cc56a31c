"""The date strategies, the validator and the lexicon, below the header stage."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Config, clean, resources
from cleaner.dates import lexicon, read_header_date
from cleaner.dates.clock import offset, read_time
from cleaner.dates.strategies import read_date
from cleaner.dates.validate import check

LANGUAGES = ("en", "uk", "ru", "de", "fr", "es", "pl")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_data_present(lang: str) -> None:
    """Ship months, date markers, date words, tag labels and credit markers for every supported language."""
    rows = resources.table("months.tsv", lang)
    assert sorted(int(r[0]) for r in rows) == list(range(1, 13))
    assert all(len(r) >= 2 for r in rows)
    for name in ("date_markers.txt", "tag_labels.txt", "credit_markers.txt"):
        assert resources.lines(name, lang), name
    kinds = {row[0] for row in resources.table("date_words.tsv", lang)}
    assert "weekday" in kinds
    assert len([r for r in resources.table("date_words.tsv", lang) if r[0] == "weekday"]) == 7


def test_month_forms_do_not_conflict() -> None:
    """Build the month table without a form naming two months (the loader raises if one does)."""
    table = lexicon.months()
    assert table["листопада"] == table["listopada"] == table["noviembre"] == table["nov"] == 11
    assert table["märz"] == table["mars"] == table["marzo"] == 3


@pytest.mark.parametrize(
    ("written", "strategy", "parts"),
    [
        ("2022-11-29", "ISO date", (11, 29)),
        ("2022.11.29", "ISO date", (11, 29)),
        ("29.11.2022", "dotted day-first date", (29, 11)),
        ("29. 11. 2022", "dotted day-first date", (29, 11)),
        ("11/29/2022", "slashed numeric date", (11, 29)),
        ("29-11-2022", "slashed numeric date", (29, 11)),
        ("29 Nov 2022", "day-month-name date", (29, 11)),
        ("1er novembre 2022", "day-month-name date", (1, 11)),
        ("29 de noviembre de 2022", "day-month-name date", (29, 11)),
        ("29 ноября 2022", "day-month-name date", (29, 11)),
        ("Nov. 29, 2022", "month-name-day date", (11, 29)),
        ("September 3rd 2022", "month-name-day date", (9, 3)),
    ],
)
def test_strategies(written: str, strategy: str, parts: tuple[int, int]) -> None:
    """Read each written form with the strategy meant for it."""
    found = read_date(written, 0)
    assert found is not None
    assert (found.strategy, found.parts, found.text) == (strategy, parts, written)


@pytest.mark.parametrize(
    ("written", "strategy", "year", "parts"),
    [
        ("11/19/19", "slashed date, two-digit year", 2019, (11, 19)),
        ("19.11.19", "dotted day-first date, two-digit year", 2019, (19, 11)),
        ("05.10.98", "dotted day-first date, two-digit year", 1998, (5, 10)),
        ("Nov 19", "month-name-day date without year", 0, (11, 19)),
        ("19. November", "day-month-name date without year", 0, (19, 11)),
        ("22 de outubro de 2010", "day-month-name date", 2010, (22, 10)),
        ("3 ottobre 2019", "day-month-name date", 2019, (3, 10)),
        ("3 mrt 2019", "day-month-name date", 2019, (3, 3)),
        ("29/11/2022", "slashed numeric date", 2022, (29, 11)),  # the full forms still come first
    ],
)
def test_byline_strategies(written: str, strategy: str, year: int, parts: tuple[int, int]) -> None:
    """A byline's short forms: a two-digit year, no year; the full forms in every language."""
    found = read_date(written, 0, byline=True)
    assert found is not None
    assert (found.strategy, found.year, found.parts, found.text) == (strategy, year, parts, written)


@pytest.mark.parametrize("written", ["1.2.345", "1.12.19.5", "11/19/195", "Nov 2019", "Nov 19:30", "10 things"])
def test_byline_strategies_reject(written: str) -> None:
    """Numbers that only look like a short date (a version, a time, a year alone) are not read as one."""
    assert read_date(written, 0, byline=True) is None


def test_no_year_needs_a_year() -> None:
    """A date without a year is no date until the page's year is given."""
    found = read_date("Nov 19", 0, byline=True)
    assert found is not None
    assert check(found, None, Config()).date is None
    assert check(found, None, Config(), year=2019).date == "2019-11-19"


@pytest.mark.parametrize("written", ["2022-11-299", "29 Nov", "November 2022", "29/11/22", "12345", "May be"])
def test_strategies_reject(written: str) -> None:
    """Read no date from text that only looks a little like one."""
    assert read_date(written, 0) is None


@pytest.mark.parametrize(
    ("written", "order", "date", "problem"),
    [
        ("03/04/2022", "auto", None, "ambiguous"),
        ("03/04/2022", "dmy", "2022-04-03", None),
        ("03/04/2022", "mdy", "2022-03-04", None),
        ("03/04/2022", "ymd", None, "ambiguous"),
        ("13/04/2022", "mdy", "2022-04-13", None),
        ("04/13/2022", "dmy", "2022-04-13", None),
        ("13/14/2022", "auto", None, "impossible date"),
        ("2022-13-45", "auto", None, "impossible date"),
        ("2022-02-30", "auto", None, "impossible date"),
        ("2024-02-29", "auto", "2024-02-29", None),
        ("1989-12-31", "auto", None, "implausible year"),
        ("2101-01-01", "auto", None, "implausible year"),
    ],
)
def test_validator(written: str, order: str, date: str | None, problem: str | None) -> None:
    """Resolve day and month only without guessing, and reject impossible or implausible dates."""
    found = read_date(written, 0)
    assert found is not None
    verdict = check(found, None, Config(date_order=order))  # type: ignore[arg-type]
    assert verdict.date == date
    assert (problem in verdict.problem) if problem else verdict.problem is None


@pytest.mark.parametrize(
    ("written", "hour", "minute", "second", "off"),
    [
        ("22:03", 22, 3, 0, None),
        ("22:03:15", 22, 3, 15, None),
        ("22:03:15.123+02:00", 22, 3, 15, "+02:00"),
        ("10:03 PM", 10, 3, 0, None),
        ("10 p.m.", 10, 0, 0, None),
        ("22h03", 22, 3, 0, None),
        ("22:03 Uhr", 22, 3, 0, None),
        ("22:03 GMT", 22, 3, 0, "+00:00"),
        ("22:03 UTC+5", 22, 3, 0, "+05:00"),
        ("22:03−0330", 22, 3, 0, "-03:30"),
    ],
)
def test_read_time(written: str, hour: int, minute: int, second: int, off: str | None) -> None:
    """Read 24- and 12-hour times, seconds, fractions, suffixes and offsets."""
    clock = read_time(written, 0)
    assert clock is not None
    assert (clock.hour, clock.minute, clock.second, clock.offset, clock.end) == (
        hour,
        minute,
        second,
        off,
        len(written),
    )


def test_offset_normalised() -> None:
    """Write every offset as +HH:MM."""
    assert [offset(x) for x in ("Z", "+02", "+0200", "-05:00", None)] == [
        "+00:00",
        "+02:00",
        "+02:00",
        "-05:00",
        None,
    ]


def test_patterns_compiled_lazily() -> None:
    """Compile no date, header or tags pattern when cleaner is imported, only on first use."""
    code = (
        "import cleaner, cleaner.dates.strategies as s, cleaner.dates.clock as c, cleaner.dates.line as l,"
        " cleaner.credits as h, cleaner.stages.tags as t\n"
        "fs = [s._iso, s._day_month, s._month_day, c._time, l._marker, l._weekday,"
        " h._credit_marker, t._line_label]\n"
        "print(sum(f.cache_info().currsize for f in fs))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize(
    "unit", ["1", "1.", "1 ", "1.1 ", "29.11.2022 ", "10:03 ", "2022-", "Date: 1", "Photo: ", "x.Tags: "]
)
def test_long_lines_run_fast(unit: str) -> None:
    """Stay linear on a 100 KB line of digits, dots and spaces: no catastrophic backtracking."""
    line = unit * (100_000 // len(unit))
    started = time.perf_counter()
    read_header_date(line, Config())
    clean(line + "\n\n" + line)
    assert time.perf_counter() - started < 5.0


@given(st.text(alphabet=st.sampled_from("0123456789./-: ,TZ+apmAPMNovDate"), max_size=60))
def test_never_raises_and_dates_are_valid(line: str) -> None:
    """Never raise on any line; every date given is a real date inside the year window."""
    found = read_header_date(line, Config())
    if found and found.verdict.date:
        year = int(found.verdict.date[:4])
        assert Config().min_year <= year <= Config().max_year
        assert found.verdict.datetime is None or found.verdict.datetime.startswith(found.verdict.date)

"""The date lexicon from ``data/<lang>/``: month names, date words, markers of all languages, loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from cleaner import resources


@cache
def months() -> dict[str, int]:
    """Return every month form of every language, case-folded, mapped to its month number.

    >>> months()["листопада"], months()["nov"], months()["noviembre"]
    (11, 11, 11)
    """
    out: dict[str, int] = {}
    for lang in resources.languages():
        for number, *forms in resources.table("months.tsv", lang):
            month = int(number)
            for form in forms:
                key = form.casefold()
                if out.setdefault(key, month) != month:
                    raise ValueError(f"data/{lang}/months.tsv: {form!r} names months {out[key]} and {month}")
    return out


@cache
def words(kind: str) -> tuple[str, ...]:
    """Return the forms of one kind of date word (``weekday``, ``link``, ``am`` ...) of every language.

    >>> "Uhr" in words("time_suffix")
    True
    """
    seen: dict[str, None] = {}
    for lang in resources.languages():
        for row_kind, *forms in resources.table("date_words.tsv", lang):
            if row_kind == kind:
                seen.update(dict.fromkeys(forms))
    return tuple(seen)


#: A time-zone name's UTC offset (``-05:00``) and the summer-time rule that adds an hour to it (``us``, ``eu``), or
#: None. (A plain tuple: a named one costs a share of a millisecond to define, at every start of the command.)
Zone = tuple[str, str | None]


@cache
def zones() -> dict[str, Zone]:
    """Return every time-zone name of every language (``data/<lang>/zones.tsv``) with its offset and summer rule.

    >>> zones()["CST"], zones()["ET"]
    (('-06:00', None), ('-05:00', 'us'))
    """
    out: dict[str, Zone] = {}
    for lang in resources.languages():
        for name, offset, *summer in resources.table("zones.tsv", lang):
            zone = (offset, summer[0] if summer else None)
            if out.setdefault(name, zone) != zone:
                raise ValueError(f"data/{lang}/zones.tsv: {name!r} has two offsets, {out[name]} and {zone}")
    return out


@cache
def markers() -> tuple[str, ...]:
    """Return the words that introduce a date (``Published``, ``Date`` ...) of every language."""
    return resources.all_lines("date_markers.txt")


def alternation(forms: Iterable[str], *, cased: bool = False) -> str:
    """Return a regex alternation of the literal ``forms``, longest first; a space matches any run of spaces.

    Forms that differ only in case are one form, unless ``cased`` (for a pattern that tells ``МСК`` from ``мск``).

    >>> alternation(["at", "a las"])
    '(?:a\\\\s+las|at)'
    >>> alternation(["МСК", "мск"]), alternation(["МСК", "мск"], cased=True)
    ('(?:мск)', '(?:МСК|мск)')
    """
    unique = {f if cased else f.casefold(): f for f in forms if f}
    ordered = sorted(unique.values(), key=lambda f: (-len(f), f))
    parts = [r"\s+".join(regex.escape(w) for w in f.split()) for f in ordered]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


class Phrases:
    r"""Literal phrases matched at one position, as ``head``, an alternation of the phrases, then ``tail`` would match
    there (case-insensitive), but compiled only for the phrases whose first word is the text's first word there.

    One alternation of every language's forms takes milliseconds to compile, and the first document of every run
    would pay it; this compiles a few phrases at a time, when a text needs them. A phrase can only match where its
    leading run of letters is the text's whole run of letters (the phrase must not run into a letter), so the
    grouping never loses a match. ``head`` may only skip white space.

    >>> markers = Phrases(["Updated", "Updated on", "Posted"], r"\s*+", r"(?!\p{L})\s*+:?\s*+", skip_spaces=True)
    >>> markers.match("  updated on: Nov 19", 0).end()
    14
    >>> markers.match("Updates: none", 0) is None
    True
    """

    def __init__(self, forms: Iterable[str], head: str, tail: str, *, skip_spaces: bool) -> None:
        """Group ``forms`` by their leading run of letters, lower-cased."""
        self._groups: dict[str, list[str]] = {}
        for form in forms:
            if form:
                self._groups.setdefault(_lead(form, 0).lower(), []).append(form)
        self._longest = max(map(len, self._groups), default=0)
        self._head, self._tail, self._skip = head, tail, skip_spaces
        self._compiled: dict[str, regex.Pattern[str]] = {}

    def match(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        """Return the match of a phrase at ``pos`` (after white space when ``head`` skips it), or None."""
        start = pos
        if self._skip:
            while start < len(text) and text[start].isspace():
                start += 1
        key = _lead(text, start, self._longest + 1).lower()
        forms = self._groups.get(key)
        if forms is None:
            return None
        pattern = self._compiled.get(key)
        if pattern is None:
            pattern = regex.compile(f"{self._head}{alternation(forms)}{self._tail}", regex.IGNORECASE)
            self._compiled[key] = pattern
        return pattern.match(text, pos)


def _lead(text: str, start: int, limit: int = 1 << 30) -> str:
    """Return the run of letters of ``text`` from ``start``, cut after ``limit`` letters."""
    end = start
    stop = min(len(text), start + limit)
    while end < stop and text[end].isalpha():
        end += 1
    return text[start:end]

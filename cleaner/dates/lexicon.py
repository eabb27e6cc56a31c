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
    """Return the forms of one kind of date word (``weekday``, ``link``, ``zone`` ...) of every language.

    >>> "Uhr" in words("time_suffix")
    True
    """
    seen: dict[str, None] = {}
    for lang in resources.languages():
        for row_kind, *forms in resources.table("date_words.tsv", lang):
            if row_kind == kind:
                seen.update(dict.fromkeys(forms))
    return tuple(seen)


@cache
def markers() -> tuple[str, ...]:
    """Return the words that introduce a date (``Published``, ``Date`` ...) of every language."""
    return resources.all_lines("date_markers.txt")


def alternation(forms: Iterable[str]) -> str:
    """Return a regex alternation of the literal ``forms``, longest first; a space matches any run of spaces.

    >>> alternation(["at", "a las"])
    '(?:a\\\\s+las|at)'
    """
    unique = {f.casefold(): f for f in forms if f}
    ordered = sorted(unique.values(), key=lambda f: (-len(f), f))
    parts = [r"\s+".join(regex.escape(w) for w in f.split()) for f in ordered]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"

"""Cached loaders for the language data under ``cleaner/data/``: one fact in one file, loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _lines(path: Path) -> tuple[str, ...]:
    """Return the non-blank lines of ``path`` that are not ``#`` comments, stripped; none if it is absent."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(s for line in raw.splitlines() if (s := line.strip()) and not s.startswith("#"))


@cache
def languages() -> tuple[str, ...]:
    """Return the language codes that have a folder under ``data/``, sorted."""
    return tuple(sorted(p.name for p in DATA.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def lines(name: str, lang: str | None = None) -> tuple[str, ...]:
    """Return the entries of ``data/<lang>/<name>`` (or ``data/<name>`` when ``lang`` is None).

    >>> "the" in lines("stopwords.txt", "en")
    True
    """
    return _lines(DATA / lang / name if lang else DATA / name)


@cache
def all_lines(name: str) -> tuple[str, ...]:
    """Return the entries of ``data/<lang>/<name>`` for every language, in language order, without repeats."""
    seen: dict[str, None] = {}
    for lang in languages():
        seen.update(dict.fromkeys(lines(name, lang)))
    return tuple(seen)


@cache
def table(name: str, lang: str | None = None) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated data file, each a tuple of stripped cells."""
    return tuple(tuple(c.strip() for c in row.split("\t")) for row in lines(name, lang))


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Return the lower-cased stopwords of ``lang`` (empty when the language has no list)."""
    return frozenset(w.casefold() for w in lines("stopwords.txt", lang))

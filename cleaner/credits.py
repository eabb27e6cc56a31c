"""Split a photo caption from its credit (``The Pentagon. Photo by Joshua Roberts``): the header stage reads the
date line's caption this way, and the classifier finds captions inside the article by the same rule.

The credit is what follows the last credit marker (``Photo by``, ``Credit:`` ..., from
``data/<lang>/credit_markers.txt``) or a trailing bracketed ``(AP Photo/...)``; the caption is the text before it.
"""

from __future__ import annotations

from functools import cache

import regex

from cleaner import resources

#: A credit has at most this many words; a longer text after a marker is caption (``FILE PHOTO: Traders``).
CREDIT_MAX_WORDS = 12

_OPENERS = {")": "(", "]": "["}


def _marker_regex(form: str) -> str:
    """Return the regex of one credit marker as written in the data file."""
    colon = form.endswith(":")
    words = form.removesuffix(":").split()
    body = r"\s++".join(regex.escape(w) for w in words)
    if colon:
        return body + r"\s*+:"
    return body if not form[-1].isalnum() else body + r"(?!\p{L})"


def _alternation(forms: list[str]) -> str:
    """Return an alternation of credit markers, longest first."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(_marker_regex(f) for f in ordered) + ")" if ordered else "(?!)"


@cache
def _credit_marker() -> regex.Pattern[str]:
    """Return the pattern of a credit marker (``Photo by``, ``Credit:`` ...) and the spaces after it."""
    forms = [f for f in resources.all_lines("credit_markers.txt") if not f.endswith("/")]
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_alternation(forms)}\s*+", regex.IGNORECASE)


@cache
def _agency_credit() -> regex.Pattern[str]:
    """Return the pattern of an agency credit inside brackets (``AP Photo/Jeffrey T. Barnes``)."""
    forms = [f.removesuffix("/") for f in resources.all_lines("credit_markers.txt") if f.endswith("/")]
    return regex.compile(rf"\S\s++{_alternation(forms)}\s*+/", regex.IGNORECASE)


@cache
def marker_words() -> frozenset[str]:
    """Return the first word of every credit marker, agency ones included, case-folded (``photo``, ``foto``, ``fot``):
    a text holding none of them has no credit."""
    words = set()
    for form in resources.all_lines("credit_markers.txt"):
        first = form.split()[0].casefold()
        end = next((i for i, c in enumerate(first) if not (c.isalnum() or c == "_")), len(first))
        words.add(first[:end])
    return frozenset(words)


def _clean(text: str) -> str | None:
    """Return ``text`` without surrounding spaces and dangling separators, or None when nothing is left."""
    text = text.strip().lstrip("|–—·•").rstrip("|–—·•-([").strip()
    return text or None


def _takes(rest: str, m: regex.Match[str]) -> bool:
    """Return whether marker match ``m`` stands where a credit starts: first, capitalised, after a bracket."""
    before = rest[: m.start()].rstrip()
    return not before or m[0][0].isupper() or before.endswith(("(", "["))


def _bracket_credit(rest: str) -> tuple[str | None, str] | None:
    """Return (caption, credit) when ``rest`` ends with a bracketed credit, else None."""
    closer = rest[-1:]
    opener = _OPENERS.get(closer)
    start = rest.rfind(opener) if opener else -1
    if start < 0:
        return None
    inner = rest[start + 1 : -1]
    if closer in inner:
        return None
    m = _credit_marker().match(inner)
    if m and inner[m.end() :].strip():
        return _clean(rest[:start]), inner[m.end() :].strip()
    if _agency_credit().search(inner):
        return _clean(rest[:start]), inner.strip()
    return None


def split_credit(rest: str) -> tuple[str | None, str | None]:
    """Return (caption, credit) of the text after the date.

    >>> split_credit(" The Pentagon. Photo by Joshua Roberts")
    ('The Pentagon.', 'Joshua Roberts')
    >>> split_credit("Fans cheer. (AP Photo/Jeffrey T. Barnes)")
    ('Fans cheer.', 'AP Photo/Jeffrey T. Barnes')
    >>> split_credit("a photo by the lake")
    ('a photo by the lake', None)
    """
    rest = rest.strip()
    if not rest:
        return None, None
    folded = rest.casefold()
    if not any(word in folded for word in marker_words()):
        return _clean(rest), None  # no marker's first word, no credit: no pattern compiled (start-up) nor run
    bracketed = _bracket_credit(rest)
    if bracketed:
        return bracketed
    for m in reversed(list(_credit_marker().finditer(rest))):
        if not _takes(rest, m):
            continue
        credit = rest[m.end() :].strip()
        if credit and len(credit.split()) <= CREDIT_MAX_WORDS:
            return _clean(rest[: m.start()]), credit
        break
    return _clean(rest), None

"""Split a photo caption from its credit (``The Pentagon. Photo by Joshua Roberts``): the header stage reads the
date line's caption this way, and the classifier finds captions inside the article by the same rule.

The credit is what follows the last credit marker (``Photo by``, ``Credit:`` ..., from
``data/<lang>/credit_markers.txt``), a trailing bracketed ``(AP Photo/...)``, or a trailing bracket that names a
photo agency (``(dpa)``, ``(mlharing / iStock.com)``, from ``data/photo_agencies.txt``); the caption is the text
before it. Inside the article, a short block that ends with ``Jane Doe/Reuters`` after its last sentence ends with
a credit too (:func:`agency_tail`).
"""

from __future__ import annotations

from functools import cache

import regex

from cleaner import resources
from cleaner.words import has_whole

#: A credit has at most this many words; a longer text after a marker is caption (``FILE PHOTO: Traders``).
CREDIT_MAX_WORDS = 12

_OPENERS = {")": "(", "]": "["}

#: A piece of an agency credit (a photographer, an agency, ``File Photo``) has at most this many words.
PIECE_MAX_WORDS = 4

#: An agency credit has at most this many pieces (``Jane Doe/AFP via Getty Images`` has three).
MAX_PIECES = 4

#: What separates the pieces of an agency credit (``Jane Doe/Reuters``, ``Jane Doe | AFP``, ``AFP via Getty``).
_SEPARATORS = ("|", " via ")

#: Where the last sentence of a block ends, before a trailing credit (``... in Kyiv. Jane Doe/Reuters``).
_SENTENCE_BREAKS = (". ", "! ", "? ", "… ", "\n")


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


def _first_word(form: str) -> str:
    """Return the first word of ``form``, case-folded, as the classifier's words read it (``fot`` of ``Fot.``)."""
    first = form.split()[0].casefold()
    end = next((i for i, c in enumerate(first) if not (c.isalnum() or c == "_")), len(first))
    return first[:end]


@cache
def marker_words() -> frozenset[str]:
    """Return the first word of every credit marker, agency ones included, case-folded (``photo``, ``foto``, ``fot``):
    a text holding none of them as a word has no credit after a marker."""
    return frozenset(_first_word(form) for form in resources.all_lines("credit_markers.txt"))


def _key(name: str) -> str:
    """Return how an agency name or a piece of a credit is compared: case-folded, a hyphen as a space, spaces
    collapsed, without surrounding punctuation, a leading ``the`` or a trailing ``.com``.

    >>> _key(" iStock.com"), _key("Picture-Alliance"), _key("The Associated Press")
    ('istock', 'picture alliance', 'associated press')
    """
    key = " ".join(name.casefold().replace("-", " ").split()).strip(" .,;:")
    return key.removeprefix("the ").removesuffix(".com")


@cache
def _agencies() -> frozenset[str]:
    """Return the photo, news and stock agencies of ``data/photo_agencies.txt``, as :func:`_key` gives them."""
    return frozenset(_key(name) for name in resources.lines("photo_agencies.txt"))


@cache
def credit_words() -> frozenset[str]:
    """Return the first word of every credit marker and every agency name, case-folded: a text holding none of them
    as a word has no credit (the classifier's one set check before any other)."""
    return marker_words() | frozenset(_first_word(name) for name in _agencies())


def _pieces(credit: str) -> list[str]:
    """Return the pieces of an agency credit, stripped (``Jane Doe/AFP via Getty Images``: three)."""
    for separator in _SEPARATORS:
        credit = credit.replace(separator, "/")
    return [piece.strip() for piece in credit.split("/")]


def _is_agency(piece: str) -> bool:
    """Tell whether ``piece`` of a credit is an agency's name."""
    return _key(piece) in _agencies()


def _named(piece: str) -> bool:
    """Tell whether ``piece`` reads as a name: short, its first and last words capitalised (``Jan van Berg``)."""
    words = piece.split()
    return 0 < len(words) <= PIECE_MAX_WORDS and words[0][0].isupper() and words[-1][0].isupper()


def _sentences_before(caption: str) -> bool:
    """Tell whether ``caption`` holds a sentence end followed by a capital (two sentences, or an abbreviation)."""
    for stop in ".!?":
        at = caption.find(stop)
        while at >= 0:
            after = caption[at + 1 : at + 3]
            if len(after) == 2 and after[0] == " " and after[1].isupper():
                return True
            at = caption.find(stop, at + 1)
    return False


def _spells(caption: str, name: str) -> bool:
    """Tell whether the last words of ``caption`` spell the acronym ``name`` (``Deutsche Presse-Agentur (dpa)``)."""
    if not (name.isalpha() and 2 <= len(name) <= 6):
        return False
    words = caption.replace("-", " ").split()[-len(name) :]
    return "".join(w[0] for w in words).casefold() == name.casefold()


def _agency_bracket(caption: str, inner: str) -> bool:
    """Tell whether the trailing bracket ``inner`` after ``caption`` is an agency credit: a few short pieces, one of
    them an agency's name. A name alone needs a caption of one sentence that does not spell it out."""
    pieces = _pieces(inner)
    if len(pieces) > MAX_PIECES or any(not p or len(p.split()) > PIECE_MAX_WORDS for p in pieces):
        return False
    if not any(_is_agency(p) for p in pieces):
        return False
    if len(pieces) > 1:
        return True
    return bool(caption) and not _sentences_before(caption) and not _spells(caption, pieces[0])


def agency_tail(text: str) -> bool:
    """Tell whether ``text`` ends, after its last sentence, with an agency credit next to a slash
    (``Jane Doe/Reuters``, ``REUTERS/Brendan McDermid``, ``picture alliance / dpa``).

    The pieces after the first are agencies or names; the first ends with an agency, or is a name (a caption
    without a stop may run into it: then its last word is capitalised). A text ending with a stop never does.

    >>> agency_tail("Rescue workers in Kharkiv. Jane Doe/Reuters")
    True
    >>> agency_tail("Polls by Reuters/Ipsos show a narrow lead")
    False
    """
    text = text.rstrip()
    if "/" not in text or not text[-1:].isalnum():
        return False
    start = max(text.rfind(b) for b in _SENTENCE_BREAKS)
    tail = text[start + 1 :].strip() if start >= 0 else text
    if "://" in tail:
        return False
    first, *rest = _pieces(tail)
    if not rest or 1 + len(rest) > MAX_PIECES or not first or not all(rest):
        return False
    words = first.split()
    leads = any(_is_agency(" ".join(words[-n:])) for n in range(1, min(3, len(words)) + 1))
    if not leads and not any(_is_agency(p) for p in rest):
        return False
    if not leads and len(words) > PIECE_MAX_WORDS and not words[-1][0].isupper():
        return False
    return all(_is_agency(p) or _named(p) for p in rest)


def _clean(text: str) -> str | None:
    """Return ``text`` without surrounding spaces and dangling separators, or None when nothing is left."""
    text = text.strip().lstrip("|–—·•").rstrip("|–—·•-([").strip()
    return text or None


def _takes(rest: str, m: regex.Match[str]) -> bool:
    """Return whether marker match ``m`` stands where a credit starts: first, capitalised, after a bracket."""
    before = rest[: m.start()].rstrip()
    return not before or m[0][0].isupper() or before.endswith(("(", "["))


def _trailing_bracket(rest: str) -> tuple[int, str] | None:
    """Return (where it opens, what it holds) of the bracket ``rest`` ends with, else None."""
    closer = rest[-1:]
    opener = _OPENERS.get(closer)
    start = rest.rfind(opener) if opener else -1
    if start < 0:
        return None
    inner = rest[start + 1 : -1]
    return None if closer in inner else (start, inner)


def _bracket_credit(rest: str) -> tuple[str | None, str] | None:
    """Return (caption, credit) when ``rest`` ends with a bracketed credit after a marker, else None."""
    bracket = _trailing_bracket(rest)
    if bracket is None:
        return None
    start, inner = bracket
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
    >>> split_credit("Der Bundestag in Berlin. (Jane Doe/dpa)")
    ('Der Bundestag in Berlin.', 'Jane Doe/dpa')
    """
    rest = rest.strip()
    if not rest:
        return None, None
    folded = rest.casefold()
    # no marker's first word, no credit after a marker: no pattern compiled (start-up) nor run
    if any(has_whole(word, folded) for word in marker_words() if word in folded):
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
    bracket = _trailing_bracket(rest)
    if bracket and _agency_bracket(rest[: bracket[0]].strip(), bracket[1]):
        return _clean(rest[: bracket[0]]), bracket[1].strip()
    return _clean(rest), None

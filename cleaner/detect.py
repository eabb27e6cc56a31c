"""Detect the legacy encoding of bytes that are not UTF-8: charset-normalizer proposes, plausibility decides.

charset-normalizer is imported on first use only (it costs tens of milliseconds), and asked to choose among the
encodings news text is really written in. Its ranking is unreliable on short texts and on text that is mostly
ASCII, so its candidates are ranked again: first by how many words each reading makes that no language writes
(mixed scripts, case flipped inside a Cyrillic word, a symbol between letters), then by the language the detector
heard, then by its mess measure, then by a fixed preference (cp1252 first, the encoding of most such files).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

#: Encodings detection may choose, most preferred first: among candidates that read equally well, the earlier wins.
#: Western and Cyrillic first (news in English, Western and Eastern Europe), then the rest of Europe, then Asia
#: (Thai last: cp874 reads any double-byte CJK text as Thai letters).
CANDIDATES: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "koi8_u",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1255",
    "cp1256",
    "cp1258",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "iso8859_13",
    "cp866",
    "gb18030",
    "big5",
    "cp932",
    "euc_jp",
    "euc_kr",
    "cp874",
)
_RANK = {name: i for i, name in enumerate(CANDIDATES)}

#: Detection reads at most this much of the data for its own statistics.
SAMPLE_BYTES = 1 << 16

_C1 = re.compile("[\x80-\x9f]")
#: Punctuation that may stand between two letters of a word (``l’école``, ``AT&T``, ``wait…what``).
_JOINERS = frozenset("'’.·&/@:…")
#: Unicode categories that may not stand between two letters: punctuation, digits like ``³``, currency, symbols.
_ODD_INSIDE = frozenset({"Po", "No", "Sc", "Sk", "So"})


def canonical(name: str) -> str:
    """Return the name Python's codec registry gives ``name`` (``latin_1`` -> ``iso8859-1``)."""
    return codecs.lookup(name).name


@cache
def _detector() -> Callable[..., Any] | None:
    """Return charset-normalizer's ``from_bytes``, imported on first use; None when it is not installed."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency; degrade to cp1252 rather than fail
        return None
    return from_bytes


def detect(data: bytes) -> str | None:
    """Return the legacy encoding ``data`` is most likely written in (a Python codec name), or None.

    >>> detect("Наши войска отошли к Харькову. Это важная новость.".encode("koi8-r"))
    'koi8-r'
    """
    from_bytes = _detector()
    if from_bytes is None:  # pragma: no cover
        return None
    results = list(from_bytes(data, cp_isolation=list(CANDIDATES)))
    if not any("cp1252" in r.could_be_from_charset for r in results):
        # the detector stops early when little of the text is not ASCII; the usual answer must still compete
        results += list(from_bytes(data, cp_isolation=["cp1252"]))
    sample = data[:SAMPLE_BYTES]
    scored: list[tuple[int, float, float, str]] = []
    for r in results:
        name = _preferred(r)
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            text = sample.decode(name, errors="ignore")  # a sample cut inside a multi-byte character
        if not _C1.search(text):  # text holds no C1 controls: bytes 0x80-0x9F are cp125x punctuation
            scored.append((_implausible(text, name), r.coherence, r.chaos, name))
    if not scored:
        return None
    # Fewest impossible words, then the language the detector heard best, then its mess measure, then preference;
    # each with a tolerance, so that noise in one measure does not outvote the next.
    least = min(s[0] for s in scored)
    scored = [s for s in scored if s[0] <= least + 2]
    heard = max(s[1] for s in scored)
    scored = [s for s in scored if s[1] >= heard - 0.02]
    clean = min(s[2] for s in scored)
    return canonical(min((s[3] for s in scored if s[2] <= clean + 0.01), key=_rank))


def _preferred(result: Any) -> str:
    """Return the most preferred of the encodings that decode the same as a detector ``result``."""
    names: list[str] = [n for n in result.could_be_from_charset if n in _RANK] or [str(result.encoding)]
    return min(names, key=_rank)


def _rank(name: str) -> int:
    """Return the preference rank of encoding ``name`` (unknown names last)."""
    return _RANK.get(name, len(_RANK))


def _implausible(text: str, encoding: str) -> int:
    """Return how many bytes (in ``encoding``) of ``text`` are in words no language writes.

    A word in the wrong encoding mixes scripts (``Ðóñ``), flips case inside itself (``рТЙЧЕФ``; Latin words
    may: ``iPhone``), has a symbol between two letters (``Za¿ó³æ``), starts with a combining mark (Thai read
    from Chinese bytes), or is Latin with no ASCII letter at all (``Ïðèâåò``).
    """
    bad = 0
    for token in text.split():
        if token.isascii():
            continue
        word = "".join(c for c in token if c.isalpha() or unicodedata.category(c).startswith("M"))
        if not word:
            continue
        blocks = {_block(c) for c in word if c.isalpha()}
        # Latin words flip case often enough (iPhone, McDonald); other scripts' words do not
        cased = (
            blocks == {"latin"} or word.islower() or word.isupper() or word.istitle() or word.upper() == word.lower()
        )
        accents_only = blocks == {"latin"} and len(word) > 3 and not any(c.isascii() for c in word)
        if (
            len(blocks) != 1
            or not cased
            or accents_only
            or unicodedata.category(word[0]).startswith("M")
            or (blocks <= {"latin", "greek", "cyrillic"} and _symbol_inside(token))
        ):
            bad += len(word.encode(encoding, errors="ignore"))
    return bad


def _symbol_inside(token: str) -> bool:
    """Tell whether punctuation, a currency sign or a non-ASCII digit (``¿``, ``£``, ``³``) stands between letters.

    Mathematical signs (``X×Y``) and dashes may.
    """
    return any(
        unicodedata.category(c) in _ODD_INSIDE
        and c not in _JOINERS
        and token[i - 1].isalpha()
        and token[i + 1].isalpha()
        for i, c in enumerate(token[1:-1], 1)
    )


def _block(char: str) -> str:
    """Return the script block of a letter, roughly: latin, greek, cyrillic, hebrew, arabic, thai, or east-asian."""
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    for limit, name in ((0x370, "other"), (0x400, "greek"), (0x530, "cyrillic"), (0x590, "other")):
        if code < limit:
            return name
    for limit, name in ((0x600, "hebrew"), (0x700, "arabic"), (0xE00, "other"), (0xE80, "thai")):
        if code < limit:
            return name
    return "east-asian" if code >= 0x2E80 else "other"

"""Decode bytes to text and normalise it: mojibake, line ends, odd spaces, invisible and control characters.

:func:`prepare` is the whole stage as a function of the input: it returns exactly the normalised text that every
offset in the output indexes, so a user (or a test) can rebuild it from the same input and options.
"""

from __future__ import annotations

import codecs
import re

from cleaner import mojibake
from cleaner.config import Config
from cleaner.draft import Draft
from cleaner.encoding import BOMS, SAMPLE_BYTES, decode_bytes, decode_wide, magic_kind, nul_heavy
from cleaner.errors import DecodeError, EmptyInputError, InputError

__all__ = ["check_binary", "check_input", "decode", "decode_bytes", "normalise", "prepare"]

# Spaces that look like a space are made one; invisible characters that only break words are dropped.
# ZWJ/ZWNJ (U+200C/U+200D) are kept: they carry meaning in Persian, Indic scripts and emoji.
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_CONTROLS = "".join(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)])
_REPLACE = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_INVISIBLE + _CONTROLS, ""),
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x85": "\n",
}
_ODD = re.compile("[" + re.escape("".join(_REPLACE)) + "]")
_DEFAULT = Config()


def normalise(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with LF line ends, plain spaces, and no invisible or control characters.

    >>> normalise("a\\r\\nb\\u00a0c\\x00")
    ('a\\nb c', ['1 control or invisible character(s) dropped', '1 odd space(s) made plain'])
    """
    warnings: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    counts = {"space": 0, "drop": 0}

    def fix(m: re.Match[str]) -> str:
        """Return the replacement of one odd character, counting it."""
        new = _REPLACE[m.group()]
        counts["space" if new == " " else "drop"] += new == " " or not new
        return new

    out = _ODD.sub(fix, text) if _ODD.search(text) else text
    dropped, spaces = counts["drop"], counts["space"]
    if dropped:
        warnings.append(f"{dropped} control or invisible character(s) dropped")
    if spaces:
        warnings.append(f"{spaces} odd space(s) made plain")
    return out, warnings


def prepare(raw: bytes | str, config: Config | None = None) -> tuple[str, list[str]]:
    """Return the normalised text of ``raw`` and the warnings: decode bytes, repair mojibake, then normalise.

    Every offset in a Document indexes this text.

    >>> prepare("Ukraineâ€™s army\\r\\n")
    ('Ukraine’s army\\n', ['mojibake repaired in 1 line(s): UTF-8 read as windows-1252'])
    """
    config = config or _DEFAULT
    if isinstance(raw, bytes):
        text, warnings = decode_bytes(raw, config.encoding)
    else:
        text, warnings = raw, []
    if config.repair_mojibake and mojibake.suspect(text):
        text, more = mojibake.repair(text)
        warnings += more
    text, more = normalise(text)
    return text, warnings + more


def check_binary(head: bytes, encoding: str | None = None) -> None:
    """Raise InputError when ``head``, the start of a file, is binary: a known signature, or NUL bytes.

    Text in UTF-16/32 is not binary for its zero bytes; with a forced ``encoding`` only signatures count. The
    command line calls this on the first block of a JSON Lines input, which is read one line at a time.

    >>> check_binary(b'{"text": "Hi."}\\n')
    >>> check_binary(b"%PDF-1.7\\n...")
    Traceback (most recent call last):
    ...
    cleaner.errors.InputError: looks like a binary file (PDF document); not text
    """
    kind = magic_kind(head)
    if kind:
        raise InputError(f"looks like a binary file ({kind}); not text")
    if encoding is not None or head.startswith(tuple(m for m, _ in BOMS)):
        return
    sample = head[: SAMPLE_BYTES - SAMPLE_BYTES % 4]
    if nul_heavy(sample) and decode_wide(sample) is None:
        raise InputError("looks like a binary file (NUL bytes); not text")


def check_input(data: bytes, encoding: str | None = None) -> None:
    """Raise InputError with a one-line reason when the bytes of a file are not worth cleaning: empty, blank, binary.

    Empty and blank files raise EmptyInputError. With a forced ``encoding`` the bytes are judged as that
    encoding reads them, and only signatures make them binary. The command line (``clean`` and ``batch``) calls
    this on each input file; ``clean_bytes`` itself refuses only binary data (an empty text is a document with
    no article text, and a warning).

    >>> check_input(b"Some text.")
    >>> check_input(b"\\x89PNG\\r\\n\\x1a\\n...")
    Traceback (most recent call last):
    ...
    cleaner.errors.InputError: looks like a binary file (PNG image); not text
    >>> check_input(b" \\n\\t")
    Traceback (most recent call last):
    ...
    cleaner.errors.EmptyInputError: blank file (only whitespace)
    """
    if not data:
        raise EmptyInputError("empty file")
    kind = magic_kind(data)
    if kind:
        raise InputError(f"looks like a binary file ({kind}); not text")
    mark, bom = next(((m, name) for m, name in BOMS if data.startswith(m)), (b"", None))
    if len(data) == len(mark):
        raise EmptyInputError("empty file (only a byte order mark)")
    body = data[len(mark) :] if mark else data
    if encoding is not None or bom not in (None, "utf-8"):
        if _blank(body, encoding or str(bom)):
            raise EmptyInputError("blank file (only whitespace)")
        return
    wide = decode_wide(body)
    if (wide is None and body.isspace()) or (wide is not None and not wide[0].strip()):
        raise EmptyInputError("blank file (only whitespace)")
    if wide is None and nul_heavy(body):
        raise InputError("looks like a binary file (NUL bytes); not text")


def _blank(data: bytes, encoding: str) -> bool:
    """Tell whether ``data`` read as ``encoding`` is only whitespace; decodes no further than its first text."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError:
        raise DecodeError(f"unknown text encoding {encoding!r}") from None
    view = memoryview(data)
    for start in range(0, len(data), SAMPLE_BYTES):
        if decoder.decode(view[start : start + SAMPLE_BYTES]).strip():
            return False
    return not decoder.decode(b"", final=True).strip()


def decode(draft: Draft) -> None:
    """Set ``draft.text`` from ``draft.raw``: decode bytes, repair mojibake, then normalise."""
    draft.text, warnings = prepare(draft.raw, draft.config)
    for w in warnings:
        draft.warn(w)

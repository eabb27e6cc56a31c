"""Decode bytes to text and normalise it: line ends, odd spaces, invisible and control characters."""

from __future__ import annotations

import codecs
import re

from cleaner.draft import Draft
from cleaner.errors import DecodeError, InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Return the text of ``data`` and warnings about how it was decoded.

    >>> decode_bytes("café".encode("utf-8"))
    ('café', [])
    >>> decode_bytes("café".encode("cp1252"))
    ('café', ['not valid UTF-8: decoded as cp1252'])
    """
    if encoding:
        try:
            return data.decode(encoding), [f"decoded as {encoding} (forced)"]
        except (LookupError, UnicodeDecodeError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), ([] if name == "utf-8" else [f"decoded as {name} (BOM)"])
            except UnicodeDecodeError:
                return data[len(bom) :].decode(name, errors="replace"), [f"invalid {name} bytes replaced with U+FFFD"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if data.count(0) > len(data) // 100 + 1:
        raise InputError("looks like a binary file (NUL bytes); not text")
    for name in ("cp1252", "latin-1"):  # latin-1 never fails, so this loop always returns
        try:
            return data.decode(name), [f"not valid UTF-8: decoded as {name}"]
        except UnicodeDecodeError:
            continue
    raise DecodeError("undecodable")  # pragma: no cover


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


def decode(draft: Draft) -> None:
    """Set ``draft.text`` from ``draft.raw``: decode bytes, then normalise."""
    raw = draft.raw
    if isinstance(raw, bytes):
        text, warnings = decode_bytes(raw, draft.config.encoding)
    else:
        text, warnings = raw, []
    draft.text, more = normalise(text)
    for w in warnings + more:
        draft.warn(w)

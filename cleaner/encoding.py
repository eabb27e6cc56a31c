"""Bytes to text: refuse binary data, honour a BOM, take UTF-8, and otherwise find the legacy encoding.

The order is the order of trust. A byte order mark decides; UTF-16/32 without one is recognised by its zero
bytes; valid UTF-8 is taken as it is. Only when UTF-8 fails is the encoding detected (:mod:`cleaner.detect`).
A file that is mostly UTF-8 with a few lines in another encoding (a pasted paragraph) is decoded line by line.
Bytes no encoding explains are read one by one as cp1252, never dropped. Every choice but plain UTF-8 is named
in the warnings.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import cache

from cleaner.errors import DecodeError, InputError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Signatures of binary formats seen in scraped folders: (offset, magic bytes, what to call the file).
MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (8, b"WEBP", "WebP image"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"PK\x03\x04", "zip archive (or an Office document)"),
    (0, b"PK\x05\x06", "zip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (0, b"\x00asm", "WebAssembly module"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS\x00", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"ID3", "MP3 audio"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM media"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
)

#: Where a short signature could begin a real text, what must also hold (``BZh`` could start a sentence).
_MAGIC_CHECKS: dict[str, Callable[[bytes], bool]] = {
    "bzip2 archive": lambda d: d[3:4] in b"123456789" and d[4:10] == b"1AY&SY",
    "MP3 audio": lambda d: d[3:4] in b"\x02\x03\x04" and d[4:5] == b"\x00",
    "MP4/QuickTime media": lambda d: d[8:12].isalnum(),
    "WebP image": lambda d: d.startswith(b"RIFF"),
}

#: C0 control bytes that never occur in text (tab, newline, form feed, carriage return and escape aside).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])

#: Read this much of the data for the statistics that recognise binary data and UTF-16/32 without a BOM.
SAMPLE_BYTES = 1 << 16


@cache
def _invalid_run() -> re.Pattern[str]:
    """Return the pattern of a run of undecodable bytes (surrogate escapes); compiled on first use."""
    return re.compile("[\udc80-\udcff]+")


@cache
def _control_chars() -> re.Pattern[str]:
    """Return the pattern of a control character that plain text does not hold; compiled on first use."""
    return re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def magic_kind(data: bytes) -> str | None:
    """Return what binary format ``data`` starts like (``'PDF document'``), or None.

    >>> magic_kind(b"%PDF-1.7\\n..."), magic_kind(b"Plain text.")
    ('PDF document', None)
    """
    for offset, magic, kind in MAGIC:
        if data.startswith(magic, offset):
            check = _MAGIC_CHECKS.get(kind)
            if check is None or check(data):
                return kind
    return None


def nul_heavy(data: bytes) -> bool:
    """Tell whether ``data`` holds more NUL bytes than stray ones (over 1%, and more than one)."""
    return data.count(0) > len(data) // 100 + 1


def _control_heavy(data: bytes) -> bool:
    """Tell whether the sample of ``data`` holds control bytes that text does not (over 1%, and more than two)."""
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 100 + 2


def _wide_guess(data: bytes) -> str | None:
    """Return ``utf-16-le`` etc. when the zero bytes of ``data`` fall as in UTF-16/32 text without a BOM."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    lanes = [sample[i::4] for i in range(4)]
    zeros = [lane.count(0) / len(lane) for lane in lanes]
    if len(data) % 4 == 0:
        # outside the BMP the third byte is not zero, but text is mostly in it; the lowest byte is rarely zero
        if zeros[3] > 0.9 and zeros[2] > 0.9 and zeros[0] < 0.1:
            return "utf-32-le"
        if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[3] < 0.1:
            return "utf-32-be"
    if len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for name, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        # The high bytes of text in one script take a value or two (0 for ASCII, 4 for Cyrillic ...); the low
        # bytes vary, and are rarely zero.
        top = sorted((high.count(b) for b in set(high)), reverse=True)[:2]
        few_high = sum(top) >= 0.9 * len(high) and high.count(0) >= 0.1 * len(high)
        if few_high and low.count(0) <= 0.02 * len(low) and len(set(low)) >= 4:
            return name
    return None


def decode_wide(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) when ``data`` is UTF-16 or UTF-32 text without a BOM, else None.

    The zero bytes suggest which; any NUL-heavy data of even length is also tried as UTF-16 (Chinese text has
    few zero bytes, spread evenly). A reading counts only if it decodes strictly and reads as plain text.

    >>> decode_wide("Hello, world.".encode("utf-16-be"))
    ('Hello, world.', 'utf-16-be')
    """
    if b"\x00" not in data:
        return None
    guesses = [_wide_guess(data)]
    if nul_heavy(data) and len(data) % 2 == 0:
        guesses += ["utf-16-le", "utf-16-be"]
    for name in dict.fromkeys(g for g in guesses if g):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plain_text(text):
            return text, name
    return None


def _plain_text(text: str) -> bool:
    """Tell whether decoded ``text`` reads as text: spaces between words, no control characters."""
    sample = text[: SAMPLE_BYTES // 2]
    return any(c in sample for c in " \n") and not _control_chars().search(sample)


def _decode_lenient(data: bytes, encoding: str) -> tuple[str, int]:
    """Return ``data`` decoded as ``encoding``, bytes it cannot decode read as cp1252 (else latin-1), and their count.

    Nothing is lost: an undecodable byte becomes the character cp1252 gives it. Each stretch between two errors
    is decoded once more after the error is found, so the cost stays linear.
    """
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        pass
    view = memoryview(data)
    parts: list[str] = []
    pos = bad = 0
    while pos < len(data):
        try:
            parts.append(codecs.decode(view[pos:], encoding))
            break
        except UnicodeDecodeError as exc:
            parts.append(codecs.decode(view[pos : pos + exc.start], encoding))
            parts.append("".join(_cp1252_char(b) for b in view[pos + exc.start : pos + exc.end]))
            bad += exc.end - exc.start
            pos += exc.end
    return "".join(parts), bad


def _cp1252_char(byte: int) -> str:
    """Return one byte read as cp1252, or as latin-1 where cp1252 leaves it undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _count_invalid(text: str) -> int:
    """Return how many undecodable bytes (surrogate escapes) ``text`` holds."""
    return sum(len(m) for m in _invalid_run().findall(text))


def _non_ascii(text: str) -> int:
    """Return how many characters of ``text`` are not ASCII."""
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _not_utf8(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data`` that is not valid UTF-8: as one legacy encoding, or line by line when it is mostly UTF-8.

    The encoding is detected from the lines that are not UTF-8 (UTF-8 lines would only confuse the detector).
    When the valid UTF-8 is a small part (a stray accident of the legacy bytes, or a line or two), the whole file
    is decoded in that encoding, and a UTF-8 line becomes mojibake that the repair step turns back. Otherwise
    the UTF-8 lines are kept, a line that is mostly UTF-8 gets only its invalid runs decoded, and any other line
    is decoded whole.
    """
    from cleaner.detect import canonical, detect  # only here: the common path (UTF-8) never needs it

    lines = data.decode("utf-8", errors="surrogateescape").split("\n")
    bad: list[int] = []
    utf8_chars = invalid = 0
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        count = _count_invalid(line)
        if count:
            bad.append(i)
            invalid += count
        else:
            utf8_chars += _non_ascii(line)
    sample = data if not utf8_chars else b"\n".join(lines[i].encode("utf-8", "surrogateescape") for i in bad)
    name = (detect(sample) if invalid >= 16 or not utf8_chars else None) or "cp1252"
    valid_chars = sum(_non_ascii(lines[i]) for i in bad) - invalid + utf8_chars
    if 20 * utf8_chars < invalid and 4 * valid_chars <= invalid:
        text, undecodable = _decode_lenient(data, name)
        warnings = [f"not valid UTF-8: decoded as {canonical(name)}"]
        if undecodable:
            warnings.append(f"{undecodable} byte(s) undefined in {canonical(name)} read as cp1252 (or latin-1)")
        return text, warnings
    kept_utf8 = utf8_chars > 0
    for i in bad:
        line = lines[i]
        count = _count_invalid(line)
        if _non_ascii(line) - count > count:
            lines[i] = _invalid_run().sub(lambda m: _decode_lenient(_raw(m.group()), name)[0], line)
            kept_utf8 = True
        else:
            lines[i] = _decode_lenient(_raw(line), name)[0]
    if not kept_utf8:  # no UTF-8 was kept after all: the file is in one legacy encoding
        return "\n".join(lines), [f"not valid UTF-8: decoded as {canonical(name)}"]
    return "\n".join(lines), [f"mixed encodings: {len(bad)} line(s) not valid UTF-8 decoded as {canonical(name)}"]


def _raw(text: str) -> bytes:
    """Return the bytes that ``text`` (UTF-8 with surrogate escapes) was decoded from."""
    return text.encode("utf-8", "surrogateescape")


def _forced(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """Decode ``data`` as the forced ``encoding``, or raise DecodeError."""
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
    return text, [f"decoded as {encoding} (forced)"]


def _with_bom(data: bytes) -> tuple[str, list[str]] | None:
    """Decode ``data`` by its byte order mark, or return None when it has none."""
    for bom, name in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if name == "utf-8":
                text, more = decode_bytes(body)
                return text, ["decoded as utf-8 (BOM)", *more]
            text, bad = _decode_lenient(body, name)
            more = [f"{bad} byte(s) not valid {name} read as cp1252 (or latin-1)"] if bad else []
            return text, [f"decoded as {name} (BOM)", *more]
    return None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Return the text of ``data`` and warnings about how it was decoded; raise InputError for binary data.

    >>> decode_bytes("café".encode("utf-8"))
    ('café', [])
    >>> decode_bytes("café".encode("cp1252"))
    ('café', ['not valid UTF-8: decoded as cp1252'])
    >>> decode_bytes("Ω ok".encode("utf-16"))
    ('Ω ok', ['decoded as utf-16-le (BOM)'])
    """
    if encoding:
        return _forced(data, encoding)
    found = _with_bom(data)
    if found:
        return found
    wide = decode_wide(data)
    if wide:
        return wide[0], [f"decoded as {wide[1]} (no BOM; recognised by its zero bytes)"]
    if nul_heavy(data):
        raise InputError("looks like a binary file (NUL bytes); not text")
    kind = magic_kind(data)
    if kind:
        raise InputError(f"looks like a binary file ({kind}); not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if _control_heavy(data):
        raise InputError("looks like a binary file (control bytes); not text")
    return _not_utf8(data)

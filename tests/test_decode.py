"""The decode stage: normalisation and its counts, the input check, binary refusal, hostile shapes, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ARTICLE, PROSE, python_env
from regex_cases import within
from test_lossless import assert_tiles

from cleaner import Config, clean, clean_bytes
from cleaner.encoding import MAGIC, decode_bytes, magic_kind
from cleaner.errors import DecodeError, EmptyInputError, InputError
from cleaner.stages.decode import check_binary, check_input, normalise, prepare


def test_normalise_counts_what_it_drops_and_makes_plain() -> None:
    """CRLF and CR become LF; C0/C1 controls (tab and newline aside) and invisibles are dropped and counted."""
    text, warnings = normalise("a\r\nb\rc\x00d\x01\x1b[31me\x7f\x85f\tg\u200bh\u00a0i\u2028j\u2029k\ufeff")
    assert text == "a\nb\ncd[31me\nf\tgh i\nj\n\nk"
    assert warnings == ["6 control or invisible character(s) dropped", "1 odd space(s) made plain"]


def test_normalise_keeps_joiners_and_direction_marks() -> None:
    """ZWJ/ZWNJ (emoji, Persian, Indic) and right-to-left text stay exactly as written."""
    text = "👨\u200d👩\u200d👧 می\u200cخواهم שלום עולם مرحبا"
    assert normalise(text) == (text, [])


def test_nul_and_controls_in_bytes_are_dropped_and_counted() -> None:
    """Stray NUL and C0 bytes in a text file are dropped at decode, with a count in the warnings."""
    doc = clean_bytes(b"The council met on Tuesday.\x00 It approved\x07 the budget\x1b after a long debate.")
    assert doc.body == "The council met on Tuesday. It approved the budget after a long debate."
    assert "3 control or invisible character(s) dropped" in doc.warnings


def test_prepare_gives_the_same_text_for_str_and_utf8_bytes() -> None:
    """Offsets index the same normalised text whether the input came as text or as UTF-8 bytes."""
    raw = "Ukraineâ€™s army.\r\n\r\nThe council met.\u00a0Twice."
    assert prepare(raw) == prepare(raw.encode())
    assert prepare(raw, Config(repair_mojibake=False))[0].startswith("Ukraineâ€™s")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf", "empty file (only a byte order mark)"),
        (b" \n\t\r\n  ", "blank file (only whitespace)"),
        ("  \n ".encode("utf-16"), "blank file (only whitespace)"),
        ("  \n\n  ".encode("utf-16-le"), "blank file (only whitespace)"),
        (b"text\x00\x00\x00\x00 more", "looks like a binary file (NUL bytes); not text"),
    ],
    ids=["empty", "bom-only", "whitespace", "utf16-whitespace", "utf16-no-bom-whitespace", "nul-bytes"],
)
def test_check_input_refuses_empty_blank_and_binary_files(data: bytes, message: str) -> None:
    """The input check gives a one-line reason for a file not worth cleaning; empty ones as EmptyInputError."""
    with pytest.raises(InputError) as caught:
        check_input(data)
    assert str(caught.value) == message
    assert isinstance(caught.value, EmptyInputError) == message.startswith(("empty", "blank"))


def test_check_input_with_a_forced_encoding() -> None:
    """A forced encoding judges blankness as it reads the bytes; NUL bytes are then no sign of binary data."""
    check_input("Text.".encode("utf-32-le"), "utf-32-le")
    check_input("\u3000x".encode("utf-16-le"), "utf-16-le")  # U+3000 is \x00\x30: a '0' byte, not text
    with pytest.raises(EmptyInputError, match="blank"):
        check_input("\u3000 \n".encode("utf-16-le"), "utf-16-le")
    with pytest.raises(EmptyInputError, match="blank"):
        check_input(b" " * 200_000, "cp1251")  # more than one block of the incremental decoder
    check_input(b" " * 200_000 + b"x", "cp1251")
    with pytest.raises(InputError, match="PNG"):
        check_input(b"\x89PNG\r\n\x1a\n" + b"text" * 10, "latin-1")
    with pytest.raises(DecodeError, match="unknown text encoding"):
        check_input(b"text", "no-such-codec")


def test_check_binary_judges_the_head_of_a_file() -> None:
    """The head of a JSON Lines file: signatures and NUL-heavy bytes are binary; UTF-16 text is not."""
    check_binary(b'{"text": "Hi."}\n' * 10)
    check_binary('{"text": "Hi."}\n'.encode("utf-16-le") * 10)
    check_binary(b"")
    with pytest.raises(InputError, match="gzip"):
        check_binary(b"\x1f\x8b\x08\x00rest")
    with pytest.raises(InputError, match="NUL bytes"):
        check_binary(b"\x00\x01\x02\x03" * 100)
    check_binary(b"\x00\x01\x02\x03" * 100, encoding="utf-32")  # forced: only signatures count


def _sample(offset: int, magic: bytes, kind: str) -> bytes:
    """Return bytes that start with the signature ``magic`` at ``offset``, with what the checks need after it."""
    tails = {
        "bzip2 archive": b"91AY&SY",
        "MP3 audio": b"\x03\x00",
        "MP4/QuickTime media": b"isom",
    }
    head = b"RIFF\x10\x00\x00\x00" if kind == "WebP image" else b"\x00" * offset
    return head + magic + tails.get(kind, b"") + bytes(range(256)) * 4


@pytest.mark.parametrize(("offset", "magic", "kind"), MAGIC, ids=[f"{m[2]}-{m[1][:4]!r}" for m in MAGIC])
def test_binary_files_are_refused_by_type(offset: int, magic: bytes, kind: str) -> None:
    """Images, PDFs, archives, executables ...: refused by name, by the check and by ``clean_bytes``."""
    data = _sample(offset, magic, kind)
    assert magic_kind(data) == kind
    with pytest.raises(InputError, match=r"looks like a binary file \("):
        check_input(data)
    with pytest.raises(InputError, match="binary"):
        clean_bytes(data)


@pytest.mark.parametrize("text", ["BZh is a prefix here.", "ID3 tags explained.", "Notes on WEBP images", "GIF8 no"])
def test_text_that_starts_like_a_short_signature_is_text(text: str) -> None:
    """A short signature counts only with what must follow it: a text starting with ``BZh`` is a text."""
    assert magic_kind(text.encode()) is None


def test_binary_without_a_signature_is_refused() -> None:
    """Random bytes full of control bytes, or NUL-heavy, are refused rather than decoded into garbage."""
    with pytest.raises(InputError, match="control bytes"):
        decode_bytes(bytes(range(1, 32)) * 50 + b"\xff")
    with pytest.raises(InputError, match="NUL bytes"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 100)


def test_text_files_pass_the_check() -> None:
    """Ordinary text in UTF-8, UTF-16 (with or without BOM) and cp1252 passes the input check."""
    for data in (ARTICLE.encode(), ARTICLE.encode("utf-16"), ARTICLE.encode("utf-16-le"), "Café.".encode("cp1252")):
        check_input(data)


def test_a_forced_encoding_that_cannot_decode_is_a_decode_error() -> None:
    """``Config.encoding`` that does not fit the bytes raises DecodeError (an InputError) naming the encoding."""
    with pytest.raises(DecodeError, match="cannot decode as ascii"):
        clean_bytes("Café".encode("cp1252"), config=Config(encoding="ascii"))


def _clean_and_tile(raw: str) -> None:
    """Clean ``raw``, check its tiling (in a child process)."""
    assert_tiles(clean(raw), raw)


@pytest.mark.parametrize(
    "raw",
    [
        "x" * 2_000_000,
        f"{PROSE[0]}\n" + "\n" * 2_000_000 + PROSE[1],
        f"{PROSE[0]}\n\n" + "\n \n\t\n" * 300_000 + PROSE[1],
        " date 2022-11-29 " + "word " * 200_000,
        "Tags: " + "a, " * 300_000,
    ],
    ids=["2MB-line", "2M-blank-lines", "900K-whitespace-lines", "200K-word-header", "300K-tags"],
)
def test_huge_shapes_finish_and_tile(raw: str) -> None:
    """A 2 MB line, two million blank lines, a giant header or tags line: cleaned, tiled, well within the limit."""
    assert within(60, _clean_and_tile, raw) is None


def test_right_to_left_text_is_kept_and_tiled() -> None:
    """Hebrew and Arabic articles, with direction marks and a date header, keep every character of their body."""
    hebrew = "הממשלה הודיעה ביום חמישי על תוכנית חדשה לסיוע למשפחות, והשר אמר כי הכסף יגיע לזכאים עד סוף החודש."
    arabic = "أعلنت الحكومة يوم الخميس عن خطة جديدة لدعم الأسر، وقال الوزير إن المساعدات ستصل\u200f قبل نهاية الشهر."
    raw = f" date 2022-11-29 כיתוב\n\n{hebrew}\n\n{arabic}\n\n\u202bמשפט\u202c בכיוון הפוך, עם סימני כיוון בתוך הטקסט."
    doc = clean(raw)
    assert doc.date == "2022-11-29"
    assert hebrew in doc.body
    assert arabic in doc.body
    assert_tiles(doc, raw)


_PROBE = """
import sys
import cleaner
{code}
print(" ".join(sorted(m for m in ("charset_normalizer", "ftfy") if m in sys.modules)))
"""


def _loaded(code: str) -> set[str]:
    """Run ``code`` after ``import cleaner`` in a fresh interpreter; return which of the lazy libraries it loaded."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code)],
        capture_output=True,
        text=True,
        env=python_env(),
        timeout=120,
        check=True,
    )
    return set(proc.stdout.split())


def test_the_common_path_imports_neither_detection_nor_repair() -> None:
    """UTF-8 bytes and ordinary text (Cyrillic included) import neither charset_normalizer nor ftfy."""
    code = (
        f"cleaner.clean_bytes({ARTICLE!r}.encode())\n"
        "cleaner.clean('Він сказав, що Рівне і Київ отримали світло. «Наші» — ВІДДІЛ.')\n"
        "cleaner.clean_bytes('Ω'.encode('utf-16'))"
    )
    assert _loaded(code) == set()


def test_detection_and_repair_are_imported_only_when_needed() -> None:
    """Bytes that are not UTF-8 import charset_normalizer; mojibake imports ftfy; each only then."""
    assert _loaded("cleaner.clean_bytes('Café au lait.'.encode('cp1252'))") == {"charset_normalizer"}
    assert _loaded("cleaner.clean('Ukraineâ€™s army.')") == {"ftfy"}

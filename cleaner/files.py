"""Inputs and outputs on disk: read a path or stdin, split and clean JSON Lines records, replace files atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from cleaner.config import Config
from cleaner.document import Document, json_object
from cleaner.errors import CleanerError, InputError, TooLargeError

#: The name that stands for standard input.
STDIN = "-"
#: How much a reader takes at a time when it skips the rest of an over-long line.
_SKIP_CHUNK = 1 << 20


def too_large(size: int, max_bytes: int) -> TooLargeError:
    """Return the error for an input of ``size`` bytes (at least) over the limit ``max_bytes``."""
    return TooLargeError(f"{size:,} bytes or more, over the limit of {max_bytes:,}; raise it with --max-bytes")


def read_limited(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """Return all bytes of ``stream``, refusing (TooLargeError) to hold more than ``max_bytes`` of them."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    return data


def read_input(name: str, stdin: Callable[[], BinaryIO], max_bytes: int | None = None) -> bytes:
    """Return the bytes of the file ``name``, or of ``stdin()`` when ``name`` is ``-``, at most ``max_bytes``.

    A regular file over the limit is refused from its size alone, without reading it.
    """
    if name == STDIN:
        return read_limited(stdin(), max_bytes)
    with open(name, "rb") as f:
        if max_bytes is not None and (size := os.fstat(f.fileno()).st_size) > max_bytes:
            raise too_large(size, max_bytes)
        return read_limited(f, max_bytes)


def stream_lines(stream: BinaryIO, max_bytes: int | None = None) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, line)`` of ``stream``; a line over ``max_bytes`` is skipped and yielded as None.

    >>> import io
    >>> list(stream_lines(io.BytesIO(b"ab\\nabcdef\\nc"), max_bytes=4))
    [(1, b'ab\\n'), (2, None), (3, b'c')]
    """
    limit = -1 if max_bytes is None else max_bytes + 1
    lineno = 0
    while line := stream.readline(limit):
        lineno += 1
        if max_bytes is not None and len(line) > max_bytes:
            # Skip the rest of the line in chunks, so memory holds at most one chunk of it.
            while not line.endswith(b"\n") and (line := stream.readline(_SKIP_CHUNK)):
                pass
            yield lineno, None
        else:
            yield lineno, line


def input_lines(
    name: str, stdin: Callable[[], BinaryIO], max_bytes: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, line)`` of ``name`` (``-``: ``stdin()``) one at a time; memory stays bounded.

    A line longer than ``max_bytes`` is yielded as None (see ``stream_lines``).
    """
    if name == STDIN:
        yield from stream_lines(stdin(), max_bytes)
        return
    with open(name, "rb") as f:
        yield from stream_lines(f, max_bytes)


def parse_record(line: bytes, text_field: str, encoding: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """Return the text of one JSON Lines record and its other fields; None for a blank line.

    >>> parse_record(b'{"text": "Hi.", "id": 7}\\n', "text")
    ('Hi.', {'id': 7})
    >>> parse_record(b"  \\n", "text") is None
    True
    """
    try:
        decoded = line.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        raise InputError(f"not {encoding or 'UTF-8'} text ({exc.__class__.__name__}); try --encoding NAME") from None
    if not decoded.strip():
        return None
    try:
        record = json.loads(decoded)
    except ValueError as exc:
        raise InputError(f"not a JSON record: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}")
    if text_field not in record:
        raise InputError(f"no {text_field!r} field; name the text field with --text-field NAME")
    text = record.pop(text_field)
    if not isinstance(text, str):
        raise InputError(f"the {text_field!r} field is {json.dumps(text)[:40]}, not a string")
    return text, record


class Record(NamedTuple):
    """One JSON Lines record: its cleaned document and other fields, or the error that stopped it."""

    source: str
    document: Document | None = None
    fields: dict[str, Any] | None = None
    error: CleanerError | None = None


def clean_records(
    lines: Iterable[tuple[int, bytes | None]], name: str, text_field: str, config: Config
) -> Iterator[Record]:
    """Clean the ``text_field`` of each JSON Lines record of input ``name``; blank lines yield nothing.

    >>> records = clean_records([(1, b'{"text": "Hi.", "id": 7}'), (2, b" "), (3, b"[]")], "in", "text", Config())
    >>> [(r.source, r.fields, r.error) for r in records]
    [('in:1', {'id': 7}, None), ('in:3', None, InputError('not a JSON object but list'))]
    """
    from cleaner import clean  # the pipeline: imported only once a record is to be cleaned

    for lineno, line in lines:
        source = f"{name}:{lineno}"
        try:
            if line is None:
                raise too_large(config.max_bytes + 1, config.max_bytes)
            parsed = parse_record(line, text_field, config.encoding)
            if parsed is None:
                continue
            yield Record(source, clean(parsed[0], config=config, source=source), parsed[1])
        except CleanerError as exc:
            yield Record(source, error=exc)


def document_object(
    doc: Document, record: dict[str, Any] | None = None, *, removed: bool = True, fields: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """Return the JSON object written for ``doc``: its fields, the input record's others under ``record``."""
    obj = doc.to_dict(removed=removed)
    if record is not None:
        obj["record"] = record
    if fields is not None:
        obj = {k: obj[k] for k in fields if k in obj}
    return obj


def json_bytes(obj: Any, *, indent: int | None = None) -> bytes:
    """Return ``obj`` as one JSON text in UTF-8 and a newline; compact unless ``indent`` is given.

    >>> json_bytes({"a": "é"})
    b'{"a":"\\xc3\\xa9"}\\n'
    """
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(obj, ensure_ascii=False, indent=indent, separators=separators)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate (a JSON record, an undecodable file name): keep it, as a \u escape
        return json.dumps(obj, indent=indent, separators=separators).encode("ascii") + b"\n"


def document_bytes(
    doc: Document,
    record: dict[str, Any] | None = None,
    *,
    removed: bool = True,
    fields: tuple[str, ...] | None = None,
    indent: int | None = None,
) -> bytes:
    """Return ``json_bytes(document_object(doc, record, ...), indent=indent)``; the compact form is written from
    :meth:`Document.json_members`, without the dicts of ``to_dict`` in between.

    >>> from cleaner import clean
    >>> document_bytes(clean("Hello world."), {"id": 7}, fields=("body", "record"))
    b'{"body":"Hello world.","record":{"id":7}}\\n'
    """
    if indent is not None:
        return json_bytes(document_object(doc, record, removed=removed, fields=fields), indent=indent)
    members = doc.json_members(removed=removed)
    if record is not None:
        members["record"] = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        return json_object(members, fields).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate: json_bytes writes it as a \u escape
        return json_bytes(document_object(doc, record, removed=removed, fields=fields))


def printable(text: str) -> str:
    """Return ``text`` with every character that could drive a terminal (controls, lone surrogates) escaped.

    >>> printable("a\\x1b[1mb\\nc")
    'a\\\\x1b[1mb\\\\nc'
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def output_path(folder: Path, name: str, suffix: str) -> Path:
    """Return where the output of input ``name`` goes inside ``folder``: its stem plus ``suffix``.

    >>> output_path(Path("out"), "news/a.txt", ".json").as_posix()
    'out/a.json'
    >>> output_path(Path("out"), "-", ".json").as_posix()
    'out/stdin.json'
    """
    stem = "stdin" if name == STDIN else Path(name).stem
    return folder / f"{stem}{suffix}"


def _new_file_mode() -> int:
    """Return the permission bits a newly created file gets under the current umask."""
    # os.umask can only be read by setting it; this runs in the CLI's single thread.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_writer(path: str | os.PathLike[str], *, durable: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block finishes without an exception.

    The data goes to a temporary file in the same folder, which is renamed over ``path`` with ``os.replace``,
    so a reader sees the old file or the new one, never half of one; a failure leaves no temporary file.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def silence(stream: BinaryIO) -> None:
    """Point ``stream``'s descriptor at the null device, so the final flush cannot fail on a closed pipe."""
    try:
        target = stream.fileno()
    except (OSError, ValueError):  # not backed by a descriptor (a test's buffer): nothing will be flushed
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, target)
    os.close(devnull)

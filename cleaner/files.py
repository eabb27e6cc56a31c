"""Inputs and outputs on disk: read a path or stdin, split JSON Lines records, replace files atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

from cleaner.errors import InputError

#: The name that stands for standard input.
STDIN = "-"


def read_input(name: str, stdin: Callable[[], BinaryIO]) -> bytes:
    """Return the bytes of the file ``name``, or of ``stdin()`` when ``name`` is ``-``."""
    if name == STDIN:
        return stdin().read()
    return Path(name).read_bytes()


def input_lines(name: str, stdin: Callable[[], BinaryIO]) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line number, line)`` of ``name`` (``-``: ``stdin()``) one at a time; memory stays bounded."""
    if name == STDIN:
        yield from enumerate(stdin(), 1)
        return
    with open(name, "rb") as f:
        yield from enumerate(f, 1)


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

"""The work on one input, done in a worker process (or in-process with one job): read, hash, clean, write.

Everything here depends only on the task and the settings, never on which process runs it, so the outputs are
byte-identical for any number of workers.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO

from cleaner import clean_bytes
from cleaner.batch.outputs import atomic_output, check_inside
from cleaner.config import Config
from cleaner.document import Document
from cleaner.encoding import SAMPLE_BYTES
from cleaner.errors import CleanerError, DecodeError, EmptyInputError, TooLargeError
from cleaner.files import Record, clean_records, document_bytes, read_limited, stream_lines, too_large
from cleaner.stages.decode import check_binary, check_input

#: Record errors of one input kept for the error list; the rest are counted in one last entry.
MAX_RECORD_ERRORS = 1000


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task of a run shares."""

    config: Config
    input_format: str  #: "text" or "jsonl"
    text_field: str
    root: str  #: the output root: OUT, or OUT/.cleaner/docs with --jsonl
    tmp_dir: str


@dataclass(frozen=True, slots=True)
class Task:
    """One input to read; with ``expect`` set, it is cleaned only if its content hash differs."""

    key: bytes
    rel: str
    path: str
    out: str
    expect: bytes | None = None
    old_out: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an input, or one of its records, was not cleaned."""

    kind: str  #: unreadable, too-large, empty, undecodable, not-text, record, write, crash, internal
    message: str
    line: int | None = None


@dataclass(slots=True)
class Result:
    """What became of one task."""

    task: Task
    status: str  #: "cleaned", "same" (content unchanged) or "failed"
    size: int = 0
    mtime_ns: int = 0
    hash: bytes = b""
    out_size: int = 0
    records: int = 0
    chars: int = 0
    body_chars: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)


def _digest() -> hashlib.blake2b:
    """Return a new content hash."""
    return hashlib.blake2b(digest_size=16)


def failed(task: Task, kind: str, message: str) -> Result:
    """Return the result of a task that failed as a whole."""
    return Result(task, "failed", problems=[Problem(kind, message)])


def process(settings: Settings, task: Task) -> Result:
    """Do one task; every failure becomes a failed Result, so one bad input never stops the run."""
    try:
        if settings.input_format == "jsonl":
            return _process_jsonl(settings, task)
        return _process_text(settings, task)
    except OSError as exc:
        return failed(task, "unreadable", f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a bug in the cleaner must cost one input, not the night's run
        return failed(task, "internal", f"internal error, please report it: {type(exc).__name__}: {exc}")


def _open(path: str, max_bytes: int | None) -> tuple[io.BufferedReader, os.stat_result]:
    """Open an input for reading; refuse what is not a regular file, or is over ``max_bytes``."""
    # O_NONBLOCK: a file swapped for a fifo since the walk must not hang the run; regular files ignore it.
    f = open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb")  # noqa: SIM115 (closed by caller)
    try:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise CleanerError("not a regular file")
        if max_bytes is not None and st.st_size > max_bytes:
            raise too_large(st.st_size, max_bytes)
    except BaseException:
        f.close()
        raise
    return f, st


def _process_text(settings: Settings, task: Task) -> Result:
    """Clean one input that holds one article."""
    config = settings.config
    try:
        f, st = _open(task.path, config.max_bytes)
        with f:
            data = read_limited(f, config.max_bytes)
    except CleanerError as exc:
        return failed(task, _kind(exc), str(exc))
    digest = _digest()
    digest.update(data)
    result = Result(task, "same", st.st_size, st.st_mtime_ns, digest.digest())
    if task.expect == result.hash:
        return result
    try:
        check_input(data, config.encoding)  # empty, blank and binary files are refused before the pipeline
        doc = clean_bytes(data, config=config, source=task.rel)
    except CleanerError as exc:
        return failed(task, _kind(exc), str(exc))
    line = document_bytes(doc)
    try:
        with atomic_output(check_inside(settings.root, task.out), settings.tmp_dir) as out:
            out.write(line)
    except OSError as exc:
        return failed(task, "write", f"cannot write {task.out}: {exc.strerror or exc}")
    result.status, result.out_size, result.records = "cleaned", len(line), 1
    _count(result, doc)
    return result


class _HashingReader:
    """A binary reader that hashes every byte read through ``readline``."""

    def __init__(self, stream: BinaryIO) -> None:
        """Read from ``stream``."""
        self.stream, self.digest = stream, _digest()

    def readline(self, limit: int = -1) -> bytes:
        """Read one line (at most ``limit`` bytes), hashing it."""
        line = self.stream.readline(limit)
        self.digest.update(line)
        return line


def _process_jsonl(settings: Settings, task: Task) -> Result:
    """Clean every record of an input that holds JSON Lines; the file may be of any size, records are limited."""
    config = settings.config
    if task.expect is not None:
        f, st = _open(task.path, None)
        with f:
            if hashlib.file_digest(f, _digest).digest() == task.expect:
                return Result(task, "same", st.st_size, st.st_mtime_ns, task.expect)
    f, st = _open(task.path, None)
    try:
        check_binary(os.pread(f.fileno(), SAMPLE_BYTES, 0), config.encoding)
    except CleanerError as exc:
        f.close()
        return failed(task, _kind(exc), str(exc))
    result = Result(task, "cleaned", st.st_size, st.st_mtime_ns)
    more_errors = 0
    try:
        with f, atomic_output(check_inside(settings.root, task.out), settings.tmp_dir) as out:
            reader = _HashingReader(f)
            lines = stream_lines(reader, config.max_bytes)  # type: ignore[arg-type]  # readline is all it uses
            for record in clean_records(lines, task.rel, settings.text_field, config):
                if record.document is None:
                    if len(result.problems) < MAX_RECORD_ERRORS:
                        result.problems.append(_record_problem(record))
                    else:
                        more_errors += 1
                    continue
                line = document_bytes(record.document, record.fields)
                out.write(line)
                result.out_size += len(line)
                result.records += 1
                _count(result, record.document)
    except CleanerError as exc:
        return failed(task, _kind(exc), str(exc))
    except OSError as exc:
        return failed(task, "write", f"cannot write {task.out}: {exc.strerror or exc}")
    if more_errors:
        result.problems.append(Problem("record", f"and {more_errors} more records that failed"))
    result.hash = reader.digest.digest()
    return result


def _record_problem(record: Record) -> Problem:
    """Return the problem of one failed JSON Lines record."""
    line = int(record.source.rpartition(":")[2])
    return Problem("record", str(record.error), line)


def _count(result: Result, doc: Document) -> None:
    """Add the characters of ``doc`` to the result's counts."""
    result.chars += doc.stats.chars
    result.body_chars += doc.stats.body_chars
    for removed in doc.removed:
        result.removed[removed.kind] += removed.end - removed.start


def _kind(exc: CleanerError) -> str:
    """Return the kind of problem an error stands for."""
    if isinstance(exc, TooLargeError):
        return "too-large"
    if isinstance(exc, DecodeError):
        return "undecodable"
    if isinstance(exc, EmptyInputError):
        return "empty"
    return "not-text"

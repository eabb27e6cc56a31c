"""The exception hierarchy of the core, and the exit statuses only the CLI maps it to."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes of the ``cleaner`` command."""

    OK = 0
    FAILED = 1  #: some inputs failed; the others were cleaned
    USAGE = 2  #: bad options or arguments
    LOCKED = 75  #: another run holds the lock (EX_TEMPFAIL)
    INTERRUPTED = 130  #: stopped by SIGINT; finished work is kept
    BROKEN_PIPE = 141  #: the reader of stdout went away (128 + SIGPIPE, what a shell reports for ``cat``)
    TERMINATED = 143  #: stopped by SIGTERM (128 + 15), as by ``timeout``; finished work is kept


class CleanerError(Exception):
    """Base of every error the core raises on purpose."""


class InputError(CleanerError):
    """An input that cannot be cleaned: unreadable, binary, undecodable or too large."""


class EmptyInputError(InputError):
    """A file with no text at all: empty, a byte order mark alone, or only whitespace (see ``check_input``)."""


class DecodeError(InputError):
    """Bytes that no supported encoding turns into text."""


class TooLargeError(InputError):
    """An input (or a JSON Lines record) over the size limit, ``Config.max_bytes``."""


class BusyError(CleanerError):
    """Another run holds the lock on an output folder."""

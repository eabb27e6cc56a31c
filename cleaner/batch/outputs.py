"""Outputs on disk: write each one atomically through ``OUT/.cleaner/tmp``, remove them, tidy empty folders.

Durability policy: an output is written to a temporary file, then renamed over its target (``os.replace``), so a
reader, and a killed run, only ever see a whole file. Outputs are not fsync'ed one by one (that would cost a disk
flush per file); after a power cut an output may be empty or missing, and the next run notices it (each output's
size is checked against the manifest) and writes it again.
"""

from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

_counter = itertools.count()


@contextmanager
def atomic_output(target: str, tmp_dir: str) -> Iterator[BinaryIO]:
    """Yield a file that replaces ``target`` when the block ends without an exception; create its folders.

    The temporary file lives in ``tmp_dir`` (on the same file system), named after this process, so a run
    can delete every leftover of a killed one there without looking anywhere else.
    """
    tmp = os.path.join(tmp_dir, f"{os.getpid()}-{next(_counter)}.tmp")
    # 0o666 goes through the umask, as for any new file (mkstemp's 0600 would hide outputs from other users).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        try:
            os.replace(tmp, target)
        except FileNotFoundError:  # the output's folder does not exist yet
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def remove_output(root: str, rel: str) -> bool:
    """Remove the output ``root/rel`` and the folders it leaves empty; return whether a file was removed."""
    try:
        os.unlink(os.path.join(root, rel))
    except FileNotFoundError:
        removed = False
    else:
        removed = True
    parts = rel.split("/")[:-1]
    while parts:
        try:
            os.rmdir(os.path.join(root, *parts))
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT):
                raise
            if exc.errno != errno.ENOENT:
                break
        parts.pop()
    return removed


def clear_folder(folder: str) -> int:
    """Delete every file in ``folder`` (the leftovers of a killed run); return how many there were."""
    count = 0
    with os.scandir(folder) as it:
        for entry in it:
            with suppress(FileNotFoundError):
                os.unlink(entry.path)
                count += 1
    return count


def output_size(path: str) -> int:
    """Return the size of the file at ``path``, or -1 if there is none."""
    try:
        return os.stat(path).st_size
    except OSError:
        return -1

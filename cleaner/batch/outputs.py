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
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

_counter = itertools.count()


def check_inside(root: str, rel: str) -> str:
    """Return ``root/rel`` if it stays inside ``root``; else raise OSError, before anything is written or removed.

    ``rel`` must be relative, with no empty, ``.`` or ``..`` part, and no folder on the way under ``root`` may
    be a symlink (cleaner never makes one there: one that is there leads elsewhere). The output itself may be a
    symlink: it is replaced or removed, never followed.

    >>> check_inside("out", "news/a.json")
    'out/news/a.json'
    >>> check_inside("out", "../etc/a.json")
    Traceback (most recent call last):
    ...
    PermissionError: [Errno 1] '../etc/a.json' would leave the output folder: 'out'
    """
    parts = rel.split("/")
    if os.path.isabs(rel) or any(part in ("", ".", "..") for part in parts):
        raise PermissionError(errno.EPERM, f"{rel!r} would leave the output folder", root)
    path = root
    for part in parts[:-1]:
        path = os.path.join(path, part)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            break  # the rest of the way is made by cleaner
        if stat.S_ISLNK(st.st_mode):
            where = "/".join(parts[: parts.index(part) + 1])
            raise PermissionError(errno.EPERM, f"the folder {where!r} is a symlink; outputs never go through one")
    return os.path.join(root, rel)


@contextmanager
def atomic_output(target: str, tmp_dir: str) -> Iterator[BinaryIO]:
    """Yield a file that replaces ``target`` when the block ends without an exception; create its folders.

    The temporary file lives in ``tmp_dir`` (on the same file system), named after this process, so a run
    can delete every leftover of a killed one there without looking anywhere else. The caller checks the
    target with ``check_inside``.
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
    """Remove the output ``root/rel`` and the folders it leaves empty; return whether a file was removed.

    Raises OSError, and removes nothing, when the path would leave ``root`` (see ``check_inside``).
    """
    path = check_inside(root, rel)
    try:
        os.unlink(path)
    except (FileNotFoundError, NotADirectoryError):
        removed = False
    else:
        removed = True
    parts = rel.split("/")[:-1]
    while parts:
        try:
            os.rmdir(os.path.join(root, *parts))
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT, errno.ENOTDIR):
                raise
            if exc.errno != errno.ENOENT:
                break
        parts.pop()
    return removed


def open_output(root: str, rel: str) -> BinaryIO:
    """Open the output ``root/rel`` for reading, following no symlink to it or on the way (OSError if one is)."""
    fd = os.open(check_inside(root, rel), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    return open(fd, "rb")


def refuse_symlinks(*paths: str) -> None:
    """Raise OSError if one of ``paths`` (cleaner's own files and folders in OUT) is a symlink."""
    for path in paths:
        if os.path.islink(path):
            raise PermissionError(errno.EPERM, "is a symlink; cleaner never follows one inside OUT", path)


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
    """Return the size of the regular file at ``path`` (not followed if a symlink), or -1 if there is none."""
    try:
        st = os.lstat(path)
    except OSError:
        return -1
    return st.st_size if stat.S_ISREG(st.st_mode) else -1

"""The lock on an output folder: ``flock`` on ``OUT/.cleaner/lock``, released by the kernel when its holder dies."""

from __future__ import annotations

import fcntl
import os

from cleaner.errors import BusyError


class Lock:
    """An exclusive, non-blocking lock on one file; the holder's process id is written into it."""

    def __init__(self, path: str) -> None:
        """Take the lock on ``path`` (created if needed) or raise BusyError naming the holder."""
        self.path = path
        # Not O_CLOEXEC-sensitive: forked workers share this open file, so the lock lasts until the last writer
        # is gone, and a run killed with SIGKILL never leaves a worker writing into the folder of the next run.
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 32, 0).decode("ascii", "replace").strip()
            os.close(self.fd)
            who = f" (process {holder})" if holder.isdigit() else ""
            raise BusyError(f"another run is working on this folder{who}; try again when it has finished") from None
        except BaseException:
            os.close(self.fd)
            raise
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode("ascii"), 0)

    def release(self) -> None:
        """Release the lock (the file stays: removing it would race with a run about to take it)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

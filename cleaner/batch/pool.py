"""Executors: run tasks in this process (one job) or in worker processes, with bounded work in flight.

The process pool is small and explicit rather than ``multiprocessing.Pool``: that one reads its whole task
iterator ahead (memory would grow with the file count) and hangs when a worker is killed. Here each worker has at
most two chunks in flight, a worker that dies (out of memory, say) is replaced and its tasks are retried one by
one, and a worker dies with the run that started it.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from cleaner.batch.work import Result, Settings, Task, failed, process

#: Tasks sent to a worker at a time: enough to make the cost of a message small beside the cleaning.
CHUNK = 8
#: Chunks a worker may hold at once: one being done, one waiting, so it never waits for the parent.
DEPTH = 2


def run_in_process(settings: Settings, tasks: Iterator[Task], stop: Callable[[], bool]) -> Iterator[Result]:
    """Do the tasks one by one in this process; ``stop()`` is checked between tasks."""
    for task in tasks:
        if stop():
            return
        yield process(settings, task)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies, so a killed run leaves no worker writing."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere a worker ends when it reads the end of its pipe, after its current chunk
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _worker(conn: multiprocessing.connection.Connection, settings: Settings, parent: int, close: list[int]) -> None:
    """Serve chunks of tasks from ``conn`` until it closes or sends None."""
    # Ctrl-C, and timeout's SIGTERM, reach the whole process group: the parent alone decides how to stop (it
    # lets the chunks in flight finish); a worker still dies with it, or when it closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent)
    for fd in close:  # the other workers' pipes, inherited by fork: a worker must see EOF when the parent dies
        os.close(fd)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        conn.send([process(settings, task) for task in chunk])


@dataclass
class _Worker:
    """A worker process, its pipe, and the chunks it holds."""

    process: Any
    conn: multiprocessing.connection.Connection
    chunks: deque[tuple[list[Task], bool]] = field(default_factory=deque)


class ProcessPool:
    """Worker processes that do tasks in chunks; use as a context manager."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        """Start ``jobs`` workers (forked on Linux: they share the run's lock, see ``lock.py``)."""
        self.settings = settings
        # fork on Linux: quick, and see _start for the pipes; elsewhere spawn, as fork is unsafe on macOS.
        linux = sys.platform.startswith("linux")
        self.ctx = multiprocessing.get_context("fork") if linux else multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        for _ in range(jobs):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        """Start one worker."""
        inherited = [w.conn.fileno() for w in self.workers] if self.ctx.get_start_method() == "fork" else []
        parent_end, child_end = self.ctx.Pipe()
        proc = self.ctx.Process(
            target=_worker, args=(child_end, self.settings, os.getpid(), inherited), daemon=True, name="cleaner"
        )
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    def __enter__(self) -> ProcessPool:
        """Return the pool."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the workers: politely after a normal end, at once after an error or a second Ctrl-C."""
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        """Stop every worker and wait for it to end."""
        for w in self.workers:
            if kill:
                w.process.kill()
            else:
                with suppress(OSError):  # a worker that died already has nothing to be told
                    w.conn.send(None)
        for w in self.workers:
            w.process.join(timeout=None if kill else 5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    def run(self, tasks: Iterator[Task], stop: Callable[[], bool]) -> Iterator[Result]:
        """Yield the result of every task, in no set order; after ``stop()``, finish the chunks in flight only."""
        retry: deque[tuple[list[Task], bool]] = deque()
        exhausted = False
        while True:
            stopping = stop()
            if not stopping:
                for w in self.workers:
                    while len(w.chunks) < DEPTH:
                        chunk = (
                            retry.popleft() if retry else (None if exhausted else (list(islice(tasks, CHUNK)), False))
                        )
                        if chunk is None or not chunk[0]:
                            exhausted = True
                            break
                        w.conn.send(chunk[0])
                        w.chunks.append(chunk)
            busy = [w for w in self.workers if w.chunks]
            if not busy:
                return
            ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=0.25)
            for w in busy:
                if w.conn not in ready:
                    continue
                try:
                    results: list[Result] = w.conn.recv()
                except (EOFError, OSError):
                    yield from self._replace(w, retry)
                    continue
                w.chunks.popleft()
                yield from results

    def _replace(self, dead: _Worker, retry: deque[tuple[list[Task], bool]]) -> Iterator[Result]:
        """Start a worker in place of one that died; retry its tasks one by one, failing those already retried."""
        dead.process.join()
        code = dead.process.exitcode
        dead.conn.close()
        self.workers.remove(dead)
        for tasks, retried in dead.chunks:
            if retried:
                how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                yield from (failed(t, "crash", f"the worker process died ({how}), out of memory?") for t in tasks)
            else:
                retry.extend(([t], True) for t in tasks)
        self.workers.append(self._start())

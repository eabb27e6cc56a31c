"""A batch run: lock OUT, plan against the manifest, clean what changed, record it, write the JSON Lines file.

>>> import tempfile, pathlib
>>> base = pathlib.Path(tempfile.mkdtemp())
>>> _ = (base / "in").mkdir(), (base / "in" / "a.txt").write_text("The council met on Tuesday evening.")
>>> summary = run_batch(Options(str(base / "in"), str(base / "out")))
>>> summary.cleaned, summary.unchanged, (base / "out" / "a.json").exists()
(1, 0, True)
>>> run_batch(Options(str(base / "in"), str(base / "out"))).unchanged
1
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from typing import Any, BinaryIO, Protocol

from cleaner import __version__
from cleaner.batch.discover import Entry, Unlisted, Walk
from cleaner.batch.lock import Lock
from cleaner.batch.manifest import Manifest, Planned, Row
from cleaner.batch.options import Options
from cleaner.batch.outputs import clear_folder, open_output, output_size, refuse_symlinks, remove_output
from cleaner.batch.pool import ProcessPool, run_in_process
from cleaner.batch.summary import Summary
from cleaner.batch.work import Result, Settings, Task
from cleaner.files import atomic_writer

#: Results recorded between two commits of the manifest: a killed run re-cleans at most this many.
COMMIT_EVERY = 100
#: Seconds between two commits, whatever the count.
COMMIT_SECONDS = 0.5


class Observer(Protocol):
    """Who watches a run (a progress bar): told of the scan, then of each input done."""

    def scanning(self, files: int) -> None:
        """Report how many inputs the scan has seen so far."""

    def start(self, total: int) -> None:
        """Report how many inputs are to be read."""

    def advance(self, status: str) -> None:
        """Report one input done: "cleaned", "same" or "failed"."""


class _Quiet:
    """An observer that shows nothing."""

    def scanning(self, files: int) -> None:
        """Show nothing."""

    def start(self, total: int) -> None:
        """Show nothing."""

    def advance(self, status: str) -> None:
        """Show nothing."""


def _never() -> bool:
    """Return False: a run that nobody stops."""
    return False


def run_batch(
    options: Options,
    observer: Observer | None = None,
    stop: Callable[[], bool] = _never,
    stdout: BinaryIO | None = None,
    listing: Callable[[str, str], None] | None = None,
) -> Summary:
    """Run a batch: plan, then clean (or, with ``dry_run``, pass each planned action to ``listing``)."""
    with Batch(options) as batch:
        batch.plan(observer or _Quiet(), stop)
        if options.dry_run:
            for action, name in batch.actions():
                if listing is not None:
                    listing(action, name)
        else:
            batch.execute(observer or _Quiet(), stop, stdout)
    return batch.summary


class Batch:
    """One run over IN and OUT; a context manager that holds OUT's lock (except for a dry run)."""

    def __init__(self, options: Options) -> None:
        """Check the options; nothing on disk is touched until the run is entered."""
        options.check()
        self.options = options
        self.summary = Summary(options.input, options.output, options.jobs, dry_run=options.dry_run)
        self.fingerprint = options.fingerprint()
        self._started = time.monotonic()
        self._stack = ExitStack()
        self._errors: BinaryIO | None = None

    def __enter__(self) -> Batch:
        """Take the lock first of all, clear a killed run's leftovers, and open the manifest."""
        state = self.options.state
        try:
            names = ("tmp", "lock", "manifest.sqlite", "errors.jsonl")
            refuse_symlinks(state, *(os.path.join(state, name) for name in names))
            if self.options.dry_run:
                path = os.path.join(state, "manifest.sqlite")
                try:
                    self.manifest = Manifest(path if os.path.exists(path) else None, readonly=True)
                except sqlite3.OperationalError:  # a killed run's journal, which only a writer may roll back
                    self.manifest = Manifest(path)
            else:
                os.makedirs(os.path.join(state, "tmp"), exist_ok=True)
                self._stack.callback(Lock(os.path.join(state, "lock")).release)
                clear_folder(os.path.join(state, "tmp"))
                self.manifest = Manifest(os.path.join(state, "manifest.sqlite"))
                if self.manifest.damaged:
                    self.summary.warnings.append(f"the manifest was damaged ({self.manifest.damaged})")
            self._stack.callback(self.manifest.close)
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        """Commit the manifest, publish the error list, remove temporary files, release the lock."""
        try:
            if not self.options.dry_run:
                self.manifest.commit()
                self._publish_errors()
                clear_folder(os.path.join(self.options.state, "tmp"))
        finally:
            self.summary.seconds = time.monotonic() - self._started
            self._stack.close()

    # -- planning --------------------------------------------------------------------------------------------

    def plan(self, observer: Observer, stop: Callable[[], bool] = _never) -> None:
        """Walk IN beside the manifest (both in key order) and plan what to read and what to remove.

        Stopped (``stop()``) half-way, it plans nothing: a partial walk would take the rest for removed inputs.
        """
        walk = Walk(self.options.input, self.options.suffix, self.options.globs, self.summary.skipped)
        rows = self.manifest.rows()
        row = next(rows, None)
        for item in walk:
            while row is not None and row.key < item.key:
                self._gone(row)
                row = next(rows, None)
            if isinstance(item, Unlisted):
                if item.folder:
                    self.summary.unlisted_folders += 1
                    self._problem(item.rel, None, "unreadable", f"cannot list the folder: {item.error}; outputs kept")
                else:
                    self.summary.files += 1
                    self.summary.failed += 1
                    self._problem(item.rel, None, "unreadable", f"cannot read: {item.error}; its output is kept")
                while row is not None and (row.key == item.key or row.key.startswith(item.key + b"\0")):
                    row = next(rows, None)
                continue
            match = None
            if row is not None and row.key == item.key:
                match, row = row, next(rows, None)
            self._decide(item, match)
            self.summary.files += 1
            if self.summary.files % 512 == 0:
                observer.scanning(self.summary.files)
                if stop():
                    self.summary.interrupted = True
                    self.manifest.db.execute("DELETE FROM plan")
                    self.manifest.db.execute("DELETE FROM gone")
                    return
        while row is not None:
            self._gone(row)
            row = next(rows, None)
        observer.scanning(self.summary.files)

    def _decide(self, item: Entry, match: Row | None) -> None:
        """Plan one input: up to date, to clean (with why), or to clean only if its content hash changed."""
        out = self.options.prefix + item.out
        expect = None
        if match is None:
            reason = "new"
        elif self.options.force:
            reason = "forced"
        elif match.version != __version__:
            reason = "version"
        elif match.options != self.fingerprint:
            reason = "options"
        elif match.out != out:
            reason = "renamed"
        elif output_size(os.path.join(self.options.output, out)) != match.out_size:
            reason = "output"
        elif (match.size, match.mtime_ns) == (item.size, item.mtime_ns):
            self._unchanged(match)
            return
        elif self.options.dry_run and _digest(item.path) == match.hash:
            self._unchanged(match)  # a dry run hashes here, so that it lists only what would really be cleaned
            return
        else:
            reason, expect = "modified", match.hash
        if self.options.dry_run:  # a dry run counts what it would clean; a real one, what it cleaned
            self.summary.cleaned += 1
        self.manifest.plan(Planned(item.key, item.rel, item.path, out, reason, expect, match.out if match else None))

    def _unchanged(self, row: Row) -> None:
        """Count an up-to-date input, and report again the records of it that failed."""
        self.summary.unchanged += 1
        if row.errors:
            for line in row.errors.splitlines():
                self._stored_problem(json.loads(line))

    def _gone(self, row: Row) -> None:
        """Plan the removal of the output of an input that is gone (or keep it, with --keep-orphans)."""
        if self.options.keep_orphans:
            self.summary.kept_orphans += 1
        else:
            self.manifest.mark_gone(row.key, row.out)
            if self.options.dry_run:
                self.summary.removed_outputs += 1

    def actions(self) -> Iterator[tuple[str, str]]:
        """Yield what a run would do: ``(reason, input)`` for each input to clean, ``("remove", output)``."""
        for item in self.manifest.planned():
            yield item.reason, item.rel
        for _, out in self.manifest.gone():
            yield "remove", out

    # -- cleaning --------------------------------------------------------------------------------------------

    def execute(self, observer: Observer, stop: Callable[[], bool], stdout: BinaryIO | None = None) -> None:
        """Remove gone and renamed outputs, clean the planned inputs, then write the JSON Lines file if asked."""
        if self.summary.interrupted:  # stopped while planning
            return
        out = self.options.output
        for key, rel in self.manifest.gone():
            self.summary.removed_outputs += self._remove(rel)
            self.manifest.drop(key)
        for rel in self.manifest.moved_outputs():
            self._remove(rel)
        self.manifest.commit()
        total = self.manifest.db.execute("SELECT count(*) FROM plan").fetchone()[0]
        observer.start(total)
        settings = Settings(
            self.options.config,
            self.options.input_format,
            self.options.text_field,
            out,
            os.path.join(self.options.state, "tmp"),
        )
        tasks = (Task(p.key, p.rel, p.path, p.out, p.expect, p.old_out) for p in self.manifest.planned())
        jobs = min(self.options.jobs, total)
        last_commit, pending = time.monotonic(), 0
        with ExitStack() as stack:
            if jobs > 1:
                results = stack.enter_context(ProcessPool(settings, jobs)).run(tasks, stop)
            else:
                results = run_in_process(settings, tasks, stop)
            for result in results:
                self._record(result)
                observer.advance(result.status)
                pending += 1
                if pending >= COMMIT_EVERY or time.monotonic() - last_commit > COMMIT_SECONDS:
                    self.manifest.commit()
                    last_commit, pending = time.monotonic(), 0
        self.manifest.commit()
        if stop():
            self.summary.interrupted = True
        elif self.options.jsonl is not None:
            self._write_jsonl(stdout)

    def _record(self, result: Result) -> None:
        """Record one result in the manifest and the summary."""
        task, s = result.task, self.summary
        if result.status == "failed":
            s.failed += 1
            for p in result.problems:
                self._problem(task.rel, p.line, p.kind, p.message)
            if task.old_out is not None:  # the input had an output: it no longer stands for the input
                if task.old_out == task.out:
                    self._remove(task.out)
                self.manifest.drop(task.key)
            return
        if result.status == "same":
            s.unchanged += 1
            s.rehashed += 1
            self.manifest.restat(task.key, result.size, result.mtime_ns)
            stored = self.manifest.db.execute("SELECT errors FROM files WHERE key = ?", (task.key,)).fetchone()
            for line in (stored[0] or "").splitlines() if stored else ():
                self._stored_problem(json.loads(line))
            return
        s.cleaned += 1
        s.records += result.records
        s.chars += result.chars
        s.body_chars += result.body_chars
        s.removed_chars.update(result.removed)
        entries = [self._problem(task.rel, p.line, p.kind, p.message) for p in result.problems]
        errors = "".join(json.dumps(e) + "\n" for e in entries) or None
        fingerprint, version = self.fingerprint, __version__
        self.manifest.put(
            Row(
                task.key,
                result.size,
                result.mtime_ns,
                result.hash,
                fingerprint,
                version,
                task.out,
                result.out_size,
                errors,
            )
        )

    def _write_jsonl(self, stdout: BinaryIO | None) -> None:
        """Write every output, in path order, to the --jsonl file (replaced atomically) or to ``stdout``."""
        target = self.options.jsonl
        with ExitStack() as stack:
            if target == "-":
                if stdout is None:
                    raise ValueError("--jsonl - needs a stream to write to")
                stream = stdout
            else:
                assert target is not None
                stream = stack.enter_context(atomic_writer(target))
            for rel in self.manifest.outputs():
                try:
                    with open_output(self.options.output, rel) as f:
                        shutil.copyfileobj(f, stream)
                except OSError as exc:
                    self._problem(rel, None, "unreadable", f"cannot read the output: {exc.strerror or exc}")
            stream.flush()

    def _remove(self, rel: str) -> bool:
        """Remove the output ``rel`` (and the folders it leaves empty); a failure is listed, and the run goes on."""
        try:
            return remove_output(self.options.output, rel)
        except OSError as exc:
            self._problem(rel, None, "write", f"cannot remove the output: {exc.strerror or exc}")
            return False

    # -- problems --------------------------------------------------------------------------------------------

    def _problem(self, rel: str, line: int | None, kind: str, message: str) -> dict[str, Any]:
        """Count one problem, and list it in OUT/.cleaner/errors.jsonl; return its entry."""
        entry = {"path": rel, "line": line, "kind": kind, "error": message}
        self._stored_problem(entry)
        return entry

    def _stored_problem(self, entry: dict[str, Any]) -> None:
        """Count a problem given as its entry."""
        self.summary.error(entry)
        self.summary.failed_records += entry.get("kind") == "record"
        if self.options.dry_run:
            return
        if self._errors is None:
            tmp = os.path.join(self.options.state, "tmp", "errors.jsonl")
            self._errors = self._stack.enter_context(open(tmp, "wb"))  # noqa: SIM115 (closed with the run)
        self._errors.write(json.dumps(entry).encode("ascii") + b"\n")

    def _publish_errors(self) -> None:
        """Replace OUT/.cleaner/errors.jsonl with this run's list (empty when all went well)."""
        target = os.path.join(self.options.state, "errors.jsonl")
        self.summary.errors_file = target
        if self._errors is None:
            with open(target, "wb"):
                return
        self._errors.close()
        with suppress(FileNotFoundError):
            os.replace(self._errors.name, target)


def _digest(path: str) -> bytes | None:
    """Return the content hash of the file at ``path``, None if it cannot be read."""
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).digest()
    except OSError:
        return None

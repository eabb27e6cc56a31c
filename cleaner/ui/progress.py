"""A progress bar for a batch run on stderr: files done, files per second, time left."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

#: Seconds between two redraws: often enough to look alive, rarely enough to cost nothing.
REFRESH = 0.1


class _Rate(ProgressColumn):
    """Files per second."""

    def render(self, task: Task) -> Text:
        """Return the speed of ``task`` in files per second."""
        return Text(f"{task.speed:,.0f} files/s" if task.speed else "", style="progress.data.speed")


class ProgressBar:
    """A rich progress bar that observes a batch run; a context manager that clears it at the end."""

    def __init__(self, console: Console | None = None) -> None:
        """Draw on ``console`` (default: stderr; rich honours NO_COLOR by itself)."""
        # No refresh thread: a worker forked while a thread holds the console's lock could not print, and the
        # run calls ``advance`` often enough to redraw.
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            auto_refresh=False,
            transient=True,
        )
        self.task = self.progress.add_task("scanning", total=None)
        self._drawn = 0.0

    def __enter__(self) -> ProgressBar:
        """Show the bar."""
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        """Remove the bar."""
        self.progress.stop()

    def _redraw(self, force: bool = False) -> None:
        """Redraw, at most every REFRESH seconds unless ``force``."""
        now = time.monotonic()
        if force or now - self._drawn >= REFRESH:
            self.progress.refresh()
            self._drawn = now

    def scanning(self, files: int) -> None:
        """Show how many inputs the scan has seen."""
        self.progress.update(self.task, description=f"scanning: {files:,} files")
        self._redraw()

    def start(self, total: int) -> None:
        """Switch from scanning to cleaning ``total`` inputs."""
        self.progress.reset(self.task, total=total, description="cleaning")
        self._redraw(force=True)

    def advance(self, status: str) -> None:
        """Count one input done."""
        self.progress.advance(self.task)
        self._redraw()

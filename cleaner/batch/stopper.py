"""Stop a run cleanly on SIGINT or SIGTERM: the first signal asks it to stop, a second stops it at once."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any


class Stopper:
    """While entered, catch SIGINT and SIGTERM; ``stopped`` is what ``run_batch`` polls as its ``stop``."""

    def __init__(self, on_stop: Callable[[], None] | None = None) -> None:
        """Call ``on_stop`` (to say so, say) when the first signal comes."""
        self.on_stop = on_stop
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def stopped(self) -> bool:
        """Return whether a stop was asked for."""
        return self.signal is not None

    def _handle(self, signum: int, frame: object) -> None:
        """Ask the run to stop after the inputs in progress; on a second signal, stop now."""
        if self.signal is not None:
            raise KeyboardInterrupt
        self.signal = signum
        if self.on_stop is not None:
            self.on_stop()

    def __enter__(self) -> Stopper:
        """Install the handlers (only the main thread can; elsewhere the signals keep their handlers)."""
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        """Put the previous handlers back."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

"""Clean a folder tree into a mirror tree (or one JSON Lines file): parallel, incremental, locked, atomic.

Usable without the command line: build ``Options`` and call ``run_batch``; it returns a ``Summary``. The parts:
``discover`` (the walk), ``manifest`` (SQLite), ``lock`` (flock), ``outputs`` (atomic writes), ``work`` (one
input), ``pool`` (executors), ``run`` (the run itself).
"""

from cleaner.batch.options import Options, OptionsError
from cleaner.batch.run import Batch, Observer, run_batch
from cleaner.batch.summary import Summary

__all__ = ["Batch", "Observer", "Options", "OptionsError", "Summary", "run_batch"]

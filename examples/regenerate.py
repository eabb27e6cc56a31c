"""Rewrite each examples/<name>.json from ``cleaner clean examples/<name>.txt``; ``--check`` only compares.

Run from anywhere: ``python examples/regenerate.py``. The expected output is what this working tree's CLI
prints with ``--format json`` (indented, so a change reads well in a diff), run from the repository root so
that each ``source`` is ``examples/<name>.txt``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def inputs() -> list[Path]:
    """Return every example input, sorted."""
    return sorted(EXAMPLES.glob("*.txt"))


def command(txt: Path) -> list[str]:
    """Return the command whose output is the expected JSON of ``txt``."""
    return [sys.executable, "-m", "cleaner", "clean", "--format", "json", txt.relative_to(ROOT).as_posix()]


def render(txt: Path) -> bytes:
    """Return what this working tree's CLI prints for ``txt``."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(command(txt), cwd=ROOT, env=env, capture_output=True, check=True).stdout


def main(argv: list[str]) -> int:
    """Regenerate (or with ``--check``, compare) every expected output; return the exit status."""
    check = "--check" in argv
    stale = []
    for txt in inputs():
        expected, out = txt.with_suffix(".json"), render(txt)
        if expected.exists() and expected.read_bytes() == out:
            continue
        stale.append(expected.relative_to(ROOT).as_posix())
        if not check:
            expected.write_bytes(out)
    verb = "differ" if check else "rewritten"
    print(f"{len(stale)} of {len(inputs())} expected outputs {verb}" + "".join(f"\n  {s}" for s in stale))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Time every regex in cleaner/ on the worst string of each family: milliseconds per 100 KB (target: under 100).

    python bench/regex_bench.py            # one row per pattern: its worst family and the median over families
    python bench/regex_bench.py --full     # every pattern x family cell
    python bench/regex_bench.py --clean    # also the whole pipeline, clean(), on a document built of each family

Each pattern is called as the code calls it (``match`` at one position, ``search``, ``finditer`` ...) on one
100 KB string of each family (``tests/regex_cases.py``), then ``x``. A pattern whose caller bounds its input
(``bounded``) is also timed on 100 KB cut into pieces of that bound, which is all the pipeline can give it. Times
are the best of three runs; a run over two seconds is cut off by the ``regex`` module's timeout (``>2000``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from regex_cases import KINDS, PATTERNS, SIZE, Pattern, worst

from cleaner import clean

#: Cut a run off after this many seconds and report it as over the limit.
LIMIT = 2.0


def _time(pattern: Pattern, texts: list[str]) -> float:
    """Return the best-of-three milliseconds ``pattern`` takes on ``texts``; inf when a run hits the limit."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        try:
            for text in texts:
                pattern.run(text, timeout=LIMIT)
        except TimeoutError:
            return float("inf")
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _inputs(pattern: Pattern, kind: str, whole: bool) -> list[str]:
    """Return 100 KB of ``kind``: one string, or pieces of the pattern's bound when it has one and not ``whole``."""
    if pattern.bounded and not whole:
        return [worst(kind, pattern.bounded, "x")] * (SIZE // pattern.bounded)
    return [worst(kind, SIZE, "x")]


def _fmt(ms: float) -> str:
    """Return milliseconds for the table."""
    return f">{LIMIT * 1000:.0f}" if ms == float("inf") else f"{ms:.1f}"


def _row(pattern: Pattern, full: bool) -> list[str]:
    """Time ``pattern`` on every family and return its table row."""
    cells = {kind: _time(pattern, _inputs(pattern, kind, whole=True)) for kind in KINDS}
    kind, ms = max(cells.items(), key=lambda kv: kv[1])
    row = [pattern.name, pattern.call, _fmt(ms), kind, _fmt(statistics.median(cells.values()))]
    if pattern.bounded:
        pieces = max(_time(pattern, _inputs(pattern, k, whole=False)) for k in KINDS)
        row.append(f"input bounded to {pattern.bounded} chars: worst {_fmt(pieces)} ms per 100 KB of such pieces")
    else:
        row.append("")
    if full:
        row += [_fmt(cells[k]) for k in KINDS]
    return row


def _clean_rows() -> list[list[str]]:
    """Time clean() on a 100 KB document of each family (the run in a header, a paragraph and the tags line)."""
    rows = []
    clean("Ukraineâ€™s army.")  # import ftfy first: its one-off import cost is not the cost of a pattern
    for kind in KINDS:
        run = worst(kind, SIZE // 3, "")
        text = f" date 2022-11-29 {run}\n\nThe council met.\n\n{run}\n\nTags: {run}"
        start = time.perf_counter()
        clean(text)
        rows.append(["clean()", "pipeline", f"{(time.perf_counter() - start) * 1000:.1f}", kind, "", ""])
    return rows


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="print every pattern x family cell")
    parser.add_argument("--clean", action="store_true", help="also time the whole pipeline on each family")
    args = parser.parse_args()
    head = ["pattern", "call", "worst ms/100KB", "worst family", "median ms", "note"]
    if args.full:
        head += list(KINDS)
    rows = [_row(p, args.full) for p in PATTERNS]
    if args.clean:
        rows += _clean_rows()
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths], *rows]:
        print(" | ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()

"""Benchmark the cleaning itself on the dev pages: body F1 and documents per second, cleaner against jusText.

Both tools read the same text in the same process, one after the other, on the same pages: ``cleaner.clean`` on the
text as it is, and jusText on the text with each line wrapped as a ``<p>`` (it needs HTML; its boilerplate
paragraphs are dropped, the rest joined by blank lines). Body F1 is the shared scorer's (4-token shingles, averaged
over pages), so the figures are those of ``score.py``. Prints a table; nothing here is a test.

    python bench/dump_bench.py                 # both sets, both dev splits
    python bench/dump_bench.py --rounds 3      # best of three timings per tool
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from cleaner import clean  # noqa: E402  (the repository's own package, before an installed one)


def _scorer() -> ModuleType:
    """Load the shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {SHARED / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _justext() -> Callable[[str], str] | None:
    """Return a function giving jusText's body of a text, or None when jusText is not installed."""
    try:
        import justext  # type: ignore[import-untyped]
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def run(text: str) -> str:
        """Wrap each line as a paragraph, classify, and join the good paragraphs."""
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        paragraphs = justext.justext(f"<html><body>{page}</body></html>", stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _time(fn: Callable[[str], str], texts: list[str], rounds: int) -> tuple[list[str], float]:
    """Return the bodies ``fn`` gives for ``texts`` and its best documents per second over ``rounds``."""
    best = float("inf")
    bodies: list[str] = []
    for _ in range(rounds):
        start = time.perf_counter()
        bodies = [fn(t) for t in texts]
        best = min(best, time.perf_counter() - start)
    return bodies, len(texts) / best if best else float("inf")


def main(argv: list[str] | None = None) -> int:
    """Print body F1 and documents per second for cleaner and jusText on each set and split."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="dump,seedlike", help="dev sets, comma-separated (default: dump,seedlike)")
    parser.add_argument("--splits", default="dev,wcxb-dev", help="truth splits (default: dev,wcxb-dev)")
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds per tool; the best is kept")
    args = parser.parse_args(argv)
    truth_path = SHARED / "data" / "dev" / "truth.jsonl"
    if not truth_path.exists():
        print(f"the dev data is not here: {truth_path}", file=sys.stderr)
        return 2
    score = _scorer()
    justext = _justext()
    if justext is None:
        print("jusText is not installed (pip install justext lxml_html_clean): its rows are left out", file=sys.stderr)

    def cleaner_body(text: str) -> str:
        """Return cleaner's body of ``text``."""
        return clean(text).body

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'set':9} {'split':9} {'pages':>5} {'tool':8} {'body F1':>8} {'docs/s':>8} {'ms/doc':>7}")
    rates: dict[str, list[float]] = {"cleaner": [], "jusText": []}
    for doc_set in args.sets.split(","):
        for split in args.splits.split(","):
            rows = score.load_truth(str(truth_path), split)
            folder = SHARED / "data" / "dev" / doc_set
            texts = [(folder / f"{r['id']}.txt").read_text(encoding="utf-8", errors="replace") for r in rows]
            tools: list[tuple[str, Callable[[str], str]]] = [("cleaner", cleaner_body)]
            if justext is not None:
                tools.append(("jusText", justext))
            for name, fn in tools:
                bodies, rate = _time(fn, texts, args.rounds)
                metrics = score.score(rows, [{"body": b} for b in bodies], with_fields=False)
                rates[name].append(rate)
                print(
                    f"{doc_set:9} {split:9} {len(rows):5} {name:8} {metrics['body_f1'][0]:8.3f} {rate:8.0f} "
                    f"{1000 / rate:7.2f}"
                )
    if rates["jusText"]:
        ratios = [c / j for c, j in zip(rates["cleaner"], rates["jusText"], strict=True)]
        print(f"cleaner / jusText, documents per second: {' '.join(f'{r:.2f}×' for r in ratios)}")
        print(f"  median {statistics.median(ratios):.2f}×")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Run the fuzz properties for as long as asked (CI runs a few hundred cases in tests/test_fuzz_properties.py).

    python tests/fuzz/run_fuzz.py --examples 20000            # each of the three targets
    python tests/fuzz/run_fuzz.py --examples 5000 --target bytes --seed 7

Prints the number of cases each target ran and the first failure hypothesis found (shrunk), if any; exits 1
when one failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: conftest, test_lossless, fuzz
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))  # the working tree's cleaner

from fuzz.properties import articles, byte_inputs, check_bytes, check_text, configs, texts
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

TARGETS: dict[str, tuple[Any, Callable[..., None]]] = {
    "text": (st.tuples(texts, st.none()), check_text),
    "articles": (st.tuples(articles(), configs), check_text),
    "bytes": (st.tuples(byte_inputs, configs), check_bytes),
}


def run(name: str, examples: int, seed_value: int) -> tuple[int, str | None]:
    """Run one target for ``examples`` cases; return how many ran and the failure, if any."""
    strategy, check = TARGETS[name]
    count = 0

    @seed(seed_value)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def target(case: tuple[Any, Any]) -> None:
        """Check one drawn case."""
        nonlocal count
        count += 1
        check(*case)

    try:
        target()
    except Exception:  # report what hypothesis found, shrunk, and go on with the other targets
        return count, traceback.format_exc()
    return count, None


def main() -> int:
    """Run the chosen targets and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="cases per target (default 2000)")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all", help="what to fuzz (default all)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (default 0)")
    args = parser.parse_args()
    failed = False
    for name in TARGETS if args.target == "all" else [args.target]:
        start = time.perf_counter()
        count, failure = run(name, args.examples, args.seed)
        status = "FAILED" if failure else "ok"
        print(f"{name}: {count} cases run, {status} ({time.perf_counter() - start:.0f} s)", flush=True)
        if failure:
            failed = True
            print(failure, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

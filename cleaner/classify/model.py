"""The shipped block model: logistic-regression weights over classify.features, read from a data file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

from cleaner.classify.features import FEATURE_NAMES
from cleaner.resources import DATA


@cache
def weights() -> tuple[float, ...]:
    """Return the weights of ``data/classifier.json``, checked against FEATURE_NAMES."""
    model = json.loads((DATA / "classifier.json").read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURE_NAMES:
        raise RuntimeError("data/classifier.json does not match classify.features: run scripts/train_classifier.py")
    return tuple(float(w) for w in model["weights"])


def logit(row: Sequence[float]) -> float:
    """Return the log-odds that a block with feature ``row`` is article body."""
    return sum(w * x for w, x in zip(weights(), row, strict=True))


def best_region(scores: Sequence[float]) -> tuple[int, int]:
    """Return ``[start, end)`` of the contiguous run of blocks with the largest total score (empty: 0, 0).

    >>> best_region([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0])
    (1, 4)
    """
    best, best_start, best_end = 0.0, 0, 0
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        run += s
        if run > best:
            best, best_start, best_end = run, run_start, i + 1
    return best_start, best_end

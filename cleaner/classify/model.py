"""The shipped block model: logistic-regression weights over classify.features, read from a data file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import mul

from cleaner.classify.features import FEATURE_NAMES, N_STATIC, Shape, context_rows, static_row
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
    w = weights()
    if len(row) != len(w):
        raise ValueError(f"a feature row has {len(row)} values, the model {len(w)} weights")
    return float(sum(map(mul, w, row)))


@lru_cache(maxsize=1 << 14)
def _static_logit(s: Shape) -> float:
    """Return the part of the log-odds that reads ``s`` alone (cached: menus and footers repeat across pages)."""
    return float(sum(map(mul, weights()[:N_STATIC], static_row(s))))


def scores(shapes: Sequence[Shape], texts: Sequence[str]) -> list[float]:
    """Return the log-odds of every block of a document: ``logit(row)`` for each row of ``features``, computed
    without building the rows (the block-only part is cached per shape)."""
    context_weights = weights()[N_STATIC:]
    return [
        _static_logit(s) + float(sum(map(mul, context_weights, ctx)))
        for s, ctx in zip(shapes, context_rows(shapes, texts), strict=True)
    ]


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


def best_region_through(scores: Sequence[float], anchors: Sequence[int]) -> tuple[int, int]:
    """Return ``[start, end)`` of the contiguous run with the largest total score among the runs that hold at least
    one of ``anchors`` (block indexes; at least one). Linear: the best run ending at each block, and the best
    (possibly empty) run starting after it.

    >>> best_region_through([3.0, -5.0, -1.0, 0.5, -0.2, 0.4], [3])
    (3, 6)
    """
    n = len(scores)
    ending, ending_start = [0.0] * n, [0] * n
    for i, s in enumerate(scores):
        if i and ending[i - 1] > 0:
            ending[i], ending_start[i] = ending[i - 1] + s, ending_start[i - 1]
        else:
            ending[i], ending_start[i] = s, i
    after, after_end = [0.0] * (n + 1), list(range(n + 1))
    for i in range(n - 1, -1, -1):
        if scores[i] + after[i + 1] > 0:
            after[i], after_end[i] = scores[i] + after[i + 1], after_end[i + 1]
    best = max(anchors, key=lambda i: ending[i] + after[i + 1])
    return ending_start[best], after_end[best + 1]

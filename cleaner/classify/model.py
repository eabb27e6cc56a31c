"""The shipped block model: logistic-regression weights over classify.features, read from a data file."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import accumulate
from math import log1p
from operator import mul

from cleaner.classify.features import END_KINDS, FEATURE_NAMES, N_STATIC, Shape, is_prose
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
    """Return the part of the log-odds that reads ``s`` alone (cached: menus and footers repeat across pages).

    This is ``sum(map(mul, weights, static_row(s)))`` written out term by term: the same values times the same
    weights, added in the same order from the same 0.0, so the same float to the last bit without the row's list
    and its float() calls (two thirds of the blocks of a page miss the cache).
    """
    (
        w_bias,
        w_chars,
        w_words,
        w_stop,
        w_stop_unknown,
        w_sentences,
        w_ends_sentence,
        w_ends_colon,
        w_cap,
        w_digit,
        w_comma,
        w_url,
        w_separators,
        w_bullet,
        w_copyright,
        w_upper,
        w_lex_exact,
        w_lex_prefix,
        w_lex_end,
    ) = weights()[:N_STATIC]
    lexicon = s.lexicon_kind is not None
    return (
        0.0
        + w_bias * 1.0
        + w_chars * log1p(s.chars)
        + w_words * log1p(s.words)
        + w_stop * max(s.stop_density, 0.0)
        + w_stop_unknown * (1.0 if s.stop_density < 0 else 0.0)
        + w_sentences * (min(s.sentences, 10) / 10)
        + w_ends_sentence * (1.0 if s.ends_sentence else 0.0)
        + w_ends_colon * (1.0 if s.ends_colon else 0.0)
        + w_cap * s.cap_ratio
        + w_digit * s.digit_ratio
        + w_comma * min(s.comma_ratio, 1.0)
        + w_url * (1.0 if s.urlish else 0.0)
        + w_separators * (min(s.separators, 5) / 5)
        + w_bullet * (1.0 if s.bullet else 0.0)
        + w_copyright * (1.0 if s.copyright else 0.0)
        + w_upper * (1.0 if s.upper else 0.0)
        + w_lex_exact * (1.0 if lexicon and s.lexicon_exact else 0.0)
        + w_lex_prefix * (1.0 if lexicon and not s.lexicon_exact else 0.0)
        + w_lex_end * (1.0 if s.lexicon_kind in END_KINDS else 0.0)
    )


def scores(shapes: Sequence[Shape], texts: Sequence[str]) -> list[float]:
    """Return the log-odds of every block of a document: ``logit(row)`` for each row of ``features``, computed
    without building the rows (the block-only part is cached per shape).

    The context part is ``context_rows`` written out term by term: the same values multiplied by the same weights
    and added in the same order as ``sum(map(mul, weights, row))`` adds them, so the floats are the same to the
    last bit; only the lists, the slices and the generator of ``context_rows`` are gone (they cost more than the
    arithmetic on a page of 230 short blocks).
    """
    w_rep, w_pos, w_before, w_after, w_prose_before, w_lex, w_prev, w_next, w_window, w_since = weights()[N_STATIC:]
    n = len(shapes)
    prose = [1.0 if is_prose(s) else 0.0 for s in shapes]
    chars = [s.chars for s in shapes]
    prose_chars = [c if p else 0 for c, p in zip(chars, prose, strict=True)]
    total_prose = sum(prose_chars) or 1
    total_chars = sum(chars) or 1
    # a set of the repeated texts: a Counter's lookup of a text it lacks goes through a Python __missing__
    repeated = {t for t, k in Counter(t for t in texts if len(t) >= 20).items() if k > 1}
    # prose blocks before each index, for the window of three blocks either side (a count, not a slice to sum)
    prose_upto = [0, *accumulate(map(int, prose))]
    padded = [0.0, *prose, 0.0]  # the neighbours of the first and the last block read as not prose
    out: list[float] = []
    # lex_before and since are kept at their caps (10 and 20), which is all the features read of them
    before_chars = before_prose = lex_before = since = 0
    after_prose = total_prose
    for i, (s, text, is_p, p_chars) in enumerate(zip(shapes, texts, prose, prose_chars, strict=True)):
        after_prose -= p_chars
        lo = i - 3 if i > 3 else 0
        hi = i + 4 if i + 4 < n else n
        out.append(
            _static_logit(s)
            + (
                0.0  # where sum() starts: the same additions, in the same order
                + w_rep * (1.0 if text in repeated else 0.0)
                + w_pos * (i / n)
                + w_before * (before_chars / total_chars)
                + w_after * (after_prose / total_prose)
                + w_prose_before * (before_prose / total_prose)
                + w_lex * (lex_before / 10)
                + w_prev * padded[i]
                + w_next * padded[i + 2]
                + w_window * ((prose_upto[hi] - prose_upto[lo]) / (hi - lo))
                + w_since * (since / 20)
            )
        )
        before_chars += s.chars
        before_prose += p_chars
        if lex_before < 10 and s.lexicon_kind in END_KINDS:
            lex_before += 1
        since = 0 if is_p else since + 1 if since < 20 else 20
    return out


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

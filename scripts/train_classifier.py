"""Fit the block classifier (a logistic regression over classify.features) on the dev pages.

    python scripts/train_classifier.py --fit all --out cleaner/data/classifier.json
    python scripts/train_classifier.py --fit wcxb-dev --check dev      # the checked, cross-collection figure

Needs numpy (training only; cleaning never imports it). Labels: a block is body when most of its 3-word shingles are in
the truth body. Pages weigh alike, classes are balanced. Deterministic: full-batch gradient descent from zeros.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import evaluate
import numpy as np
from devdata import body_share, read_page, truth_rows

from cleaner.classify import model
from cleaner.classify.features import FEATURE_NAMES, detect_language, features, shape
from cleaner.config import Config
from cleaner.pipeline import Draft
from cleaner.stages.decode import decode
from cleaner.stages.header import header
from cleaner.stages.segment import segment
from cleaner.stages.tags import tags

Page = tuple[np.ndarray, np.ndarray]


def page_blocks(text: str) -> tuple[list[str], list[list[float]]]:
    """Return the open blocks' texts and feature rows of one page, as the boilerplate stage sees them."""
    draft = Draft(raw=text, config=Config())
    for stage in (decode, segment, header, tags):
        stage(draft)
    texts = [draft.block_text(b) for b in draft.blocks if not b.locked]
    lang = detect_language(texts)
    shapes = [shape(t, lang) for t in texts]
    return texts, features(shapes, texts)


def dataset(split: str, doc_sets: str) -> list[Page]:
    """Return (X, y) of every page of ``split`` in the comma-separated sets."""
    pages = []
    for doc_set in doc_sets.split(","):
        for row in truth_rows(split):
            texts, rows = page_blocks(read_page(doc_set, str(row["id"])))
            if rows:
                y = [1.0 if body_share(t, str(row["body"])) >= 0.5 else 0.0 for t in texts]
                pages.append((np.array(rows), np.array(y)))
    return pages


def fit(x: np.ndarray, y: np.ndarray, page_w: np.ndarray, l2: float, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Return logistic-regression weights for raw features (column 0 is the bias)."""
    mu, sd = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = np.hstack([x[:, :1], (x[:, 1:] - mu) / sd])
    w = np.zeros(z.shape[1])
    pos = y.mean()
    weight = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos)) * page_w * len(y) / page_w.sum()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ ((p - y) * weight) / len(y) + l2 * np.r_[0, w[1:]]
        w -= lr * grad
    # fold the standardisation back so the shipped model reads raw features
    raw = w.copy()
    raw[1:] = w[1:] / sd
    raw[0] = w[0] - (w[1:] * mu / sd).sum()
    return raw


def fit_pages(pages: list[Page], l2: float) -> np.ndarray:
    """Return the weights fit on every block of ``pages``, each page weighing the same."""
    x = np.vstack([p[0] for p in pages])
    y = np.concatenate([p[1] for p in pages])
    page_w = np.concatenate([np.full(len(p[1]), 1.0 / len(p[1])) for p in pages])
    return fit(x, y, page_w, l2)


def main() -> None:
    """Fit on one collection, score the whole pipeline on another, optionally save the model."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", default="all")
    ap.add_argument("--check", default=None)
    ap.add_argument("--set", default="seedlike,dump", help="comma-separated: seedlike, dump")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--l2", type=float, default=1e-2)
    args = ap.parse_args()
    pages = dataset(args.fit, args.set)
    w1 = fit_pages(pages, args.l2)
    print(f"fit {args.fit} ({args.set}): {len(pages)} pages, {sum(len(p[1]) for p in pages)} blocks")
    for name, v in sorted(zip(FEATURE_NAMES, w1, strict=True), key=lambda p: -abs(p[1]))[:12]:
        print(f"  {name:14} {v:+.3f}")
    if args.check:
        fitted = tuple(map(float, w1))
        model.weights = lambda: fitted  # score the whole pipeline with the fitted weights
        for doc_set in args.set.split(","):
            evaluate.main([doc_set, args.check])
    if args.out:
        saved = {
            "features": list(FEATURE_NAMES),
            "weights": [round(float(v), 5) for v in w1],
            "fitted_on": f"{args.set} / {args.fit}",
        }
        args.out.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

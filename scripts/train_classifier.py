"""Fit the block classifier (logistic regression over classify.features) on the dev pages.

    python scripts/train_classifier.py --fit all --out cleaner/data/classifier.json
    python scripts/train_classifier.py --fit wcxb-dev --check dev      # the checked, cross-collection figure

Needs numpy (training only; cleaning never imports it). Labels: a block is body when most of its 3-word shingles
are in the truth body. Deterministic: full-batch gradient descent from zeros.
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


def page_blocks(text: str) -> tuple[list[str], list[list[float]]]:
    """Return the open blocks' texts and feature rows of one page, as the boilerplate stage sees them."""
    draft = Draft(raw=text, config=Config())
    for stage in (decode, segment, header, tags):
        stage(draft)
    texts = [draft.block_text(b) for b in draft.blocks if not b.locked]
    lang = detect_language(texts)
    shapes = [shape(t, lang) for t in texts]
    return texts, features(shapes, texts)


def dataset(split: str, doc_set: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X, y and the page index of every block of ``split``."""
    xs, ys, docs = [], [], []
    for k, row in enumerate(truth_rows(split)):
        texts, rows = page_blocks(read_page(doc_set, str(row["id"])))
        for t, f in zip(texts, rows, strict=False):
            xs.append(f)
            ys.append(1.0 if body_share(t, str(row["body"])) >= 0.5 else 0.0)
            docs.append(k)
    return np.array(xs), np.array(ys), np.array(docs)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Return logistic-regression weights; every page weighs by its blocks, classes are balanced."""
    mu, sd = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = np.hstack([x[:, :1], (x[:, 1:] - mu) / sd])
    w = np.zeros(z.shape[1])
    pos = y.mean()
    weight = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ ((p - y) * weight) / len(y) + l2 * np.r_[0, w[1:]]
        w -= lr * grad
    # fold the standardisation back so the shipped model reads raw features
    raw = w.copy()
    raw[1:] = w[1:] / sd
    raw[0] = w[0] - (w[1:] * mu / sd).sum()
    return raw


def main() -> None:
    """Fit on one collection, report block accuracy on another, optionally save the model."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", default="all")
    ap.add_argument("--check", default=None)
    ap.add_argument("--set", default="seedlike")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--l2", type=float, default=1e-2)
    args = ap.parse_args()
    x, y, _ = dataset(args.fit, args.set)
    w = fit(x, y, l2=args.l2)
    acc = ((x @ w > 0) == (y > 0)).mean()
    print(f"fit {args.fit}: {len(y)} blocks, {y.mean():.2f} body, accuracy {acc:.3f}")
    if args.check:
        xc, yc, _ = dataset(args.check, args.set)
        print(f"check {args.check}: {len(yc)} blocks, accuracy {((xc @ w > 0) == (yc > 0)).mean():.3f}")
        model.weights = lambda: tuple(float(v) for v in w)  # score the whole pipeline with the fitted weights
        evaluate.main([args.set, args.check])
    for name, v in sorted(zip(FEATURE_NAMES, w, strict=False), key=lambda p: -abs(p[1])):
        print(f"  {name:14} {v:+.3f}")
    if args.out:
        saved = {
            "features": list(FEATURE_NAMES),
            "weights": [round(float(v), 5) for v in w],
            "fitted_on": f"{args.set}/{args.fit}",
        }
        args.out.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

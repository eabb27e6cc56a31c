"""Clean the dev pages in-process and print the scorer's table: ``python scripts/evaluate.py seedlike dev``."""

from __future__ import annotations

import importlib.util
import sys
import time

from devdata import SHARED, read_page, truth_rows

from cleaner import clean


def main(argv: list[str] | None = None) -> None:
    """Score one set and split (defaults: seedlike, both splits)."""
    argv = sys.argv[1:] if argv is None else argv
    doc_set = argv[0] if argv else "seedlike"
    splits = argv[1:] or ["dev", "wcxb-dev"]
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec
    assert spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for split in splits:
        rows = truth_rows(split)
        t0 = time.perf_counter()
        preds = [clean(read_page(doc_set, str(r["id"]))).to_dict() for r in rows]
        dt = time.perf_counter() - t0
        m = score.score(rows, preds, with_fields=doc_set == "seedlike")
        keys = [
            "body_f1",
            "body_precision",
            "body_recall",
            "body_word_f1",
            "date_accuracy",
            "date_false_rate",
        ]
        if doc_set == "seedlike":
            keys += ["tags_exact_set", "tags_false_rate", "caption_exact"]
        else:
            keys += ["title_exact"]
        vals = " ".join(f"{k}={m[k][0]:.3f}" if m[k][0] is not None else f"{k}=n/a" for k in keys)
        print(f"{doc_set:8} {split:8} n={len(rows):3} {vals} ({len(rows) / dt:.0f} docs/s)")


if __name__ == "__main__":
    main()

"""Shared helpers for the scripts that learn from and score against ../shared/data/dev (not shipped)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "dev"
_TOKEN = re.compile(r"\w+")


def truth_rows(split: str = "all") -> list[dict[str, object]]:
    """Return the truth rows of ``split`` ('all', 'dev' or 'wcxb-dev')."""
    rows = [json.loads(line) for line in (DEV / "truth.jsonl").open(encoding="utf-8")]
    return [r for r in rows if split == "all" or r["split"] == split]


def read_page(doc_set: str, page_id: str) -> str:
    """Return the text of one dev page of ``doc_set`` ('seedlike' or 'dump')."""
    return (DEV / doc_set / f"{page_id}.txt").read_text(encoding="utf-8")


def body_share(block: str, truth_body: str, _cache: dict[int, Counter[tuple[str, ...]]] | None = None) -> float:
    """Return the share of ``block``'s 3-word shingles found in ``truth_body`` (1.0 = all of it is body)."""
    if _cache is None:
        _cache = {}
    key = id(truth_body)
    if key not in _cache:
        toks = _TOKEN.findall(truth_body)
        _cache[key] = Counter(tuple(toks[i : i + 3]) for i in range(max(1, len(toks) - 2)))
    shingles = _cache[key]
    toks = _TOKEN.findall(block)
    grams = [tuple(toks[i : i + 3]) for i in range(max(1, len(toks) - 2))] if toks else []
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in shingles) / len(grams)

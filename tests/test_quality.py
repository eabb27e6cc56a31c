"""Quality gate: the dev pages shaped like the seed must keep the floors the core issue set (skips without them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cleaner import clean

#: metric -> (floor or ceiling, True when higher is better); the issue's targets, per collection.
FLOORS: dict[str, tuple[float, bool]] = {
    "body_f1": (0.96, True),
    "date_accuracy": (0.99, True),
    "date_false_rate": (0.0, False),
    "tags_exact_set": (0.95, True),
    "tags_false_rate": (0.03, False),
    "caption_exact": (0.90, True),
}


def _scorer(shared_dir: Path) -> ModuleType:
    """Import ../shared/eval/score.py."""
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("split", ["dev", "wcxb-dev"])
def test_seedlike_quality_floors(shared_dir: Path, split: str) -> None:
    """Body F1, date, tags and caption on each collection stay at or above the issue's floors."""
    score = _scorer(shared_dir)
    dev = shared_dir / "data" / "dev"
    rows: list[dict[str, Any]] = [json.loads(line) for line in (dev / "truth.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == split]
    preds = [clean((dev / "seedlike" / f"{r['id']}.txt").read_text(encoding="utf-8")).to_dict() for r in rows]
    metrics = score.score(rows, preds, with_fields=True)
    for name, (bound, higher) in FLOORS.items():
        value = metrics[name][0]
        assert value is not None
        assert value >= bound if higher else value <= bound, f"{split} {name} = {value:.3f}, bound {bound}"

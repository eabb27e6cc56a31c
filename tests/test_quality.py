"""Quality gate: the dev pages keep the floors their issues set, in the seed's shape and as full-page dumps (skips
without them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cleaner import clean, clean_bytes

#: metric -> (floor or ceiling, True when higher is better); the issue's targets, per collection.
FLOORS: dict[str, tuple[float, bool]] = {
    "body_f1": (0.96, True),
    "date_accuracy": (0.99, True),
    "date_false_rate": (0.0, False),
    "tags_exact_set": (0.95, True),
    "tags_false_rate": (0.03, False),
    "caption_exact": (0.90, True),
}


#: The full-page dumps issue's targets: body F1 on each dev collection's dumps, snippet F1 on snippets-dev.
DUMP_BODY_F1 = 0.90
SNIPPET_F1 = 0.88


def _scorer(shared_dir: Path, name: str = "score") -> ModuleType:
    """Import ../shared/eval/<name>.py."""
    spec = importlib.util.spec_from_file_location(name, shared_dir / "eval" / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(shared_dir: Path, split: str) -> list[dict[str, Any]]:
    """Return the truth rows of one dev collection."""
    # split at newlines only: a JSON string may hold U+2028, which splitlines() would split at
    lines = (shared_dir / "data" / "dev" / "truth.jsonl").read_text(encoding="utf-8").split("\n")
    return [row for row in map(json.loads, filter(None, lines)) if row["split"] == split]


@pytest.mark.parametrize("split", ["dev", "wcxb-dev"])
def test_seedlike_quality_floors(shared_dir: Path, split: str) -> None:
    """Body F1, date, tags and caption on each collection stay at or above the issue's floors."""
    score = _scorer(shared_dir)
    rows = _rows(shared_dir, split)
    folder = shared_dir / "data" / "dev" / "seedlike"
    preds = [clean((folder / f"{r['id']}.txt").read_text(encoding="utf-8")).to_dict() for r in rows]
    metrics = score.score(rows, preds, with_fields=True)
    for name, (bound, higher) in FLOORS.items():
        value = metrics[name][0]
        assert value is not None
        assert value >= bound if higher else value <= bound, f"{split} {name} = {value:.3f}, bound {bound}"


@pytest.mark.parametrize("split", ["dev", "wcxb-dev"])
def test_dump_body_floor(shared_dir: Path, split: str) -> None:
    """The same pages as full-page dumps: body F1 stays at or above the dumps issue's target."""
    score = _scorer(shared_dir)
    rows = _rows(shared_dir, split)
    folder = shared_dir / "data" / "dev" / "dump"
    preds = [clean_bytes((folder / f"{r['id']}.txt").read_bytes()).to_dict() for r in rows]
    value = score.score(rows, preds)["body_f1"][0]
    assert value >= DUMP_BODY_F1, f"{split} dump body_f1 = {value:.3f}, floor {DUMP_BODY_F1}"


def test_snippet_floor(shared_dir: Path) -> None:
    """The snippets-dev dumps (mostly German): snippet F1 stays at or above the dumps issue's target."""
    snippets = _scorer(shared_dir, "score_snippets")
    folder = shared_dir / "data" / "snippets-dev"
    rows = snippets.load_truth(str(folder / "truth.jsonl"))
    pages = [snippets.score_page(r, clean_bytes((folder / "dump" / f"{r['id']}.txt").read_bytes()).body) for r in rows]
    value = snippets.summarize(pages)["f1"]
    assert value >= SNIPPET_F1, f"snippet F1 = {value:.3f}, floor {SNIPPET_F1}"

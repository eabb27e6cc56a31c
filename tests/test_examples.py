"""Golden examples: the real CLI on each examples/*.txt prints the examples/*.json beside it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import EXAMPLES

REGENERATE = "python examples/regenerate.py"


def regenerate_module() -> ModuleType:
    """Import examples/regenerate.py, the one definition of how an expected output is made."""
    spec = importlib.util.spec_from_file_location("regenerate", EXAMPLES / "regenerate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regenerate = regenerate_module()


def test_there_are_examples() -> None:
    """The seed and at least two more examples are there."""
    names = {p.name for p in regenerate.inputs()}
    assert "deconfliction-hotline.txt" in names
    assert len(names) >= 3


@pytest.mark.parametrize("txt", regenerate.inputs(), ids=lambda p: p.stem)
def test_example_output_is_as_expected(txt: Path) -> None:
    """The CLI's output for the example equals the expected JSON (after a deliberate change: regenerate)."""
    expected = txt.with_suffix(".json")
    assert expected.exists(), f"{expected.name} is missing: run {REGENERATE}"
    actual = json.loads(regenerate.render(txt))
    assert actual["source"] == f"examples/{txt.name}"
    assert actual == json.loads(expected.read_text(encoding="utf-8")), f"output changed: review, then {REGENERATE}"


def test_every_expected_output_has_its_input() -> None:
    """No expected JSON is left behind by a renamed or deleted example."""
    orphans = [p.name for p in EXAMPLES.glob("*.json") if not p.with_suffix(".txt").exists()]
    assert orphans == []


def test_seed_example_is_the_seed(shared_dir: Path) -> None:
    """examples/deconfliction-hotline.txt is byte-identical to the shared seed file."""
    seed = shared_dir / "seed" / "000_a52d36ecef59c768.txt"
    assert (EXAMPLES / "deconfliction-hotline.txt").read_bytes() == seed.read_bytes()

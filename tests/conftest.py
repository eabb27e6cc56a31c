"""Shared fixtures: the repository's folders, ../shared (skipped when absent), and a CLI runner."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

#: A small article in the seed's shape: date header, two paragraphs, a tags line.
ARTICLE = (
    " date 2022-11-29 The Pentagon. Photo by Joshua Roberts\n\n"
    "The United States initiated a call through the military hotline, according to Reuters.\n\n"
    "This communications line has been used only once so far, a US official told Reuters.\n\n"
    "Tags: Russia, Ukraine, USA\n"
)

#: Paragraphs of plain prose that any boilerplate classifier keeps as body.
PROSE = (
    "The council approved the new budget on Tuesday evening after a long debate about the cost of repairing "
    "three primary schools.",
    "The mayor called it a solid but tight budget, and said the town would save on lighting public buildings at night.",
    "Opposition members said too little money was set aside for buses, and a motion to run more of them at "
    "weekends failed.",
)

Invoke = Callable[..., Result]


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared (the seed, the dev data, the scorer); skip the test when it is not beside the repo."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture
def invoke() -> Invoke:
    """Return a function that runs the CLI in-process and returns click's Result (exceptions not caught)."""
    from cleaner.cli import main

    runner = CliRunner()

    def run(args: Sequence[str], input: bytes | str | None = None) -> Result:
        """Run ``cleaner ARGS`` with ``input`` on stdin."""
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


def clean_file(invoke: Invoke, path: Path, text: str) -> dict[str, Any]:
    """Write ``text`` to ``path``, run ``cleaner clean PATH`` (it must succeed) and return its JSON object."""
    path.write_text(text, encoding="utf-8")
    result = invoke(["clean", str(path)])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """Write the small seed-shaped article to a file and return its path."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test inside ``tmp_path``, so relative input names stay short."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def python_env() -> dict[str, str]:
    """Return the environment for a ``python -m cleaner`` subprocess that imports this working tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def python_cleaner() -> list[str]:
    """Return the command that runs this working tree's CLI: ``python -m cleaner``."""
    return [sys.executable, "-m", "cleaner"]

"""Load the table-driven cases of ``tests/cases/*.json`` as pytest parameters (see tests/cases/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).parent / "cases"


def load(name: str) -> dict[str, Any]:
    """Return the parsed ``tests/cases/<name>``."""
    data: dict[str, Any] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return data


def param(case: dict[str, Any]) -> Any:
    """Return the pytest parameter of one case, marked xfail (strict) when the case says so."""
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)

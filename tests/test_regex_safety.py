"""No catastrophic backtracking: every pattern, and the whole pipeline, on the worst strings of each family.

Each case runs under a hang guard (the ``regex`` module's ``timeout``, or a forked process that is killed): a
generous limit that only a superlinear pattern misses; how fast each one is lives in ``bench/regex_bench.py``.
A pattern that is superlinear on its own but only ever given short input (a page title, a short block) is
listed with its bound in ``regex_cases`` and checked at that bound.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import PROSE, ROOT
from regex_cases import KINDS, PATTERNS, SIZE, UNLISTED, Pattern, within, worst

from cleaner import clean
from cleaner.classify import features
from cleaner.stages import headline

#: Seconds any one case may take before it counts as a hang.
HANG = 5.0

_COMPILE = re.compile(r"\b(?:regex|re)\.compile\(")


def test_the_inventory_lists_every_compiled_pattern() -> None:
    """Every ``regex.compile``/``re.compile`` call in cleaner/ is in regex_cases.PATTERNS (or UNLISTED, with why)."""
    package = ROOT / "cleaner"
    found = Counter(
        {
            p.relative_to(package).as_posix(): n
            for p in package.rglob("*.py")
            if (n := len(_COMPILE.findall(p.read_text(encoding="utf-8"))))
        }
    )
    listed = Counter[str]()
    for p in PATTERNS:
        listed[p.module] += p.compiles
    listed = +(listed + Counter({m: n for m, (n, _) in UNLISTED.items()}))
    assert found == listed


def test_every_feature_pattern_is_in_the_inventory() -> None:
    """The feature patterns compile through one call (``features._Patterns``): each of their sources has an entry."""
    listed = {p.get().pattern for p in PATTERNS if p.module == "classify/features.py"}
    assert {source for source, _ in features._PATTERN_SOURCES.values()} <= listed


def _run(pattern: Pattern, text: str) -> None:
    """Run ``pattern`` on ``text`` as the code does, in this process."""
    pattern.run(text)


def _check(pattern: Pattern, text: str) -> None:
    """Fail when ``pattern`` does not finish on ``text`` within the hang limit."""
    if pattern.get().__class__.__module__ == "_regex":
        try:
            pattern.run(text, timeout=HANG)
        except TimeoutError:
            pytest.fail(f"{pattern.name}: over {HANG} s on {text[:20]!r}...")
    else:
        problem = within(HANG, _run, pattern, text)
        assert problem is None, f"{pattern.name}: {problem} on {text[:20]!r}..."


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_pattern_on_the_worst_strings_of_every_family(pattern: Pattern) -> None:
    """Each pattern, called as the code calls it, finishes on 100 KB of each family's worst string.

    A pattern whose caller bounds its input is fed inputs of that bound, and of ten times that bound.
    """
    sizes = (pattern.bounded, 10 * pattern.bounded) if pattern.bounded else (SIZE,)
    for kind in KINDS:
        for tail in ("x", ""):
            for size in sizes:
                _check(pattern, worst(kind, size, tail))


def _clean(text: str) -> None:
    """Clean ``text`` and build its JSON (in a child process)."""
    clean(text).to_json()


def _document(kind: str) -> str:
    """Return a document of about 100 KB with the worst string of ``kind`` in the header, a paragraph and the tags."""
    run = worst(kind, SIZE // 3, "")
    return f" date 2022-11-29 {run}\n\n{PROSE[0]}\n\n{run}\n\n{PROSE[1]}\n\nTags: {run}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_clean_on_the_worst_strings_of_every_family(kind: str) -> None:
    """``clean()`` finishes on a document built from each family's worst string (header, body, tags line)."""
    assert within(HANG * 3, _clean, _document(kind)) is None


@pytest.mark.parametrize("unit", ["!", ".", ". ", "a. "])
def test_clean_on_an_appeal_followed_by_a_run_of_stops(unit: str) -> None:
    """An appeal block ending in 100 KB of stops reaches the sentence splitter (label_prompt) and finishes.

    Until inline.py's sentence pattern was made linear this took minutes (``\\S.*?(?:[.!?…]+...``).
    """
    text = "Please donate to support us on Patreon. Become a patron! " + unit * (SIZE // len(unit))
    assert within(HANG, _clean, text) is None


def test_headline_separator_is_linear_on_a_run_of_spaces() -> None:
    r"""The title separator, split, on 100,000 spaces then ``x``: linear since each try starts at a run's first space.

    The earlier ``\s+[|–—:·•»/-]\s+|\s+[|»]|[|»]\s+`` took about 270 s here (4 s on 10 KB).
    """
    try:
        headline._separator().split(" " * 100_000 + "x", timeout=1.0)
    except TimeoutError:
        pytest.fail("over 1 s")

"""The shape of the package: who imports what, the public API, lazy imports, help text and the README."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from conftest import ARTICLE, ROOT, python_env

import cleaner
from cleaner.cli import main

PACKAGE = ROOT / "cleaner"
README = ROOT / "README.md"


def modules() -> list[Path]:
    """Return every Python file of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Return the absolute names ``path`` imports (``a.b`` for ``import a.b`` and ``from a.b import c``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def importers(top: str) -> set[str]:
    """Return the package files (relative, POSIX) that import ``top`` or one of its submodules."""
    return {
        p.relative_to(PACKAGE).as_posix()
        for p in modules()
        if any(n == top or n.startswith(top + ".") for n in imported(p))
    }


def test_the_walk_sees_imports() -> None:
    """The import walk finds what it must (so the tests below cannot pass by seeing nothing)."""
    assert "click" in imported(PACKAGE / "cli.py")
    assert "cleaner.cli.main" in imported(PACKAGE / "__main__.py")
    assert len(modules()) > 10


def test_only_the_cli_imports_click() -> None:
    """The core knows nothing of the command line."""
    assert importers("click") == {"cli.py"}


def test_only_ui_imports_rich() -> None:
    """rich stays in cleaner/ui/, which is imported lazily."""
    assert all(name.startswith("ui/") for name in importers("rich"))


def test_the_core_does_not_import_the_cli_or_the_ui() -> None:
    """Dependencies point inwards: the command line uses the core, never the reverse."""
    front = {"cli.py", "__main__.py"}
    for top in ("cleaner.cli", "cleaner.ui"):
        assert {n for n in importers(top) if not n.startswith("ui/")} <= front


def test_public_api() -> None:
    """``cleaner`` exports exactly clean, clean_bytes, Document, Config and __version__."""
    assert sorted(cleaner.__all__) == ["Config", "Document", "__version__", "clean", "clean_bytes"]
    assert all(hasattr(cleaner, name) for name in cleaner.__all__)
    assert re.fullmatch(r"\d+\.\d+\.\d+", cleaner.__version__)


def test_every_function_has_a_one_line_docstring_summary() -> None:
    """Every module, class and function opens its docstring with one summary line."""
    missing = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
        for node in nodes:
            doc = ast.get_docstring(node)
            if not doc or not doc.splitlines()[0].strip():
                missing.append(f"{path.relative_to(ROOT)}:{getattr(node, 'name', '<module>')}")
    assert missing == []


def probe_clean(tmp_path: Path, text: str, report: str, imports: str = "") -> str:
    """Run ``cleaner clean`` on ``text`` in a fresh interpreter and return what the expression ``report`` (Python,
    after ``imports``) says about that process once it is done."""
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    probe = (
        f"import sys\n{imports}"
        "from cleaner.cli import main\n"
        "try:\n"
        "    main(['clean', 'in.txt'], prog_name='cleaner')\n"
        "finally:\n"
        f"    sys.stderr.write(str({report}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        env=python_env(),
        timeout=120,
    )
    assert proc.returncode == 0
    return proc.stderr.decode()


def test_cleaning_a_small_file_imports_only_what_it_needs(tmp_path: Path) -> None:
    """``cleaner clean small.txt`` imports neither rich nor the test tools: start-up stays fast."""
    loaded = set(probe_clean(tmp_path, ARTICLE, "' '.join(sorted(sys.modules))").split())
    assert "cleaner.pipeline" in loaded
    assert not {m.split(".")[0] for m in loaded} & {"rich", "jsonschema", "hypothesis", "pytest"}
    assert not any(m.startswith("cleaner.ui") for m in loaded)


def test_a_first_line_without_a_digit_compiles_no_date_pattern(tmp_path: Path) -> None:
    """A plain article whose first line holds no digit cannot start with a date: the header stage compiles none of
    the month-name date patterns for it (they cost tens of milliseconds at start-up)."""
    text = "The council met on Tuesday and agreed to extend the bus network.\n\nWork starts in the spring.\n"
    compiled = "strategies._day_month.cache_info().currsize + strategies._month_day.cache_info().currsize"
    assert probe_clean(tmp_path, text, compiled, "from cleaner.dates import strategies\n").strip() == "0"


def test_a_small_seed_file_compiles_no_time_or_credit_pattern(tmp_path: Path) -> None:
    """A header with a date and no time, and a caption without a credit marker or a trailing bracket, needs neither
    the time-of-day nor the credit pattern, nor the agency list: none is compiled or read (each costs time at
    start-up)."""
    text = " date 2022-11-29 The Pentagon.\n\nThe hotline was used once.\n\nTags: Russia, USA\n"
    compiled = (
        "clock._time.cache_info().currsize + credits._credit_marker.cache_info().currsize"
        " + credits._agency_credit.cache_info().currsize + credits._agencies.cache_info().currsize"
    )
    imports = "from cleaner import credits\nfrom cleaner.dates import clock\n"
    assert probe_clean(tmp_path, text, compiled, imports).strip() == "0"


def test_a_small_ascii_file_compiles_only_the_feature_patterns_it_needs(tmp_path: Path) -> None:
    """The block features of an ASCII text are read off its bytes: of the nine feature patterns, a small seed file
    compiles at most the domain guard (a sentence with a dot may hold a domain) and the word pattern (the phrase
    lexicons' non-ASCII phrases are split with it), not the digit, sentence-end, URL and other patterns."""
    text = " date 2022-11-29 The Pentagon.\n\nThe hotline was used once.\n\nTags: Russia, USA\n"
    compiled = "sorted(features._patterns())"
    imports = "from cleaner.classify import features\n"
    assert set(ast.literal_eval(probe_clean(tmp_path, text, compiled, imports))) <= {"tld", "word"}


def commands() -> list[tuple[str, click.Command]]:
    """Return every command as ``(full name, command)``, the group first."""
    found: list[tuple[str, click.Command]] = [("cleaner", main)]
    found += [(f"cleaner {name}", cmd) for name, cmd in sorted(main.commands.items())]
    return found


@pytest.mark.parametrize(("name", "command"), commands(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_and_option_has_help(name: str, command: click.Command) -> None:
    """Each command and each of its options explains itself in ``--help``."""
    assert (command.help or "").strip(), name
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{name} {param.opts}"


@pytest.mark.parametrize(("name", "command"), commands()[1:], ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    """The README shows every command and every long option (sqlite-utils' test_docs, in small)."""
    readme = README.read_text(encoding="utf-8")
    assert f"`{name}" in readme or f"\n{name} " in readme, name
    for param in command.params:
        for opt in param.opts if isinstance(param, click.Option) else []:
            if opt.startswith("--") and opt != "--help":
                assert opt in readme, f"{name} {opt}"


def test_readme_opens_with_install_and_test_commands_that_ci_runs() -> None:
    """The README opens with the two commands, and .ci/run runs the same install and test command."""
    readme = README.read_text(encoding="utf-8")
    block = re.search(r"```\w*\n(.*?)```", readme, re.S)
    assert block is not None
    assert readme.index("```") < readme.index("\n## "), "the commands come before the first section"
    first, second = block.group(1).strip().splitlines()
    assert first == "pip install . && cleaner clean examples/deconfliction-hotline.txt"
    install, test = (part.strip() for part in second.split("&&"))
    ci = [
        line.strip().removeprefix("step ") for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ]
    assert any(line.endswith(install) for line in ci), install
    assert test in ci, test


def test_readme_python_example_runs() -> None:
    """The README's Python block is a doctest, and it passes."""
    import doctest

    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    test = doctest.DocTestParser().get_doctest(block.group(1), {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False) == (0, len(test.examples))
    assert len(test.examples) >= 3


def console_examples() -> list[tuple[list[str], str]]:
    """Return each README console example ``$ cleaner ...`` with no pipe or redirection, and its output."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        command, _, output = block.partition("\n")
        if command.startswith("$ cleaner ") and not set(command) & set("|<>"):
            found.append((command.split()[2:], output))
    return found


@pytest.mark.parametrize(("args", "output"), console_examples())
def test_readme_console_examples_print_what_they_show(
    args: list[str], output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each README console example, run from the repository root, prints what the README shows."""
    from click.testing import CliRunner

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == output

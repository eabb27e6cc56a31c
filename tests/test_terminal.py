"""Terminal safety (issue 5, item 4): names with rich markup, escape sequences and newlines are shown escaped.

The commands run in child processes with stderr on a pseudo-terminal, as a user sees them: click then strips
nothing and rich draws its tables, so a name that were printed raw would reach the terminal raw. ``NO_COLOR`` keeps
cleaner's own colours out, so any colour escape in the output could only come from a name.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
from pathlib import Path

import pytest
from conftest import PROSE, python_cleaner, python_env

#: Pieces of hostile names: rich markup (style, closing tag, link), an ANSI colour escape, a newline, a tab.
MARKUP, CLOSE, LINK, ESCAPE = "[bold red]x", "[/]", "[link=http:/e]", "\x1b[31m"
#: A path under IN holding every piece (a file name cannot hold '/': the slashes of the markup part folders).
HOSTILE = f"{MARKUP}{CLOSE}{LINK}{ESCAPE}red\nline\tx.txt"
#: How that path must be shown: every piece literal, the controls escaped.
SHOWN = f"{MARKUP}{CLOSE}{LINK}\\x1b[31mred\\nline\\tx.txt"


def on_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run ``cleaner ARGS`` with stderr on a pseudo-terminal; return the exit status, stdout and the terminal text."""
    leader, follower = pty.openpty()
    env = {**python_env(), "NO_COLOR": "1", "COLUMNS": "500", "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [*python_cleaner(), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        cwd=cwd,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("the command printed nothing for 120 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child is gone and the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.stdout is not None
    stdout = proc.stdout.read().decode()
    status = proc.wait(timeout=120)
    return status, stdout, b"".join(chunks).decode().replace("\r\n", "\n")


def assert_safe(text: str) -> None:
    """Check that ``text`` holds the hostile name escaped and literal, and none of its controls raw."""
    assert SHOWN in text
    assert ESCAPE not in text  # the name's colour escape (NO_COLOR: cleaner prints none of its own)
    assert "\x1b]8;" not in text  # no hyperlink: [link=...] was not read as markup
    assert "red\nline" not in text
    assert "line\tx" not in text


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Write IN with one good article and one binary file at the hostile path; return IN."""
    src = tmp_path / "in"
    (src / "good.txt").parent.mkdir(parents=True)
    (src / "good.txt").write_text(PROSE[0])
    (src / HOSTILE).parent.mkdir(parents=True)
    (src / HOSTILE).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 100)
    return src


def test_clean_errors_show_names_escaped(hostile: Path) -> None:
    """``clean``: a refused file and a missing one, named with markup and escapes, shown escaped on one line each."""
    status, stdout, terminal = on_terminal(["clean", HOSTILE, "missing" + HOSTILE, "good.txt"], hostile)
    assert status == 1
    assert [json.loads(line)["source"] for line in stdout.splitlines()] == ["good.txt"]
    assert terminal.splitlines() == [
        f"cleaner: error: cannot clean '{SHOWN}': looks like a binary file (PNG image); not text",
        f"cleaner: error: cannot read 'missing{SHOWN}': No such file or directory",
    ]
    assert_safe(terminal)


def test_batch_summary_and_errors_show_names_escaped(hostile: Path, tmp_path: Path) -> None:
    """``batch`` on a terminal: the summary and the table of failures show the name escaped; errors.jsonl keeps it."""
    out = tmp_path / "out"
    status, stdout, terminal = on_terminal(["batch", str(hostile), str(out), "--jobs", "1"], tmp_path)
    assert (status, stdout) == (1, "")
    assert "cleaned" in terminal  # the summary was drawn
    assert "kind" in terminal  # and the table of failures (a terminal gets it), headed input, kind, error
    assert_safe(terminal)
    entries = [json.loads(line) for line in (out / ".cleaner" / "errors.jsonl").read_text().splitlines()]
    assert [e["path"] for e in entries] == [HOSTILE]  # the exact name, as data
    assert "\x1b" not in (out / ".cleaner" / "errors.jsonl").read_text()  # JSON escapes it: the file is safe to cat


def test_batch_quiet_error_lines_show_names_escaped(hostile: Path, tmp_path: Path) -> None:
    """``batch --quiet``: one line per failure, the name escaped."""
    status, _, terminal = on_terminal(["batch", str(hostile), str(tmp_path / "out"), "-q"], tmp_path)
    assert status == 1
    assert terminal == f"cleaner: error: cannot clean '{SHOWN}': looks like a binary file (PNG image); not text\n"


def test_dry_run_listing_shows_names_escaped(hostile: Path, tmp_path: Path) -> None:
    """``batch --dry-run``: one ``reason<TAB>path`` line per input, the tab and newline of a name escaped."""
    status, stdout, _ = on_terminal(["batch", str(hostile), str(tmp_path / "out"), "--dry-run", "-q"], tmp_path)
    assert status == 0
    assert stdout.splitlines() == [f"new\t{SHOWN}", "new\tgood.txt"]


def test_click_usage_errors_show_arguments_escaped(tmp_path: Path) -> None:
    """An extra argument (a file name a shell glob passed) in click's usage error is shown escaped too."""
    status, _, terminal = on_terminal(["schema", HOSTILE], tmp_path)
    assert status == 2
    assert terminal.splitlines()[-1] == f"Error: Got unexpected extra argument ({SHOWN})"
    assert_safe(terminal)

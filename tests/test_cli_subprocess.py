"""The real command in child processes: stdin to stdout, a closed pipe, Ctrl-C, and terminal detection."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE, PROSE, ROOT, python_cleaner, python_env

import cleaner


def run(args: list[str], stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m cleaner ARGS`` on this working tree and return the finished process."""
    return subprocess.run(
        [*python_cleaner(), *args], input=stdin, capture_output=True, cwd=cwd, env=python_env(), timeout=120
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write an article of about 1 MB, far more than a pipe holds."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    paragraphs = (f"In part {i}, {PROSE[i % 3][0].lower()}{PROSE[i % 3][1:]}" for i in range(4000))
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_stdin_to_stdout_is_compact_json() -> None:
    """Piped: stdin bytes in, one compact JSON line out, source ``-``."""
    proc = run(["clean"], ARTICLE.encode("utf-8"))
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert proc.stdout.count(b"\n") == 1
    doc = json.loads(proc.stdout)
    assert doc["source"] == "-"
    assert doc["tags"] == ["Russia", "Ukraine", "USA"]


def test_installed_command_matches_python_m(tmp_path: Path) -> None:
    """The installed ``cleaner`` script gives the same bytes as ``python -m cleaner``."""
    exe = shutil.which("cleaner", path=str(Path(sys.executable).parent)) or shutil.which("cleaner")
    if exe is None:
        pytest.skip("the cleaner command is not installed (pip install .)")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    installed = subprocess.run(
        [exe, "clean", "a.txt"], stdin=subprocess.DEVNULL, capture_output=True, cwd=tmp_path, timeout=120
    )
    assert installed.returncode == 0
    assert installed.stdout == run(["clean", "a.txt"], cwd=tmp_path).stdout
    version = subprocess.run([exe, "--version"], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    assert version.stdout == f"cleaner {cleaner.__version__}\n".encode()


@pytest.mark.parametrize("extra", [[], ["--format", "text"], ["SELF"]], ids=["json", "text", "two-inputs"])
def test_closed_pipe_ends_quietly(big: Path, extra: list[str]) -> None:
    """The reader goes away after 10 bytes: no traceback, nothing on stderr, exit 141 like cat."""
    args = [*python_cleaner(), "clean", str(big), *[str(big) if a == "SELF" else a for a in extra]]
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=python_env()
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    head = proc.stdout.read(10)
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert len(head) == 10
    assert stderr == b""


def test_head_in_a_shell_pipeline(big: Path) -> None:
    """``cleaner clean big.txt | head -c 10`` prints 10 bytes and no error."""
    if shutil.which("head") is None:
        pytest.skip("no head command")
    cmd = " ".join([*python_cleaner(), "clean", '"$1"', "| head -c 10"])
    proc = subprocess.run(
        ["sh", "-c", cmd, "sh", str(big)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=python_env(),
        timeout=120,
    )
    assert proc.stdout == b'{"source":'
    assert proc.stderr == b""


def test_ctrl_c_exits_130_quietly() -> None:
    """SIGINT while waiting for input: exit 130, nothing on stderr, what was done already written."""
    args = [*python_cleaner(), "clean", "--input-format", "jsonl", "-"]
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=python_env()
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write(json.dumps({"text": PROSE[0]}).encode() + b"\n")
    proc.stdin.flush()
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready, "no output for the first record within 60 s"
    first = json.loads(proc.stdout.readline())
    assert first["source"] == "-:1"
    proc.send_signal(signal.SIGINT)  # now blocked reading the second record
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr == b""


def read_terminal(fd: int) -> bytes:
    """Return everything written to a pseudo-terminal until its other end closes."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_terminal_gets_indented_json(tmp_path: Path) -> None:
    """On a terminal the object is indented by two spaces."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*python_cleaner(), "clean", "a.txt"],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=python_env(),
    )
    os.close(follower)
    out = read_terminal(leader).replace(b"\r\n", b"\n")
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    assert out.startswith(b'{\n  "source": "a.txt",\n')
    assert json.loads(out)["tags"] == ["Russia", "Ukraine", "USA"]


def test_no_input_on_a_terminal_is_a_usage_error() -> None:
    """``cleaner clean`` with no FILE and a terminal on stdin says what to do instead of waiting: exit 2."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [*python_cleaner(), "clean"], stdin=follower, capture_output=True, env=python_env(), timeout=60
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr


def test_closed_stdin_is_only_an_error_for_dash(tmp_path: Path) -> None:
    """Started with stdin closed: files are cleaned as usual; ``-`` is one error line and exit 1."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cmd = " ".join([*python_cleaner(), "clean", "a.txt", "-", "<&-"])
    proc = subprocess.run(["sh", "-c", cmd], capture_output=True, cwd=tmp_path, env=python_env(), timeout=120)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["source"] == "a.txt"
    assert proc.stderr == b"cleaner: error: cannot read '-': standard input is closed\n"


def test_closed_stdout_is_one_error_line(tmp_path: Path) -> None:
    """Started with stdout closed: one error line that says to use -o, exit 1; with -o it works."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for extra, status in (("", 1), ("-o out.json", 0)):
        cmd = " ".join([*python_cleaner(), "clean", "a.txt", extra, ">&-"])
        proc = subprocess.run(["sh", "-c", cmd], capture_output=True, cwd=tmp_path, env=python_env(), timeout=120)
        assert proc.returncode == status
        assert proc.stderr == (b"cleaner: error: standard output is closed; save with -o PATH\n" if status else b"")
    assert json.loads((tmp_path / "out.json").read_text())["source"] == "a.txt"

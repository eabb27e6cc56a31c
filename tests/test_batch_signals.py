"""``cleaner batch`` as a real process: SIGKILL at random moments, Ctrl-C, a second run, imports, a terminal."""

from __future__ import annotations

import json
import os
import pty
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROSE, python_cleaner, python_env

#: Inputs of the slow tree: enough that a run lasts a few seconds, so that signals land in the middle of it.
FILES = 240


def make_tree(root: Path, count: int = FILES) -> Path:
    """Write ``count`` articles of about 5 KB (some 10 ms of cleaning each) in seven folders."""
    for i in range(count):
        folder = root / f"site{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = (
            f"In part {j} of story {i}, {PROSE[(i + j) % 3][0].lower()}{PROSE[(i + j) % 3][1:]}" for j in range(40)
        )
        (folder / f"story{i:03}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def slow_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a tree that takes a few seconds to clean."""
    return make_tree(tmp_path_factory.mktemp("slow") / "in")


@pytest.fixture(scope="module")
def reference(slow_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Return the outputs of one uninterrupted run over the slow tree."""
    out = tmp_path_factory.mktemp("reference") / "out"
    assert batch(slow_tree, out, "-q").returncode == 0
    return files_of(out)


def batch(src: Path, out: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m cleaner batch SRC OUT ARGS`` to the end."""
    return subprocess.run(
        [*python_cleaner(), "batch", str(src), str(out), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=python_env(),
        timeout=300,
    )


def start(src: Path, out: Path, *args: str) -> subprocess.Popen[bytes]:
    """Start ``python -m cleaner batch SRC OUT ARGS`` in its own process group."""
    return subprocess.Popen(
        [*python_cleaner(), "batch", str(src), str(out), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=python_env(),
        start_new_session=True,
    )


def files_of(out: Path) -> dict[str, bytes]:
    """Return every file under ``out`` except the state in .cleaner, with its bytes."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and ".cleaner" not in p.relative_to(out).parts
    }


def wait_for_outputs(out: Path, count: int, proc: subprocess.Popen[bytes]) -> None:
    """Wait (at most a minute) until ``out`` holds ``count`` outputs, failing if the run ends first."""
    deadline = time.monotonic() + 60
    while sum(1 for _ in out.rglob("story*.json")) < count:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_sigkill_at_random_moments_then_a_rerun(slow_tree: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    """Killed with SIGKILL five times: every output is always whole; a rerun completes the set, leaves no temp file."""
    out = tmp_path / "out"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for kill in range(5):
        jobs = ("1", "2")[kill % 2]
        proc = start(slow_tree, out, "-q", "--jobs", jobs)
        time.sleep(rng.uniform(0.05, 1.5))  # from start-up (before the lock) to the middle of the cleaning
        proc.kill()
        proc.communicate(timeout=60)
        for name, data in files_of(out).items():
            assert data == reference[name], f"seed {seed}, kill {kill}: {name} is not whole"
    for _ in range(100):  # the workers die with their parent, an instant after it
        rerun = batch(slow_tree, out, "-q")
        if rerun.returncode != 75:
            break
        time.sleep(0.05)
    assert rerun.returncode == 0, rerun.stderr
    assert files_of(out) == reference, f"seed {seed}"
    assert list((out / ".cleaner" / "tmp").iterdir()) == []
    leftovers = [
        p for p in out.rglob("*") if p.name.endswith(".tmp") or (p.name.startswith(".") and p.name != ".cleaner")
    ]
    assert leftovers == []
    report = json.loads(batch(slow_tree, out, "-q", "--report", "-").stdout)
    assert report["files"]["cleaned"] == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_what_finished_and_exits_130(
    slow_tree: Path, reference: dict[str, bytes], tmp_path: Path, jobs: str
) -> None:
    """SIGINT to the process group (as Ctrl-C sends it): exit 130; the rerun cleans exactly the rest."""
    out = tmp_path / "out"
    proc = start(slow_tree, out, "--jobs", jobs)
    wait_for_outputs(out, 10, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert b"stopping after the inputs in progress" in stderr
    assert b"interrupted" in stderr
    kept = files_of(out)
    assert 10 <= len(kept) < FILES
    assert all(reference[name] == data for name, data in kept.items())
    rerun = batch(slow_tree, out, "-q", "--report", "-")
    assert rerun.returncode == 0
    assert json.loads(rerun.stdout)["files"]["cleaned"] == FILES - len(kept)
    assert files_of(out) == reference


def test_sigterm_stops_cleanly_with_143(slow_tree: Path, tmp_path: Path) -> None:
    """SIGTERM (from timeout, say) stops like Ctrl-C, with the status a shell reports for it."""
    out = tmp_path / "out"
    proc = start(slow_tree, out, "-q", "--jobs", "2")
    wait_for_outputs(out, 5, proc)
    os.killpg(proc.pid, signal.SIGTERM)  # as timeout(1) sends it: to the whole group, workers included
    proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert list((out / ".cleaner" / "tmp").iterdir()) == []
    assert (out / ".cleaner" / "errors.jsonl").read_text() == ""  # no worker was killed under a task


def test_a_second_run_on_the_same_output_exits_75(slow_tree: Path, tmp_path: Path) -> None:
    """While one run works on OUT, another exits 75 at once with one line; the first finishes normally."""
    out = tmp_path / "out"
    first = start(slow_tree, out, "-q", "--jobs", "1")
    wait_for_outputs(out, 1, first)
    second = batch(slow_tree, out, "-q")
    assert second.returncode == 75
    assert second.stderr.decode().count("\n") == 1
    assert f"another run is working on this folder (process {first.pid})".encode() in second.stderr
    os.killpg(first.pid, signal.SIGINT)
    first.communicate(timeout=120)
    assert first.returncode == 130


def test_a_quiet_rerun_imports_no_rich(tmp_path: Path) -> None:
    """A quiet run (first or rerun) never imports rich or the ui package; a non-quiet one does, for its table."""
    src = make_tree(tmp_path / "in", 5)
    probe = (
        "import sys\n"
        "from cleaner.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:], prog_name='cleaner')\n"
        "finally:\n"
        "    sys.stdout.write(' '.join(sorted(sys.modules)))\n"
    )
    loaded = []
    for args in (["-q"], ["-q"], []):
        proc = subprocess.run(
            [sys.executable, "-c", probe, "batch", str(src), str(tmp_path / "out"), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=python_env(),
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        loaded.append(set(proc.stdout.decode().split()))
    for modules in loaded[:2]:
        assert "cleaner.batch.run" in modules
        assert not {m for m in modules if m == "rich" or m.startswith(("rich.", "cleaner.ui"))}
    assert {"rich", "cleaner.ui.summary"} <= loaded[2]


def read_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run a command with stderr (and stdin, stdout) on a pseudo-terminal; return its status and what it drew."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(args, stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    drawn = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 120)
        assert ready, "the command hung"
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        drawn += chunk
    os.close(primary)
    return proc.wait(timeout=60), drawn


@pytest.mark.parametrize("no_color", [False, True])
def test_progress_bar_only_on_a_terminal(tmp_path: Path, no_color: bool) -> None:
    """On a terminal the run draws a progress bar (files/s); with NO_COLOR it draws no colour; piped, neither."""
    src = make_tree(tmp_path / "in", 40)
    env = {**python_env(), "COLUMNS": "100", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    code, drawn = read_terminal([*python_cleaner(), "batch", str(src), str(tmp_path / "out"), "--jobs", "1"], env)
    assert code == 0
    assert b"cleaning" in drawn
    assert b"files/s" in drawn
    colours = b"\x1b[3" in drawn or b"\x1b[9" in drawn or b"\x1b[1;3" in drawn
    assert colours != no_color
    piped = batch(src, tmp_path / "out2", "--jobs", "1")
    assert piped.returncode == 0
    assert b"\x1b[" not in piped.stderr
    assert b"cleaning " not in piped.stderr
    assert b"cleaned" in piped.stderr
